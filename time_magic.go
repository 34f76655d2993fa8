package igo

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
	"github.com/igolang/igo/timeit"
)

// timeMagics are the magics that time code; they need the shell itself
// (rewrite and evaluation apart), so the shell adds them to its registry.
func (sh *Shell) timeMagics() []magics.Magic {
	return []magics.Magic{sh.newTime(), sh.newTimeit()}
}

func (sh *Shell) newTime() magics.Magic {
	u := magics.Usage{
		Name: "time", Line: true, Cell: true,
		Args: "STMT", CellArgs: "",
		Summary: "Time one run of Go code: CPU and wall time, as IPython prints them.",
		Doc: `Runs the code once and prints

    CPU times: user 15 µs, sys: 0 ns, total: 15 µs
    Wall time: 19.6 µs

A final expression's value is returned (Out[n]). "Rewrite time: ..." is
printed too when rewriting and type-checking took over 0.1 s. The times are
printed even when the code fails; the error follows. await works:

    %time await http.Get(url)`,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		code := a.Line
		if a.Cell {
			if strings.TrimSpace(a.Line) != "" {
				return nil, a.Errorf(u, "Can't use statement directly after '%%%%time'!")
			}
			code = a.Body
		}
		if strings.TrimSpace(code) == "" {
			return nil, a.Errorf(u, "no code to time")
		}
		n := sh.count
		t0 := time.Now()
		r, err := rewrite.Cell(sh.sess, code, &rewrite.Options{Name: sh.name(n), Line: 1, Display: "igo_time", Scratch: true, NoAwait: sh.awaitOff})
		rewriteTime := time.Since(t0)
		if err != nil {
			return nil, err
		}
		u0, s0 := cpuTimes()
		w0 := time.Now()
		v, err := sh.evalChunks(ctx, r, n)
		wall := time.Since(w0)
		u1, s1 := cpuTimes()
		out := env.Stdout()
		user, sys := u1-u0, s1-s0
		fmt.Fprintf(out, "CPU times: user %s, sys: %s, total: %s\n",
			timeit.FormatTime(user, 3), timeit.FormatTime(sys, 3), timeit.FormatTime(user+sys, 3))
		fmt.Fprintf(out, "Wall time: %s\n", timeit.FormatTime(wall, 3))
		if rewriteTime > 100*time.Millisecond {
			fmt.Fprintf(out, "Rewrite time: %s\n", timeit.FormatTime(rewriteTime, 3))
		}
		if err != nil || r.Display == nil || !v.IsValid() || !v.CanInterface() {
			return nil, err
		}
		return v.Interface(), nil
	})
}

// cpuTimes returns the process's user and system CPU time.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

func (sh *Shell) newTimeit() magics.Magic {
	u := magics.Usage{
		Name: "timeit", Line: true, Cell: true,
		Args: "[-n N] [-r R] [-p P] [-q] [-o] [-m] STMT", CellArgs: "[-n N] [-r R] [-p P] [-q] [-o] [-m] [SETUP]",
		Summary: "Time Go code over many loops, as IPython's %timeit.",
		Doc: `Runs the statement in an interpreted loop of N iterations (one
evaluation per run), R runs, and prints the mean and standard deviation
per loop:

    10.9 ns ± 1.62 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)

N is chosen so that a run lasts at least 0.2 s, predicted from short
calibration runs. With %%timeit the first line holds the flags and a setup
statement, run before each run, untimed; the body is the timed code.

    -n N  loops per run        -r R  runs (default 7)
    -p P  significant digits   -q    print nothing
    -o    return the *timeit.Result (r := %timeit -o f())
    -m    add bytes and allocations per loop, as go test -benchmem

await works: %timeit await f(). Ctrl-C stops it and reports the finished runs.`,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		f, rest, err := parseTimeitFlags(a.Line)
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		setup, stmt := "", rest
		if a.Cell {
			setup, stmt = rest, a.Body
		}
		if strings.TrimSpace(stmt) == "" {
			return nil, a.Errorf(u, "no statement to time")
		}
		loop, err := sh.timedLoop(ctx, setup, stmt)
		if err != nil {
			return nil, err
		}
		opts := &timeit.Options{Number: f.number, Repeat: f.repeat, Precision: f.precision}
		if f.memory {
			opts.Memory = memStats
		}
		res, err := timeit.Run(ctx, loop, opts)
		if res != nil && (len(res.Runs) > 0) && !f.quiet {
			if w := res.Warning(); w != "" {
				fmt.Fprintln(env.Stdout(), w)
			}
			fmt.Fprintln(env.Stdout(), res.String())
		}
		if err != nil {
			if ctx.Err() != nil && res != nil && len(res.Runs) > 0 {
				fmt.Fprintf(env.Stderr(), "Interrupted after %d of %d runs\n", len(res.Runs), res.Repeat)
			}
			return nil, err
		}
		if f.output {
			return res, nil
		}
		return nil, nil
	})
}

