package igo

import (
	"context"
	"errors"
	"fmt"
	"go/scanner"
	"go/types"
	"io"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/complete"
	"github.com/igolang/igo/display"
	"github.com/igolang/igo/history"
	"github.com/igolang/igo/internal/godoc"
	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
)

// Options configure a Shell. A nil *Options is valid: standard streams,
// yaegi, the default magics, not interactive.
type Options struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Evaluator runs the rewritten chunks; nil means yaegi with Symbols.
	Evaluator Evaluator
	// Importer gives the type checker the packages the evaluator has; nil
	// means the types of Symbols, with the generic code of the standard
	// packages rewrite.StdSource reads from GOROOT/src (one importer the
	// process's shells and programs share).
	Importer types.Importer
	// Magics is the registry of magics; nil means magics.Default().
	Magics *magics.Registry
	// Interactive says a person answers at a terminal (%reset asks then).
	Interactive bool
	// Confirm asks a yes/no question; nil answers no.
	Confirm func(question string) bool
	// SetNextInput fills in the next prompt (%load); nil means the front
	// end cannot, and %load prints the text instead.
	SetNextInput func(text string)
	// FormatHelp styles a name? page before it is shown (the terminal
	// colours it); nil shows it as Doc returns it.
	FormatHelp func(text string) string
	// History keeps the cells run (%history, %rerun, %save); nil means a
	// history in memory. The igo command opens the one in history.Dir().
	History *history.Store
	// Display receives what cells display (display.HTML, display.Value,
	// ...), one call at a time, possibly from goroutines the cells
	// started. nil writes each bundle's text/plain and a newline to
	// Stdout, or where %%capture points it. A Shell makes itself the
	// display package's publisher when it runs a cell, and stays so until
	// another Shell runs one: a goroutine that outlives its cell still
	// displays here.
	Display func(display.Bundle)
}

// A Shell is an igo session: the typed session, the evaluator, history
// and magics. Every front end (terminal, script, kernel) runs cells through
// Shell.Run. A Shell runs one cell at a time.
type Shell struct {
	opts     Options
	eval     Evaluator
	imp      types.Importer
	packages map[string]string // name -> path, for auto-import
	sess     *rewrite.Session
	reg      *magics.Registry
	docs     *godoc.Index

	count     int
	timeits   int // %timeit loops declared so far
	hist      *history.Store
	completer *complete.Config
	stdout    *switchWriter
	stderr    *switchWriter
	awaitOff  bool          // %autoawait off
	timeout   time.Duration // %autoawait --timeout
	goPanics  atomic.Int64  // panics in goroutines the cells started
	cur       CellOptions   // where the running cell came from
	in        []string
	out       map[int]any
	inSync    int // len(in) the evaluator's In has
}

// Result is what running a cell produced.
type Result struct {
	Count    int    // the cell's number, n in In[n]
	HasValue bool   // the cell shows a value: Out[n]
	Value    any    // the value
	Type     string // its static type, as Go writes it
	Text     string // how it is shown: "1.5s // time.Duration"
	// Display is the value's rich form, for a front end that renders
	// it, when it is a display.Bundle, a display.Displayer (a type of the
	// cells too) or an image.Image; Data is nil otherwise. A terminal
	// shows Text.
	Display display.Bundle
}

// PlainText is the text a front end shows after Out[n]: the rich
// form's own text/plain when the value has one (an image, HTML), else
// Text.
func (r *Result) PlainText() string {
	if plain, ok := r.Display.Data["text/plain"].(string); ok {
		return plain
	}
	return r.Text
}

// IsExit reports whether cell asks to leave the session: exit or quit
// (also exit(), quit()), when the session has no name of its own for
// them. Front ends end the session for it.
func (sh *Shell) IsExit(cell string) bool {
	s := strings.TrimSuffix(strings.TrimSpace(cell), "()")
	return (s == "exit" || s == "quit") && sh.sess.Lookup(s) == nil
}

// ErrInterrupted is returned for a cell stopped by its context;
// ErrDeadline for one that ran past %autoawait --timeout.
var (
	ErrInterrupted = errors.New("Interrupted")
	ErrDeadline    = errors.New("deadline exceeded")
)

