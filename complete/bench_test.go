package complete_test

import (
	"fmt"
	"testing"

	"github.com/igolang/igo/complete"
)

// sessionOf returns a completer over a session of n cells of three kinds
// (a variable, a function, a type with a method), then a struct and a
// variable of it.
func sessionOf(b *testing.B, n int) *complete.Config {
	cells := make([]string, 0, n+2)
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			cells = append(cells, fmt.Sprintf("v%d := %d * 2", i, i))
		case 1:
			cells = append(cells, fmt.Sprintf("func f%d(x int) int { return x + %d }", i, i))
		case 2:
			cells = append(cells, fmt.Sprintf("type T%d struct{ A, B int }\nfunc (t T%d) Sum() int { return t.A + t.B }", i, i))
		}
	}
	cells = append(cells, `type P struct{ Name string; Age int; T2 }`, `p := P{}`)
	return newConfig(b, cells...)
}

// BenchmarkComplete completes in a session of 1 000 cells: a package
// member, a field, a session name, and a field of a name the cell being
// typed declares. The target is under 5 ms per Tab.
func BenchmarkComplete(b *testing.B) {
	cfg := sessionOf(b, 1000)
	for _, bc := range []struct{ name, line, want string }{
		{"member", "strings.Rep", "Repeat"},
		{"field", "p.Na", "Name"},
		{"promoted", "p.Su", "Sum"},
		{"name", "v99", "v99"},
		{"cell", "r := strings.NewReader(\"x\")\nfor i := range 3 {\n\tfmt.Println(i, p.Na", "Name"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cands, _ := complete.Complete(cfg, bc.line, len(bc.line))
			if len(cands) == 0 || cands[0].Text != bc.want {
				b.Fatalf("Complete(%q) = %v, want %s first", bc.line, cands, bc.want)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				complete.Complete(cfg, bc.line, len(bc.line))
			}
		})
	}
}
