package autoawait_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/igolang/igo/autoawait"
)

var builtin = []string{"goroutine", "inline", "group"}

func TestRunnerResult(t *testing.T) {
	for _, name := range builtin {
		t.Run(name, func(t *testing.T) {
			r, _ := autoawait.Lookup(name)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			v := 0
			if err := r.Run(ctx, func() error { v = 42; return nil }); err != nil || v != 42 {
				t.Errorf("Run = %v, v = %d; want nil, 42", err, v)
			}
			boom := errors.New("boom")
			if err := r.Run(ctx, func() error { return boom }); err != boom {
				t.Errorf("Run = %v; want the task's error %v", err, boom)
			}
			// Outside a cancellable context too.
			if err := r.Run(context.Background(), func() error { return boom }); err != boom {
				t.Errorf("Run(Background) = %v; want %v", err, boom)
			}
		})
	}
}

// A cancelled Run returns the context's error while a task that ignores
// its context is still blocked.
func TestRunnerCancelAbandons(t *testing.T) {
	for _, name := range []string{"goroutine", "group"} {
		t.Run(name, func(t *testing.T) {
			r, _ := autoawait.Lookup(name)
			ctx, cancel := context.WithCancel(context.Background())
			started, release, finished := make(chan struct{}), make(chan struct{}), make(chan struct{})
			go func() {
				<-started
				cancel()
			}()
			var err error
			within(t, 5*time.Second, "cancelled Run", func() {
				err = r.Run(ctx, func() error {
					close(started)
					<-release
					close(finished)
					return nil
				})
			})
			select {
			case <-finished:
				t.Fatal("task finished before Run returned")
			default:
			}
			if err != context.Canceled {
				t.Errorf("Run = %v; want %v", err, context.Canceled)
			}
			// The abandoned task does not hold up the next one.
			ctx2, cancel2 := context.WithCancel(context.Background())
			defer cancel2()
			within(t, 5*time.Second, "Run after an abandoned task", func() {
				if err := r.Run(ctx2, func() error { return nil }); err != nil {
					t.Errorf("next Run = %v", err)
				}
			})
			close(release)
			<-finished
		})
	}
}

// The inline runner interrupts what takes its context, and does not
// start a task once the context is done.
func TestInlineCancel(t *testing.T) {
	r, _ := autoawait.Lookup("inline")
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	go func() {
		<-started
		cancel()
	}()
	var err error
	within(t, 5*time.Second, "inline Run", func() {
		err = r.Run(ctx, func() error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		})
	})
	if err != context.Canceled {
		t.Errorf("Run = %v; want %v", err, context.Canceled)
	}
	ran := false
	if err := r.Run(ctx, func() error { ran = true; return nil }); err != context.Canceled || ran {
		t.Errorf("Run on a done context = %v, ran = %v; want %v, false", err, ran, context.Canceled)
	}
}

func TestDoneContextDoesNotRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, name := range builtin {
		r, _ := autoawait.Lookup(name)
		ran := false
		if err := r.Run(ctx, func() error { ran = true; return nil }); err != context.Canceled || ran {
			t.Errorf("%s: Run on a done context = %v, ran = %v; want %v, false", name, err, ran, context.Canceled)
		}
	}
}

//go:noinline
func panicky() error {
	panic("boom in panicky")
}

func TestRunnerPanic(t *testing.T) {
	for _, name := range builtin {
		t.Run(name, func(t *testing.T) {
			r, _ := autoawait.Lookup(name)
			err := r.Run(context.Background(), panicky)
			pe, ok := err.(*autoawait.PanicError)
			if !ok {
				t.Fatalf("Run = %T %v; want *PanicError", err, err)
			}
			if pe.Value != "boom in panicky" {
				t.Errorf("Value = %#v; want %q", pe.Value, "boom in panicky")
			}
			if got, want := pe.Error(), "panic: boom in panicky"; got != want {
				t.Errorf("Error() = %q; want %q", got, want)
			}
			if !strings.Contains(string(pe.Stack), "autoawait_test.panicky") {
				t.Errorf("stack does not mention panicky:\n%s", pe.Stack)
			}
		})
	}
}