// A PanicError is a panic of the cell's code.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// New returns a shell with an empty session.
func New(opts *Options) (*Shell, error) {
	sh := &Shell{out: map[int]any{}, in: []string{""}}
	if opts != nil {
		sh.opts = *opts
	}
	o := &sh.opts
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
	// Output goes through switches, so that %%capture can redirect it.
	sh.stdout, sh.stderr = &switchWriter{w: o.Stdout}, &switchWriter{w: o.Stderr}
	o.Stdout, o.Stderr = sh.stdout, sh.stderr
	sh.eval = o.Evaluator
	if sh.eval == nil {
		sh.eval = NewYaegi(o.Stdin, o.Stdout, o.Stderr)
	}
	sh.imp = o.Importer
	if sh.imp == nil {
		sh.imp = defaultImporter()
	}
	sh.packages = packageNames(visiblePackages())
	sh.sess = rewrite.NewSession(rewrite.Config{Importer: sh.imp, Packages: sh.packagePath})
	reg := o.Magics
	if reg == nil {
		reg = magics.Default()
	}
	// The shell's own magics join a copy; an embedder's magic of the same
	// name wins.
	sh.reg = reg.Clone()
	for _, m := range append(sh.timeMagics(), sh.historyMagics()...) {
		sh.reg.Register(m)
	}
	sh.hist = o.History
	if sh.hist == nil {
		sh.hist = history.OpenMemory()
	}
	sh.docs = godoc.New("")
	stderr := o.Stderr
	autoawait.SetPanicHandler(func(v any, _ []byte) {
		sh.goPanics.Add(1)
		fmt.Fprintf(stderr, "panic in goroutine: %v\n", v)
	})
	if err := sh.declareHistory(); err != nil {
		return nil, err
	}
	return sh, nil
}

func (sh *Shell) packagePath(name string) (string, bool) {
	p, ok := sh.packages[name]
	return p, ok
}

// GoroutinePanics counts the panics of goroutines the cells started: each
// was reported on Stderr, and the shell went on.
func (sh *Shell) GoroutinePanics() int64 { return sh.goPanics.Load() }

// Session is the typed session: what the cells declared.
func (sh *Shell) Session() *rewrite.Session { return sh.sess }

// Count is the number of the last cell run.
func (sh *Shell) Count() int { return sh.count }

// In returns the text of cell n ("" when there is none).
func (sh *Shell) In(n int) string {
	if n < 0 || n >= len(sh.in) {
		return ""
	}
	return sh.in[n]
}

// Out returns the value cell n showed.
func (sh *Shell) Out(n int) (any, bool) {
	v, ok := sh.out[n]
	return v, ok
}

// declareHistory gives the session In, Out and job (job(N) is background
// task N, for `await job(N)`).
func (sh *Shell) declareHistory() error {
	ctx := context.Background()
	if err := sh.bind(ctx, "Out", true, sh.out, "history"); err != nil {
		return err
	}
	if err := sh.bind(ctx, "job", true, autoawait.Job, "history"); err != nil {
		return err
	}
	sh.inSync = -1
	return sh.syncIn(ctx)
}

// syncIn brings the session's In up to date.
func (sh *Shell) syncIn(ctx context.Context) error {
	if sh.inSync == len(sh.in) {
		return nil
	}
	in := append([]string(nil), sh.in...)
	old := sh.inSync
	sh.inSync = len(sh.in)
	if err := sh.bind(ctx, "In", sh.sess.Lookup("In") == nil, in, "history"); err != nil {
		sh.inSync = old
		return err
	}
	return nil
}

// CellOptions say where a cell comes from, for error positions.
type CellOptions struct {
	// Name is the file name in positions; "" means In[n].
	Name string
	// Line is the line number of the cell's first line (default 1).
	Line int
	// NoHistory keeps the cell out of the input history (%history, the
	// history store): Jupyter's store_history false. It still gets a
	// number.
	NoHistory bool
}

// Run runs one cell: Go, magics, shell commands and help requests, in the
// order written. Errors carry positions in the cell (In[n]:line:col).
func (sh *Shell) Run(ctx context.Context, cell string) (*Result, error) {
	return sh.RunCell(ctx, cell, nil)
}

