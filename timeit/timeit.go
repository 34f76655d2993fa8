package timeit

import (
	"context"
	"math"
	"time"
)

// A Loop runs the timed statement n times and returns the elapsed wall time
// of those n runs (the caller times its own loop so that setup stays out)
// and an error that stops the measurement.
type Loop func(n int) (time.Duration, error)

// Options control [Run]. A nil *Options is valid; a field that is zero (or
// negative) takes its default.
type Options struct {
	Number    int           // loops per run; 0 = choose (autorange)
	Repeat    int           // runs; 0 = 7
	Precision int           // significant digits; 0 = 3
	MinTime   time.Duration // each run lasts at least this when Number is chosen; 0 = 200ms

	// Clock is read for the autorange's own bookkeeping
	// (Result.CalibrationTime); nil means time.Now. Tests inject a fake.
	Clock func() time.Time

	// Memory, if set, returns cumulative allocated bytes and allocations
	// (runtime.MemStats TotalAlloc and Mallocs). It is read around each
	// call of the Loop, so the counts include what the Loop does outside
	// its timed section, spread over its n loops. When set, the Result
	// carries per-loop B/op and allocs/op.
	Memory func() (bytes, allocs uint64)
}

const (
	defaultRepeat    = 7
	defaultPrecision = 3
	defaultMinTime   = 200 * time.Millisecond
	maxLoops         = 1e9 // IPython's and testing.B's limit
)

// Run measures loop: it chooses the loop count (unless opts.Number is set),
// then completes opts.Repeat runs of that many loops.
//
// When ctx is done, Run stops before the next call of loop and returns the
// runs finished so far (Result.Interrupted is true) with ctx.Err(). An error
// from loop stops it too: Run returns the runs finished before it with that
// error, and sets Interrupted if ctx was done by then. The Result is never
// nil.
func Run(ctx context.Context, loop Loop, opts *Options) (*Result, error) {
	m := newMeasurement(ctx, loop, opts)
	err := m.measure()
	m.r.fill()
	return m.r, err
}

// measurement is the state of one Run.
type measurement struct {
	ctx     context.Context
	loop    Loop
	minTime time.Duration
	clock   func() time.Time
	memory  func() (bytes, allocs uint64)
	r       *Result

	bytes, allocs uint64 // allocated during the runs kept in r.Runs
}

func newMeasurement(ctx context.Context, loop Loop, opts *Options) *measurement {
	var o Options
	if opts != nil {
		o = *opts
	}
	m := &measurement{
		ctx:     ctx,
		loop:    loop,
		minTime: o.MinTime,
		clock:   o.Clock,
		memory:  o.Memory,
		r: &Result{
			Loops:     max(o.Number, 0),
			Repeat:    o.Repeat,
			Precision: o.Precision,
		},
	}
	if m.minTime <= 0 {
		m.minTime = defaultMinTime
	}
	if m.clock == nil {
		m.clock = time.Now
	}
	if m.r.Repeat <= 0 {
		m.r.Repeat = defaultRepeat
	}
	if m.r.Precision <= 0 {
		m.r.Precision = defaultPrecision
	}
	return m
}

func (m *measurement) measure() error {
	if m.r.Loops == 0 {
		if err := m.autorange(); err != nil {
			return err
		}
	}
	for len(m.r.Runs) < m.r.Repeat {
		d, bytes, allocs, err := m.call(m.r.Loops)
		if err != nil {
			return err
		}
		m.keep(d, bytes, allocs)
	}
	return nil
}

// autorange chooses r.Loops. Unlike IPython, which discards its
// calibration, it keeps the last try, which has the chosen count and lasted
// at least minTime, as the first run.
func (m *measurement) autorange() error {
	start := m.clock()
	n := 1
	for {
		t0 := m.clock()
		d, bytes, allocs, err := m.call(n)
		if err != nil {
			m.r.CalibrationTime = m.clock().Sub(start)
			return err
		}
		if d >= m.minTime || n >= maxLoops {
			m.r.CalibrationTime = t0.Sub(start)
			m.r.Loops = n
			m.keep(d, bytes, allocs)
			return nil
		}
		n = predict(m.minTime, d, n)
	}
}

// call runs loop(n) unless ctx is done, reading Memory around it.
func (m *measurement) call(n int) (d time.Duration, bytes, allocs uint64, err error) {
	if err := m.ctx.Err(); err != nil {
		m.r.Interrupted = true
		return 0, 0, 0, err
	}
	var b0, a0 uint64
	if m.memory != nil {
		b0, a0 = m.memory()
	}
	d, err = m.loop(n)
	if m.memory != nil {
		b1, a1 := m.memory()
		bytes, allocs = b1-b0, a1-a0
	}
	if err != nil {
		m.r.Interrupted = m.ctx.Err() != nil
		return 0, 0, 0, err
	}
	return d, bytes, allocs, nil
}

// keep records a finished run of r.Loops loops.
func (m *measurement) keep(d time.Duration, bytes, allocs uint64) {
	m.r.Runs = append(m.r.Runs, d)
	if m.memory != nil {
		m.bytes += bytes
		m.allocs += allocs
		loops := float64(m.r.Loops) * float64(len(m.r.Runs))
		m.r.HasMemory = true
		m.r.BytesPerOp = float64(m.bytes) / loops
		m.r.AllocsPerOp = float64(m.allocs) / loops
	}
}

// predict returns the loop count for the next try after last loops took
// elapsed, aiming at goal. As testing.B's predictN: 10% headroom (testing.B
// has 20%; rounding up adds more), at most 100× last, at least last+1, at
// most 1e9; then rounded up to a readable count.
func predict(goal, elapsed time.Duration, last int) int {
	ns := float64(max(elapsed, 1))
	n := math.Ceil(float64(goal) / ns * float64(last) * 1.1)
	n = min(n, 100*float64(last))
	n = max(n, float64(last)+1)
	n = min(n, maxLoops)
	return roundUp(int(n))
}

// mantissas are the readable two-digit leads of a loop count of 10 or more.
var mantissas = [...]int{10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100}

// roundUp returns the least readable count ≥ n: n itself up to 10, or one
// of mantissas times a power of ten. Successive readable counts differ by
// at most a third, so rounding up wastes little time.
func roundUp(n int) int {
	if n <= 10 {
		return n
	}
	base := 1
	for n >= 100*base {
		base *= 10
	}
	for _, m := range mantissas {
		if m*base >= n {
			return m * base
		}
	}
	panic("unreachable")
}
