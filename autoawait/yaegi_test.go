package autoawait_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/igolang/igo/autoawait"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newInterp returns an interpreter that imports this package.
func newInterp(t testing.TB) *interp.Interpreter {
	t.Helper()
	// yaegi prints every interpreted panic, even a recovered one.
	i := interp.New(interp.Options{Stderr: io.Discard})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(autoawait.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import "github.com/igolang/igo/autoawait"`); err != nil {
		t.Fatal(err)
	}
	return i
}

// The loops of BenchmarkInterpreted: a plain call, and the same call
// awaited as the rewrite lowers `r, err = await f(k)`.
const loops = `
func f(k int) (int, error) { return k + 1, nil }

func plain(n int) int {
	var r, sum int
	var err error
	for k := 0; k < n; k++ {
		r, err = f(k)
		sum += r
	}
	_ = err
	return sum
}

func awaited(n int) int {
	var r, sum int
	var err error
	for k := 0; k < n; k++ {
		autoawait.Check(autoawait.Do(func() error { r, err = f(k); return nil }), "In[1]:5:12: await f(k)")
		sum += r
	}
	_ = err
	return sum
}
`

// BenchmarkInterpreted measures an await in an interpreted loop against a
// plain interpreted call, per iteration.
func BenchmarkInterpreted(b *testing.B) {
	i := newInterp(b)
	if _, err := i.Eval(loops); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, fn, runner string }{
		{"plain", "plain", "goroutine"},
		{"goroutine", "awaited", "goroutine"},
		{"inline", "awaited", "inline"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			old := autoawait.Current()
			autoawait.Use(bc.runner)
			defer autoawait.Use(old)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			end := autoawait.Begin(ctx)
			defer end()
			v, err := i.Eval(bc.fn)
			if err != nil {
				b.Fatal(err)
			}
			fn := v.Interface().(func(int) int)
			b.ReportAllocs()
			b.ResetTimer()
			if got, want := fn(b.N), b.N*(b.N+1)/2; got != want {
				b.Fatalf("%s(%d) = %d; want %d", bc.fn, b.N, got, want)
			}
		})
	}
}

// Interpreted code can await through the runtime, implement a Runner and
// see a task's panic as a *PanicError.
func TestInterpreted(t *testing.T) {
	i := newInterp(t)
	src := `
import (
	"context"
	"errors"
)

type countRunner struct{ n int }

func (c *countRunner) Run(ctx context.Context, task func() error) error {
	c.n++
	return task()
}

var cr = &countRunner{}

func register(name string) error { return autoawait.Register(name, cr) }

func await1() (int, error) {
	var r int
	err := autoawait.Do(func() error { r = 41; return nil })
	return r + 1, err
}

func boom() error {
	return autoawait.Do(func() error { panic(errors.New("interpreted boom")) })
}

func count() int { return cr.n }
`
	if _, err := i.Eval(src); err != nil {
		t.Fatal(err)
	}
	v, err := i.Eval("await1()")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Interface(); got != 42 {
		t.Errorf("await1() = %v; want 42", got)
	}

	v, err = i.Eval("boom()")
	if err != nil {
		t.Fatal(err)
	}
	pe, ok := v.Interface().(*autoawait.PanicError)
	if !ok {
		t.Fatalf("boom() = %T %v; want *PanicError", v.Interface(), v.Interface())
	}
	if e, ok := pe.Value.(error); !ok || e.Error() != "interpreted boom" {
		t.Errorf("PanicError.Value = %T %v; want the interpreted error", pe.Value, pe.Value)
	}

	name := uniqueName("interpreted")
	if _, err := i.Eval(fmt.Sprintf("register(%q)", name)); err != nil {
		t.Fatal(err)
	}
	useRunner(t, name)
	if _, err := i.Eval("await1()"); err != nil {
		t.Fatal(err)
	}
	v, err = i.Eval("count()")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Interface(); got != 1 {
		t.Errorf("the interpreted runner ran %v tasks; want 1", got)
	}

	// Check's panics reach the evaluator as themselves.
	_, err = i.Eval(`autoawait.Check(errors.New("bad"), "In[9]:1:1: await g()")`)
	if err == nil || !strings.Contains(err.Error(), "In[9]:1:1: await g(): bad") {
		t.Errorf("Eval of a failing Check = %v", err)
	}
}
