package igo

import (
	"context"
	"io"
	"sync"

	"github.com/igolang/igo/magics"
)

// A switchWriter writes to a writer that can be swapped while the shell
// runs: %%capture points it at buffers for the time of a cell.
type switchWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *switchWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// swap points s at w and returns the writer it had.
func (s *switchWriter) swap(w io.Writer) io.Writer {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.w
	s.w = w
	return old
}

var _ magics.Capturer = (*env)(nil)

// RunCaptured runs code as part of the running cell with the shell's
// standard output and error going to stdout and stderr (%%capture).
func (e *env) RunCaptured(ctx context.Context, code string, stdout, stderr io.Writer) error {
	sh := e.sh
	oldOut, oldErr := sh.stdout.swap(stdout), sh.stderr.swap(stderr)
	defer func() {
		sh.stdout.swap(oldOut)
		sh.stderr.swap(oldErr)
	}()
	opts := sh.cur
	_, err := sh.runNested(ctx, code, &opts)
	return err
}

// Bind gives the session a variable holding v (%%capture VAR).
func (e *env) Bind(ctx context.Context, name string, v any) error {
	return e.sh.bind(ctx, name, true, v, e.sh.name(e.n))
}
