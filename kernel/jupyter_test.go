package kernel_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The Jupyter tests run the igo kernel under real Jupyter clients, in
// Python: testdata/jupyter/driver.py (jupyter_client, a check per protocol
// behaviour), testdata/jupyter/nbrun.py (nbclient, each notebook of
// ../testdata/notebooks and ../examples/tour.ipynb against the outputs
// stored in it) and testdata/jupyter/console.py (jupyter-console in a
// pseudo-terminal). They need Debian's python3-jupyter-client,
// python3-nbclient, python3-nbformat and jupyter-console for /usr/bin/python3
// (scripts/test installs them): without them the tests are skipped, unless
// IGO_REQUIRE_JUPYTER=1, when they fail.

// jupyterPython is the Python that has the Jupyter modules.
func jupyterPython() string {
	if p := os.Getenv("IGO_JUPYTER_PYTHON"); p != "" {
		return p
	}
	return "/usr/bin/python3"
}

// requireJupyter skips (or, with IGO_REQUIRE_JUPYTER=1, fails) the test when
// the Python modules are missing: modules is a Python import list.
func requireJupyter(t *testing.T, modules string) string {
	t.Helper()
	py := jupyterPython()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("IGO_REQUIRE_JUPYTER") == "1" {
			t.Fatalf(format+" (IGO_REQUIRE_JUPYTER=1; scripts/test installs it)", args...)
		}
		t.Skipf(format+" (set IGO_REQUIRE_JUPYTER=1 to fail instead)", args...)
	}
	if _, err := os.Stat(py); err != nil {
		missing("no %s: %v", py, err)
	}
	if out, err := exec.Command(py, "-c", "import "+modules).CombinedOutput(); err != nil {
		missing("%s cannot import %s: %v\n%s", py, modules, err, out)
	}
	return py
}

// jupyterEnv is an igo binary with its kernelspec installed in a prefix of
// its own, and the environment that makes Jupyter find it and nothing of
// the user's.
type jupyterEnv struct {
	dir, igo string
	env      []string
}

// setupJupyter builds igo once for the whole test and installs its
// kernelspec with `igo kernel install --prefix DIR`.
func setupJupyter(t *testing.T) *jupyterEnv {
	t.Helper()
	if testing.Short() && os.Getenv("IGO_REQUIRE_JUPYTER") != "1" {
		t.Skip("-short: skipping the Jupyter tests (they build igo and start kernels)")
	}
	dir := t.TempDir()
	igo := filepath.Join(dir, "bin", "igo")
	ctx, cancel := testContext(t, 5*time.Minute)
	defer cancel()
	gocmd := "go"
	if p, err := exec.LookPath("go"); err == nil {
		gocmd = p
	}
	build := exec.CommandContext(ctx, gocmd, "build", "-o", igo, "github.com/igolang/igo/cmd/igo")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/igo: %v\n%s", err, out)
	}
	install := exec.CommandContext(ctx, igo, "kernel", "install", "--prefix", dir)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("igo kernel install --prefix %s: %v\n%s", dir, err, out)
	}
	for _, d := range []string{"runtime", "config", "data", "igo"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(),
		"JUPYTER_PATH="+filepath.Join(dir, "share", "jupyter"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "data"),
		"JUPYTER_PLATFORM_DIRS=0",
		"IPYTHONDIR="+filepath.Join(dir, "ipython"),
		"IGO_DIR="+filepath.Join(dir, "igo"), // the kernel's history
		"PATH="+filepath.Dir(igo)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"PYTHONDONTWRITEBYTECODE=1",
		"PYTHONUNBUFFERED=1",
		"PYDEVD_DISABLE_FILE_VALIDATION=1",
		"NO_COLOR=",
	)
	return &jupyterEnv{dir: dir, igo: igo, env: env}
}

// testContext bounds a command by d and by the test's own deadline.
func testContext(t *testing.T, d time.Duration) (context.Context, context.CancelFunc) {
	deadline := time.Now().Add(d)
	if td, ok := t.Deadline(); ok && td.Add(-10*time.Second).Before(deadline) {
		deadline = td.Add(-10 * time.Second)
	}
	return context.WithDeadline(context.Background(), deadline)
}

