package magics

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

func newEnvMagic() Magic {
	u := Usage{
		Name:    "env",
		Line:    true,
		Args:    "[VAR[=VALUE]]",
		Summary: "Show or set environment variables.",
		Doc: `    %env              prints every variable, sorted, one VAR=VALUE a line
    e := %env         binds them, a map[string]string, to e
    %env VAR          returns the value of VAR, a string
    %env VAR=VALUE    sets VAR and prints "env: VAR=VALUE"
    %env VAR VALUE    the same

The value is the rest of the line, without one pair of quotes around
it. The values of variables whose name has KEY, TOKEN, SECRET or PASS in
it are listed as <hidden>; %env VAR shows one. The environment is igo's,
which the Go code it runs and the commands it starts share.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		line := a.Line
		if line == "" {
			vars := environ()
			if a.Assigned {
				return vars, nil
			}
			var b strings.Builder
			for _, k := range slices.Sorted(maps.Keys(vars)) {
				b.WriteString(k + "=" + vars[k] + "\n")
			}
			_, err := fmt.Fprint(env.Stdout(), b.String())
			return nil, err
		}
		name, value, set := strings.Cut(line, "=")
		if !set || strings.ContainsAny(name, " \t") {
			name, value, set = strings.Cut(line, " ")
			if !set {
				name, value, set = strings.Cut(line, "\t")
			}
		}
		name, value = strings.TrimSpace(name), unquote(strings.TrimSpace(value))
		if name == "" || strings.Contains(name, "=") {
			return nil, a.Errorf(u, "bad variable name %q", name)
		}
		if !set {
			v, ok := os.LookupEnv(name)
			if !ok {
				return nil, a.Errorf(u, "environment does not have key: %s", name)
			}
			return v, nil
		}
		if err := os.Setenv(name, value); err != nil {
			return nil, err
		}
		_, err := fmt.Fprintf(env.Stdout(), "env: %s=%s\n", name, value)
		return nil, err
	})
}

// environ returns the environment with secrets hidden.
func environ() map[string]string {
	vars := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if k == "" { // Windows' =C:=C:\ entries
			continue
		}
		up := strings.ToUpper(k)
		for _, s := range []string{"KEY", "TOKEN", "SECRET", "PASS"} {
			if strings.Contains(up, s) {
				v = "<hidden>"
			}
		}
		vars[k] = v
	}
	return vars
}

// unquote removes one pair of matching quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
