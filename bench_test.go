package igo_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/igolang/igo"
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
