package rewrite_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/igolang/igo/rewrite"
)

// sessionOf returns a session after n earlier cells of three kinds: a
// variable, a function, a type with a method.
func sessionOf(b *testing.B, n int) *rewrite.Session {
	s := newSession()
	for i := 0; i < n; i++ {
		var cell string
		switch i % 3 {
		case 0:
			cell = fmt.Sprintf("v%d := %d * 2", i, i)
		case 1:
			cell = fmt.Sprintf("func f%d(x int) int { return x + %d }", i, i)
		case 2:
			cell = fmt.Sprintf("type T%d struct{ A, B int }\nfunc (t T%d) Sum() int { return t.A + t.B }", i, i)
		}
		if _, err := rewrite.Cell(s, cell, &rewrite.Options{Display: fmt.Sprintf("_%d", i)}); err != nil {
			b.Fatalf("cell %d: %v", i, err)
		}
	}
	return s
}

// tenLines is a typical cell: it uses earlier names and packages and
// declares a few of its own.
const tenLines = `total := 0
for i := 0; i < len(v0s); i++ {
	total += v0s[i]
}
words := strings.Fields("a b c")
t := T2{A: 1, B: total}
sum := t.Sum() + f1(len(words))
fmt.Println(sum)
d := time.Duration(sum) * time.Millisecond
d.String()`

// BenchmarkCell rewrites and type-checks a 10-line cell in sessions of
// 10, 100 and 1000 earlier cells; the per-cell time should not grow.
func BenchmarkCell(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("session=%d", n), func(b *testing.B) {
			base := sessionOf(b, n)
			if _, err := rewrite.Cell(base.Clone(), "v0s := []int{v0, v3}", nil); err != nil {
				b.Fatal(err)
			}
			base2 := base.Clone()
			rewrite.Cell(base2, "v0s := []int{v0, v3}", nil)
			cell := tenLines
			if strings.Count(cell, "\n") != 9 {
				b.Fatal("the cell must have 10 lines")
			}
			sessions := clones(base2, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := rewrite.Cell(sessions[i], cell, &rewrite.Options{Display: "_x"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRedefine rewrites a cell that gives an earlier name a new type:
// the session's scope is rebuilt, a cost that grows with the session.
func BenchmarkRedefine(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("session=%d", n), func(b *testing.B) {
			base := sessionOf(b, n)
			sessions := clones(base, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := rewrite.Cell(sessions[i], `v0 := "now a string"`, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// clones prepares n copies of s, so that each iteration starts from the
// same session and the copying is not timed.
func clones(s *rewrite.Session, n int) []*rewrite.Session {
	out := make([]*rewrite.Session, n)
	for i := range out {
		out[i] = s.Clone()
	}
	return out
}
