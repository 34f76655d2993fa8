package timeit

import (
	"fmt"
	"math"
	"time"
)

// A Result is what [Run] measured; it matches IPython's TimeitResult.
//
// Per-loop times are a run's time divided by Loops, so they may fall
// between two nanoseconds; the Duration fields round them to the nearest
// nanosecond, while [Result.String] and [Result.Warning] compute from Runs
// and Loops exactly (a statement taking 6.64 ns prints as "6.64 ns").
type Result struct {
	Loops       int             // loops per run (0 if interrupted before choosing)
	Repeat      int             // runs asked for
	Runs        []time.Duration // raw time of each finished run (IPython's all_runs)
	Timings     []time.Duration // per loop, per finished run
	Best, Worst time.Duration   // per loop
	Mean        time.Duration   // per loop
	StdDev      time.Duration   // per loop; population std. dev., as IPython

	// BytesPerOp and AllocsPerOp are allocated bytes and allocations per
	// loop over the finished runs, set (with HasMemory) when
	// Options.Memory was.
	BytesPerOp, AllocsPerOp float64
	HasMemory               bool

	Precision       int           // significant digits for String
	Interrupted     bool          // ctx was done before all runs finished
	CalibrationTime time.Duration // time spent choosing Loops, beyond the runs
}

// stats are per-loop statistics in nanoseconds.
type stats struct {
	mean, std, best, worst float64
}

// stats computes per-loop statistics from Runs and Loops as IPython does:
// the mean with a compensated sum (math.fsum), the population standard
// deviation. ok is false when no run finished.
func (r *Result) stats() (s stats, ok bool) {
	if len(r.Runs) == 0 || r.Loops <= 0 {
		return stats{}, false
	}
	loops := float64(r.Loops)
	per := make([]float64, len(r.Runs))
	for i, d := range r.Runs {
		per[i] = float64(d) / loops
	}
	n := float64(len(per))
	s.mean = fsum(per) / n
	s.best, s.worst = per[0], per[0]
	dev := make([]float64, len(per))
	for i, x := range per {
		s.best = min(s.best, x)
		s.worst = max(s.worst, x)
		dev[i] = (x - s.mean) * (x - s.mean)
	}
	s.std = math.Sqrt(fsum(dev) / n)
	return s, true
}

// fill sets the per-loop Duration fields from Runs and Loops.
func (r *Result) fill() {
	s, ok := r.stats()
	if !ok {
		return
	}
	r.Timings = make([]time.Duration, len(r.Runs))
	for i, d := range r.Runs {
		r.Timings[i] = nanos(float64(d) / float64(r.Loops))
	}
	r.Mean, r.StdDev = nanos(s.mean), nanos(s.std)
	r.Best, r.Worst = nanos(s.best), nanos(s.worst)
}

func nanos(ns float64) time.Duration { return time.Duration(math.Round(ns)) }

// String returns IPython's line for the finished runs:
//
//	6.64 ns ± 1.61 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)
//
// With HasMemory it appends bytes and allocations per loop as go test
// -benchmem names them, rounded to whole numbers and comma-grouped:
//
//	… loops each) 16 B/op 1 allocs/op
//
// It returns "no run finished" when there is no run to report.
func (r *Result) String() string {
	s, ok := r.stats()
	if !ok {
		return "no run finished"
	}
	line := fmt.Sprintf("%s ± %s per loop (mean ± std. dev. of %d run%s, %s loop%s each)",
		formatNanos(s.mean, r.Precision), formatNanos(s.std, r.Precision),
		len(r.Runs), plural(len(r.Runs)), FormatCount(r.Loops), plural(r.Loops))
	if r.HasMemory {
		line += fmt.Sprintf(" %s B/op %s allocs/op",
			FormatCount(int(math.Round(r.BytesPerOp))), FormatCount(int(math.Round(r.AllocsPerOp))))
	}
	return line
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Warning returns IPython's warning when the slowest run took more than 4
// times as long per loop as the fastest (and over 1 µs), or "":
//
//	The slowest run took 5.23 times longer than the fastest. This could mean that an intermediate result is being cached.
func (r *Result) Warning() string {
	s, ok := r.stats()
	if !ok || !(s.worst > 4*s.best && s.best > 0 && s.worst > 1e3) {
		return ""
	}
	return fmt.Sprintf("The slowest run took %0.2f times longer than the fastest. "+
		"This could mean that an intermediate result is being cached.", s.worst/s.best)
}

// fsum returns the sum of xs with Neumaier's compensated summation, close
// to Python's math.fsum for the few values of a Result.
func fsum(xs []float64) float64 {
	var sum, c float64
	for _, x := range xs {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			c += (sum - t) + x
		} else {
			c += (x - t) + sum
		}
		sum = t
	}
	return sum + c
}
