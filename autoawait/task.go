package autoawait

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Task states.
const (
	stateRunning   = "running"
	stateDone      = "done"
	stateFailed    = "failed"
	stateCancelled = "cancelled"
)

// A Task is a background task of the shell (`%bg`), numbered from 1 in
// the order they start. It runs under its own context, which outlives the
// cell that started it.
type Task struct {
	id     int
	code   string
	start  time.Time
	cancel context.CancelFunc
	done   chan struct{}

	mu     sync.Mutex
	state  string
	end    time.Time
	result any
	err    error
}

var (
	tasksMu sync.Mutex
	tasks   []*Task
)

// Spawn starts fn as the next background task, under a context of its own
// derived from context.Background(), not from the cell's: the task
// outlives the cell. fn receives that context; Cancel cancels it. code is
// the source the task runs, for listings.
func Spawn(code string, fn func(ctx context.Context) (any, error)) *Task {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Task{code: code, cancel: cancel, done: make(chan struct{}), state: stateRunning}
	tasksMu.Lock()
	t.id = len(tasks) + 1
	tasks = append(tasks, t)
	t.start = time.Now()
	tasksMu.Unlock()
	go t.run(ctx, fn)
	return t
}

func (t *Task) run(ctx context.Context, fn func(context.Context) (any, error)) {
	var (
		v   any
		err error
	)
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, recovered(r)
		}
		t.finish(v, err)
	}()
	v, err = fn(ctx)
}

// finish records the outcome of fn, unless Cancel has already ended the
// task.
func (t *Task) finish(v any, err error) {
	defer t.cancel()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != stateRunning {
		return
	}
	t.end = time.Now()
	t.result, t.err = v, err
	t.state = stateDone
	if err != nil {
		t.state = stateFailed
	}
	close(t.done)
}

// Tasks returns every task started so far, by ID.
func Tasks() []*Task {
	tasksMu.Lock()
	defer tasksMu.Unlock()
	return append([]*Task(nil), tasks...)
}

// Job returns task number n, or nil if there is none.
func Job(n int) *Task {
	tasksMu.Lock()
	defer tasksMu.Unlock()
	if n < 1 || n > len(tasks) {
		return nil
	}
	return tasks[n-1]
}

// ID returns the task's number.
func (t *Task) ID() int { return t.id }

// Code returns the source the task runs.
func (t *Task) Code() string { return t.code }

// State returns "running", "done", "failed" (an error or a panic) or
// "cancelled".
func (t *Task) State() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// Elapsed returns how long the task has run: until now while it runs,
// else until it ended.
func (t *Task) Elapsed() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state == stateRunning {
		return time.Since(t.start)
	}
	return t.end.Sub(t.start)
}

// Cancel cancels the task's context and ends the task at once: its state
// becomes "cancelled" and Wait returns context.Canceled. If the task's
// code ignores its context, it goes on in the background and its result
// is discarded. Cancel does nothing to a task that has ended.
func (t *Task) Cancel() {
	t.mu.Lock()
	if t.state == stateRunning {
		t.state = stateCancelled
		t.end = time.Now()
		t.err = context.Canceled
		close(t.done)
	}
	t.mu.Unlock()
	t.cancel()
}

// Done returns a channel closed when the task ends.
func (t *Task) Done() <-chan struct{} { return t.done }

// Wait waits for the task and returns its result and error; a panic of the
// task comes back as a *PanicError. If the current cell's context is done
// first, Wait returns the context's error and the task keeps running.
// `await job(N)` lowers to a call of Wait.
func (t *Task) Wait() (any, error) {
	if t == nil {
		return nil, errNoJob
	}
	select {
	case <-t.done:
		return t.outcome()
	default:
	}
	ctx := Context()
	select {
	case <-t.done:
		return t.outcome()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

var errNoJob = errors.New("no such job")

// Result is the outcome of a task from the values of its code, for %bg:
// no value gives (nil, nil); one value v gives (v, nil); values ending in
// an error (or a nil where it would be) give the values before it (one
// value as itself, several as a []any) and that error.
//
//	%bg f()  =>  autoawait.Spawn("f()", func(context.Context) (any, error) { return autoawait.Result(f()) })
func Result(values ...any) (any, error) {
	n := len(values)
	if n == 0 {
		return nil, nil
	}
	if n == 1 {
		return values[0], nil
	}
	last := values[n-1]
	err, isErr := last.(error)
	if !isErr && last != nil {
		return values, nil
	}
	if n == 2 {
		return values[0], err
	}
	return values[:n-1], err
}

func (t *Task) outcome() (any, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.result, t.err
}
