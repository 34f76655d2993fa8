package igo_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
)

// countCell declares the iterator most cases range over.
const countCell = `func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}`

// TestRangeFunc runs range over functions (Go 1.23) end to end: the
// rewrite lowers each loop to a call of the iterator, which the evaluator
// (yaegi v0.16.1) runs. Each case is a fresh shell that has count; want
// is what the user sees of each cell.
func TestRangeFunc(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		want  []string
	}{
		{"break", []string{
			"var got []int\nfor i := range count(5) { if i == 3 { break }; got = append(got, i) }\ngot",
		}, []string{"[0 1 2] // []int"}},
		{"continue", []string{
			"s := 0\nfor i := range count(5) { if i%2 == 0 { continue }; s += i }\ns",
		}, []string{"4"}},
		{"two variables and none", []string{
			"func pairs(yield func(string, int) bool) { _ = yield(\"a\", 1) && yield(\"b\", 2) }",
			"s := \"\"\nfor k, v := range pairs { s += fmt.Sprint(k, v) }\nfor k := range pairs { s += k }\nfor range pairs { s += \".\" }\ns",
		}, []string{"", "a1b2ab.."}},
		{"assign existing variables", []string{
			"func pairs(yield func(string, int) bool) { _ = yield(\"a\", 1) && yield(\"b\", 2) }",
			"var k string; var v int\nfor k, v = range pairs {}\nfmt.Sprint(k, v)",
		}, []string{"", "b2"}},
		{"closure per iteration", []string{
			"var fs []func() int\nfor i := range count(3) { fs = append(fs, func() int { return i * 10 }) }\nfmt.Sprint(fs[0](), fs[1](), fs[2]())",
		}, []string{"0 10 20"}},
		{"variable named like a session variable", []string{
			"i := 100",
			"s := 0\nfor i := range count(3) { s += i }\nfmt.Sprint(i, s)",
		}, []string{"", "100 3"}},
		{"labelled break and continue of outer loops", []string{
			"var got []string\nouter:\nfor i := range count(4) {\n\tfor j := range count(4) {\n\t\tif j > i { continue outer }\n\t\tif i == 3 { break outer }\n\t\tgot = append(got, fmt.Sprint(i, j))\n\t}\n}\nstrings.Join(got, \",\")",
			"var got []string\nrows:\nfor r := 0; r < 3; r++ {\n\tfor c := range count(3) {\n\t\tif c == 1 { continue rows }\n\t\tgot = append(got, fmt.Sprint(r, c))\n\t}\n}\nstrings.Join(got, \",\")",
		}, []string{"0 0,1 0,1 1,2 0,2 1,2 2", "0 0,1 0,2 0"}},
		{"return", []string{
			"func firstSquareOver(limit int) (int, bool) {\n\tfor v := range count(100) {\n\t\tif v*v > limit { return v, true }\n\t}\n\treturn 0, false\n}",
			"fmt.Sprint(firstSquareOver(50))",
			"fmt.Sprint(firstSquareOver(1 << 20))",
			"func grid() (at string) {\n\tfor i := range count(3) {\n\t\tfor j := range count(3) {\n\t\t\tif i*j == 2 { at = fmt.Sprint(i, j); return }\n\t\t}\n\t}\n\treturn \"none\"\n}",
			"grid()",
		}, []string{"", "8 true", "0 false", "", "1 2"}},
		{"return from a function literal", []string{
			"first := func(s []string) string {\n\tfor i := range count(len(s)) { if s[i] != \"\" { return s[i] } }\n\treturn \"?\"\n}",
			`first([]string{"", "b"}) + first(nil)`,
		}, []string{"", "b?"}},
		{"goto out of the body", []string{
			"func retry() (got []int) {\n\ttries := 0\nagain:\n\ttries++\n\tfor i := range count(5) {\n\t\tif i == 2 && tries < 3 { goto again }\n\t\tif i == 3 { goto out }\n\t\tgot = append(got, tries*10+i)\n\t}\nout:\n\treturn got\n}",
			"retry()",
		}, []string{"", "[10 11 20 21 30 31 32] // []int"}},
		{"defer runs when the function returns", []string{
			"var log []string\nfunc note(s string, i int) { log = append(log, fmt.Sprint(s, i)) }",
			"func f() {\n\tdefer note(\"first\", 0)\n\tfor i := range count(2) {\n\t\tfor j := range count(2) { defer note(\"ij\", i*10+j) }\n\t\tdefer note(\"i\", i)\n\t}\n\tnote(\"body\", 0)\n\tdefer note(\"last\", 0)\n}",
			"f(); strings.Join(log, \" \")",
		}, []string{"", "", "body0 last0 i1 ij11 ij10 i0 ij1 ij0 first0"}},
		{"iterator continues after break", []string{
			"func bad(yield func(int) bool) { yield(1); yield(2) }",
			"for x := range bad { _ = x; break }",
		}, []string{"", "error: panic: runtime error: range function continued iteration after function for loop body returned false"}},
		{"iterator continues after the loop", []string{
			"var kept func(int) bool\nfunc keep(yield func(int) bool) { kept = yield; yield(1) }",
			"for x := range keep { _ = x }",
			"kept(2)",
		}, []string{"", "", "error: panic: runtime error: range function continued iteration after whole loop exit"}},
		{"iterator recovers a panic of the body", []string{
			"func swallow(yield func(int) bool) { defer func() { recover() }(); yield(1) }",
			"for x := range swallow { panic(x) }",
		}, []string{"", "error: panic: runtime error: range function recovered a loop body panic and did not resume panicking"}},
		{"check panics are runtime errors", []string{
			"func bad(yield func(int) bool) { yield(1); yield(2) }",
			"func try() (isRuntime bool) {\n\tdefer func() { _, isRuntime = recover().(runtime.Error) }()\n\tfor range bad { break }\n\treturn\n}",
			"try()",
		}, []string{"", "", "true"}},
		{"panic of the body goes through", []string{
			"for i := range count(3) { if i == 1 { panic(\"boom\") } }",
			"1 + 1",
		}, []string{"error: panic: boom", "2"}},
		{"await in the body", []string{
			"func tenfold(i int) (int, error) { return 10 * i, nil }",
			"t := 0\nfor v := range count(3) { t += await tenfold(v) }\nt",
		}, []string{"", "30"}},
		{"range over an integer in the body", []string{
			"var got []int\nfor i := range count(3) { for j := range i { got = append(got, i*10+j) } }\ngot",
		}, []string{"[10 20 21] // []int"}},
		{"named iterator type and method", []string{
			"type Seq func(yield func(int) bool)\ntype List struct{ xs []int }\nfunc (l *List) All() Seq {\n\treturn func(yield func(int) bool) { for _, x := range l.xs { if !yield(x) { return } } }\n}",
			"s := 0\nfor x := range (&List{[]int{4, 5}}).All() { s += x }\ns",
		}, []string{"", "9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, _ := newShell(t)
			if got := run(t, sh, countCell); got[0] != "" {
				t.Fatalf("count: %s", got[0])
			}
			if diff := cmp.Diff(tt.want, run(t, sh, tt.cells...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestRangeFuncPrints: what the body prints and a deferred call of the
// cell's own code reach the output in Go's order.
func TestRangeFuncPrints(t *testing.T) {
	sh, out := newShell(t)
	run(t, sh, countCell, "for i := range count(3) {\n\tdefer fmt.Println(\"deferred\", i)\n\tif i == 1 { continue }\n\tfmt.Println(\"i\", i)\n}\nfmt.Println(\"after\")")
	want := "i 0\ni 2\nafter\ndeferred 2\ndeferred 1\ndeferred 0\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("printed (-want +got):\n%s", diff)
	}
}

// TestRangeFuncConformance runs Go's own test of range over functions
// ($GOROOT/test/range4.go: counts, break, continue, return, defer order,
// assignment to index expressions) as a cell: it panics on a difference.
func TestRangeFuncConformance(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "test", "range4.go"))
	if err != nil {
		t.Skipf("no Go test directory: %v", err)
	}
	code := regexp.MustCompile(`(?m)^package main$`).ReplaceAllString(string(src), "")
	code = regexp.MustCompile(`(?m)^func main\(\)`).ReplaceAllString(code, "func range4()")
	sh, out := newShell(t)
	got := run(t, sh, code, "range4()")
	if diff := cmp.Diff([]string{"", ""}, got); diff != "" || out.Len() > 0 {
		t.Errorf("(-want +got):\n%s\noutput:\n%s", diff, out)
	}
}

// BenchmarkRangeFunc times a 1 000 000-iteration range over a function in
// a cell against the same loop written as the call it is lowered to (the
// body a yield closure); ns/op is per loop.
func BenchmarkRangeFunc(b *testing.B) {
	for _, bc := range []struct{ name, cell string }{
		{"range", "s := 0\nfor i := range count(1000000) { s += i }"},
		{"yield", "s := 0\ncount(1000000)(func(i int) bool { s += i; return true })"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			sh, err := igo.New(&igo.Options{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			if _, err := sh.Run(ctx, countCell); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := sh.Run(ctx, bc.cell); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
