package igo

import (
	"context"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib/unrestricted"
	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/igolang/igo/rewrite"
	"github.com/igolang/igo/symtypes"
)

// RunProgram runs a Go program (package main) with its own interpreter, as
// the Go toolchain would run it: the program goes through rewrite.Program
// (generic code instantiated, Go the evaluator lacks lowered) first.
// os.Exit and log.Fatal are the real ones.
//
// When the type checker rejects a program that the evaluator may still run
// (the checker knows the standard library's generic code only as far as the
// evaluator's tables describe it), the program runs as written; if the
// evaluator cannot compile it either, the checker's error is returned, in
// the file's coordinates.
func RunProgram(ctx context.Context, file string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	trace := &panicTrace{stderr: stderr}
	i := interp.New(interp.Options{
		Stdin: stdin, Stdout: trace.writer(stdout, false), Stderr: trace.writer(stderr, true),
		Args:         append([]string{file}, args...),
		Unrestricted: true,
	})
	for _, syms := range []interp.Exports{Symbols(), unrestricted.Symbols, unsafe.Symbols} {
		if err := i.Use(syms); err != nil {
			return err
		}
	}
	lowered, rerr := LowerProgram(file, src)
	if rerr != nil {
		prog, err := compileGuarded(func() (*interp.Program, error) { return i.CompilePath(file) })
		if err != nil {
			return rerr
		}
		if _, err = i.ExecuteWithContext(ctx, prog); err != nil {
			trace.flush()
		}
		return err
	}
	// The evaluator reads programs from files: the lowered one is written
	// next to nothing, under the program's own name.
	dir, err := os.MkdirTemp("", "igo-run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, filepath.Base(file))
	if err := os.WriteFile(tmp, []byte(lowered), 0o600); err != nil {
		return err
	}
	trace.rename(tmp, file)
	prog, err := compileGuarded(func() (*interp.Program, error) { return i.CompilePath(tmp) })
	if err == nil {
		_, err = i.ExecuteWithContext(ctx, prog)
	}
	if err != nil {
		trace.flush()
		return renamed(err, tmp, file)
	}
	return nil
}

// compileGuarded runs a compilation of the evaluator, turning a panic of
// its own into an *InternalError.
func compileGuarded(compile func() (*interp.Program, error)) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &InternalError{Value: r, Stack: debug.Stack()}
		}
	}()
	return compile()
}

// renamed says file where err says tmp.
func renamed(err error, tmp, file string) error {
	if !strings.Contains(err.Error(), tmp) {
		return err
	}
	return &renamedError{msg: strings.ReplaceAll(err.Error(), tmp, file), err: err}
}

type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }

// LowerProgram is the Go a program becomes for the evaluator (see
// rewrite.Program), checked against the evaluator's packages.
func LowerProgram(file string, src []byte) (string, error) {
	return rewrite.Program(rewrite.Config{Importer: defaultImporter()}, file, src)
}

// defaultImporter gives the type checker the packages of Symbols, and the
// generic code of the standard packages rewrite.StdSource reads from the
// toolchain's sources. One serves the process: shells and programs (each
// %run) share what it has built (both importers are safe for concurrent
// use and build a package once).
var defaultImporter = sync.OnceValue(func() types.Importer {
	return rewrite.NewStdSource(symtypes.New(Symbols()))
})
