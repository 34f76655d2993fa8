package igo_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
)

// TestLowering runs, end to end, the Go that the evaluator (yaegi
// v0.16.1) lacks and the rewrite lowers: range over integers, min, max
// and clear. Each case is a fresh shell; want is what the user sees of
// each cell.
func TestLowering(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		want  []string
	}{
		// range over an integer
		{"range break continue", []string{
			"sum := 0\nfor i := range 10 {\n\tif i == 2 { continue }\n\tif i == 5 { break }\n\tsum += i\n}\nsum",
		}, []string{"8"}},
		{"range without variable", []string{"n := 0; for range 4 { n++ }; n"}, []string{"4"}},
		{"range closure per iteration", []string{
			"var fs []func() int\nfor i := range 3 { fs = append(fs, func() int { return i }) }\nfmt.Sprint(fs[0](), fs[1](), fs[2]())",
		}, []string{"0 1 2"}},
		{"range address per iteration", []string{
			"var ps []*int\nfor i := range 3 { ps = append(ps, &i) }\nfmt.Sprint(*ps[0], *ps[1], *ps[2])",
		}, []string{"0 1 2"}},
		{"range goroutines per iteration", []string{
			"var wg sync.WaitGroup\nvar mu sync.Mutex\ngot := 0\nfor i := range 4 {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); mu.Lock(); got += 1 << i; mu.Unlock() }()\n}\nwg.Wait()\ngot",
		}, []string{"15"}},
		{"range body changes its copy", []string{
			"var got []int\nfor i := range 3 { i += 10; got = append(got, i) }\nfmt.Sprint(got)",
		}, []string{"[10 11 12]"}},
		{"range body redeclares the variable", []string{
			"var fs []func() int\nfor i := range 2 { i := i * 100; fs = append(fs, func() int { return i }) }\nfs[0]() + fs[1]()",
		}, []string{"100"}},
		{"range bound evaluated once", []string{
			"calls := 0\nfunc bound() int { calls++; return 3 }",
			"sum := 0; for i := range bound() { sum += i }; fmt.Sprint(sum, calls)",
		}, []string{"", "3 1"}},
		{"range bound variable changed by the body", []string{
			"m := 3; count := 0; for range m { m--; count++ }; fmt.Sprint(count, m)",
		}, []string{"3 0"}},
		{"range labeled continue", []string{
			"var got []string\nouter:\nfor i := range 3 {\n\tfor j := range 3 {\n\t\tif j > i { continue outer }\n\t\tgot = append(got, fmt.Sprint(i, j))\n\t}\n}\nstrings.Join(got, \",\")",
		}, []string{"0 0,1 0,1 1,2 0,2 1,2 2"}},
		{"range typed bound", []string{
			"var kinds []string; for i := range int8(2) { kinds = append(kinds, fmt.Sprintf(\"%T\", i)) }; kinds[0]",
			"var d time.Duration; for d = range time.Duration(3) {}; d",
			"var k int8; for k = range 4 {}; fmt.Sprintf(\"%T %v\", k, k)",
		}, []string{"int8", "2ns // time.Duration", "int8 3"}},
		{"range in a declared function", []string{
			"func sumTo(n int) (s int) { for i := range n { s += i }; return }",
			"sumTo(5)",
		}, []string{"", "10"}},
		{"range with await", []string{
			"func twice(i int) (int, error) { return 2 * i, nil }",
			"total := 0; for i := range await twice(2) { total += await twice(i) }; total",
		}, []string{"", "12"}},
		{"range variable named like a session variable", []string{
			"i := 100",
			"sum := 0; for i := range 3 { sum += i }; fmt.Sprint(i, sum)",
			"var fs []func() int; for i := range 2 { fs = append(fs, func() int { return i }) }; fmt.Sprint(i, fs[0](), fs[1]())",
		}, []string{"", "100 3", "100 0 1"}},
		{"closures after a range at the top level", []string{
			"for i := range 2 { _ = i }",
			"var fs []func() int\nfor k := 0; k < 2; k++ { i := k; fs = append(fs, func() int { return i }) }\nfs[0]() + 10*fs[1]()",
		}, []string{"", "10"}},

		// min and max
		{"min max constant", []string{
			"min(3, 1, 2)", "max(2.5, 1)", "r := max('a', 100); fmt.Sprintf(\"%T %v\", r, r)", "const c = min(1.5, 2) * 2; c",
		}, []string{"1", "2.5", "int32 100", "3"}},
		{"min max variables", []string{
			"a, b, c := 4, 7, -2", "min(a, b, c)", "max(a, b, c)", "max(a, 10)",
		}, []string{"", "-2", "7", "10"}},
		{"min max strings", []string{
			`a, b := "pear", "apple"`, `min(a, b) + " " + max(a, b, "zebra")`,
		}, []string{"", "apple zebra"}},
		{"min max NaN", []string{
			"x, nan := 2.0, math.NaN()", "max(nan, x)", "min(x, nan)", "min(x, nan, 1)", "max(float32(x), float32(nan))",
		}, []string{"", "NaN", "NaN", "NaN", "NaN // float32"}},
		{"min max negative zero", []string{
			"z, nz := 0.0, math.Copysign(0, -1)",
			"math.Signbit(min(z, nz))", "math.Signbit(min(nz, z))",
			"math.Signbit(max(z, nz))", "math.Signbit(max(nz, z))", "math.Signbit(max(nz, nz))",
			"func minZero() bool { z, nz := 0.0, math.Copysign(0, -1); return math.Signbit(min(z, nz)) }", "minZero()",
		}, []string{"", "true", "true", "false", "false", "true", "", "true"}},
		{"min max arguments once in order", []string{
			"var order []int\nf := func(v int) int { order = append(order, v); return v }",
			"m := min(f(3), f(1), f(2)); fmt.Sprint(m, order)",
		}, []string{"", "1 [3 1 2]"}},
		{"min max named type", []string{
			"type Celsius float64", "a, b := Celsius(3), Celsius(-1)", "max(a, b)", "min(a, b, 0)",
		}, []string{"", "", "3 // Celsius", "-1 // Celsius"}},

		// clear
		{"clear map", []string{
			`m := map[string]int{"a": 1, "b": 2}; alias := m; clear(m); fmt.Sprint(len(m), len(alias))`,
		}, []string{"0 0"}},
		{"clear slice", []string{
			"s := []int{1, 2, 3}; clear(s[:2]); fmt.Sprint(s)",
			"type P struct{ X int }\nps := []P{{1}, {2}}; ptrs := []*int{new(int)}; names := []string{\"a\"}\nclear(ps); clear(ptrs); clear(names)\nfmt.Sprint(ps, ptrs[0] == nil, len(names[0]))",
		}, []string{"[0 0 3]", "[{0} {0}] true 0"}},
		{"clear argument once", []string{
			"calls := 0\nmm := map[int]int{1: 1}\nget := func() map[int]int { calls++; return mm }",
			"clear(get()); fmt.Sprint(len(mm), calls)",
		}, []string{"", "0 1"}},
		{"clear deferred", []string{
			"m := map[int]int{1: 1}\nfunc() {\n\tdefer clear(m)\n\tm[2] = 2\n}()\nlen(m)",
		}, []string{"0"}},
		// A known difference: delete cannot remove a NaN key (Go's clear does).
		{"clear map NaN key stays", []string{
			"m := map[float64]int{math.NaN(): 1, 2: 2}; clear(m); len(m)",
		}, []string{"1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, _ := newShell(t)
			if diff := cmp.Diff(tt.want, run(t, sh, tt.cells...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoweringPrints: what lowered loops print reaches the cell's output,
// in order.
func TestLoweringPrints(t *testing.T) {
	sh, out := newShell(t)
	run(t, sh, "for i := range 3 {\n\tif i == 1 { continue }\n\tfmt.Println(\"i\", i, min(i, 1), max(i, 1))\n}")
	if got, want := out.String(), "i 0 0 1\ni 2 1 2\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// TestInternalEvaluatorError: a panic of yaegi itself, on code the type
// checker accepts, is an error of that cell, not a panic of the user's
// code, and the session goes on.
func TestInternalEvaluatorError(t *testing.T) {
	sh, _ := newShell(t)
	got := run(t, sh, "func count(xs ...any) int { return len(xs) }", "n := 7", "count(nil...)", "count(1, 2) + n")
	want := []string{"", "", "error: In[3]: internal evaluator error: CFG post-order panic: runtime error: invalid memory address or nil pointer dereference", "9"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err := sh.Run(context.Background(), "count(nil...)")
	var pe *igo.PanicError
	if errors.As(err, &pe) {
		t.Errorf("reported as a panic of the cell: %v", err)
	}
	if !strings.HasPrefix(igo.ErrorText(err), "error: In[5]: internal evaluator error: ") {
		t.Errorf("ErrorText = %q", igo.ErrorText(err))
	}
}

// TestYaegiInternalError: the evaluator itself returns an *InternalError
// for a chunk yaegi panics on (range over an integer, which the rewrite
// lowers, makes yaegi's compiler panic when it is given unlowered), and
// keeps working.
func TestYaegiInternalError(t *testing.T) {
	y := igo.NewYaegi(strings.NewReader(""), io.Discard, io.Discard)
	ctx := context.Background()
	if _, err := y.Eval(ctx, "x := 41"); err != nil {
		t.Fatal(err)
	}
	_, err := y.Eval(ctx, "for i := range 3 { _ = i }")
	var ie *igo.InternalError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v (%T), want *igo.InternalError", err, err)
	}
	if got, want := err.Error(), "internal evaluator error: nil type"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if len(ie.Stack) == 0 {
		t.Error("no stack")
	}
	// A panic of the code itself is still the code's.
	_, err = y.Eval(ctx, `panic("boom")`)
	if err == nil || errors.As(err, &ie) {
		t.Errorf("panic of the code: err = %v (%T)", err, err)
	}
	v, err := y.Eval(ctx, "x + 1")
	if err != nil || v.Interface() != 42 {
		t.Errorf("after the error: %v, %v; want 42", v, err)
	}
}
