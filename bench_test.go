package igo_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/igolang/igo"
	"github.com/igolang/igo/timeit"
)

// BenchmarkFirstUse times a fresh shell's first cell: one that uses
// net/http (its types are built on first use, from the evaluator's symbol
// table, with no Go toolchain or build cache) against one that uses no
// package. The difference is what first use of net/http adds.
func BenchmarkFirstUse(b *testing.B) {
	for _, bc := range []struct{ name, cell string }{
		{"no-package", `"GET"`},
		{"net-http", `http.MethodGet`},
		{"net-http-client", `c := &http.Client{}; req, _ := http.NewRequest("GET", "http://x", nil); _ = c; req.URL.Host`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sh, err := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := sh.Run(context.Background(), bc.cell); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAwait times `r, err := await f(k)` in an interpreted loop of
// 10 000 iterations under each runner, against the plain interpreted call
// `r, err := f(k)`; ns/call is per iteration. bench/await prints the
// ratios.
func BenchmarkAwait(b *testing.B) {
	const loops = 10000
	for _, bc := range []struct{ name, runner, call string }{
		{"plain", "goroutine", "f(k)"},
		{"goroutine", "goroutine", "await f(k)"},
		{"inline", "inline", "await f(k)"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			sh, err := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			for _, c := range []string{
				"func f(k string) (int, error) { return len(k), nil }",
				`k := "abc"`,
				"%autoawait " + bc.runner,
			} {
				if _, err := sh.Run(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
			cell := fmt.Sprintf("for i := 0; i < %d; i++ {\n\tr, err := %s\n\t_, _ = r, err\n}", loops, bc.call)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := sh.Run(ctx, cell); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*loops), "ns/call")
		})
	}
	sh, _ := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
	sh.Run(context.Background(), "%autoawait goroutine")
}

// BenchmarkTimeitHarness compares what %timeit -n 1000000 x++ reports per
// loop with the per-iteration time of the same statement in a hand-written
// interpreted loop timed from outside (target: at most 1.2x); bench/timeit
// prints both and the ratio.
func BenchmarkTimeitHarness(b *testing.B) {
	const loops = 1000000
	sh, err := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	run := func(cell string) *igo.Result {
		res, err := sh.Run(ctx, cell)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	run("x := 0")
	var hand, harness time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		run(fmt.Sprintf("for i := 0; i < %d; i++ { x++ }", loops))
		hand += time.Since(start)
		res := run(fmt.Sprintf("%%timeit -q -o -n %d -r 1 x++", loops))
		r, ok := res.Value.(*timeit.Result)
		if !ok {
			b.Fatalf("%%timeit -o gave %T", res.Value)
		}
		harness += r.Runs[0]
	}
	handNs := float64(hand.Nanoseconds()) / float64(b.N*loops)
	harnessNs := float64(harness.Nanoseconds()) / float64(b.N*loops)
	b.ReportMetric(handNs, "hand-ns/op")
	b.ReportMetric(harnessNs, "timeit-ns/op")
	b.ReportMetric(harnessNs/handNs, "ratio")
}

// BenchmarkTimeitTrivial is the wall time of `%timeit x := 1` with the
// default options (target: at most 2.5 s; IPython's %timeit pass: ~6.9 s).
func BenchmarkTimeitTrivial(b *testing.B) {
	sh, err := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := sh.Run(context.Background(), "%timeit x := 1"); err != nil {
			b.Fatal(err)
		}
	}
}
