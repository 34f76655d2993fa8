package magics

import (
	"context"
	"fmt"
	"os"
	"os/exec"
)

// maxScriptArg is the largest body passed to the shell with -c; a larger
// one goes through a temporary file (Linux limits one argument to 128 KiB).
const maxScriptArg = 64 << 10

// newScript returns the cell magic %%name, which runs its body with the
// program shell: %%bash, %%sh.
func newScript(name, shell string) Magic {
	u := Usage{
		Name: name, Cell: true,
		Summary: "Run the cell with " + shell + ".",
		Doc: `The body is a ` + shell + ` script. Its output streams as it comes, as a !cmd's
does; it reads no input. Unlike !cmd, {expr} is not replaced: braces and $
are the script's. An exit status other than 0 is an error, "exit status N";
Ctrl-C kills the script and every process it started.
v := %%` + name + ` binds the script's output lines, a []string, to v.

    %%` + name + `
    for f in *.go; do
        wc -l "$f"
    done`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		if a.Line != "" {
			return nil, a.Errorf(u, "unexpected argument %q: the body is the script", a.Line)
		}
		if _, err := exec.LookPath(shell); err != nil {
			return nil, fmt.Errorf("%%%%%s: cannot run %s: %w", name, shell, err)
		}
		args := []string{"-c", a.Body}
		if len(a.Body) > maxScriptArg {
			f, err := os.CreateTemp("", "igo-*."+shell)
			if err != nil {
				return nil, err
			}
			defer os.Remove(f.Name())
			_, err = f.WriteString(a.Body + "\n")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return nil, err
			}
			args = []string{f.Name()}
		}
		lines, err := runCommand(ctx, env, exec.CommandContext(ctx, shell, args...), a.Assigned)
		if err != nil || !a.Assigned {
			return nil, err
		}
		return lines, nil
	})
}
