// Package timeit measures Go code the way IPython's %timeit does and formats
// the result with IPython's units and wording. It knows nothing of cells or
// magics: it measures a [Loop], a function that runs the timed statement n
// times and reports how long those n runs took.
//
//	loop := func(n int) (time.Duration, error) {
//		start := time.Now()
//		for range n {
//			f()
//		}
//		return time.Since(start), nil
//	}
//	r, err := timeit.Run(ctx, loop, nil)
//	if err != nil {
//		return err
//	}
//	fmt.Println(r)
//	// 6.64 ns ± 1.61 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)
//	if w := r.Warning(); w != "" {
//		fmt.Println(w)
//	}
//
// # Choosing the loop count
//
// Run keeps IPython's semantics (7 runs, each lasting at least 0.2 s
// unless the loop count is given) but not its calibration. IPython tries 1,
// 10, 100, … loops until one try takes 0.2 s and then throws every try away,
// so `%timeit pass` spends about 7 s. [Run] instead predicts the count from
// each try, as Go's testing.B does: it starts at 1 loop and multiplies by the
// ratio of [Options.MinTime] to the time measured, plus 10% headroom, growing
// at most 100× and at least by one per try, never beyond 1e9 loops. Each
// prediction is rounded up to a readable count: any count up to 10, otherwise
// 10, 12, 15, 20, 25, 30, 40, 50, 60 or 80 times a power of ten. That set
// (rather than IPython's powers of ten or testing.B's 1, 2, 3, 5) makes a
// run at most a third longer than predicted, so measuring a statement of up
// to 1 ms takes about 2 s (at most 2.2 s in the tests' simulation).
// The try that reaches MinTime has the chosen count, so it is kept as the
// first of the runs rather than thrown away; the others are reported as
// [Result.CalibrationTime].
//
// # Formatting
//
// [FormatTime] is IPython's _format_time: "%.*g" in s, ms, µs or ns, and
// "1min 1s", "1h 2min 3s" or "1d 1h 1min 1s" from 60 s on. The micro sign is
// U+00B5 (µ), as igo's spec shows it; IPython 8.25 and later print U+03BC (μ).
// [Result.String] is IPython's line, "mean ± std. dev. per loop (…)", with Go's
// B/op and allocs/op appended when memory was measured, and
// [Result.Warning] is IPython's slowest/fastest warning.
package timeit
