package magics

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Run runs a segment that [Parse] returned and is not Go:
//
//   - A line or cell magic is looked up in env.Magics() (the [Default]
//     registry when that is nil) and run. When it fails with an error that
//     wraps flag.ErrHelp (`%reset -h`), Run prints its help instead.
//   - A shell command runs with `sh -c`, see below.
//   - A help request prints the help of a magic (`%time?`) or what
//     env.Doc returns for a name, to env.Stdout().
//
// The value Run returns is what the shell shows as Out[n], or binds to
// seg.Assign; nil shows nothing.
//
// A shell command's output streams to env.Stdout() and env.Stderr() as it
// comes. In it, {expr} is replaced by fmt.Sprint of the value of the Go
// expression expr, got from env.Eval; `{{` and `}}` stand for `{` and `}`,
// and braces that do not hold a Go expression (`{}`, `{a,b}`, `${HOME}`,
// `awk '{print $1}'`) stay as they are. The value is not quoted. An exit
// status other than 0 is an error, "exit status N" (an *exec.ExitError).
// With seg.Assign set, the command's standard output is captured and
// returned as its lines, a []string, while its standard error streams.
// The command reads no input. When ctx is done, the command and the
// processes it started are killed and Run returns ctx.Err().
func Run(ctx context.Context, env Env, seg Segment) (any, error) {
	switch seg.Kind {
	case LineMagic, CellMagic:
		cell := seg.Kind == CellMagic
		m, err := registry(env).Lookup(seg.Name, cell)
		if err != nil {
			return nil, err
		}
		a := Args{Name: seg.Name, Line: seg.Text, Body: seg.Body, Cell: cell, Assigned: seg.Assign != ""}
		v, err := m.Run(ctx, env, a)
		if errors.Is(err, flag.ErrHelp) {
			_, err := io.WriteString(env.Stdout(), Help(m.Usage()))
			return nil, err
		}
		return v, err
	case ShellCommand:
		return runShell(ctx, env, seg)
	case HelpRequest:
		return nil, showDoc(env, seg.Name, seg.Detail)
	}
	return nil, fmt.Errorf("magics: Run of a %v segment", seg.Kind)
}

func registry(env Env) *Registry {
	if r := env.Magics(); r != nil {
		return r
	}
	return Default()
}

// showDoc prints the help of the magic name ("%time", "%%bash") or the
// documentation env.Doc returns for any other name.
func showDoc(env Env, name string, detail int) error {
	var text string
	if magic, ok := strings.CutPrefix(name, "%"); ok {
		magic, cell := strings.CutPrefix(magic, "%")
		r := registry(env)
		m, err := r.Lookup(magic, cell)
		if err != nil && !cell {
			// %name? asks about a cell-only magic too, as in IPython.
			if cm, cerr := r.Lookup(magic, true); cerr == nil {
				m, err = cm, nil
			}
		}
		if err != nil {
			return err
		}
		text = Help(m.Usage())
	} else {
		doc, err := env.Doc(name, detail)
		if err != nil {
			return err
		}
		text = doc
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	_, err := io.WriteString(env.Stdout(), text)
	return err
}
