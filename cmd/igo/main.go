// Command igo is IPython's interactive experience for Go: a shell that
// runs Go cells with magics on an embedded interpreter.
//
//	igo                 interactive shell (or cells from standard input)
//	igo FILE            run a Go program (package main) or a file of cells
//	igo -c CODE [-i]    run CODE as one cell (-i: stay interactive after)
//	igo rewrite [FILE]  print the Go each cell becomes, without running it
//	igo kernel -f FILE  serve igo to Jupyter (igo kernel install: kernelspec)
//
// Run `igo --help` for the details.
package main

import (
	"errors"
	"fmt"
	"os"
)

// exitError carries an exit status without a message (the failure has
// been reported already).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	var err error
	switch args := os.Args[1:]; {
	case len(args) > 0 && args[0] == "rewrite": // a file named rewrite: igo ./rewrite
		err = runRewrite(args[1:])
	default:
		err = run(args)
	}
	var code exitError
	switch {
	case err == nil:
	case errors.As(err, &code):
		os.Exit(int(code))
	default:
		fmt.Fprintln(os.Stderr, "igo:", err)
		os.Exit(2)
	}
}
