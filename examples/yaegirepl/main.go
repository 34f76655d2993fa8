// Command yaegirepl is a plain yaegi read-eval-print loop that borrows
// igo's powers without igo's Shell. It shows another Go REPL how to add:
//
//   - the rewrite (package rewrite): cells are type-checked against the
//     earlier ones, packages are imported on first use, names may be
//     redeclared, a final expression is shown as Out[n], and errors point
//     at the user's code ("In[3]:1:5: undefined: y");
//   - the await runtime (package autoawait): `await ch`, `v := await f(x)`,
//     with Ctrl-C stopping a pending await;
//   - the magics (package magics): %who, %whos, %env, !cmd, name? and
//     the other built-ins, through a small magics.Env.
//
// The type checker's importer (package symtypes) reads the same symbol
// tables yaegi is given, so what checks can run.
//
//	$ go run ./examples/yaegirepl
//	In [1]: ch := make(chan int, 1); ch <- 41
//	In [2]: await ch + 1
//	Out[2]: 42
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"go/types"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

func main() {
	if err := run(os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run reads cells from in until EOF. Results go to out; prompts and
// errors go to errOut, as Python's REPL does.
func run(in io.Reader, out, errOut io.Writer) error {
	r := newREPL(out, errOut)
	// A panic in a cell's goroutine (`go f()`) is reported, not fatal.
	old := autoawait.SetPanicHandler(func(v any, _ []byte) { fmt.Fprintln(errOut, "panic in goroutine:", v) })
	defer autoawait.SetPanicHandler(old)
	lines := bufio.NewScanner(in)
	for n := 1; ; {
		fmt.Fprintf(errOut, "In [%d]: ", n)
		if !lines.Scan() {
			fmt.Fprintln(errOut)
			return lines.Err()
		}
		cell := lines.Text()
		for rewrite.Incomplete(cell) {
			fmt.Fprint(errOut, "   ...: ")
			if !lines.Scan() {
				break
			}
			cell += "\n" + lines.Text()
		}
		if strings.TrimSpace(cell) == "" {
			continue
		}
		// Ctrl-C cancels the running cell; at the prompt it ends the program.
		// Begin makes ctx the context every await of the cell sees.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		end := autoawait.Begin(ctx)
		err := r.cell(autoawait.Context(), n, cell)
		if gerr := end(); err == nil {
			err = gerr
		}
		stop()
		if err != nil {
			fmt.Fprintln(errOut, "error:", err)
		}
		n++
	}
}

// repl is the loop's state: the interpreter, and the session that tells
// the rewrite what earlier cells declared.
type repl struct {
	i           *interp.Interpreter
	sess        *rewrite.Session
	out, errOut io.Writer
	name        string // of the running cell: "In[3]"
}

func newREPL(out, errOut io.Writer) *repl {
	// One table for both yaegi and the type checker.
	syms := symtypes.Symbols{}
	for _, t := range []symtypes.Symbols{stdlib.Symbols, autoawait.Symbols} {
		for k, v := range t {
			syms[k] = v
		}
	}
	i := interp.New(interp.Options{Stdout: out, Stderr: io.Discard}) // yaegi logs every panic on Stderr
	if err := i.Use(syms); err != nil {
		panic(err)
	}
	im := symtypes.New(syms)
	sess := rewrite.NewSession(rewrite.Config{Importer: im, Packages: packageNames(im)})
	return &repl{i: i, sess: sess, out: out, errOut: errOut}
}

// packageNames resolves a package name used without an import
// ("strings") to the table's package of that name with the shortest path.
func packageNames(im *symtypes.Importer) func(string) (string, bool) {
	paths := map[string]string{"rand": "math/rand", "template": "text/template"} // ties
	for _, path := range im.Paths() {
		name, _ := im.Name(path)
		old, seen := paths[name]
		if !strings.Contains(path, "internal") && (!seen || strings.Count(path, "/") < strings.Count(old, "/")) {
			paths[name] = path
		}
	}
	return func(name string) (string, bool) { p, ok := paths[name]; return p, ok }
}

// cell runs cell n: its Go segments through rewrite and yaegi, its magics,
// shell commands and help requests through magics.Run.
func (r *repl) cell(ctx context.Context, n int, cell string) error {
	r.name = fmt.Sprintf("In[%d]", n)
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		return fmt.Errorf("%s:%w", r.name, err) // its positions have no file name
	}
	for k, seg := range segs {
		last := k == len(segs)-1
		var v any
		shown := false
		if seg.Kind == magics.GoCode {
			opts := rewrite.Options{Line: seg.Line}
			if last {
				opts.Display = fmt.Sprintf("_%d", n)
			}
			v, shown, err = r.eval(ctx, seg.Text, opts)
		} else if seg.Assign != "" {
			err = errors.New("this example cannot bind a magic's result to a variable")
		} else {
			v, err = magics.Run(ctx, env{r}, seg)
			shown = v != nil
		}
		if err != nil {
			return err
		}
		if last && shown {
			fmt.Fprintf(r.out, "Out[%d]: %v\n", n, v)
		}
	}
	return nil
}

// eval rewrites Go code of the running cell and runs its chunks in yaegi.
// shown says that the code ends in an expression, whose value is v and
// is kept in opts.Display.
func (r *repl) eval(ctx context.Context, code string, opts rewrite.Options) (v any, shown bool, err error) {
	opts.Name = r.name
	res, err := rewrite.Cell(r.sess, code, &opts)
	if err != nil {
		return nil, false, err // a *scanner.Error: "In[3]:1:5: undefined: y"
	}
	// An interrupted await stops by itself: autoawait panics *Interrupted.
	// yaegi's context is for code that never awaits (for {}); when it ends,
	// yaegi returns at once, while its goroutine may still be unwinding, and
	// the next Eval would race with it. So it ends a moment after the cell's.
	yctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer context.AfterFunc(ctx, func() { time.AfterFunc(100*time.Millisecond, cancel) })()
	for k, c := range res.Chunks {
		rv, err := r.i.EvalWithContext(yctx, c.Src)
		if err != nil {
			// The chunks after this one never ran: what they declare does not exist.
			for _, c := range res.Chunks[k+1:] {
				r.sess.Forget(c.Names...)
			}
			return nil, false, r.evalError(ctx, err)
		}
		if c.Display && rv.IsValid() && rv.CanInterface() {
			v = rv.Interface()
		}
	}
	return v, res.Display != nil, nil
}

var errInterrupted = errors.New("interrupted")

// evalError says what went wrong in yaegi in the user's terms.
func (r *repl) evalError(ctx context.Context, err error) error {
	var p interp.Panic
	if !errors.As(err, &p) {
		if ctx.Err() != nil {
			return errInterrupted // yaegi stopped at Ctrl-C
		}
		return fmt.Errorf("%s: %v", r.name, err) // yaegi's positions count in rewritten code
	}
	switch v := autoawait.Unwrap(p.Value).(type) {
	case *autoawait.Error: // an awaited call failed: "In[4]:1:6: await f(x): ..."
		return v
	case *autoawait.Interrupted: // Ctrl-C while awaiting
		return errInterrupted
	case *autoawait.PanicError: // an awaited call panicked
		return fmt.Errorf("panic: %v", v.Value)
	default:
		return fmt.Errorf("panic: %v", v)
	}
}

// env is the REPL as the magics see it.
type env struct{ r *repl }

func (e env) Stdout() io.Writer        { return e.r.out }
func (e env) Stderr() io.Writer        { return e.r.errOut }
func (e env) Interactive() bool        { return false }
func (e env) Confirm(string) bool      { return false }
func (e env) Magics() *magics.Registry { return nil } // magics.Default()
func (e env) Reset() error             { e.r.sess.Reset(); return nil }

// qualifier writes the session's own names unqualified. (Compare paths:
// the session replaces its *types.Package when a name is redeclared.)
func (e env) qualifier() types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == e.r.sess.Package().Path() {
			return ""
		}
		return p.Name()
	}
}

