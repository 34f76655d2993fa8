package main

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"strings"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib/unrestricted"

	"github.com/igolang/igo"
)

// isProgram reports whether file is Go source with package main.
func isProgram(file string) bool {
	if !strings.HasSuffix(file, ".go") {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly)
	return err == nil && f.Name.Name == "main"
}

// runProgram runs a Go program with the interpreter, as `yaegi run` does.
func runProgram(file string, args []string) error {
	i := interp.New(interp.Options{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Args:         append([]string{file}, args...),
		Unrestricted: true,
	})
	// A program may end the process: os.Exit and log.Fatal are the real ones.
	for _, syms := range []interp.Exports{igo.Symbols(), unrestricted.Symbols} {
		if err := i.Use(syms); err != nil {
			return err
		}
	}
	if _, err := i.EvalPathWithContext(context.Background(), file); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return exitError(1)
	}
	return nil
}

// A fileCell is a cell of a file and the line it starts on.
type fileCell struct {
	src  string
	line int
}

// splitFile cuts a file of cells at its "// %%" lines (the jupytext
// percent convention); without such lines each line, plus its
// continuation lines while incomplete, is a cell.
func splitFile(text string) []fileCell {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	var cells []fileCell
	percent := false
	for _, l := range lines {
		if isPercentLine(l) {
			percent = true
			break
		}
	}
	if percent {
		start := 0
		for i := 0; i <= len(lines); i++ {
			if i == len(lines) || isPercentLine(lines[i]) {
				if src := strings.Join(lines[start:i], "\n"); strings.TrimSpace(src) != "" {
					cells = append(cells, fileCell{src: src, line: start + 1})
				}
				start = i + 1
			}
		}
		return cells
	}
	start := 0
	for i := range lines {
		src := strings.Join(lines[start:i+1], "\n")
		if igo.Incomplete(src) && i < len(lines)-1 {
			continue
		}
		if strings.TrimSpace(src) != "" {
			cells = append(cells, fileCell{src: src, line: start + 1})
		}
		start = i + 1
	}
	return cells
}

func isPercentLine(l string) bool {
	t := strings.TrimSpace(l)
	return t == "// %%" || strings.HasPrefix(t, "// %% ")
}

// file runs the cells of a file, stopping at the first that fails.
func (r *runner) file(name string, showOut bool) (bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	for _, c := range splitFile(string(data)) {
		if !r.cell(c.src, &igo.CellOptions{Name: name, Line: c.line}, showOut) {
			return false, nil
		}
	}
	return true, nil
}