// RunCell is Run for a cell of a file: errors name file:line:col.
func (sh *Shell) RunCell(ctx context.Context, cell string, opts *CellOptions) (*Result, error) {
	if strings.TrimSpace(cell) == "" {
		return &Result{Count: sh.count}, nil
	}
	sh.cur = CellOptions{Line: 1}
	if opts != nil {
		sh.cur = *opts
		if sh.cur.Line == 0 {
			sh.cur.Line = 1
		}
	}
	defer func() { sh.cur = CellOptions{Line: 1} }()
	sh.count++
	n := sh.count
	sh.in = append(sh.in, strings.TrimRight(cell, "\n"))
	if opts == nil || !opts.NoHistory {
		sh.hist.Add(n, strings.TrimRight(cell, "\n"))
	}
	res := &Result{Count: n}
	if sh.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, sh.timeout)
		defer cancel()
	}
	// The cell's context, which awaits and the group runner share.
	end := autoawait.Begin(ctx)
	ctx = autoawait.Context()
	display.SetPublisher(sh.publish) // kept after the cell: see Options.Display
	err := sh.runSegments(ctx, cell, n, res, true)
	if err == nil && res.HasValue {
		res.Display = sh.richDisplay(ctx, res, n)
	}
	if gerr := end(); err == nil && gerr != nil {
		err = sh.runtimeError(ctx, n, gerr)
	}
	if err == nil && res.HasValue {
		sh.out[n] = res.Value
	}
	return res, err
}

// runNested runs a cell inside the running one (%run): the same number,
// positions of its own, no value shown.
func (sh *Shell) runNested(ctx context.Context, cell string, opts *CellOptions) (*Result, error) {
	saved := sh.cur
	defer func() { sh.cur = saved }()
	sh.cur = *opts
	res := &Result{Count: sh.count}
	return res, sh.runSegments(ctx, cell, sh.count, res, false)
}

// runSegments runs the parts of cell n in order; the value of the last
// one is shown when show is set.
func (sh *Shell) runSegments(ctx context.Context, cell string, n int, res *Result, show bool) error {
	segs, err := magics.Parse(cell, &magics.ParseOptions{IsGoExpr: sh.IsGoExpr})
	if err != nil {
		return fmt.Errorf("%s:%w", sh.name(n), err)
	}
	env := &env{sh: sh, n: n}
	var menv magics.Env = env
	if sh.opts.SetNextInput != nil {
		menv = inputEnv{env}
	}
	for i, seg := range segs {
		last := show && i == len(segs)-1
		if seg.Kind == magics.GoCode {
			display := ""
			if last {
				display = fmt.Sprintf("_%d", n)
			}
			v, d, err := sh.runGo(ctx, seg.Text, n, seg.Line+sh.cur.Line-1, display, false)
			if err != nil {
				return err
			}
			if d != nil {
				sh.show(ctx, res, v, d.Type, d.Name)
			}
			continue
		}
		v, err := magics.Run(ctx, menv, seg)
		if err != nil {
			return sh.magicError(ctx, err)
		}
		switch {
		case seg.Assign != "":
			if err := sh.bind(ctx, seg.Assign, seg.Define, v, sh.name(n)); err != nil {
				return err
			}
		case last && v != nil:
			name := fmt.Sprintf("_%d", n)
			if err := sh.bind(ctx, name, true, v, sh.name(n)); err != nil {
				return err
			}
			sh.show(ctx, res, reflect.ValueOf(v), nil, name)
		}
	}
	return nil
}

func (sh *Shell) name(n int) string {
	if sh.cur.Name != "" {
		return sh.cur.Name
	}
	return fmt.Sprintf("In[%d]", n)
}

func (sh *Shell) magicError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	var ue *magics.UsageError
	if errors.As(err, &ue) {
		return &UsageError{Err: err}
	}
	var nf *magics.NotFoundError
	if errors.As(err, &nf) {
		return &UsageError{Err: err}
	}
	return err
}

// A UsageError is a magic used wrongly; it prints as IPython's do.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return "UsageError: " + e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func interrupted(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrDeadline
	}
	return ErrInterrupted
}

