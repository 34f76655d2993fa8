package magics_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/igolang/igo/magics"
)

// fakeEnv is a shell for tests: it records what a magic does to it.
type fakeEnv struct {
	mu          sync.Mutex // guards out and errOut, written by commands' copiers
	out, errOut bytes.Buffer

	vars        []magics.Var
	interactive bool
	answer      bool     // what Confirm answers
	asked       []string // the questions Confirm was asked
	resets      int
	docs        map[string]string // name + "?"*detail -> doc
	values      map[string]any    // what Eval returns for an expression
	evals       []string          // the code Eval was given
	reg         *magics.Registry
}

func newEnv() *fakeEnv {
	return &fakeEnv{reg: magics.Default().Clone()}
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (e *fakeEnv) Stdout() io.Writer { return lockedWriter{&e.mu, &e.out} }
func (e *fakeEnv) Stderr() io.Writer { return lockedWriter{&e.mu, &e.errOut} }

func (e *fakeEnv) Eval(ctx context.Context, code string) (any, error) {
	e.evals = append(e.evals, code)
	v, ok := e.values[code]
	if !ok {
		return nil, fmt.Errorf("1:1: undefined: %s", code)
	}
	return v, nil
}

func (e *fakeEnv) Vars() []magics.Var { return e.vars }

func (e *fakeEnv) Reset() error {
	e.resets++
	e.vars = nil
	return nil
}

func (e *fakeEnv) Doc(name string, detail int) (string, error) {
	key := name
	for range detail {
		key += "?"
	}
	doc, ok := e.docs[key]
	if !ok {
		return "", fmt.Errorf("no documentation for %s", name)
	}
	return doc, nil
}

func (e *fakeEnv) Interactive() bool { return e.interactive }

func (e *fakeEnv) Confirm(q string) bool {
	e.asked = append(e.asked, q)
	return e.answer
}

func (e *fakeEnv) Magics() *magics.Registry { return e.reg }

// stdout returns what was printed to Stdout, and empties it.
func (e *fakeEnv) stdout() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.out.String()
	e.out.Reset()
	return s
}

func (e *fakeEnv) stderr() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.errOut.String()
	e.errOut.Reset()
	return s
}

// run parses cell, which must be one segment that is not Go, and runs it.
func (e *fakeEnv) run(cell string) (any, error) {
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		return nil, err
	}
	if len(segs) != 1 || segs[0].Kind == magics.GoCode {
		return nil, fmt.Errorf("cell %q is not one magic: %+v", cell, segs)
	}
	return magics.Run(context.Background(), e, segs[0])
}

// runIn is run with a context.
func runIn(ctx context.Context, e *fakeEnv, cell string) (any, error) {
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		return nil, err
	}
	return magics.Run(ctx, e, segs[0])
}
