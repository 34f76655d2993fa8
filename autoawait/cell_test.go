package autoawait_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/igolang/igo/autoawait"
)

type key struct{}

func TestBeginNested(t *testing.T) {
	if autoawait.Context() != context.Background() {
		t.Fatal("Context() outside a cell is not context.Background()")
	}
	outer := context.WithValue(context.Background(), key{}, "outer")
	endOuter := autoawait.Begin(outer)
	if got := autoawait.Context().Value(key{}); got != "outer" {
		t.Errorf("in the outer cell, Context() has %v", got)
	}
	endInner := autoawait.Begin(context.WithValue(context.Background(), key{}, "inner"))
	if got := autoawait.Context().Value(key{}); got != "inner" {
		t.Errorf("in the inner cell, Context() has %v", got)
	}
	if err := endInner(); err != nil {
		t.Errorf("inner end() = %v", err)
	}
	if got := autoawait.Context().Value(key{}); got != "outer" {
		t.Errorf("after the inner cell, Context() has %v; want outer", got)
	}
	endInner() // a second call does nothing
	if got := autoawait.Context().Value(key{}); got != "outer" {
		t.Errorf("after a second inner end(), Context() has %v; want outer", got)
	}
	endOuter()
	if autoawait.Context() != context.Background() {
		t.Error("after the outer cell, Context() is not context.Background()")
	}
}

// Under the group runner, end waits for every member.
func TestGroupWaits(t *testing.T) {
	useRunner(t, "group")
	end := autoawait.Begin(context.Background())
	release := make(chan struct{})
	var finished atomic.Int32
	for i := 0; i < 10; i++ {
		autoawait.Start(func() {
			<-release
			time.Sleep(time.Millisecond)
			finished.Add(1)
		})
	}
	ended := make(chan error)
	go func() { ended <- end() }()
	select {
	case err := <-ended:
		t.Fatalf("end() = %v before the members were released", err)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-ended:
		if err != nil {
			t.Errorf("end() = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("end() has not returned 5s after the members were released")
	}
	if n := finished.Load(); n != 10 {
		t.Errorf("end() returned with %d of 10 members finished", n)
	}
}

// The first member that panics cancels the cell's context and is end's
// error.
func TestGroupPanic(t *testing.T) {
	useRunner(t, "group")
	end := autoawait.Begin(context.Background())
	ctx := autoawait.Context()
	var sawCancel atomic.Bool
	autoawait.Start(func() {
		select {
		case <-ctx.Done():
			sawCancel.Store(true)
		case <-time.After(5 * time.Second):
		}
	})
	autoawait.Start(func() { panic("member boom") })
	within(t, 5*time.Second, "the cancellation of the cell", func() { <-ctx.Done() })
	// An await pending in the cell stops as interrupted.
	if v := panicOf(func() { autoawait.Check(ctx.Err(), "w") }); func() bool { _, ok := v.(*autoawait.Interrupted); return !ok }() {
		t.Errorf("Check after a member panicked panicked with %T %v; want *Interrupted", v, v)
	}
	var err error
	within(t, 10*time.Second, "end()", func() { err = end() })
	pe, ok := err.(*autoawait.PanicError)
	if !ok || pe.Value != "member boom" {
		t.Fatalf("end() = %T %v; want *PanicError of member boom", err, err)
	}
	if !sawCancel.Load() {
		t.Error("the other member did not see the cell's context cancelled")
	}
}

// A member that ignores the context does not keep an interrupted cell
// from ending; it is counted as abandoned until it returns.
func TestGroupInterrupted(t *testing.T) {
	useRunner(t, "group")
	ctx, cancel := context.WithCancel(context.Background())
	end := autoawait.Begin(ctx)
	release := make(chan struct{})
	autoawait.Start(func() { <-release })
	before := autoawait.Abandoned()
	cancel()
	var err error
	within(t, 5*time.Second, "end() of an interrupted cell", func() { err = end() })
	var in *autoawait.Interrupted
	if !errors.As(err, &in) || !errors.Is(err, context.Canceled) {
		t.Errorf("end() = %v; want *Interrupted", err)
	}
	if got := autoawait.Abandoned() - before; got != 1 {
		t.Errorf("Abandoned() grew by %d; want 1", got)
	}
	close(release)
	waitFor(t, "the abandoned member to be counted out", func() bool { return autoawait.Abandoned() == before })
}

// Other runners do not wait for the cell's goroutines; a panic in one goes
// to the panic handler.
func TestStartNoGroup(t *testing.T) {
	for _, name := range []string{"goroutine", "inline"} {
		t.Run(name, func(t *testing.T) {
			useRunner(t, name)
			panics := make(chan any, 1)
			old := autoawait.SetPanicHandler(func(v any, _ []byte) { panics <- v })
			defer autoawait.SetPanicHandler(old)

			end := autoawait.Begin(context.Background())
			release := make(chan struct{})
			autoawait.Start(func() {
				<-release
				panic("late boom")
			})
			within(t, 5*time.Second, "end()", func() {
				if err := end(); err != nil {
					t.Errorf("end() = %v", err)
				}
			})
			close(release)
			select {
			case v := <-panics:
				if v != "late boom" {
					t.Errorf("panic handler got %v", v)
				}
			case <-time.After(5 * time.Second):
				t.Error("the panic did not reach the handler")
			}
		})
	}
}

// waitFor polls cond for up to 10s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// The first member to panic ends the group: members that ignore the
// cancellation are abandoned, and end returns the panic without waiting
// for them.
func TestGroupFailureAbandonsStuckMembers(t *testing.T) {
	useRunner(t, "group")
	end := autoawait.Begin(context.Background())
	release := make(chan struct{})
	autoawait.Start(func() { <-release }) // ignores the context
	autoawait.Start(func() { panic("member failed") })
	var err error
	within(t, 5*time.Second, "end() after a member panicked", func() { err = end() })
	var pe *autoawait.PanicError
	if !errors.As(err, &pe) || pe.Value != "member failed" {
		t.Errorf("end() = %v; want the member's panic", err)
	}
	close(release)
}
