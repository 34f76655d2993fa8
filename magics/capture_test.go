package magics_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

// captureEnv is a fakeEnv whose shell runs cells with their output
// captured: its cells print what the outputs map says, and fail with what
// the errs map says.
type captureEnv struct {
	*fakeEnv
	outputs map[string][2]string // code -> what it writes to stdout, stderr
	errs    map[string]error     // code -> its error
	ran     []string             // the code RunCaptured was given
	bound   map[string]any       // what Bind bound
}

var _ magics.Capturer = (*captureEnv)(nil)

func newCaptureEnv() *captureEnv {
	return &captureEnv{fakeEnv: newEnv(), bound: map[string]any{}}
}

func (e *captureEnv) RunCaptured(ctx context.Context, code string, stdout, stderr io.Writer) error {
	e.ran = append(e.ran, code)
	out := e.outputs[code]
	io.WriteString(stdout, out[0])
	io.WriteString(stderr, out[1])
	return e.errs[code]
}

func (e *captureEnv) Bind(ctx context.Context, name string, v any) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	e.bound[name] = v
	return nil
}

func runCapture(ctx context.Context, env *captureEnv, cell string) (any, error) {
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		return nil, err
	}
	return magics.Run(ctx, env, segs[0])
}

func TestCapture(t *testing.T) {
	const code = "fmt.Println(\"out\")\nfmt.Fprintln(os.Stderr, \"err\")"
	boom := errors.New("1:1: boom")
	tests := []struct {
		name, in       string
		err            error
		value          any
		bound          map[string]any
		stdout, stderr string
	}{
		{name: "no VAR", in: "%%capture\n" + code, bound: map[string]any{}},
		{name: "VAR", in: "%%capture out\n" + code, bound: map[string]any{"out": &magics.Captured{Stdout: "out\n", Stderr: "err\n"}}},
		{name: "assigned", in: "c := %%capture\n" + code, value: &magics.Captured{Stdout: "out\n", Stderr: "err\n"}, bound: map[string]any{}},
		{name: "error", in: "%%capture out\n" + code, err: boom, bound: map[string]any{"out": &magics.Captured{Stdout: "out\n", Stderr: "err\n"}}},
		{name: "error no VAR", in: "%%capture\n" + code, err: boom, bound: map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newCaptureEnv()
			env.outputs = map[string][2]string{code: {"out\n", "err\n"}}
			env.errs = map[string]error{code: tt.err}
			v, err := runCapture(context.Background(), env, tt.in)
			if err != tt.err {
				t.Errorf("error %v, want %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.value, v); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{code}, env.ran); diff != "" {
				t.Errorf("code run (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bound, env.bound); diff != "" {
				t.Errorf("bound (-want +got):\n%s", diff)
			}
			if got := env.stdout(); got != tt.stdout {
				t.Errorf("printed %q, want %q", got, tt.stdout)
			}
			if got := env.stderr(); got != tt.stderr {
				t.Errorf("printed to stderr %q, want %q", got, tt.stderr)
			}
		})
	}
}

// TestCaptureCancelled checks that the output of a cell stopped by Ctrl-C is
// bound all the same, and that the error is the context's.
func TestCaptureCancelled(t *testing.T) {
	env := newCaptureEnv()
	env.outputs = map[string][2]string{"f()": {"partial\n", ""}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env.errs = map[string]error{"f()": ctx.Err()}
	if _, err := runCapture(ctx, env, "%%capture out\nf()"); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if diff := cmp.Diff(map[string]any{"out": &magics.Captured{Stdout: "partial\n"}}, env.bound); diff != "" {
		t.Errorf("bound (-want +got):\n%s", diff)
	}
}

func TestCaptureErrors(t *testing.T) {
	tests := []struct{ in, err string }{
		{"%%capture 1x\nf()", `usage: %%capture [VAR]: VAR "1x" is not a Go identifier`},
		{"%%capture func\nf()", `usage: %%capture [VAR]: VAR "func" is not a Go identifier`},
		{"%%capture a b\nf()", `usage: %%capture [VAR]: one VAR, have 2 arguments`},
		{"%%capture -x\nf()", `usage: %%capture [VAR]: flag provided but not defined: -x`},
	}
	for _, tt := range tests {
		env := newCaptureEnv()
		_, err := runCapture(context.Background(), env, tt.in)
		var ue *magics.UsageError
		if !errors.As(err, &ue) || err.Error() != tt.err {
			t.Errorf("%q: error %v, want UsageError %q", tt.in, err, tt.err)
		}
		if len(env.ran) != 0 {
			t.Errorf("%q ran the cell", tt.in)
		}
	}
	_, err := newEnv().run("%%capture out\nf()")
	if want := "usage: %%capture [VAR]: this shell cannot capture a cell's output"; err == nil || err.Error() != want {
		t.Errorf("%%%%capture in a shell that cannot: error %v, want %q", err, want)
	}
}

func TestCaptured(t *testing.T) {
	c := &magics.Captured{Stdout: "out\n", Stderr: "err\n"}
	if got, want := c.String(), "out\nerr\n"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := fmt.Sprint(c), "out\nerr\n"; got != want {
		t.Errorf("Sprint = %q, want %q", got, want)
	}
	var b strings.Builder
	c.Show(&b)
	if got, want := b.String(), "out\nerr\n"; got != want {
		t.Errorf("Show wrote %q, want %q", got, want)
	}
	if got := (*magics.Captured)(nil).String(); got != "" {
		t.Errorf("nil String() = %q", got)
	}
}
