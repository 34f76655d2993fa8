package magics

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// newWritefile returns %%writefile, or its other name %%file.
func newWritefile(name string) Magic {
	summary := "Write the cell to FILE; -a appends to it."
	if name != "writefile" {
		summary = "Write the cell to FILE, as %%writefile does."
	}
	u := Usage{
		Name: name, Cell: true,
		CellArgs: "[-a] FILE",
		Summary:  summary,
		Doc: `Writes the body, and a final newline, to FILE, and prints "Writing FILE",
or "Overwriting FILE" when FILE was there; with -a (--append) it adds the
body at FILE's end and prints "Appending to FILE". A leading ~ stands for the
home directory; quote a FILE that has blanks. %%file is another name for
%%writefile. The body is not run, and {expr} is not replaced.

    %%writefile hello.go
    package main
    func main() { println("hello") }`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		fset := NewFlagSet(u)
		var appending bool
		fset.BoolVar(&appending, "a", false, "append to FILE")
		fset.BoolVar(&appending, "append", false, "append to FILE")
		args, err := a.Flags(u, fset)
		if err != nil {
			return nil, err
		}
		// Flags may follow FILE too, as in IPython: %%writefile f.txt -a.
		var files []string
		for len(args) > 0 {
			files = append(files, args[0])
			if err := fset.Parse(args[1:]); err != nil {
				return nil, a.Errorf(u, "%v", err)
			}
			args = fset.Args()
		}
		switch {
		case len(files) == 0:
			return nil, a.Errorf(u, "no FILE to write")
		case len(files) > 1:
			return nil, a.Errorf(u, "one FILE, have %d (quote a FILE that has blanks)", len(files))
		}
		file, err := expandHome(files[0])
		if err != nil {
			return nil, err
		}
		_, statErr := os.Stat(file)
		exists := !errors.Is(statErr, fs.ErrNotExist)
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if appending {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(file, flags, 0o666)
		if err != nil {
			return nil, err
		}
		body := a.Body
		if body != "" && !strings.HasSuffix(body, "\n") {
			body += "\n"
		}
		_, err = f.WriteString(body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		msg := "Writing "
		switch {
		case exists && appending:
			msg = "Appending to "
		case exists:
			msg = "Overwriting "
		}
		_, err = fmt.Fprintln(env.Stdout(), msg+file)
		return nil, err
	})
}
