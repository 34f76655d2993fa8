package magics

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// quickrefSyntax is the top of %quickref: igo's syntax, one line each.
const quickrefSyntax = `igo quick reference: %magic shows the help of every magic, %name? of one
Go code          declarations and statements; a last expression is Out[n]
%name args       a line magic; v := %name args binds its result to v
%%name args      a cell magic, on a cell's first line; a blank line ends it
//igo:name args  the same as %name args, in a file that must stay Go
!cmd             runs cmd with sh -c, streaming; {expr} inserts a Go value
v := !cmd        binds the command's output lines, a []string, to v
name?  name??    docs of a name, a package or a member; ?? adds the source
await x          waits for a call, channel or task at the top level
In[n]  Out[n]    the input and the output of cell n; _n is Out[n], typed
__  ___          the output before the last one, and the one before that
Ctrl-C  Ctrl-D   interrupt the running cell / leave igo
`

// quickrefFamilies groups the magics %quickref lists; registered magics
// of no family are listed last.
var quickrefFamilies = []struct {
	title string
	names []string
}{
	{"help", []string{"doc", "lsmagic", "magic", "quickref"}},
	{"session", []string{"who", "who_ls", "whos", "reset"}},
	{"timing", []string{"time", "timeit"}},
	{"tasks", []string{"autoawait", "bg", "jobs"}},
	{"files", []string{"writefile", "file", "load", "run"}},
	{"history", []string{"history", "rerun", "save"}},
	{"system", []string{"cd", "pwd", "env", "bash", "sh"}},
	{"output", []string{"capture"}},
}

const (
	quickrefLines = 24 // a terminal's height
	quickrefWidth = 80
)

func newQuickref() Magic {
	u := Usage{
		Name:    "quickref",
		Line:    true,
		Summary: "Show a one-screen reference of igo's syntax and magics.",
		Doc: `Prints igo's special syntax, one line each, and the magics this shell
has, by family, in 24 lines of at most 80 columns. %lsmagic lists the
magics with their summaries; %magic shows the help of all.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		if a.Line != "" {
			return nil, a.Errorf(u, "unexpected argument %q", a.Line)
		}
		_, err := io.WriteString(env.Stdout(), quickref(registry(env)))
		return nil, err
	})
}

// quickref renders the reference for the magics of r.
func quickref(r *Registry) string {
	lines := strings.Split(strings.TrimSuffix(quickrefSyntax, "\n"), "\n")
	lines = append(lines, "", "Magics:")
	seen := map[string]bool{}
	family := func(title string, names []string) {
		var forms []string
		for _, n := range names {
			if seen[n] {
				continue
			}
			seen[n] = true
			if _, err := r.Lookup(n, false); err == nil {
				forms = append(forms, "%"+n)
			}
			if _, err := r.Lookup(n, true); err == nil {
				forms = append(forms, "%%"+n)
			}
		}
		if len(forms) > 0 {
			lines = append(lines, wrapWords(fmt.Sprintf("  %-9s", title), forms, quickrefWidth)...)
		}
	}
	for _, f := range quickrefFamilies {
		family(f.title, f.names)
	}
	family("more", r.Names()) // those of no family, sorted
	if len(lines) > quickrefLines {
		lines = append(lines[:quickrefLines-1], "  ... %lsmagic lists every magic")
	}
	return strings.Join(lines, "\n") + "\n"
}

// wrapWords writes words after prefix, separated by blanks, in lines of
// at most width bytes; lines after the first are indented as far as the
// prefix.
func wrapWords(prefix string, words []string, width int) []string {
	var lines []string
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for i, w := range words {
		if i > 0 && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = indent + w
			continue
		}
		if i > 0 {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