// runGo rewrites and evaluates Go code of cell n, its first line being
// line of the cell.
func (sh *Shell) runGo(ctx context.Context, code string, n, line int, display string, scratch bool) (reflect.Value, *rewrite.Display, error) {
	if sh.inSync != len(sh.in) && mentions(code, "In") {
		if err := sh.syncIn(ctx); err != nil {
			return reflect.Value{}, nil, err
		}
	}
	r, err := rewrite.Cell(sh.sess, code, &rewrite.Options{Name: sh.name(n), Line: line, Display: display, Scratch: scratch, NoAwait: sh.awaitOff})
	if err != nil {
		return reflect.Value{}, nil, err
	}
	value, err := sh.evalChunks(ctx, r, n)
	return value, r.Display, err
}

// evalChunks evaluates a rewritten cell's chunks in order and returns the
// value of its display chunk. When a chunk fails, the names of the chunks
// after it are forgotten: the evaluator never saw them.
func (sh *Shell) evalChunks(ctx context.Context, r *rewrite.Result, n int) (reflect.Value, error) {
	var value reflect.Value
	for i, c := range r.Chunks {
		v, err := sh.eval.Eval(ctx, c.Src)
		if err != nil {
			var later []string
			for _, n := range c.Names {
				if sh.sess.IsInstance(n) {
					later = append(later, n) // made again by the next cell that needs it
				}
			}
			for _, c := range r.Chunks[i+1:] {
				later = append(later, c.Names...)
			}
			if len(later) > 0 {
				sh.sess.Forget(later...)
			}
			return reflect.Value{}, sh.evalError(ctx, n, err)
		}
		if c.Display {
			value = v
		}
	}
	return value, nil
}

func mentions(code, name string) bool {
	return strings.Contains(code, name)
}

// evalError turns an evaluator error into what the user sees.
func (sh *Shell) evalError(ctx context.Context, n int, err error) error {
	if pe, ok := panicOf(err); ok {
		return sh.runtimeError(ctx, n, pe.Value)
	}
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	return &EvalError{Msg: fmt.Sprintf("%s: %s", sh.name(n), stripPos(err.Error()))}
}

// An EvalError is an error the evaluator reported for the cell's code.
type EvalError struct{ Msg string }

func (e *EvalError) Error() string { return e.Msg }

// ErrorText is how a front end shows err: errors in the user's code
// (syntax, types, an awaited call's error, the evaluator's) read
// "error: In[3]:2:7: ...", as in spec/await.md; a panic reads
// "panic: ...", an interrupt "Interrupted", a magic's misuse
// "UsageError: ...".
func ErrorText(err error) string {
	var (
		se *scanner.Error
		sl scanner.ErrorList
		ae *AwaitError
		ee *EvalError
	)
	if errors.As(err, &se) || errors.As(err, &sl) || errors.As(err, &ae) || errors.As(err, &ee) {
		return "error: " + err.Error()
	}
	return err.Error()
}

// runtimeError is what the user sees of a panic of the cell or of the
// runtime's reports: an awaited call's error, an interrupt, a task's panic.
func (sh *Shell) runtimeError(ctx context.Context, n int, v any) error {
	switch v := v.(type) {
	case *autoawait.Error:
		return &AwaitError{Err: v}
	case *autoawait.Interrupted:
		return interrupted(ctx)
	case *autoawait.PanicError:
		return &PanicError{Value: v.Value, Stack: v.Stack}
	}
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	return &PanicError{Value: v}
}

// An AwaitError is the error of an awaited call that stopped the cell:
// "error: In[4]:1:9: await http.Get(u): Get ...".
type AwaitError struct{ Err *autoawait.Error }

func (e *AwaitError) Error() string { return e.Err.Error() }
func (e *AwaitError) Unwrap() error { return e.Err }

// stripPos drops the evaluator's own position ("1:28: "), which counts in
// code the user never wrote.
func stripPos(msg string) string {
	i := 0
	for fields := 0; fields < 2; fields++ {
		j := i
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		if j == i || j >= len(msg) || msg[j] != ':' {
			return msg
		}
		i = j + 1
	}
	return strings.TrimPrefix(msg[i:], " ")
}
