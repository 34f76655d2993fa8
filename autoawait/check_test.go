package autoawait_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/igolang/igo/autoawait"
)

// panicOf returns what f panics with.
func panicOf(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestCheck(t *testing.T) {
	boom := errors.New("boom")
	pe := &autoawait.PanicError{Value: "x"}

	if v := panicOf(func() { autoawait.Check(nil, "w") }); v != nil {
		t.Errorf("Check(nil) panicked with %v", v)
	}

	// An error of the awaited call.
	v := panicOf(func() { autoawait.Check(boom, "In[4]:1:6: await f()") })
	e, ok := v.(*autoawait.Error)
	if !ok {
		t.Fatalf("Check(boom) panicked with %T %v; want *Error", v, v)
	}
	if e.Where != "In[4]:1:6: await f()" || e.Err != boom {
		t.Errorf("Error = %+v", e)
	}
	if got, want := e.Error(), "In[4]:1:6: await f(): boom"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	if !errors.Is(e, boom) {
		t.Error("errors.Is(*Error, its Err) = false")
	}

	// A panic of the task, as is.
	if v := panicOf(func() { autoawait.Check(pe, "w") }); v != pe {
		t.Errorf("Check(*PanicError) panicked with %v; want the same *PanicError", v)
	}

	// context.Canceled outside a cancelled cell is an error of the call.
	v = panicOf(func() { autoawait.Check(context.Canceled, "w") })
	if _, ok := v.(*autoawait.Error); !ok {
		t.Errorf("Check(Canceled) in a live cell panicked with %T; want *Error", v)
	}

	// The cell's cancellation and deadline are interruptions.
	for _, tc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want string
		is   error
	}{
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, "Interrupted", context.Canceled},
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		}, "deadline exceeded", context.DeadlineExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := tc.ctx()
			defer cancel()
			end := autoawait.Begin(ctx)
			defer end()
			// The awaited call may wrap the context's error.
			v := panicOf(func() { autoawait.Check(fmt.Errorf("get: %w", ctx.Err()), "w") })
			in, ok := v.(*autoawait.Interrupted)
			if !ok {
				t.Fatalf("Check panicked with %T %v; want *Interrupted", v, v)
			}
			if in.Error() != tc.want || !errors.Is(in, tc.is) {
				t.Errorf("Interrupted = %q (Err %v); want %q wrapping %v", in.Error(), in.Err, tc.want, tc.is)
			}
			// Any other error is still the call's error.
			if v := panicOf(func() { autoawait.Check(boom, "w") }); func() bool { _, ok := v.(*autoawait.Error); return !ok }() {
				t.Errorf("Check(boom) in an interrupted cell panicked with %T; want *Error", v)
			}
		})
	}
}

// An await nested in a task (a func of the cell that awaits, awaited
// itself) keeps its error rather than becoming a panic of the task.
func TestNestedCheck(t *testing.T) {
	boom := errors.New("boom")
	err := autoawait.Do(func() error {
		autoawait.Check(autoawait.Do(func() error { return boom }), "inner")
		return nil
	})
	var e *autoawait.Error
	if !errors.As(err, &e) || e.Where != "inner" || !errors.Is(err, boom) {
		t.Errorf("Do = %T %v; want the inner *Error", err, err)
	}
}

func TestWait(t *testing.T) {
	closed := make(chan struct{})
	close(closed)
	if err := autoawait.Wait(closed); err != nil {
		t.Errorf("Wait(closed) = %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	end := autoawait.Begin(ctx)
	defer end()
	ch := make(chan struct{})
	go func() {
		time.Sleep(5 * time.Millisecond)
		close(ch)
	}()
	within(t, 5*time.Second, "Wait", func() {
		if err := autoawait.Wait(ch); err != nil {
			t.Errorf("Wait(ch) = %v; want nil", err)
		}
	})

	never := make(chan struct{})
	go func() {
		time.Sleep(5 * time.Millisecond)
		cancel()
	}()
	within(t, 5*time.Second, "Wait of an interrupted cell", func() {
		if err := autoawait.Wait(never); err != context.Canceled {
			t.Errorf("Wait(never) = %v; want %v", err, context.Canceled)
		}
	})
	// A nil channel (context.Background().Done()) waits for the cell.
	if err := autoawait.Wait(nil); err != context.Canceled {
		t.Errorf("Wait(nil) = %v; want %v", err, context.Canceled)
	}
}
