package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/igolang/igo/internal/highlight"
	"github.com/igolang/igo/magics"
)

// colors picks the scheme at start: IPython's default on a terminal, none
// when NO_COLOR is set, TERM=dumb or output is not a terminal.
func (r *runner) initColors() {
	r.scheme, _ = highlight.Lookup("nocolor")
	if highlight.Enabled(os.Stdout) {
		r.scheme, _ = highlight.Lookup(highlight.Default)
	}
	r.errScheme = r.scheme
	if !highlight.Enabled(os.Stderr) {
		r.errScheme, _ = highlight.Lookup("nocolor")
	}
}

// colorsMagic is %colors, which belongs to the terminal front end.
func (r *runner) colorsMagic() magics.Magic {
	u := magics.Usage{
		Name: "colors", Line: true,
		Args:    "[SCHEME]",
		Summary: "Show or set the colour scheme of prompts, output and errors.",
		Doc: "Schemes: " + strings.Join(highlight.Schemes(), ", ") + `. nocolor writes no escape
codes; so does igo whenever NO_COLOR is set, TERM=dumb, or the output is
not a terminal.`,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		name := strings.TrimSpace(a.Line)
		if name == "" {
			_, err := fmt.Fprintf(env.Stdout(), "colors: %s (schemes: %s)\n", r.scheme.Name(), strings.Join(highlight.Schemes(), ", "))
			return nil, err
		}
		s, ok := highlight.Lookup(name)
		if !ok {
			return nil, a.Errorf(u, "unknown scheme %q (want %s)", name, strings.Join(highlight.Schemes(), ", "))
		}
		if highlight.Enabled(os.Stdout) || s.Name() == "nocolor" {
			r.scheme = s
		}
		if highlight.Enabled(os.Stderr) || s.Name() == "nocolor" {
			r.errScheme = s
		}
		return nil, nil
	})
}
