package igo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"reflect"
	"regexp"
	"runtime/debug"
	"sync"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib/unrestricted"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/geninst"
	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/timeit"
)

// An Evaluator runs the chunks the rewrite produces, one at a time, and
// keeps the session's values between them.
type Evaluator interface {
	// Eval runs src: declarations or statements, never both. It returns
	// the value of a final expression or assignment, if any. When ctx is
	// cancelled it returns ctx.Err() promptly, keeping earlier state.
	Eval(ctx context.Context, src string) (reflect.Value, error)
}

// Symbols are the compiled packages the default evaluator offers, in
// yaegi's interp.Exports form. The type checker's importer is built from
// the same table, so what type-checks can run.
//
// It is igo's standard library (package stdlib, generated for the Go
// igo is built with) plus yaegi's os/exec and package display; os.Exit
// and log.Fatal panic instead of ending the shell (the panic is reported
// like any other).
func Symbols() map[string]map[string]reflect.Value {
	symbolsOnce.Do(func() {
		symbols = map[string]map[string]reflect.Value{}
		for _, t := range []map[string]map[string]reflect.Value{stdlib.Symbols, autoawait.Symbols, bindSymbols, geninst.Symbols} {
			for k, v := range t {
				symbols[k] = v
			}
		}
		symbols["os/exec/exec"] = unrestricted.Symbols["os/exec/exec"]
		symbols["github.com/igolang/igo/magics/magics"] = map[string]reflect.Value{
			"Captured": reflect.ValueOf((*magics.Captured)(nil)),
		}
		symbols["github.com/igolang/igo/timeit/timeit"] = map[string]reflect.Value{
			"Result":      reflect.ValueOf((*timeit.Result)(nil)),
			"Options":     reflect.ValueOf((*timeit.Options)(nil)),
			"Loop":        reflect.ValueOf((*timeit.Loop)(nil)),
			"Run":         reflect.ValueOf(timeit.Run),
			"FormatTime":  reflect.ValueOf(timeit.FormatTime),
			"FormatCount": reflect.ValueOf(timeit.FormatCount),
		}
		// "." carries the interfaces yaegi keeps for values of cells'
		// types passed to compiled functions (fmt.Println's Stringer).
		mapTypes := maps.Clone(stdlib.MapTypes)
		for k, v := range formatTypes {
			mapTypes[k] = v
		}
		addDisplaySymbols(symbols, mapTypes)
		symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	})
	return symbols
}

var (
	symbolsOnce sync.Once
	symbols     map[string]map[string]reflect.Value
)

// Yaegi is the default Evaluator: github.com/traefik/yaegi, embedded.
type Yaegi struct {
	i *interp.Interpreter
}

// NewYaegi returns a yaegi interpreter with Symbols loaded. Its fmt.Print
// family writes to stdout; yaegi's own report of every panic ("1:28:
// panic: main(...)", printed even for panics recovered later) is kept off
// stderr.
func NewYaegi(stdin io.Reader, stdout, stderr io.Writer) *Yaegi {
	i := interp.New(interp.Options{
		Stdin:  stdin,
		Stdout: stdout,
		Stderr: &panicFilter{w: stderr},
		// The process environment, not a private copy: %env, !cmd and
		// os.Getenv must agree.
		Unrestricted: true,
	})
	if err := i.Use(Symbols()); err != nil {
		panic(err) // the table is ours: a failure is a bug
	}
	return &Yaegi{i: i}
}

// stopDelay is how long an evaluation may take to unwind by itself once
// its context is done, before yaegi is told to stop it. An interrupted
// await unwinds at once, through the runtime; only code that ignores the
// context (for {}, a receive, select {}) needs yaegi's stop, which
// returns before yaegi's goroutine has finished (the next evaluation would
// race with it) and which stops every closure made before it for good.
const stopDelay = 50 * time.Millisecond

// Eval implements Evaluator. A panic of yaegi itself, while it compiles
// src or generates the code to run it, is an *InternalError for this
// chunk: the session goes on. A panic of the chunk's code is returned as
// yaegi's interp.Panic, as before.
func (y *Yaegi) Eval(ctx context.Context, src string) (reflect.Value, error) {
	prog, err := y.compile(src)
	if err != nil {
		return reflect.Value{}, err
	}
	if ctx.Done() == nil {
		return y.execute(ctx, prog)
	}
	inner, stop := context.WithCancel(context.Background())
	defer stop()
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		select {
		case <-ctx.Done():
		case <-finished:
			return
		}
		t := time.NewTimer(stopDelay)
		defer t.Stop()
		select {
		case <-t.C:
			stop()
		case <-finished:
		}
	}()
	return y.execute(inner, prog)
}

// compile is yaegi's Compile (parse, type analysis, control flow), with
// its panics made errors. yaegi's EvalWithContext, which compiled and ran
// in one step, recovered them as panics of the user's code.
func (y *Yaegi) compile(src string) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &InternalError{Value: r, Stack: debug.Stack()}
		}
	}()
	return y.i.Compile(src)
}

// execute runs a compiled chunk. yaegi generates the code of the nodes
// before it runs them, under the same recover as the code: a panic with
// the generator on its stack is the evaluator's.
func (y *Yaegi) execute(ctx context.Context, prog *interp.Program) (reflect.Value, error) {
	v, err := y.i.ExecuteWithContext(ctx, prog)
	if p, ok := err.(interp.Panic); ok && generating(p.Stack) {
		return reflect.Value{}, &InternalError{Value: p.Value, Stack: p.Stack}
	}
	return v, err
}

// generating reports whether a panic's stack passes through yaegi's code
// generation (genRun, genGlobalVars), which runs no code of the user.
func generating(stack []byte) bool {
	return bytes.Contains(stack, []byte("yaegi/interp.genRun(")) || bytes.Contains(stack, []byte("yaegi/interp.genGlobalVars("))
}

// An InternalError is a panic of the evaluator itself, not of the cell's
// code: yaegi failed on a chunk that the type checker accepted. The chunk
// did not run; the session, and what earlier chunks declared, stay.
type InternalError struct {
	Value any    // what yaegi panicked with
	Stack []byte // where
}

func (e *InternalError) Error() string {
	// yaegi's messages start with its own position ("1:28: "), which
	// counts in a wrapper the user never wrote.
	return "internal evaluator error: " + stripPos(fmt.Sprint(e.Value))
}

// panicFilter drops the lines yaegi writes for each frame a panic unwinds
// through; everything else passes.
type panicFilter struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
}

var yaegiPanicLine = regexp.MustCompile(`^\d+:\d+: panic(: .*)?\n$`)

func (f *panicFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, p...)
	for {
		i := bytes.IndexByte(f.buf, '\n')
		if i < 0 {
			break
		}
		line := f.buf[:i+1]
		if !yaegiPanicLine.Match(line) {
			if _, err := f.w.Write(line); err != nil {
				return len(p), err
			}
		}
		f.buf = f.buf[i+1:]
	}
	return len(p), nil
}
