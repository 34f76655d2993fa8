package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// conformanceLevel is how many of Go's own conformance programs igo must
// run as the Go toolchain does (see TestGoConformance). Raise it when igo
// runs more; the test fails below it.
const conformanceLevel = 130

// TestGoConformance runs the programs of the Go toolchain's test suite
// marked `// run` in $GOROOT/test/typeparam and $GOROOT/test/range*.go with
// igo (as `igo FILE.go`) and with the Go toolchain, and counts the programs
// igo runs as Go does: exit status 0 and the output of the .out file next to
// the program (none when there is no .out file), the rule of Go's own test
// harness. Programs the Go toolchain itself does not run correctly here
// are left out of the count. Go's results are cached per toolchain version
// and program (in the user cache directory): the first run builds every
// program with `go build`.
func TestGoConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Go's conformance programs; not in -short")
	}
	goroot := runtime.GOROOT()
	progs, err := conformancePrograms(goroot)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) == 0 {
		t.Fatalf("no `// run` programs under %s/test: the Go toolchain's test directory is required", goroot)
	}
	goRes := make([]progResult, len(progs))
	igoRes := make([]progResult, len(progs))
	parallel(len(progs), func(i int) {
		goRes[i] = goResult(t, progs[i])
		igoRes[i] = igoResult(progs[i])
	})
	var goOK, pass int
	var failed []string
	for i, p := range progs {
		want := expectedOutput(p)
		if !goRes[i].ok(want) {
			t.Logf("Go toolchain: %s: exit %d", rel(goroot, p), goRes[i].Exit)
			continue
		}
		goOK++
		if igoRes[i].ok(want) {
			pass++
			continue
		}
		failed = append(failed, fmt.Sprintf("%s: %s", rel(goroot, p), igoRes[i].summary(want)))
	}
	for _, f := range failed {
		t.Log("igo: " + f)
	}
	fmt.Printf("Go conformance: igo runs %d of the %d programs the Go toolchain runs correctly (%d `// run` programs)\n", pass, goOK, len(progs))
	if pass < conformanceLevel {
		t.Errorf("igo runs %d conformance programs, below the recorded level %d", pass, conformanceLevel)
	}
}

// conformancePrograms lists the `// run` programs, sorted.
func conformancePrograms(goroot string) ([]string, error) {
	a, err := filepath.Glob(filepath.Join(goroot, "test", "typeparam", "*.go"))
	if err != nil {
		return nil, err
	}
	b, err := filepath.Glob(filepath.Join(goroot, "test", "range*.go"))
	if err != nil {
		return nil, err
	}
	var progs []string
	for _, f := range append(a, b...) {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if strings.TrimSpace(first) == "// run" {
			progs = append(progs, f)
		}
	}
	slices.Sort(progs)
	return progs, nil
}

// progResult is how a run of a program ended.
type progResult struct {
	Exit   int    // exit status; -1 when it was killed at the time limit
	Output string // stdout and stderr together, as Go's harness reads them
}

func (r progResult) ok(want string) bool { return r.Exit == 0 && r.Output == want }

func (r progResult) summary(want string) string {
	out := r.Output
	if len(out) > 300 {
		out = out[:300] + "..."
	}
	switch {
	case r.Exit == -1:
		return "timed out"
	case r.Exit != 0:
		return fmt.Sprintf("exit %d: %s", r.Exit, out)
	}
	return fmt.Sprintf("output differs: got %q, want %q", out, want)
}

// expectedOutput is the .out file next to the program, or nothing.
func expectedOutput(prog string) string {
	data, err := os.ReadFile(strings.TrimSuffix(prog, ".go") + ".out")
	if err != nil {
		return ""
	}
	return string(data)
}

// runLimited runs a command with a time limit.
func runLimited(dir string, limit time.Duration, env []string, name string, args ...string) progResult {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	res := progResult{Output: strings.ReplaceAll(out.String(), "\r\n", "\n")}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.Exit = -1
	case errors.As(err, &ee):
		res.Exit = ee.ExitCode()
	case err != nil:
		res.Exit, res.Output = -2, err.Error()
	}
	return res
}

// igoResult runs the program with igo: this test binary as the command.
func igoResult(prog string) progResult {
	return runLimited(filepath.Dir(prog), 20*time.Second, []string{"IGO_TEST_MAIN=1"}, os.Args[0], prog)
}

// goResult builds and runs the program with the Go toolchain, or reads
// the result of an earlier run from the cache.
func goResult(t *testing.T, prog string) progResult {
	data, err := os.ReadFile(prog)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(append([]byte(runtime.Version()+"\x00"), data...))
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "igo", "conformance", hex.EncodeToString(sum[:12])+".json")
		if b, err := os.ReadFile(cache); err == nil {
			var r progResult
			if json.Unmarshal(b, &r) == nil {
				return r
			}
		}
	}
	bin := filepath.Join(t.TempDir(), "prog")
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if b := runLimited(filepath.Dir(prog), 5*time.Minute, nil, gocmd, "build", "-o", bin, prog); b.Exit != 0 {
		t.Logf("go build %s: exit %d: %s", prog, b.Exit, b.Output)
		return b
	}
	r := runLimited(filepath.Dir(prog), 20*time.Second, nil, bin)
	if r.Exit != -1 && r.Exit != -2 && cache != "" {
		if b, err := json.Marshal(r); err == nil {
			if os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
				os.WriteFile(cache, b, 0o644)
			}
		}
	}
	return r
}

// parallel calls f(0..n-1) on a few goroutines: the programs mostly wait
// for their processes.
func parallel(n int, f func(int)) {
	workers := min(4, n)
	if s := os.Getenv("IGO_CONFORMANCE_JOBS"); s != "" {
		if j, err := strconv.Atoi(s); err == nil && j > 0 {
			workers = j
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func rel(goroot, p string) string {
	if r, err := filepath.Rel(filepath.Join(goroot, "test"), p); err == nil {
		return r
	}
	return p
}
