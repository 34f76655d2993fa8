package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

const usage = `igo is IPython's interactive experience for Go.

Usage:
  igo [flags]            start the shell (cells from standard input when it
                         is not a terminal)
  igo [flags] FILE       run FILE: a .go file with package main runs as a
                         program, as the Go toolchain would run it (generic
                         code and newer Go lowered for the evaluator); any
                         other file (.igo) is a sequence of cells separated
                         by "// %%" lines, or one cell per line (plus its
                         continuation lines) without them
  igo -c CODE [-i]       run CODE as one cell
  igo rewrite [FILE|-]   print the Go each cell of FILE (or standard input),
                         or the program FILE.go, becomes, without running
                         it (igo rewrite --help); a file named rewrite runs
                         as igo ./rewrite
  igo kernel -f FILE     serve igo to Jupyter (Jupyter runs this with the
                         connection file it wrote; igo kernel --help)
  igo kernel install [--user|--sys-prefix|--prefix DIR] [--name N]
                         install the Jupyter kernelspec "Go (igo)"

Flags:
  -c CODE      run CODE as one cell, then exit (stay with -i)
  -i           stay interactive after -c or FILE
  --vi         edit cells with vi keys (default: emacs keys, or the
               editing-mode of ~/.inputrc)
  --version    print the version and exit
  -h, --help   print this help and exit

At the prompt:
  Go code      declarations, imports and statements, in any order; a final
               expression is shown as Out[n]; a trailing ; silences it
  %magic       line magics (%lsmagic lists them, %quickref sums up,
               %name? shows help)
  %%magic      cell magics, on the first line of a cell
  !cmd         run a shell command; v := !cmd keeps its output lines
  name?        documentation of a name, package or member
  await X      wait for a channel, call, func, Wait method, context or task
               (%autoawait chooses the runner and a timeout)
  In, Out, _n  input and output history; __ and ___ the outputs before the
               last one
  Enter        runs a complete cell; in an incomplete one it opens the
               next line, indented after { ( [
  Up, Down     move through the cell, then recall whole earlier cells
               (this session's and earlier sessions')
  Ctrl-R       searches the cells of the history
  Tab          completes names, package members, fields and methods,
               import paths, magics and file names, with their types
  Ctrl-C       interrupts the running cell or clears the cell being typed
  Ctrl-D       exits (also: exit, quit); asks while %bg tasks run

Environment:
  IGO_DIR      where the input history database lives
               (default $XDG_STATE_HOME/igo, else ~/.local/state/igo)

Exit status: 0 when every cell ran, 1 when a cell failed, 2 for bad usage.
`

// config is the parsed command line.
type config struct {
	code        string
	hasCode     bool
	interactive bool
	version     bool
	vi          bool
	file        string
	args        []string
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("igo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &config{}
	fs.Func("c", "run CODE as one cell", func(s string) error {
		c.code, c.hasCode = s, true
		return nil
	})
	fs.BoolVar(&c.interactive, "i", false, "stay interactive")
	fs.BoolVar(&c.version, "version", false, "print the version")
	fs.BoolVar(&c.vi, "vi", false, "vi keys")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil, err
		}
		return nil, fmt.Errorf("%v (see igo --help)", err)
	}
	if rest := fs.Args(); len(rest) > 0 {
		if c.hasCode {
			c.args = rest
		} else {
			c.file, c.args = rest[0], rest[1:]
		}
	}
	return c, nil
}

// version is the module's version, with the Go and yaegi versions.
func version() string {
	yaegi := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/traefik/yaegi" {
				yaegi = d.Version
			}
		}
	}
	return fmt.Sprintf("igo %s (%s, yaegi %s, %s/%s)", moduleVersion(), runtime.Version(), yaegi, runtime.GOOS, runtime.GOARCH)
}

// moduleVersion is igo's module version, "(devel)" in a source tree.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
