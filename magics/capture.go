package magics

import (
	"bytes"
	"context"
	"go/token"
	"io"
	"sync"
)

// A Capturer is an Env that can run a cell's code while capturing its
// output; %%capture needs one.
type Capturer interface {
	Env
	// RunCaptured runs code (Go and magics, as a cell) with the shell's
	// standard output and error going to the given writers.
	RunCaptured(ctx context.Context, code string, stdout, stderr io.Writer) error
	// Bind gives the session a variable name holding v (typed by v's
	// dynamic type).
	Bind(ctx context.Context, name string, v any) error
}

// Captured is the output %%capture kept: what the cell wrote to its
// standard output and to its standard error.
type Captured struct {
	Stdout string
	Stderr string
}

// String returns the captured standard output, then standard error.
func (c *Captured) String() string {
	if c == nil {
		return ""
	}
	return c.Stdout + c.Stderr
}

// Show writes the captured output to w, standard output then standard
// error, as IPython's CapturedIO.show() prints it.
func (c *Captured) Show(w io.Writer) {
	io.WriteString(w, c.String())
}

func newCapture() Magic {
	u := Usage{
		Name: "capture", Cell: true,
		CellArgs: "[VAR]",
		Summary:  "Run the cell, keeping its output rather than printing it.",
		Doc: `Runs the body, Go and magics, as a cell, with what it writes to standard
output and standard error captured. With VAR, the session gets a variable
VAR, a *magics.Captured: VAR.Stdout and VAR.Stderr are the two texts,
VAR.Show(os.Stdout) prints them, and VAR shows both. Without VAR the output
is dropped. VAR is bound even when the cell fails; its error is reported.
c := %%capture binds the *magics.Captured to c too.

    %%capture out
    fmt.Println("quiet")`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		args, err := a.Flags(u, NewFlagSet(u))
		if err != nil {
			return nil, err
		}
		var name string
		switch {
		case len(args) > 1:
			return nil, a.Errorf(u, "one VAR, have %d arguments", len(args))
		case len(args) == 1:
			name = args[0]
			if !token.IsIdentifier(name) {
				return nil, a.Errorf(u, "VAR %q is not a Go identifier", name)
			}
		}
		c, ok := env.(Capturer)
		if !ok {
			return nil, a.Errorf(u, "this shell cannot capture a cell's output")
		}
		var out, errOut lockedBuffer
		runErr := c.RunCaptured(ctx, a.Body, &out, &errOut)
		captured := &Captured{Stdout: out.String(), Stderr: errOut.String()}
		if name != "" && name != "_" {
			// Bind even after Ctrl-C: the user sees what came out so far.
			if err := c.Bind(context.WithoutCancel(ctx), name, captured); err != nil && runErr == nil {
				return nil, err
			}
		}
		if runErr != nil {
			return nil, runErr
		}
		if a.Assigned {
			return captured, nil
		}
		return nil, nil
	})
}

// lockedBuffer is a bytes.Buffer that goroutines may write at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