// A runtime error behind a PanicError is still found by errors.As.
func TestPanicErrorUnwrap(t *testing.T) {
	r, _ := autoawait.Lookup("goroutine")
	err := r.Run(context.Background(), func() error {
		var m map[string]int
		m["x"] = 1
		return nil
	})
	var re interface{ RuntimeError() }
	if !errors.As(err, &re) {
		t.Errorf("errors.As(%v, runtime.Error) = false", err)
	}
}

// A task that ends its goroutine with runtime.Goexit is reported, and
// the next task runs.
func TestGoroutineGoexit(t *testing.T) {
	r, _ := autoawait.Lookup("goroutine")
	var err error
	within(t, 5*time.Second, "Run of a Goexit task", func() {
		err = r.Run(context.Background(), func() error {
			runtime.Goexit()
			return nil
		})
	})
	if err == nil || !strings.Contains(err.Error(), "Goexit") {
		t.Errorf("Run = %v; want an error about runtime.Goexit", err)
	}
	if err := r.Run(context.Background(), func() error { return nil }); err != nil {
		t.Errorf("next Run = %v", err)
	}
}

func TestInlineRunsOnCaller(t *testing.T) {
	for _, tc := range []struct {
		name string
		same bool
	}{{"inline", true}, {"goroutine", false}, {"group", false}} {
		r, _ := autoawait.Lookup(tc.name)
		caller, task := goid(), 0
		r.Run(context.Background(), func() error { task = goid(); return nil })
		if (caller == task) != tc.same {
			t.Errorf("%s: caller goroutine %d, task goroutine %d; same = %v, want %v", tc.name, caller, task, caller == task, tc.same)
		}
	}
}

// Do uses the selected runner and the current cell's context.
func TestDo(t *testing.T) {
	for _, name := range builtin {
		t.Run(name, func(t *testing.T) {
			useRunner(t, name)
			ctx, cancel := context.WithCancel(context.Background())
			end := autoawait.Begin(ctx)
			defer end()
			if err := autoawait.Do(func() error { return nil }); err != nil {
				t.Errorf("Do = %v", err)
			}
			cancel()
			if err := autoawait.Do(func() error { return nil }); err != context.Canceled {
				t.Errorf("Do after cancel = %v; want %v", err, context.Canceled)
			}
		})
	}
}

type countRunner struct{ n int }

func (c *countRunner) Run(ctx context.Context, task func() error) error {
	c.n++
	return task()
}

// uniqueName returns a runner name not registered yet: registrations
// last for the process, and tests may run more than once (-count).
func uniqueName(prefix string) string {
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s-%d", prefix, n)
		if _, ok := autoawait.Lookup(name); !ok {
			return name
		}
	}
}

func TestRegister(t *testing.T) {
	cr := &countRunner{}
	name := uniqueName("count")
	if err := autoawait.Register(name, cr); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		r    autoawait.Runner
		want string
	}{
		{"", cr, "empty"},
		{"goroutine", cr, "taken"},
		{name, cr, "taken"},
		{"nil-test", nil, "nil runner"},
	} {
		err := autoawait.Register(tc.name, tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Register(%q) = %v; want an error containing %q", tc.name, err, tc.want)
		}
	}
	if r, ok := autoawait.Lookup(name); !ok || r != cr {
		t.Errorf("Lookup(%q) = %v, %v", name, r, ok)
	}
	if _, ok := autoawait.Lookup("nosuch"); ok {
		t.Error("Lookup(nosuch) found a runner")
	}
	names := autoawait.Names()
	for _, want := range append(builtin, name) {
		if !contains(names, want) {
			t.Errorf("Names() = %v; want %q in it", names, want)
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("Names() = %v; not sorted", names)
		}
	}

	if got := autoawait.Current(); got != "goroutine" {
		t.Errorf("Current() = %q; want the default, goroutine", got)
	}
	useRunner(t, name)
	if got := autoawait.Current(); got != name {
		t.Errorf("Current() = %q; want %q", got, name)
	}
	autoawait.Do(func() error { return nil })
	if cr.n != 1 {
		t.Errorf("registered runner ran %d tasks; want 1", cr.n)
	}
	err := autoawait.Use("nosuch")
	if err == nil || !strings.Contains(err.Error(), `"nosuch"`) || !strings.Contains(err.Error(), "goroutine, group, inline") {
		t.Errorf("Use(nosuch) = %v; want an error naming it and listing the runners", err)
	}
	if got := autoawait.Current(); got != name {
		t.Errorf("after a failed Use, Current() = %q; want %q", got, name)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
