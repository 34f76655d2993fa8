package autoawait

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// settle waits until the runners hold no goroutines: no abandoned task
// and no idle worker.
func settle(t *testing.T) {
	t.Helper()
	poll(t, "the worker pool to drain", func() bool {
		workers.mu.Lock()
		n := len(workers.idle)
		workers.mu.Unlock()
		return n == 0 && Abandoned() == 0
	})
}

func poll(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// After many awaits, and cancelled awaits whose tasks then finish, the
// runtime goes back to the goroutines it started with.
func TestGoroutineAccounting(t *testing.T) {
	settle(t)
	start := runtime.NumGoroutine()

	ctx, cancel := context.WithCancel(context.Background())
	end := Begin(ctx)
	for i := 0; i < 1000; i++ {
		if err := Do(func() error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	end()

	release := make(chan struct{})
	for i := 0; i < 100; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		end := Begin(ctx)
		started := make(chan struct{})
		go func() {
			<-started
			cancel()
		}()
		err := Do(func() error {
			close(started)
			<-release
			return nil
		})
		if err != context.Canceled {
			t.Fatalf("cancelled Do = %v", err)
		}
		end()
	}
	if n := Abandoned(); n != 100 {
		t.Errorf("Abandoned() = %d with 100 tasks still running; want 100", n)
	}
	close(release)
	poll(t, "Abandoned() to drop to 0", func() bool { return Abandoned() == 0 })
	cancel()
	poll(t, "the goroutines to go back to their start", func() bool { return runtime.NumGoroutine() <= start })
}

// Idle workers are reused: a loop of awaits does not start a goroutine
// per await.
func TestWorkerReuse(t *testing.T) {
	settle(t)
	ids := map[*worker]bool{}
	for i := 0; i < 100; i++ {
		w := workers.get()
		ids[w] = true
		w.state.Store(stateBusy)
		w.job <- func() error { return nil }
		w.result()
	}
	if len(ids) != 1 {
		t.Errorf("100 sequential tasks used %d workers; want 1", len(ids))
	}
}
