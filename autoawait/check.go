package autoawait

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
)

// An Error is the error of an awaited call that stopped a cell. Check
// panics with it; the shell reports it as `error: Where: Err`.
type Error struct {
	Where string // the await in the user's coordinates: "In[4]:1:6: await fetch(u)"
	Err   error
}

func (e *Error) Error() string {
	if e.Where == "" {
		return e.Err.Error()
	}
	return e.Where + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Interrupted stops a cell whose context was cancelled (the user
// interrupted it) or whose deadline passed while it awaited.
type Interrupted struct {
	Err error // the cell context's error
}

func (e *Interrupted) Error() string {
	if errors.Is(e.Err, context.DeadlineExceeded) {
		return "deadline exceeded"
	}
	return "Interrupted"
}

func (e *Interrupted) Unwrap() error { return e.Err }

// A PanicError carries a panic of a task back to the cell that awaited it.
type PanicError struct {
	Value any    // the panic's value
	Stack []byte // the stack of the goroutine that panicked
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the panic's value when it is an error, so that
// errors.As finds a runtime.Error behind a PanicError.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Check returns when err is nil. Otherwise it stops the cell with a panic
// the shell recognises: the *PanicError err as is; an *Interrupted when
// err is the cancellation or deadline of the cell's context and that
// context is done; an *Error{Where: where, Err: err} for any other error.
// Rewritten code wraps every awaited operation whose error it drops:
//
//	await f(x)  =>  autoawait.Check(autoawait.Do(func() error { return f(x) }), "In[1]:1:1: await f(x)")
func Check(err error, where string) {
	if err == nil {
		return
	}
	if pe, ok := err.(*PanicError); ok {
		panic(pe)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if cerr := Context().Err(); cerr != nil {
			panic(&Interrupted{Err: cerr})
		}
	}
	panic(&Error{Where: where, Err: err})
}

// Wait blocks until done is closed or the current cell's context is done.
// It returns nil when done was closed, and the cell context's error when
// the cell ended first. Awaiting a context.Context (or anything with a
// Done() <-chan struct{} method) lowers to
//
//	autoawait.Check(autoawait.Wait(x.Done()), where)
func Wait(done <-chan struct{}) error {
	select {
	case <-done:
		return nil
	default:
	}
	ctx := Context()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// call runs task and turns a panic in it into an error.
func call(task func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = recovered(r)
		}
	}()
	return task()
}

// recovered returns the error for the recovered panic value r. It must be
// called by the deferred function that recovered r, so that the stack it
// records is the panicking goroutine's. The panics Check raises in a
// nested await are errors of the task and stay as they are.
func recovered(r any) error {
	switch v := Unwrap(r).(type) {
	case *PanicError:
		return v
	case *Error:
		return v
	case *Interrupted:
		return v
	default:
		return &PanicError{Value: v, Stack: debug.Stack()}
	}
}

// Await runs task as Do does and checks its error as Check does, in one
// call: rewritten code pays for one crossing into compiled code per await.
//
//	await f(x)  =>  autoawait.Await(func() error { return f(x) }, "In[1]:1:1: await f(x)")
func Await(task func() error, where string) {
	Check(Do(task), where)
}
