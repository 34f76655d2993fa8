package magics

import (
	"context"
	"fmt"
	"io"
	"strings"
)

func newLsmagic() Magic {
	u := Usage{
		Name:    "lsmagic",
		Line:    true,
		Summary: "List the magics, one line each.",
		Doc: `Prints the line magics, then the cell magics, each with its summary.
%name? shows the help of one magic and %magic the help of all.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		if a.Line != "" {
			return nil, a.Errorf(u, "unexpected argument %q", a.Line)
		}
		return nil, lsmagic(env.Stdout(), registry(env))
	})
}

func lsmagic(w io.Writer, r *Registry) error {
	line, cell := byForm(r)
	width := 0
	for _, m := range line {
		width = max(width, len(m.Usage().Name)+1)
	}
	for _, m := range cell {
		width = max(width, len(m.Usage().Name)+2)
	}
	var b strings.Builder
	section := func(title, sigil string, ms []Magic) {
		if len(ms) == 0 {
			return
		}
		b.WriteString(title + "\n")
		for _, m := range ms {
			u := m.Usage()
			fmt.Fprintf(&b, "  %-*s  %s\n", width, sigil+u.Name, u.Summary)
		}
		b.WriteString("\n")
	}
	section("Available line magics:", "%", line)
	section("Available cell magics:", "%%", cell)
	b.WriteString("Type %name? for the help of a magic, %magic for the help of all.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// byForm returns r's line magics and its cell magics, sorted by name.
func byForm(r *Registry) (line, cell []Magic) {
	for _, name := range r.Names() {
		if m, err := r.Lookup(name, false); err == nil {
			line = append(line, m)
		}
		if m, err := r.Lookup(name, true); err == nil {
			cell = append(cell, m)
		}
	}
	return line, cell
}

const magicIntro = `Magics are commands to igo, written where a Go statement could begin:

  %name args         a line magic; the rest of the line is its argument
  %%name args        a cell magic, on the first line of a cell; its body
                     runs to the first empty line, a // %% line or the end
  v := %name args    binds the magic's result to v (= also works)
  //igo:name args    the same as %name args, in a file that must stay Go
  !cmd               runs cmd with sh -c; {expr} inserts a Go value
  v := !cmd          binds the command's output lines, a []string, to v
  name?  name??      the documentation of a name; ?? adds its source
  %name?             the help of a magic

A % or ! on a line that continues an expression, or inside brackets, is Go.
`

func newMagic() Magic {
	u := Usage{
		Name:    "magic",
		Line:    true,
		Summary: "Show the help of every magic.",
		Doc: `Prints how magics are written, then the help of each line magic and
of each cell magic, as %name? shows it.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		if a.Line != "" {
			return nil, a.Errorf(u, "unexpected argument %q", a.Line)
		}
		line, cell := byForm(registry(env))
		var b strings.Builder
		b.WriteString(magicIntro)
		for _, m := range line {
			b.WriteString("\n" + Help(m.Usage()))
		}
		for _, m := range cell {
			if !m.Usage().Line { // else its help came with the line magics
				b.WriteString("\n" + Help(m.Usage()))
			}
		}
		_, err := io.WriteString(env.Stdout(), b.String())
		return nil, err
	})
}

func newDoc() Magic {
	u := Usage{
		Name:    "doc",
		Line:    true,
		Args:    "NAME",
		Summary: "Show the documentation of a name, as NAME? does.",
		Doc: `NAME is a name the session declared, a package, or a package member:

    %doc x
    %doc strings
    %doc strings.Repeat

A magic's name with its % shows the magic's help: %doc %time.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		args, err := a.Fields()
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, a.Errorf(u, "want one NAME, have %d arguments", len(args))
		}
		return nil, showDoc(env, args[0], 1)
	})
}
