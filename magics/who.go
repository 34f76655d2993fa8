package magics

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	emptyNamespace = "Interactive namespace is empty."
	noTypeMatch    = "No variables match your requested type."
)

const whoDoc = `Names that start with _ (such as the output history _1, __) are left
out. Each TYPE keeps only the names whose type is written exactly so
(int, []string, time.Duration), or whose kind it is: var, const, func
or type.`

func newWho() Magic {
	u := Usage{
		Name:    "who",
		Line:    true,
		Args:    "[TYPE...]",
		Summary: "Print the names the session declared.",
		Doc: `Prints the names, sorted, on one line, separated by tabs.

` + whoDoc + `

    %who
    %who int string
    %who func`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		vars, filtered, err := sessionVars(env, a)
		if err != nil {
			return nil, err
		}
		w := env.Stdout()
		switch {
		case len(vars) > 0:
			names := make([]string, len(vars))
			for i, v := range vars {
				names[i] = v.Name
			}
			_, err = fmt.Fprintln(w, strings.Join(names, "\t"))
		case filtered:
			_, err = fmt.Fprintln(w, noTypeMatch)
		default:
			_, err = fmt.Fprintln(w, emptyNamespace)
		}
		return nil, err
	})
}

func newWhoLs() Magic {
	u := Usage{
		Name:    "who_ls",
		Line:    true,
		Args:    "[TYPE...]",
		Summary: "Return the names the session declared, as a sorted []string.",
		Doc: whoDoc + `

    names := %who_ls func`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		vars, _, err := sessionVars(env, a)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(vars))
		for i, v := range vars {
			names[i] = v.Name
		}
		return names, nil
	})
}

func newWhos() Magic {
	u := Usage{
		Name:    "whos",
		Line:    true,
		Args:    "[TYPE...]",
		Summary: "Print a table of the names the session declared.",
		Doc: `The table has the columns Variable, Type and Data/Info, as IPython's:

    Variable   Type             Data/Info
    -------------------------------------
    d          time.Duration    1.5s
    greet      func             func(name string) string
    n          int              42

A var or const shows its type and its value (%v; a value of 50
characters or more shows its first and last 25); a func shows "func"
and its signature; a type shows "type" and its definition.

` + whoDoc,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		vars, filtered, err := sessionVars(env, a)
		if err != nil {
			return nil, err
		}
		w := env.Stdout()
		switch {
		case len(vars) > 0:
			err = whos(w, vars)
		case filtered:
			_, err = fmt.Fprintln(w, noTypeMatch)
		default:
			_, err = fmt.Fprintln(w, emptyNamespace)
		}
		return nil, err
	})
}

// sessionVars returns the session's names that a's TYPE arguments select,
// sorted, and whether there were such arguments.
func sessionVars(env Env, a Args) ([]Var, bool, error) {
	types, err := a.Fields()
	if err != nil {
		return nil, false, err
	}
	last := map[string]Var{} // a name declared again is its last declaration
	for _, v := range env.Vars() {
		if !strings.HasPrefix(v.Name, "_") {
			last[v.Name] = v
		}
	}
	var vars []Var
	for _, v := range last {
		if len(types) == 0 || slices.Contains(types, v.Type) || slices.Contains(types, v.Kind) {
			vars = append(vars, v)
		}
	}
	slices.SortFunc(vars, func(x, y Var) int { return strings.Compare(x.Name, y.Name) })
	return vars, len(types) > 0, nil
}

// whos prints IPython's %whos table of vars.
func whos(w io.Writer, vars []Var) error {
	const colsep = 3
	type row struct{ name, typ, data string }
	rows := make([]row, len(vars))
	nameW, typeW := len("Variable"), len("Type")
	for i, v := range vars {
		r := row{name: v.Name, typ: v.Type, data: fmt.Sprint(v.Value)}
		switch v.Kind {
		case "func", "type":
			r.typ, r.data = v.Kind, v.Type
		}
		r.data = strings.ReplaceAll(r.data, "\n", `\n`)
		if utf8.RuneCountInString(r.data) >= 50 {
			rs := []rune(r.data)
			r.data = string(rs[:25]) + "<...>" + string(rs[len(rs)-25:])
		}
		rows[i] = r
		nameW = max(nameW, utf8.RuneCountInString(r.name))
		typeW = max(typeW, utf8.RuneCountInString(r.typ))
	}
	nameW += colsep
	typeW += colsep
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s%-*s %s\n", nameW, "Variable", typeW, "Type", "Data/Info")
	b.WriteString(strings.Repeat("-", nameW+typeW+len("Data/Info")+1) + "\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s%-*s %s\n", nameW, r.name, typeW, r.typ, r.data)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
