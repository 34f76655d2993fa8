package autoawait_test

import (
	"context"
	"testing"

	"github.com/igolang/igo/autoawait"
)

//go:noinline
func square(k int) (int, error) { return k * k, nil }

// BenchmarkDo measures what `r, err = await square(k)` costs in a loop of
// compiled code, under a cell with a cancellable context, as the shell
// runs cells.
func BenchmarkDo(b *testing.B) {
	for _, name := range builtin {
		b.Run(name, func(b *testing.B) {
			old := autoawait.Current()
			autoawait.Use(name)
			defer autoawait.Use(old)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			end := autoawait.Begin(ctx)
			defer end()
			var r, sum int
			var err error
			b.ReportAllocs()
			for k := 0; b.Loop(); k++ {
				autoawait.Check(autoawait.Do(func() error { r, err = square(k); return nil }), "w")
				sum += r
			}
			_ = err
		})
	}
}

// BenchmarkGoPerTask is the hand-off the goroutine runner avoids: a new
// goroutine per task, a result channel and a select on the context.
func BenchmarkGoPerTask(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var r int
	b.ReportAllocs()
	for k := 0; b.Loop(); k++ {
		done := make(chan error, 1)
		go func() { var err error; r, err = square(k); done <- err }()
		select {
		case <-done:
		case <-ctx.Done():
		}
	}
	_ = r
}
