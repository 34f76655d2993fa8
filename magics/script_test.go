package magics_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

func needShell(t *testing.T, shell string) {
	t.Helper()
	if _, err := exec.LookPath(shell); err != nil {
		t.Skipf("no %s: %v", shell, err)
	}
}

func TestScript(t *testing.T) {
	tests := []struct {
		shell, in    string
		want         any
		stdout, errs string
		err          string
	}{
		{shell: "bash", in: "%%bash\necho $((1 + 2))\necho oops >&2", stdout: "3\n", errs: "oops\n"},
		{shell: "bash", in: "%%bash\nx=(a b c)\necho ${#x[@]} ${x[1]}", stdout: "3 b\n"}, // bash, not sh
		{shell: "sh", in: "%%sh\nfor w in a b; do\n  echo $w\ndone", stdout: "a\nb\n"},
		{shell: "sh", in: "%%sh\necho {x} {{y}} '{print $1}'", stdout: "{x} {{y}} {print $1}\n"}, // no {expr}
		{shell: "sh", in: "%%sh\necho before\nexit 3", stdout: "before\n", err: "exit status 3"},
		{shell: "bash", in: "%%bash\nfalse", err: "exit status 1"},
		{shell: "sh", in: "v := %%sh\nprintf 'a\\nb\\n'\necho err >&2", want: []string{"a", "b"}, errs: "err\n"},
		{shell: "sh", in: "%%sh\n", stdout: ""},
		{shell: "sh", in: "%%sh x\necho", err: `usage: %%sh: unexpected argument "x": the body is the script`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			needShell(t, tt.shell)
			env := newEnv()
			got, err := env.run(tt.in)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error %v, want %q", err, tt.err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.stdout, env.stdout()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, env.stderr()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if len(env.evals) != 0 {
				t.Errorf("evaluated %q", env.evals)
			}
		})
	}
}

func TestScriptExitError(t *testing.T) {
	needShell(t, "bash")
	_, err := newEnv().run("%%bash\nexit 2")
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("exit 2: error %v (%T), want an *exec.ExitError with code 2", err, err)
	}
}

func TestScriptLarge(t *testing.T) {
	needShell(t, "sh")
	body := "x=" + strings.Repeat("y", 200<<10) + "\necho ${#x}"
	env := newEnv()
	if _, err := env.run("%%sh\n" + body); err != nil {
		t.Fatal(err)
	}
	if got, want := env.stdout(), "204800\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}

func TestScriptNoShell(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := newEnv().run("%%bash\necho hi")
	if err == nil || !strings.HasPrefix(err.Error(), "%%bash: cannot run bash: ") {
		t.Errorf("%%%%bash without bash: error %v, want one saying bash cannot run", err)
	}
}

// TestScriptCancel checks that cancelling kills the script and what it
// started: a background child does not live on to write its file.
func TestScriptCancel(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("process groups are unix")
	}
	for _, shell := range []string{"bash", "sh"} {
		t.Run(shell, func(t *testing.T) {
			t.Parallel()
			needShell(t, shell)
			marker := filepath.Join(t.TempDir(), "late")
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := runIn(ctx, newEnv(), "%%"+shell+"\n(sleep 1; echo late > '"+marker+"') &\nsleep 10")
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("error %v, want context.DeadlineExceeded", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("still running 5s after its context was cancelled")
			}
			time.Sleep(1500 * time.Millisecond)
			if _, err := os.Stat(marker); err == nil {
				t.Errorf("the script's background child outlived the cancellation")
			}
		})
	}
}

// TestScriptStreams checks that output reaches Stdout while the script
// still runs.
func TestScriptStreams(t *testing.T) {
	needShell(t, "bash")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newEnv()
	done := make(chan error, 1)
	go func() {
		_, err := runIn(ctx, env, "%%bash\necho first\nsleep 10\necho second")
		done <- err
	}()
	deadline := time.Now().Add(5 * time.Second)
	var out strings.Builder
	for !strings.Contains(out.String(), "first") {
		if time.Now().After(deadline) {
			t.Fatalf("no output 5s after the script started")
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

func TestScriptHelp(t *testing.T) {
	env := newEnv()
	if _, err := env.run("%%bash?"); err != nil {
		t.Fatal(err)
	}
	if out := env.stdout(); !strings.HasPrefix(out, "%%bash\n\nRun the cell with bash.\n") {
		t.Errorf("%%%%bash? printed %q", out)
	}
	var ue *magics.UsageError
	if _, err := env.run("%bash"); err == nil || errors.As(err, &ue) {
		t.Errorf("%%bash as a line magic: error %v, want a NotFoundError", err)
	}
}
