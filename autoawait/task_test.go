package autoawait_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/igolang/igo/autoawait"
)

func TestSpawnResult(t *testing.T) {
	task := autoawait.Spawn("f()", func(ctx context.Context) (any, error) { return 42, nil })
	var (
		v   any
		err error
	)
	within(t, 5*time.Second, "Wait", func() { v, err = task.Wait() })
	if v != 42 || err != nil {
		t.Errorf("Wait() = %v, %v; want 42, nil", v, err)
	}
	if got := task.State(); got != "done" {
		t.Errorf("State() = %q; want done", got)
	}
	if task.Code() != "f()" {
		t.Errorf("Code() = %q", task.Code())
	}

	boom := errors.New("boom")
	task = autoawait.Spawn("g()", func(ctx context.Context) (any, error) { return nil, boom })
	within(t, 5*time.Second, "Wait", func() { v, err = task.Wait() })
	if err != boom || task.State() != "failed" {
		t.Errorf("Wait() = %v, %v, State %q; want nil, boom, failed", v, err, task.State())
	}
}

// A task outlives the cell that spawns it.
func TestSpawnOutlivesCell(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	end := autoawait.Begin(ctx)
	release := make(chan struct{})
	task := autoawait.Spawn("h()", func(ctx context.Context) (any, error) {
		select {
		case <-release:
			return "ok", nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	cancel()
	// Waiting in the interrupted cell returns the cell's error; the task
	// goes on.
	if _, err := task.Wait(); err != context.Canceled {
		t.Errorf("Wait() in an interrupted cell = %v; want %v", err, context.Canceled)
	}
	end()
	if got := task.State(); got != "running" {
		t.Errorf("State() after the cell ended = %q; want running", got)
	}
	close(release)
	var v any
	within(t, 5*time.Second, "Wait", func() { v, _ = task.Wait() })
	if v != "ok" {
		t.Errorf("Wait() = %v; want ok", v)
	}
}

func TestTaskCancel(t *testing.T) {
	started := make(chan struct{})
	stopped := make(chan struct{})
	task := autoawait.Spawn("sleep()", func(ctx context.Context) (any, error) {
		close(started)
		<-ctx.Done()
		close(stopped)
		return nil, ctx.Err()
	})
	<-started
	task.Cancel()
	if got := task.State(); got != "cancelled" {
		t.Errorf("State() = %q; want cancelled", got)
	}
	var err error
	within(t, 5*time.Second, "Wait of a cancelled task", func() { _, err = task.Wait() })
	if err != context.Canceled {
		t.Errorf("Wait() = %v; want %v", err, context.Canceled)
	}
	within(t, 5*time.Second, "the task to see its context cancelled", func() { <-stopped })
	task.Cancel() // again: nothing changes
	if got := task.State(); got != "cancelled" {
		t.Errorf("State() = %q; want cancelled", got)
	}

	// A task that ignores its context ends at once for the shell.
	release := make(chan struct{})
	task = autoawait.Spawn("stubborn()", func(ctx context.Context) (any, error) {
		<-release
		return 1, nil
	})
	task.Cancel()
	within(t, 5*time.Second, "Wait of a cancelled stubborn task", func() { _, err = task.Wait() })
	if err != context.Canceled {
		t.Errorf("Wait() = %v; want %v", err, context.Canceled)
	}
	close(release)
	time.Sleep(time.Millisecond)
	if got := task.State(); got != "cancelled" {
		t.Errorf("State() after the code returned = %q; want cancelled", got)
	}
}

//go:noinline
func taskPanics() (any, error) {
	panic("task boom")
}

func TestTaskPanic(t *testing.T) {
	task := autoawait.Spawn("p()", func(ctx context.Context) (any, error) { return taskPanics() })
	var err error
	within(t, 5*time.Second, "Wait", func() { _, err = task.Wait() })
	pe, ok := err.(*autoawait.PanicError)
	if !ok || pe.Value != "task boom" {
		t.Fatalf("Wait() = %T %v; want *PanicError of task boom", err, err)
	}
	if !strings.Contains(string(pe.Stack), "taskPanics") {
		t.Errorf("stack does not mention taskPanics:\n%s", pe.Stack)
	}
	if got := task.State(); got != "failed" {
		t.Errorf("State() = %q; want failed", got)
	}
}

func TestTaskElapsed(t *testing.T) {
	release := make(chan struct{})
	task := autoawait.Spawn("wait()", func(ctx context.Context) (any, error) {
		<-release
		return nil, nil
	})
	e1 := task.Elapsed()
	time.Sleep(2 * time.Millisecond)
	e2 := task.Elapsed()
	if e2 <= e1 {
		t.Errorf("Elapsed() of a running task went from %v to %v; want it to grow", e1, e2)
	}
	close(release)
	<-task.Done()
	e3 := task.Elapsed()
	time.Sleep(2 * time.Millisecond)
	if e4 := task.Elapsed(); e4 != e3 || e3 < e2 {
		t.Errorf("Elapsed() of a finished task: %v, then %v; want it fixed, at least %v", e3, e4, e2)
	}
}

func TestJobs(t *testing.T) {
	a := autoawait.Spawn("a", func(ctx context.Context) (any, error) { return nil, nil })
	b := autoawait.Spawn("b", func(ctx context.Context) (any, error) { return nil, nil })
	if b.ID() != a.ID()+1 {
		t.Errorf("IDs %d, %d; want consecutive", a.ID(), b.ID())
	}
	if autoawait.Job(a.ID()) != a || autoawait.Job(b.ID()) != b {
		t.Error("Job(ID) does not return the task")
	}
	for _, n := range []int{0, -1, b.ID() + 1000} {
		if autoawait.Job(n) != nil {
			t.Errorf("Job(%d) != nil", n)
		}
	}
	tasks := autoawait.Tasks()
	for i, task := range tasks {
		if task.ID() != i+1 {
			t.Fatalf("Tasks()[%d].ID() = %d; want %d", i, task.ID(), i+1)
		}
	}
	if n := len(tasks); n < 2 || tasks[n-2] != a || tasks[n-1] != b {
		t.Error("Tasks() does not end with the last two tasks spawned")
	}
}
