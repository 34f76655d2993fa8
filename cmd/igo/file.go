package main

import (
	"context"
	"fmt"
	"os"

	"github.com/igolang/igo"
)

// runProgram runs a Go program with the interpreter, as `yaegi run` does.
func runProgram(file string, args []string) error {
	if err := igo.RunProgram(context.Background(), file, args, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return exitError(1)
	}
	return nil
}

// file runs the cells of a file, stopping at the first that fails.
func (r *runner) file(name string, showOut bool) (bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	for _, c := range igo.SplitCells(string(data)) {
		if !r.cell(c.Src, &igo.CellOptions{Name: name, Line: c.Line}, showOut) {
			return false, nil
		}
	}
	return true, nil
}
