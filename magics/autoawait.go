package magics

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AwaitSettings are the shell's await settings that %autoawait shows and
// changes.
type AwaitSettings struct {
	On      bool          // await is an operator (else an identifier, and an error as an operator)
	Runner  string        // the autoawait runner awaited operations use
	Timeout time.Duration // bound of each cell; 0 for none
}

// An AwaitEnv is an Env whose shell runs awaits; %autoawait needs one.
type AwaitEnv interface {
	Env
	Autoawait() AwaitSettings
	// SetAutoawait applies s; an unknown runner is an error naming the
	// known ones.
	SetAutoawait(s AwaitSettings) error
}

func newAutoawait() Magic {
	u := Usage{
		Name:    "autoawait",
		Line:    true,
		Args:    "[on|off|RUNNER] [--timeout D]",
		Summary: "Show or set how await runs: on or off, the runner, a timeout per cell.",
		Doc: `Without arguments, prints the state:

    autoawait is ` + "`on`" + `, runner ` + "`goroutine`" + `, timeout none

on, off (also true/false, 1/0) turn the await operator on or off. A runner
name selects how awaited operations run and turns await on:

    goroutine  each on its own goroutine; the cell waits for it or for Ctrl-C (default)
    inline     on the cell's goroutine: least overhead; only context-aware calls stop on Ctrl-C
    group      as goroutine, and the cell's own go statements join the cell:
               it ends when they have, and the first panic cancels the rest

--timeout D bounds every cell (30s, 1m); --timeout 0 removes the bound.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		ae, ok := env.(AwaitEnv)
		if !ok {
			return nil, a.Errorf(u, "this shell does not run awaits")
		}
		fields, err := a.Fields()
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		s := ae.Autoawait()
		changed := false
		for i := 0; i < len(fields); i++ {
			f := fields[i]
			switch {
			case f == "--timeout" || f == "-timeout":
				if i+1 == len(fields) {
					return nil, a.Errorf(u, "--timeout needs a duration")
				}
				i++
				f = "--timeout=" + fields[i]
				fallthrough
			case strings.HasPrefix(f, "--timeout=") || strings.HasPrefix(f, "-timeout="):
				d, err := time.ParseDuration(f[strings.Index(f, "=")+1:])
				if err != nil || d < 0 {
					return nil, a.Errorf(u, "bad timeout %q: want a duration such as 30s", f[strings.Index(f, "=")+1:])
				}
				s.Timeout, changed = d, true
			case strings.HasPrefix(f, "-"):
				return nil, a.Errorf(u, "flag provided but not defined: %s", f)
			default:
				switch strings.ToLower(f) {
				case "on", "true", "1":
					s.On = true
				case "off", "false", "0":
					s.On = false
				default:
					s.On, s.Runner = true, f
				}
				changed = true
			}
		}
		if !changed {
			state := "off"
			if s.On {
				state = "on"
			}
			timeout := "none"
			if s.Timeout > 0 {
				timeout = s.Timeout.String()
			}
			_, err := fmt.Fprintf(env.Stdout(), "autoawait is `%s`, runner `%s`, timeout %s\n", state, s.Runner, timeout)
			return nil, err
		}
		if err := ae.SetAutoawait(s); err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		return nil, nil
	})
}
