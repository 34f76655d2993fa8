package timeit_test

import (
	"context"
	"errors"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/igolang/igo/timeit"
)

// fake is a simulated statement: each loop takes perLoop nanoseconds of a
// fake clock, which the Loop advances and Options.Clock reads.
type fake struct {
	now     time.Time
	perLoop float64 // ns
	calls   []int   // n of each Loop call
}

func (f *fake) clock() time.Time { return f.now }

func (f *fake) loop(n int) (time.Duration, error) {
	d := time.Duration(math.Round(float64(n) * f.perLoop))
	f.now = f.now.Add(d)
	f.calls = append(f.calls, n)
	return d, nil
}

// spent is the fake time the whole measurement took.
func (f *fake) spent() time.Duration { return f.now.Sub(time.Time{}) }

// readable reports whether n is a count the autorange may choose.
func readable(n int) bool {
	if n >= 1 && n <= 10 {
		return true
	}
	for n%10 == 0 && n >= 1000 {
		n /= 10
	}
	switch n {
	case 100, 120, 150, 200, 250, 300, 400, 500, 600, 800:
		return true
	}
	return n >= 10 && n < 100 && readable(n*10)
}

func TestAutorange(t *testing.T) {
	tests := []struct {
		name      string
		perLoop   float64 // ns
		wantLoops int
		wantCalls []int // calibration tries, the last kept as the first run
	}{
		{"1ns", 1, 250_000_000, []int{1, 100, 10_000, 1_000_000, 100_000_000, 250_000_000}},
		{"10ns", 10, 25_000_000, []int{1, 100, 10_000, 1_000_000, 25_000_000}},
		{"1µs", 1e3, 250_000, []int{1, 100, 10_000, 250_000}},
		{"1ms", 1e6, 250, []int{1, 100, 250}},
		{"300ms", 300e6, 1, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{perLoop: tt.perLoop}
			r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Clock: f.clock})
			if err != nil {
				t.Fatal(err)
			}
			if r.Loops != tt.wantLoops {
				t.Errorf("Loops = %d, want %d", r.Loops, tt.wantLoops)
			}
			wantCalls := append([]int(nil), tt.wantCalls...)
			for range 6 {
				wantCalls = append(wantCalls, tt.wantLoops)
			}
			if diff := cmp.Diff(wantCalls, f.calls); diff != "" {
				t.Errorf("loop counts called (-want +got):\n%s", diff)
			}
			if len(r.Runs) != 7 {
				t.Errorf("%d runs, want 7", len(r.Runs))
			}
			var calib time.Duration
			for _, n := range tt.wantCalls[:len(tt.wantCalls)-1] {
				calib += time.Duration(math.Round(float64(n) * tt.perLoop))
			}
			if r.CalibrationTime != calib {
				t.Errorf("CalibrationTime = %v, want %v", r.CalibrationTime, calib)
			}
			if spent := f.spent(); spent > 2500*time.Millisecond {
				t.Errorf("measuring took %v of fake time, want ≤ 2.5s", spent)
			}
		})
	}
}

// TestAutorangeSweep checks the autorange's promises for statements from
// 0.5 ns to 300 ms: every run lasts at least MinTime, the count is
// readable, and a statement of up to 1 ms costs at most 2.5 s in all
// (IPython spends about 7 s on `%timeit pass`).
func TestAutorangeSweep(t *testing.T) {
	for perLoop := 0.5; perLoop <= 300e6; perLoop *= 1.07 {
		f := &fake{perLoop: perLoop}
		r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Clock: f.clock})
		if err != nil {
			t.Fatal(err)
		}
		if !readable(r.Loops) {
			t.Errorf("%.4g ns per loop: Loops = %d is not readable", perLoop, r.Loops)
		}
		for i, d := range r.Runs {
			if d < 200*time.Millisecond {
				t.Errorf("%.4g ns per loop: run %d took %v, want ≥ 200ms", perLoop, i, d)
			}
		}
		if spent := f.spent(); perLoop <= 1e6 && spent > 2500*time.Millisecond {
			t.Errorf("%.4g ns per loop: measuring took %v of fake time, want ≤ 2.5s (calls %v)", perLoop, spent, f.calls)
		}
	}
}

