package igo_test

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// TestAwaitLeavesNoGoroutines: 1 000 awaits and 100 interrupted awaits
// leave no goroutine of igo's own behind.
func TestAwaitLeavesNoGoroutines(t *testing.T) {
	sh, _ := newShell(t)
	ctx := context.Background()
	run(t, sh, `work := func(k string) (int, error) { return strconv.Atoi(k) }`,
		`wait := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }`,
		`ch := make(chan int)`)
	// Warm up: the first cells start what a shell keeps for its life.
	run(t, sh, `r, err := await work("1")`, "1")
	base := runtime.NumGoroutine()

	if got := run(t, sh, `for i := 0; i < 1000; i++ { r, err = await work("2") }; r`); got[0] != "2" {
		t.Fatalf("awaits: %q", got[0])
	}
	for i := 0; i < 100; i++ {
		cell := []string{`await wait`, `await ch`}[i%2]
		cctx, cancel := context.WithCancel(ctx)
		go func() { time.Sleep(2 * time.Millisecond); cancel() }()
		if res, err := sh.Run(cctx, cell); err == nil {
			t.Fatalf("%s: not interrupted (cell %d, %+v)", cell, i, res)
		}
		cancel()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines after the awaits, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
	}
}
