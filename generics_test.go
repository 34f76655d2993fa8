package igo_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
)

// number is a constraint for the cells below (cmp.Ordered needs the
// standard library's generic code).
const number = "type Number interface{ ~int | ~int64 | ~float64 | ~string }"

// TestGenerics runs generic code declared at the prompt, which the
// evaluator (yaegi v0.16.1) cannot run itself: each list of type
// arguments gets a copy, made once. Each case is a fresh shell; want is
// what the user sees of each cell.
func TestGenerics(t *testing.T) {
	const (
		max   = "func Max[T Number](a, b T) T { if a > b { return a }; return b }"
		stack = "type Stack[T any] struct{ items []T }\n" +
			"func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\n" +
			"func (s *Stack[T]) Pop() T { v := s.items[len(s.items)-1]; s.items = s.items[:len(s.items)-1]; return v }"
		mapf = "func Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }"
	)
	tests := []struct {
		name  string
		cells []string
		want  []string
	}{
		{"session", []string{
			number, max,
			"Max(3, 7)",
			`Max("a", "b")`,
			stack,
			"var s Stack[int]; s.Push(1); s.Push(2); s.Pop()",
			mapf,
			"Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(Max(i, 2)) })",
			"func Max[T Number](a, b T) T { if a < b { return a }; return b }",
			"Max(3, 7)",
			"s",
		}, []string{"", "", "7", "b", "", "2", "", "[2 2 3] // []string", "", "3", "{[1]} // Stack[int]"}},

		// An instance made by one cell serves the next ones: values of
		// Stack[int] from two cells have one type.
		{"across three cells", []string{
			stack,
			"var a Stack[int]; a.Push(4)",
			"var b Stack[int]; b.Push(5); b = a; b.Pop()",
			"c := []Stack[int]{a, b}; len(c)",
		}, []string{"", "", "4", "2"}},

		// Redeclaring a generic function changes its instances, and those
		// of the generic code that calls it.
		{"redefinition", []string{
			number, max,
			"func Biggest[T Number](xs ...T) T { m := xs[0]; for _, x := range xs { m = Max(m, x) }; return m }",
			"Biggest(3, 9, 2)",
			"func Max[T Number](a, b T) T { if a < b { return a }; return b }",
			"Biggest(3, 9, 2)",
			"Max(3, 7)",
			`Biggest("b", "a", "c")`,
		}, []string{"", "", "", "9", "", "2", "3", "a"}},

		// A generic type declared again is a new type, as in Go: values of
		// the old one keep their methods.
		{"type redeclared", []string{
			stack,
			"var s Stack[int]; s.Push(1); s.Push(2)",
			"type Stack[T any] struct{ items []T; pushes int }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v, v); s.pushes++ }",
			"var t Stack[int]; t.Push(3); t",
			"s.Push(4); s.Pop() + len(s.items)",
		}, []string{"", "", "", "{[3 3] 1} // Stack[int]", "6"}},

		{"generic type with methods", []string{
			"type Pair[K comparable, V any] struct{ Key K; Val V }\nfunc (p Pair[K, V]) String() string { return fmt.Sprintf(\"%v=%v\", p.Key, p.Val) }\nfunc (p *Pair[K, V]) Set(v V) { p.Val = v }",
			`p := Pair[string, int]{"a", 1}; p.Set(2); p`,
			`fmt.Sprint(Pair[int, bool]{1, true}, " ", p)`,
			"type Named struct{ Pair[string, int]; note string }",
			`n := Named{Pair: Pair[string, int]{Key: "k"}, note: "x"}; n.Set(9); n.Key + n.String()`,
		}, []string{"", "a=2 // Pair[string, int]", "1=true a=2", "", "kk=9"}},

		{"generic calling generic", []string{
			mapf,
			"func Filter[T any](xs []T, keep func(T) bool) []T { var out []T; for _, x := range xs { if keep(x) { out = append(out, x) } }; return out }",
			"func Lens[T ~string](xs []T) []int { return Map(Filter(xs, func(s T) bool { return len(s) > 1 }), func(s T) int { return len(s) }) }",
			`Lens([]string{"a", "bcd", "ef"})`,
			"Map([]float64{0.5}, func(f float64) int { return int(f * 10) })",
		}, []string{"", "", "", "[3 2] // []int", "[5] // []int"}},

		{"generic func values", []string{
			number, max,
			"f := Max[int]",
			"f(10, 4)",
			"Max[string];",
			`h := Max[string]; h("x", "y") + fmt.Sprintf(" %T", h)`,
			"var g func(float64, float64) float64 = Max; g(0.5, 1.5)",
		}, []string{"", "", "", "10", "", "y func(string, string) string", "1.5"}},

		{"lowered in instances", []string{
			"func Clamp[T ~int | ~float64](x, lo, hi T) T { return max(lo, min(x, hi)) }",
			"func Count[T ~int](n T) (s T) { for i := range n { s += i }; return }",
			"fmt.Sprint(Clamp(12, 0, 10), Clamp(-0.5, 0, 1), Count(5))",
		}, []string{"", "", "10 0 10"}},

		// After %reset the names are free again; the evaluator keeps the
		// instances of types, and their values.
		{"reset", []string{
			number, max, stack,
			"var s Stack[int]; s.Push(1); Max(1, 2)",
			"%reset -f",
			number, max, stack,
			"var t Stack[int]; t.Push(7); t.Push(8); Max(t.Pop(), 3)",
		}, []string{"", "", "", "2", "", "", "", "", "8"}},

		{"errors", []string{
			"func Id[T any](x T) T { return x }",
			"func f() int {\n\ttype local int\n\treturn int(Id(local(1)))\n}",
			stack,
			"func (s *Stack[T]) Len() int { return len(s.items) }",
			"Id(41) + 1",
		}, []string{
			"",
			"error: In[2]:3:13: igo cannot instantiate generic code with local, a type declared inside a function, yet",
			"",
			"error: In[4]:1:20: a method of generic type Stack must be declared in the cell that declares the type",
			"42",
		}},
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

// TestGenericsTooManyInstances: generic code whose instances never end
// (or are too many) is an error at the generic code that makes them, for
// the cell that needs them; the session goes on.
func TestGenericsTooManyInstances(t *testing.T) {
	var b strings.Builder
	const n = 11 // 2^11 instances of the last: each level doubles them
	for i := range n {
		fmt.Fprintf(&b, "func L%d[T any]() int { return L%d[[]T]() + L%d[*T]() }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "func L%d[T any]() int { return 1 }", n)
	sh, _ := newShell(t)
	got := run(t, sh, b.String(), "x := 1\nL0[int]()", "L5[int]()")
	want := []string{
		"",
		"error: In[1]:11:6: generic code makes more than 2000 instances (does L10 instantiate itself with growing type arguments?) (needed by In[2]:2:1)",
		"64",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestGenericsHelp: name? speaks of the type as written.
func TestGenericsHelp(t *testing.T) {
	sh, out := newShell(t)
	run(t, sh, "type Box[T any] struct{ v T }", "b := Box[int]{v: 3}")
	out.Reset()
	if _, err := sh.Run(context.Background(), "b?"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "var b Box[int]") {
		t.Errorf("b? printed %q, want it to speak of Box[int]", out.String())
	}
}

// failOnce is yaegi failing once on the chunk that declares an instance.
type failOnce struct {
	igo.Evaluator
	marker string
	failed bool
}

func (f *failOnce) Eval(ctx context.Context, src string) (reflect.Value, error) {
	if !f.failed && strings.Contains(src, f.marker) {
		f.failed = true
		return reflect.Value{}, errors.New("cannot compile it")
	}
	return f.Evaluator.Eval(ctx, src)
}

// TestGenericsInstanceFails: when the evaluator fails on the chunk that
// declares an instance, the next cell that needs it gives it again.
func TestGenericsInstanceFails(t *testing.T) {
	var out bytes.Buffer
	ev := &failOnce{Evaluator: igo.NewYaegi(strings.NewReader(""), &out, &out), marker: "func Id__int("}
	sh, err := igo.New(&igo.Options{Stdout: &out, Stderr: &out, Evaluator: ev})
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, sh, "func Id[T any](x T) T { return x }", "Id(1)", "Id(2)")
	want := []string{"", "error: In[2]: cannot compile it", "2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStdGenericsInCells: the generic code of slices, maps, cmp and iter
// runs in cells (compiled instances for predeclared types, copies of the
// toolchain's code otherwise, iterators through range over functions);
// what cannot run says why, at the cell's position.
func TestStdGenericsInCells(t *testing.T) {
	sh, _ := newShell(t)
	got := run(t, sh,
		`import ("cmp"; "maps"; "slices")`,
		`m := map[string]int{"b": 2, "a": 1, "c": 3}`,
		`slices.Sorted(maps.Keys(m))`,
		`type P struct{ n string; age int }`,
		`ps := []P{{"x", 30}, {"y", 20}}; slices.SortFunc(ps, func(a, b P) int { return cmp.Compare(a.age, b.age) }); ps`,
		`func Max[T cmp.Ordered](a, b T) T { return max(a, b) }`,
		`Max(2.5, 1)`,
		`n := 0; for k, v := range maps.All(m) { n += len(k) + v }; n`,
		`type id int`,
		`slices.Sorted(maps.Keys(map[id]bool{3: true, 1: true}))`,
		`import "iter"`,
		`next, stop := iter.Pull(slices.Values([]int{1}))`,
		`import "unique"`,
		`unique.Make(1)`,
		`slices.Index([]string{"a", "b"}, "b")`,
		`import ("math/rand/v2"; "time")`,
		`d := rand.N(time.Second); d >= 0 && d < time.Second`,
		`import "sync"`,
		`calls := 0; once := sync.OnceValue(func() int { calls++; return 21 }); once() + once() + calls`,
		`var mu sync.Mutex; mu.Lock(); mu.TryLock()`,
	)
	want := []string{
		"", "",
		"[a b c] // []string",
		"",
		"[{y 20} {x 30}] // []P",
		"",
		"2.5",
		"9",
		"",
		"[1 3] // []id",
		"",
		"error: In[12]:1:15: igo cannot run iter.newcoro (the runtime or assembly implements it), which generic code of package iter uses",
		"",
		"error: In[14]:1:8: undefined: unique.Make (unique.Make is generic code; igo copies generic code only from cmp, iter, maps, math/rand/v2, slices, sync)",
		"1",
		"",
		"true",
		"",
		"43",
		"false",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
