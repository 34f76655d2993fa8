package igo

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/igolang/igo/history"
	"github.com/igolang/igo/magics"
)

// historyMagics read and replay the input history.
func (sh *Shell) historyMagics() []magics.Magic {
	return []magics.Magic{sh.newHistory(), sh.newRerun(), sh.newSave()}
}

const rangeDoc = `RANGE is IPython's: 4 (line 4 of this session), 2-5 (lines 2 to 5),
~1/3 (line 3 of the session before this one), several separated by
spaces. The history is kept across sessions in $IGO_DIR (default
$XDG_STATE_HOME/igo).`

func (sh *Shell) newHistory() magics.Magic {
	u := magics.Usage{
		Name: "history", Line: true,
		Args:    "[-n] [-g PATTERN] [RANGE]",
		Summary: "Print input history: this session's, a range, or lines matching a pattern.",
		Doc: `Without RANGE prints this session's cells. -n numbers them (session/line
for other sessions); -g PATTERN searches every session for cells
containing PATTERN (* and ? are wildcards).

` + rangeDoc,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		fields, err := a.Fields()
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		numbers, pattern, search := false, "", false
		var ranges []string
		for i := 0; i < len(fields); i++ {
			switch f := fields[i]; {
			case f == "-n":
				numbers = true
			case f == "-g":
				search = true
				if i+1 < len(fields) {
					i++
					pattern = fields[i]
				}
			case strings.HasPrefix(f, "-") && len(f) > 1 && !strings.ContainsAny(f[1:2], "0123456789"):
				return nil, a.Errorf(u, "flag provided but not defined: %s", f)
			default:
				ranges = append(ranges, f)
			}
		}
		var entries []history.Entry
		if search {
			entries, err = sh.hist.Search("*" + pattern + "*")
		} else {
			entries, err = sh.hist.Range(strings.Join(ranges, " "))
		}
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		out := env.Stdout()
		for _, e := range entries {
			if e.Session == sh.hist.Session() && e.Line == sh.count && !search {
				continue // this %history itself
			}
			if numbers || search {
				prefix := fmt.Sprintf("%d", e.Line)
				if e.Session != sh.hist.Session() {
					prefix = fmt.Sprintf("%d/%d", e.Session, e.Line)
				}
				fmt.Fprintf(out, "%s: %s\n", prefix, strings.ReplaceAll(e.Source, "\n", "\n"+strings.Repeat(" ", len(prefix)+2)))
				continue
			}
			fmt.Fprintln(out, e.Source)
		}
		return nil, nil
	})
}

func (sh *Shell) newRerun() magics.Magic {
	u := magics.Usage{
		Name: "rerun", Line: true,
		Args:    "RANGE",
		Summary: "Run cells of the input history again.",
		Doc:     "Runs the cells in RANGE again, in order, stopping at the first error.\n\n" + rangeDoc,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		entries, err := sh.hist.Range(strings.TrimSpace(a.Line))
		if err != nil || strings.TrimSpace(a.Line) == "" {
			if err == nil {
				err = fmt.Errorf("no range")
			}
			return nil, a.Errorf(u, "%v", err)
		}
		for _, e := range entries {
			if e.Session == sh.hist.Session() && e.Line == sh.count {
				continue
			}
			fmt.Fprintf(env.Stdout(), "=== Executing: ===\n%s\n=== Output: ===\n", e.Source)
			if _, err := sh.runNested(ctx, e.Source, &CellOptions{Name: fmt.Sprintf("In[%d]", e.Line), Line: 1}); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
}

func (sh *Shell) newSave() magics.Magic {
	u := magics.Usage{
		Name: "save", Line: true,
		Args:    "FILE RANGE",
		Summary: "Save cells of the input history to a file of cells.",
		Doc:     "Writes the cells in RANGE to FILE, separated by \"// %%\" lines, so that\nigo FILE or %run FILE runs them again.\n\n" + rangeDoc,
	}
	return magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		fields, err := a.Fields()
		if err != nil || len(fields) < 2 {
			return nil, a.Errorf(u, "want a file and a range")
		}
		entries, err := sh.hist.Range(strings.Join(fields[1:], " "))
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		var b strings.Builder
		for _, e := range entries {
			b.WriteString("// %%\n" + e.Source + "\n")
		}
		if err := os.WriteFile(fields[0], []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
		fmt.Fprintf(env.Stdout(), "The following commands were written to file `%s`:\n%s", fields[0], b.String())
		return nil, nil
	})
}