// Eval runs code (a %time statement, a {expr} of a !cmd) as part of the
// current cell.
func (e env) Eval(ctx context.Context, code string) (any, error) {
	v, _, err := e.r.eval(ctx, code, rewrite.Options{Display: "_eval", Scratch: true})
	return v, err
}

func (e env) Vars() []magics.Var {
	var vars []magics.Var
	for _, o := range e.r.sess.Objects() {
		v := magics.Var{Name: o.Name(), Type: types.TypeString(o.Type(), e.qualifier())}
		switch o := o.(type) {
		case *types.Var:
			v.Kind = "var"
			if rv, err := e.r.i.Eval(o.Name()); err == nil && rv.IsValid() && rv.CanInterface() {
				v.Value = rv.Interface()
			}
		case *types.Const:
			v.Kind, v.Value = "const", o.Val().ExactString()
		case *types.Func:
			v.Kind = "func"
		case *types.TypeName:
			v.Kind = "type"
		}
		vars = append(vars, v)
	}
	return vars
}

// Doc answers `name?` for a session name: its declaration and doc comment,
// or (name??) its source. Package members are left out of this example.
func (e env) Doc(name string, detail int) (string, error) {
	o := e.r.sess.Lookup(name)
	if o == nil {
		return "", fmt.Errorf("%s: not found", name)
	}
	doc := types.ObjectString(o, e.qualifier())
	if d, ok := e.r.sess.Decl(name); ok && detail > 1 {
		doc = d.Source
	} else if ok {
		doc = strings.TrimSpace(doc + "\n" + d.Doc)
	}
	return doc, nil
}
