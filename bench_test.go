package igo_test

import (
	"context"
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
