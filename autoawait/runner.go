package autoawait

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Runner runs the awaited operations of a cell. Runners are selected by
// name (see Use); an embedding program adds its own with Register.
type Runner interface {
	// Run runs task for a cell whose context is ctx. It returns task's
	// error, or ctx.Err() as soon as ctx is done even if task has not
	// returned (the task is then abandoned, see Abandoned). A panic in
	// task comes back as a *PanicError (see PanicError), never crashes the
	// process.
	Run(ctx context.Context, task func() error) error
}

// The built-in runners.
const (
	// "goroutine", the default, runs each task on a goroutine of its own
	// (reused from a pool of idle workers); Run waits for it or for ctx.
	runnerGoroutine = "goroutine"
	// "inline" runs the task on the caller's goroutine: the least
	// overhead, but only context-aware calls can be interrupted.
	runnerInline = "inline"
	// "group" runs tasks as "goroutine" does, and makes the goroutines a
	// cell starts (Start) members of the cell's group: the cell ends when
	// all of them have returned, and the first panic cancels the rest.
	runnerGroup = "group"
)

type entry struct {
	name string
	r    Runner
}

var (
	regMu    sync.Mutex
	registry = map[string]Runner{
		runnerGoroutine: goroutineRunner{},
		runnerInline:    inlineRunner{},
		runnerGroup:     groupRunner{},
	}
	selected atomic.Pointer[entry]
)

func init() {
	selected.Store(&entry{runnerGoroutine, goroutineRunner{}})
}

// Register makes r selectable under name. It fails if name is empty or
// already taken, or r is nil.
func Register(name string, r Runner) error {
	if name == "" {
		return errors.New("autoawait: register: empty runner name")
	}
	if r == nil {
		return fmt.Errorf("autoawait: register %q: nil runner", name)
	}
	regMu.Lock()
	defer regMu.Unlock()
	if _, ok := registry[name]; ok {
		return fmt.Errorf("autoawait: register %q: name already taken", name)
	}
	registry[name] = r
	return nil
}

// Lookup returns the runner registered under name.
func Lookup(name string) (Runner, bool) {
	regMu.Lock()
	defer regMu.Unlock()
	r, ok := registry[name]
	return r, ok
}

// Names returns the names of the registered runners, sorted.
func Names() []string {
	regMu.Lock()
	defer regMu.Unlock()
	return slices.Sorted(maps.Keys(registry))
}

// Use selects the runner registered under name for every later Do, and
// for the cells that Begin later.
func Use(name string) error {
	r, ok := Lookup(name)
	if !ok {
		return fmt.Errorf("autoawait: unknown runner %q (want %s)", name, strings.Join(Names(), ", "))
	}
	selected.Store(&entry{name, r})
	_, InlineSelected = r.(inlineRunner)
	return nil
}

// InlineSelected is true while the inline runner is selected; Use sets
// it. Rewritten code reads it (a variable costs an interpreter less than a
// call) to call an awaited function directly. Do not set it.
var InlineSelected bool

// Current returns the name of the selected runner.
func Current() string {
	return selected.Load().name
}

// Inline reports whether the selected runner is the built-in inline
// runner. Rewritten code then calls an awaited function directly, without
// a task: the fastest await there is, and the same outcome (a panic is a
// panic of the cell; an error is checked as Check does).
func Inline() bool {
	_, ok := selected.Load().r.(inlineRunner)
	return ok
}

// Do runs task with the selected runner under the current cell's context.
// Rewritten code calls it for every awaited call:
//
//	r, err = await f(k)  =>  autoawait.Check(autoawait.Do(func() error { r, err = f(k); return nil }), "In[1]:1:10: await f(k)")
func Do(task func() error) error {
	return selected.Load().r.Run(Context(), task)
}

// inlineRunner runs a task on the caller's goroutine.
type inlineRunner struct{}

func (inlineRunner) Run(ctx context.Context, task func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return call(task)
}

// goroutineRunner runs a task on a worker goroutine (see pool.go).
type goroutineRunner struct{}

func (goroutineRunner) Run(ctx context.Context, task func() error) error {
	done := ctx.Done()
	if done != nil {
		select {
		case <-done:
			return ctx.Err()
		default:
		}
	}
	w := workers.get()
	w.state.Store(stateBusy)
	w.job <- task
	if done == nil {
		return w.result()
	}
	select {
	case err := <-w.res:
		workers.put(w)
		return err
	case <-done:
	}
	// A task that heeds its context ends now: let it, so that it does not
	// run on while the cell unwinds and the next one starts.
	t := time.NewTimer(settleDelay)
	defer t.Stop()
	select {
	case err := <-w.res:
		workers.put(w)
		if err == nil {
			err = ctx.Err()
		}
		return err
	case <-t.C:
		abandoned.Add(1)
		if w.state.CompareAndSwap(stateBusy, stateAbandoned) {
			return ctx.Err()
		}
		// The task finished as ctx was cancelled: keep its result.
		abandoned.Add(-1)
		return w.result()
	}
}

// settleDelay is how long a cancelled Run waits for its task to end
// before it abandons it.
const settleDelay = 20 * time.Millisecond

// groupRunner runs tasks as goroutineRunner does; Begin gives a cell a
// group when it is selected.
type groupRunner struct{ goroutineRunner }

// abandoned counts the tasks and group members that were abandoned on
// cancellation and are still running.
var abandoned atomic.Int64

// Abandoned reports how many tasks the runners abandoned on cancellation
// (calls that ignore their context, and group members still running when
// an interrupted cell ended) and are still running.
func Abandoned() int {
	return int(abandoned.Load())
}