func TestAutorangeMinTime(t *testing.T) {
	f := &fake{perLoop: 1e3}
	r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Clock: f.clock, MinTime: 500 * time.Millisecond, Repeat: 3})
	if err != nil {
		t.Fatal(err)
	}
	// 1 µs per loop and 0.5 s per run: predicted from 1e4 loops in 10 ms,
	// 5e5 loops plus 10% headroom, rounded up to 6e5.
	if r.Loops != 600_000 || len(r.Runs) != 3 || r.Runs[0] != 600*time.Millisecond {
		t.Errorf("Loops = %d, %d runs; want 600000, 3", r.Loops, len(r.Runs))
	}
}

// A loop that takes no time stops the autorange at IPython's 1e9 loops.
func TestAutorangeLimit(t *testing.T) {
	f := &fake{perLoop: 0}
	r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Clock: f.clock, Repeat: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Loops != 1_000_000_000 {
		t.Errorf("Loops = %d, want 1000000000", r.Loops)
	}
	if got := r.String(); got != "0 ns ± 0 ns per loop (mean ± std. dev. of 1 run, 1,000,000,000 loops each)" {
		t.Errorf("String() = %q", got)
	}
}

func TestNumber(t *testing.T) {
	f := &fake{perLoop: 1}
	r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Number: 1000, Clock: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{1000, 1000, 1000, 1000, 1000, 1000, 1000}
	if diff := cmp.Diff(want, f.calls); diff != "" {
		t.Errorf("loop counts called (-want +got):\n%s", diff)
	}
	if r.CalibrationTime != 0 || r.Loops != 1000 || r.Repeat != 7 {
		t.Errorf("CalibrationTime %v, Loops %d, Repeat %d; want 0, 1000, 7", r.CalibrationTime, r.Loops, r.Repeat)
	}
}

func TestRepeatOne(t *testing.T) {
	f := &fake{perLoop: 10}
	r, err := timeit.Run(context.Background(), f.loop, &timeit.Options{Repeat: 1, Clock: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	// The calibration's last try is the one run.
	if diff := cmp.Diff([]int{1, 100, 10_000, 1_000_000, 25_000_000}, f.calls); diff != "" {
		t.Errorf("loop counts called (-want +got):\n%s", diff)
	}
	want := "10 ns ± 0 ns per loop (mean ± std. dev. of 1 run, 25,000,000 loops each)"
	if got := r.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// runs returns a Loop that reports the given run times in turn.
func runs(ds ...time.Duration) timeit.Loop {
	i := 0
	return func(n int) (time.Duration, error) {
		d := ds[i%len(ds)]
		i++
		return d, nil
	}
}

func TestInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	loop := func(n int) (time.Duration, error) {
		calls++
		if calls == 3 {
			cancel() // Ctrl-C during the third run, which still finishes
		}
		return time.Millisecond, nil
	}
	r, err := timeit.Run(ctx, loop, &timeit.Options{Number: 10})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if !r.Interrupted || len(r.Runs) != 3 || calls != 3 {
		t.Errorf("Interrupted %v, %d runs, %d calls; want true, 3, 3", r.Interrupted, len(r.Runs), calls)
	}
	want := "100 µs ± 0 ns per loop (mean ± std. dev. of 3 runs, 10 loops each)"
	if got := r.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestInterruptCalibration(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fake{perLoop: 1}
	loop := func(n int) (time.Duration, error) {
		if len(f.calls) == 1 {
			cancel()
		}
		return f.loop(n)
	}
	r, err := timeit.Run(ctx, loop, &timeit.Options{Clock: f.clock})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if !r.Interrupted || len(r.Runs) != 0 || r.Loops != 0 || r.CalibrationTime != 101 {
		t.Errorf("Interrupted %v, %d runs, Loops %d, CalibrationTime %v; want true, 0, 0, 101ns",
			r.Interrupted, len(r.Runs), r.Loops, r.CalibrationTime)
	}
	if got := r.String(); got != "no run finished" {
		t.Errorf("String() = %q", got)
	}
}

func TestCanceledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	r, err := timeit.Run(ctx, func(int) (time.Duration, error) { called = true; return 0, nil }, nil)
	if !errors.Is(err, context.Canceled) || !r.Interrupted || called {
		t.Errorf("err %v, Interrupted %v, loop called %v; want context.Canceled, true, false", err, r.Interrupted, called)
	}
}

func TestLoopError(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name     string
		opts     *timeit.Options
		failCall int
		wantRuns int
	}{
		{"during runs", &timeit.Options{Number: 5}, 4, 3},
		{"during calibration", nil, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			loop := func(n int) (time.Duration, error) {
				calls++
				if calls == tt.failCall {
					return time.Millisecond, boom
				}
				return time.Millisecond, nil
			}
			r, err := timeit.Run(context.Background(), loop, tt.opts)
			if err != boom {
				t.Errorf("err = %v, want boom", err)
			}
			if len(r.Runs) != tt.wantRuns || r.Interrupted || calls != tt.failCall {
				t.Errorf("%d runs, Interrupted %v, %d calls; want %d, false, %d",
					len(r.Runs), r.Interrupted, calls, tt.wantRuns, tt.failCall)
			}
		})
	}
}