type timeitFlags struct {
	number, repeat, precision int
	quiet, output, memory     bool
}

// parseTimeitFlags reads the flags at the start of line; the rest is Go
// code, taken as written (shell splitting would eat its quotes).
func parseTimeitFlags(line string) (timeitFlags, string, error) {
	var f timeitFlags
	rest := strings.TrimSpace(line)
	for strings.HasPrefix(rest, "-") {
		field, after, _ := strings.Cut(rest, " ")
		name, value, hasValue := strings.Cut(field, "=")
		if len(name) > 2 && name[1] != '-' && strings.ContainsAny(name[1:2], "nrp") && !hasValue {
			name, value, hasValue = name[:2], name[2:], true // -n1000
		}
		next := func() (int, error) {
			if !hasValue {
				value, after, _ = strings.Cut(strings.TrimSpace(after), " ")
			}
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return 0, fmt.Errorf("%s wants a positive number, not %q", name, value)
			}
			return n, nil
		}
		var err error
		switch name {
		case "-n":
			f.number, err = next()
		case "-r":
			f.repeat, err = next()
		case "-p":
			f.precision, err = next()
		case "-q":
			f.quiet = true
		case "-o":
			f.output = true
		case "-m":
			f.memory = true
		case "--":
			return f, strings.TrimSpace(after), nil
		default:
			if isNumber(name[1:]) {
				return f, rest, nil // -1 * x: code, not a flag
			}
			return f, "", fmt.Errorf("flag provided but not defined: %s", name)
		}
		if err != nil {
			return f, "", err
		}
		rest = strings.TrimSpace(after)
	}
	return f, rest, nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// timedLoop declares, once, a session function that runs setup and then
// times n iterations of stmt, and returns a timeit.Loop calling it: one
// evaluation per run, the loop itself interpreted.
func (sh *Shell) timedLoop(ctx context.Context, setup, stmt string) (timeit.Loop, error) {
	sh.timeits++
	name := fmt.Sprintf("igo_timeit%d", sh.timeits)
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(igo_n int) time.Duration {\n", name)
	if setup != "" {
		b.WriteString(setup + "\n" + usedNames(setup))
	}
	b.WriteString("igo_t0 := time.Now()\nfor igo_i := 0; igo_i < igo_n; igo_i++ {\n")
	b.WriteString(stmt + "\n" + usedNames(stmt))
	b.WriteString("}\nreturn time.Since(igo_t0)\n}")
	if _, _, err := sh.runGo(ctx, b.String(), sh.count, 1, "", false); err != nil {
		return nil, err
	}
	return func(n int) (time.Duration, error) {
		v, _, err := sh.runGo(ctx, fmt.Sprintf("%s(%d)", name, n), sh.count, 1, "igo_value", true)
		if err != nil {
			return 0, err
		}
		d, ok := v.Interface().(time.Duration)
		if !ok {
			return 0, fmt.Errorf("%%timeit: the timed loop returned %T", v.Interface())
		}
		return d, nil
	}, nil
}

// usedNames marks the variables code declares at its top level as used,
// so that `%timeit x := f()` is not "declared and not used".
func usedNames(code string) string {
	var b strings.Builder
	for _, name := range rewrite.Declared(code) {
		fmt.Fprintf(&b, "_ = %s\n", name)
	}
	return b.String()
}
