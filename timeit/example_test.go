package timeit_test

import (
	"context"
	"fmt"
	"time"

	"github.com/igolang/igo/timeit"
)

// Run chooses the loop count, then makes 7 runs. Here a fake clock stands
// in for a statement that takes 25 ns per loop, so the output is fixed.
func ExampleRun() {
	var now time.Time
	loop := func(n int) (time.Duration, error) {
		d := time.Duration(n) * 25 * time.Nanosecond
		now = now.Add(d)
		return d, nil
	}
	r, err := timeit.Run(context.Background(), loop, &timeit.Options{
		Clock: func() time.Time { return now },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println("calibration:", timeit.FormatTime(r.CalibrationTime, 3))
	fmt.Println("in all:", timeit.FormatTime(now.Sub(time.Time{}), 3))
	// Output:
	// 25 ns ± 0 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)
	// calibration: 25.3 ms
	// in all: 1.78 s
}

// With Number set there is no calibration; Warning flags uneven runs.
func ExampleResult_Warning() {
	times := []time.Duration{5230, 1000, 1010, 990, 1000, 1020, 1000} // µs per run
	i := 0
	loop := func(n int) (time.Duration, error) {
		d := times[i] * time.Microsecond
		i++
		return d, nil
	}
	r, _ := timeit.Run(context.Background(), loop, &timeit.Options{Number: 1000})
	fmt.Println(r)
	fmt.Println(r.Warning())
	// Output:
	// 1.61 µs ± 1.48 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)
	// The slowest run took 5.28 times longer than the fastest. This could mean that an intermediate result is being cached.
}

func ExampleFormatTime() {
	for _, d := range []time.Duration{
		0,
		15 * time.Microsecond,
		1500 * time.Microsecond,
		59999 * time.Millisecond,
		61 * time.Second,
		time.Hour + 2*time.Minute + 3*time.Second,
	} {
		fmt.Println(timeit.FormatTime(d, 3))
	}
	fmt.Println(timeit.FormatTime(1234567, 5))
	// Output:
	// 0 ns
	// 15 µs
	// 1.5 ms
	// 60 s
	// 1min 1s
	// 1h 2min 3s
	// 1.2346 ms
}

func ExampleFormatCount() {
	fmt.Println(timeit.FormatCount(100000000))
	// Output: 100,000,000
}