// A Loop that notices ctx and fails counts as interrupted.
func TestLoopErrorAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	loop := func(n int) (time.Duration, error) {
		calls++
		if calls == 2 {
			cancel()
			return 0, ctx.Err()
		}
		return time.Millisecond, nil
	}
	r, err := timeit.Run(ctx, loop, &timeit.Options{Number: 1})
	if !errors.Is(err, context.Canceled) || !r.Interrupted || len(r.Runs) != 1 {
		t.Errorf("err %v, Interrupted %v, %d runs; want context.Canceled, true, 1", err, r.Interrupted, len(r.Runs))
	}
}

func TestStatistics(t *testing.T) {
	r, err := timeit.Run(context.Background(),
		runs(3*time.Millisecond, 1*time.Millisecond, 4*time.Millisecond, 2*time.Millisecond),
		&timeit.Options{Number: 1000, Repeat: 4})
	if err != nil {
		t.Fatal(err)
	}
	type stats struct {
		Loops, Repeat            int
		Runs, Timings            []time.Duration
		Best, Worst, Mean, Stdev time.Duration
	}
	got := stats{r.Loops, r.Repeat, r.Runs, r.Timings, r.Best, r.Worst, r.Mean, r.StdDev}
	want := stats{
		Loops: 1000, Repeat: 4,
		Runs:    []time.Duration{3 * time.Millisecond, 1 * time.Millisecond, 4 * time.Millisecond, 2 * time.Millisecond},
		Timings: []time.Duration{3 * time.Microsecond, 1 * time.Microsecond, 4 * time.Microsecond, 2 * time.Microsecond},
		Best:    time.Microsecond, Worst: 4 * time.Microsecond,
		Mean:  2500 * time.Nanosecond,
		Stdev: 1118 * time.Nanosecond, // population: sqrt(1.25) µs, not the sample's 1.29 µs
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statistics (-want +got):\n%s", diff)
	}
	wantLine := "2.5 µs ± 1.12 µs per loop (mean ± std. dev. of 4 runs, 1,000 loops each)"
	if got := r.String(); got != wantLine {
		t.Errorf("String() = %q, want %q", got, wantLine)
	}
}

func TestString(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name string
		r    timeit.Result
		want string
	}{{
		// IPython's `%timeit pass`: per loop 8.64, 4.64, 8.14, 5.14, 8.32, 4.96, 6.64 ns.
		name: "IPython",
		r: timeit.Result{Loops: 100_000_000, Precision: 3,
			Runs: []time.Duration{864 * ms, 464 * ms, 814 * ms, 514 * ms, 832 * ms, 496 * ms, 664 * ms}},
		want: "6.64 ns ± 1.61 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)",
	}, {
		name: "precision 5",
		r: timeit.Result{Loops: 100_000_000, Precision: 5,
			Runs: []time.Duration{864 * ms, 464 * ms, 814 * ms, 514 * ms, 832 * ms, 496 * ms, 664 * ms}},
		want: "6.64 ns ± 1.61 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)",
	}, {
		name: "precision 5 digits",
		r:    timeit.Result{Loops: 3, Precision: 5, Runs: []time.Duration{100 * ms, 101 * ms}},
		want: "33.5 ms ± 166.67 µs per loop (mean ± std. dev. of 2 runs, 3 loops each)",
	}, {
		name: "singular",
		r:    timeit.Result{Loops: 1, Precision: 3, Runs: []time.Duration{1500 * time.Microsecond}},
		want: "1.5 ms ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)",
	}, {
		name: "precision 0 is 3",
		r:    timeit.Result{Loops: 7, Runs: []time.Duration{100 * ms}},
		want: "14.3 ms ± 0 ns per loop (mean ± std. dev. of 1 run, 7 loops each)",
	}, {
		name: "minutes",
		r:    timeit.Result{Loops: 1, Precision: 3, Runs: []time.Duration{61 * time.Second, 63 * time.Second}},
		want: "1min 2s ± 1 s per loop (mean ± std. dev. of 2 runs, 1 loop each)",
	}, {
		name: "memory",
		r: timeit.Result{Loops: 1000, Precision: 3, Runs: []time.Duration{ms},
			HasMemory: true, BytesPerOp: 1535.8, AllocsPerOp: 2.04},
		want: "1 µs ± 0 ns per loop (mean ± std. dev. of 1 run, 1,000 loops each) 1,536 B/op 2 allocs/op",
	}, {
		name: "no runs",
		r:    timeit.Result{Loops: 1000, Repeat: 7, Interrupted: true},
		want: "no run finished",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.String(); got != tt.want {
				t.Errorf("String() =\n%q, want\n%q", got, tt.want)
			}
		})
	}
}

