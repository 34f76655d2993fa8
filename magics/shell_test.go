package magics_test

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func needSh(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh:", err)
	}
}

func TestShell(t *testing.T) {
	needSh(t)
	tests := []struct {
		name, in     string
		values       map[string]any
		want         any
		stdout, errs string
		err          string
	}{
		{name: "echo", in: "!echo hi", stdout: "hi\n"},
		{name: "stderr", in: "!echo oops >&2", errs: "oops\n"},
		{name: "capture", in: `v := !printf 'a\nb\n'`, want: []string{"a", "b"}},
		{name: "capture crlf no newline", in: `v = !printf 'a\r\nb'`, want: []string{"a", "b"}},
		{name: "capture nothing", in: "v := !exit 0", want: []string{}},
		{name: "capture streams stderr", in: "v := !echo out; echo err >&2", want: []string{"out"}, errs: "err\n"},
		{name: "substitute", in: "!echo {x} {n + 1}", values: map[string]any{"x": "hello", "n + 1": 3}, stdout: "hello 3\n"},
		{name: "substitute composite", in: `!echo {len([]string{"}"})}`, values: map[string]any{`len([]string{"}"})`: 1}, stdout: "1\n"},
		{name: "escaped braces", in: "!echo {{x}} }}", stdout: "{x} }\n"},
		{name: "braces that are not Go", in: `!echo ${HOME:+set} {} {a,b} x{ && echo a b | awk '{print $2}'`, stdout: "set {} {a,b} x{\nb\n"},
		{name: "exit status", in: "!exit 3", err: "exit status 3"},
		{name: "exit status captured", in: "v := !echo x; false", err: "exit status 1"},
		{name: "eval error", in: "  !echo {nope}", err: "1:10: 1:1: undefined: nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv()
			env.values = tt.values
			got, err := env.run(tt.in)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("%s: error %v, want %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: value (-want +got):\n%s", tt.in, diff)
			}
			if diff := cmp.Diff(tt.stdout, env.stdout()); diff != "" {
				t.Errorf("%s: stdout (-want +got):\n%s", tt.in, diff)
			}
			if diff := cmp.Diff(tt.errs, env.stderr()); diff != "" {
				t.Errorf("%s: stderr (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestShellExitError(t *testing.T) {
	needSh(t)
	_, err := newEnv().run("!exit 2")
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("!exit 2: error %v (%T), want an *exec.ExitError with code 2", err, err)
	}
}

func TestShellCancel(t *testing.T) {
	needSh(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	env := newEnv()
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		_, err := runIn(ctx, env, "!sleep 10")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("!sleep 10 cancelled: error %v, want context.DeadlineExceeded", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("!sleep 10 cancelled after 100ms returned after %v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("!sleep 10 still running 5s after its context was cancelled")
	}
}

// TestShellStreams checks that output reaches Stdout while the command
// still runs.
func TestShellStreams(t *testing.T) {
	needSh(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newEnv()
	done := make(chan error, 1)
	go func() {
		_, err := runIn(ctx, env, "!echo first; sleep 10; echo second")
		done <- err
	}()
	deadline := time.Now().Add(5 * time.Second)
	var out strings.Builder
	for !strings.Contains(out.String(), "first") {
		if time.Now().After(deadline) {
			t.Fatalf("no output 5s after !echo first; sleep 10 started")
		}
		time.Sleep(10 * time.Millisecond)
		out.WriteString(env.stdout())
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if out.String() != "first\n" {
		t.Errorf("stdout %q, want %q", out.String(), "first\n")
	}
}