// python runs a script of testdata/jupyter and fails the test if it exits
// non-zero; its output is logged (shown with -v or on failure).
func (j *jupyterEnv) python(t *testing.T, py string, timeout time.Duration, script string, args ...string) {
	t.Helper()
	ctx, cancel := testContext(t, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, py, append([]string{filepath.Join("testdata", "jupyter", script)}, args...)...)
	cmd.Env = j.env
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	t.Logf("%s %s %s:\n%s", py, script, strings.Join(args, " "), out)
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish within %v", script, timeout)
	}
	if err != nil {
		var fails []string
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "FAIL ") {
				fails = append(fails, line)
			}
		}
		t.Fatalf("%s: %v\n%s", script, err, strings.Join(fails, "\n"))
	}
}

// TestJupyter checks the kernel with jupyter_client, nbclient and
// jupyter-console, as a user's front end would talk to it.
func TestJupyter(t *testing.T) {
	py := requireJupyter(t, "jupyter_client, nbclient, nbformat")
	j := setupJupyter(t)

	t.Run("kernelspec", func(t *testing.T) {
		checkKernelspec(t, filepath.Join(j.dir, "share", "jupyter", "kernels", "igo"), j.igo)
		other := t.TempDir()
		out, err := exec.Command(j.igo, "kernel", "install", "--prefix", other, "--name", "igo-test").CombinedOutput()
		if err != nil {
			t.Fatalf("igo kernel install --name igo-test: %v\n%s", err, out)
		}
		checkKernelspec(t, filepath.Join(other, "share", "jupyter", "kernels", "igo-test"), j.igo)
	})

	t.Run("driver", func(t *testing.T) {
		t.Parallel()
		j.python(t, py, 3*time.Minute, "driver.py", "--kernel", "igo")
	})

	t.Run("console", func(t *testing.T) {
		t.Parallel()
		requireJupyter(t, "pexpect, jupyter_console")
		j.python(t, py, 2*time.Minute, "console.py", "--kernel", "igo")
	})

	notebooks, err := filepath.Glob(filepath.Join("..", "testdata", "notebooks", "*.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	notebooks = append(notebooks, filepath.Join("..", "examples", "tour.ipynb"))
	for _, nb := range notebooks {
		name := strings.TrimSuffix(filepath.Base(nb), ".ipynb")
		t.Run("notebook/"+name, func(t *testing.T) {
			t.Parallel()
			abs, err := filepath.Abs(nb)
			if err != nil {
				t.Fatal(err)
			}
			j.python(t, py, 3*time.Minute, "nbrun.py", "--kernel", "igo", abs)
		})
	}
}

// checkKernelspec checks the kernel.json that `igo kernel install` wrote.
func checkKernelspec(t *testing.T, dir, igo string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Argv          []string `json:"argv"`
		DisplayName   string   `json:"display_name"`
		Language      string   `json:"language"`
		InterruptMode string   `json:"interrupt_mode"`
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatalf("kernel.json: %v\n%s", err, data)
	}
	wantArgs := []string{"kernel", "-f", "{connection_file}"}
	if len(spec.Argv) != 4 || !slices.Equal(spec.Argv[1:], wantArgs) {
		t.Errorf("kernel.json argv = %q, want [IGO %q]", spec.Argv, wantArgs)
	} else if exe := spec.Argv[0]; filepath.Base(exe) != "igo" {
		t.Errorf("kernel.json argv[0] = %q, want the igo binary", exe)
	} else if filepath.IsAbs(exe) {
		if _, err := os.Stat(exe); err != nil {
			t.Errorf("kernel.json argv[0]: %v", err)
		} else if same, _ := sameFile(exe, igo); !same {
			t.Errorf("kernel.json argv[0] = %q, want the binary that installed it, %s", exe, igo)
		}
	}
	if spec.DisplayName != "Go (igo)" {
		t.Errorf("kernel.json display_name = %q, want %q", spec.DisplayName, "Go (igo)")
	}
	if spec.Language != "go" {
		t.Errorf("kernel.json language = %q, want go", spec.Language)
	}
	if spec.InterruptMode != "message" {
		t.Errorf("kernel.json interrupt_mode = %q, want message", spec.InterruptMode)
	}
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