func TestWarning(t *testing.T) {
	const cached = "This could mean that an intermediate result is being cached."
	us := time.Microsecond
	tests := []struct {
		name  string
		loops int
		runs  []time.Duration
		want  string
	}{
		{"slow first run", 1, []time.Duration{523 * us, 100 * us, 101 * us},
			"The slowest run took 5.23 times longer than the fastest. " + cached},
		{"exactly 4 times", 1, []time.Duration{400 * us, 100 * us}, ""},
		{"worst under 1 µs per loop", 10, []time.Duration{9 * us, 1 * us}, ""},
		{"worst just over 1 µs per loop", 10, []time.Duration{10*us + 1, 1 * us},
			"The slowest run took 10.00 times longer than the fastest. " + cached},
		{"best zero", 1, []time.Duration{0, 5 * us}, ""},
		{"steady", 1000, []time.Duration{10 * time.Millisecond, 11 * time.Millisecond}, ""},
		{"no runs", 1, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := timeit.Result{Loops: tt.loops, Runs: tt.runs}
			if got := r.Warning(); got != tt.want {
				t.Errorf("Warning() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMemory(t *testing.T) {
	f := &fake{perLoop: 100}
	var bytes, allocs uint64
	loop := func(n int) (time.Duration, error) {
		bytes += 100 + 16*uint64(n) // 100 B of setup per call, 16 B per loop
		allocs += 2 + uint64(n)
		return f.loop(n)
	}
	memory := func() (uint64, uint64) { return bytes, allocs }
	r, err := timeit.Run(context.Background(), loop, &timeit.Options{Clock: f.clock, Memory: memory})
	if err != nil {
		t.Fatal(err)
	}
	// 2.5e6 loops per run; the calibration's allocations are not counted.
	wantB, wantA := 16+100/2.5e6, 1+2/2.5e6
	if !r.HasMemory || math.Abs(r.BytesPerOp-wantB) > 1e-9 || math.Abs(r.AllocsPerOp-wantA) > 1e-9 {
		t.Errorf("HasMemory %v, %v B/op, %v allocs/op; want true, %v, %v", r.HasMemory, r.BytesPerOp, r.AllocsPerOp, wantB, wantA)
	}
	want := "100 ns ± 0 ns per loop (mean ± std. dev. of 7 runs, 2,500,000 loops each) 16 B/op 1 allocs/op"
	if got := r.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// Run works with the real clock and runtime.MemStats.
func TestRealClock(t *testing.T) {
	var sink []byte
	loop := func(n int) (time.Duration, error) {
		start := time.Now()
		for range n {
			sink = make([]byte, 64)
		}
		return time.Since(start), nil
	}
	memory := func() (uint64, uint64) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.TotalAlloc, m.Mallocs
	}
	r, err := timeit.Run(context.Background(), loop, &timeit.Options{MinTime: 2 * time.Millisecond, Repeat: 3, Memory: memory})
	if err != nil {
		t.Fatal(err)
	}
	_ = sink
	if len(r.Runs) != 3 || r.Loops < 2 {
		t.Fatalf("%d runs of %d loops; want 3 runs of several loops", len(r.Runs), r.Loops)
	}
	if r.Runs[0] < 2*time.Millisecond {
		t.Errorf("first run took %v, want ≥ 2ms", r.Runs[0])
	}
	if r.BytesPerOp < 64 || r.AllocsPerOp < 0.5 || !strings.Contains(r.String(), " B/op ") {
		t.Errorf("%v B/op, %v allocs/op, %q; want ≥ 64 B/op and 1 allocs/op", r.BytesPerOp, r.AllocsPerOp, r.String())
	}
}
