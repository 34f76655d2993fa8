package autoawait

import "sync"

// A RangeError is the panic of a lowered range-over-function loop whose
// iterator misbehaves (see RangePanic): the value is the loop's state when
// it was caught, and Error reads as the Go runtime's message for it.
//
// The states are Go's (internal/abi.RF_State): 0 the body returned false
// (break, return), 1 ready, 2 the body is running or panicked, 3 the
// iterator returned, 4 the iterator recovered a panic of the body.
type RangeError int

func (e RangeError) Error() string {
	switch e {
	case 0:
		return "runtime error: range function continued iteration after function for loop body returned false"
	case 2:
		return "runtime error: range function continued iteration after loop body panic"
	case 3:
		return "runtime error: range function continued iteration after whole loop exit"
	case 4:
		return "runtime error: range function recovered a loop body panic and did not resume panicking"
	}
	return "runtime error: unexpected range function state"
}

// RuntimeError marks a RangeError as a runtime.Error, as Go's are.
func (RangeError) RuntimeError() {}

// RangePanic panics with RangeError(state). Rewritten code checks the
// loop's state on each call of the loop body, and after the iterator
// returns:
//
//	if igo_state1 != 1 { igo_e := igo_state1; igo_state1 = 2; autoawait.RangePanic(igo_e) }
//
// The panic starts here, in compiled code, so that an interpreter's
// recover returns the RangeError itself (yaegi's returns a wrapper for a
// value its own panic carries).
func RangePanic(state int) {
	panic(RangeError(state))
}

// Defers holds the calls deferred by the body of a range-over-function
// loop, which Go runs when the function around the loop returns, not when
// the body does. The function defers Run when the loop starts, so the
// calls take their place among its other deferred calls:
//
//	igo_defers1 := new(autoawait.Defers)
//	defer igo_defers1.Run()
//	seq(func(x int) bool { igo_defers1.Add(func() { save(x) }); return true })
type Defers struct {
	mu    sync.Mutex
	calls []func()
	done  bool
}

// Add defers f. Adding after Run panics: the loop's function has returned.
func (d *Defers) Add(f func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		panic("defer after range func returned")
	}
	d.calls = append(d.calls, f)
}

// Run calls the deferred calls, the last added first. Each is deferred in
// turn, so that one that panics does not keep the others from running.
func (d *Defers) Run() {
	d.mu.Lock()
	calls := d.calls
	d.calls, d.done = nil, true
	d.mu.Unlock()
	for _, f := range calls {
		defer f()
	}
}
