package magics

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

func newCd() Magic {
	u := Usage{
		Name:    "cd",
		Line:    true,
		Args:    "[-q] [DIR]",
		Summary: "Change the working directory.",
		Doc: `Changes the working directory of igo, of the Go code it runs and of the
commands it starts, and prints the new one. Without DIR it goes to the
home directory; "-" goes back to the previous one ($OLDPWD). A leading ~
stands for the home directory. Quote a DIR that has blanks. As a POSIX
shell's cd, it sets $PWD and $OLDPWD.

    -q  do not print the new directory

    %cd ~/src/project
    %cd -`,
	}
	var mu sync.Mutex
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		fs := NewFlagSet(u)
		quiet := fs.Bool("q", false, "do not print the new directory")
		args, err := a.Flags(u, fs)
		if err != nil {
			return nil, err
		}
		if len(args) > 1 {
			return nil, a.Errorf(u, "too many arguments (quote a DIR that has blanks)")
		}
		mu.Lock()
		defer mu.Unlock()
		var dir string
		switch {
		case len(args) == 0:
			if dir, err = os.UserHomeDir(); err != nil {
				return nil, err
			}
		case args[0] == "-":
			if dir = os.Getenv("OLDPWD"); dir == "" {
				return nil, errors.New("cd: OLDPWD not set")
			}
		default:
			if dir, err = expandHome(args[0]); err != nil {
				return nil, err
			}
		}
		old, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if err := os.Chdir(dir); err != nil {
			return nil, err
		}
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		// As a POSIX shell does, for %cd - and for the commands igo starts.
		os.Setenv("OLDPWD", old)
		os.Setenv("PWD", wd)
		if *quiet {
			return nil, nil
		}
		_, err = fmt.Fprintln(env.Stdout(), wd)
		return nil, err
	})
}

// expandHome replaces a leading ~ (alone or before a /) by the home
// directory.
func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, path[1:]), nil
}

func newPwd() Magic {
	u := Usage{
		Name:    "pwd",
		Line:    true,
		Summary: "Return the working directory, as a string.",
		Doc:     `The shell shows it as Out[n]; d := %pwd binds it.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		if a.Line != "" {
			return nil, a.Errorf(u, "unexpected argument %q", a.Line)
		}
		return os.Getwd()
	})
}
