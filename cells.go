package igo

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"strings"

	"github.com/igolang/igo/magics"
)

// A FileCell is a cell of a file and the line it starts on.
type FileCell struct {
	Src  string
	Line int
}

// SplitCells cuts the text of a file of cells at its "// %%" lines (the
// jupytext percent convention); without such lines each line, plus the
// lines that follow while the input is incomplete, is a cell, as at the
// prompt.
func SplitCells(text string) []FileCell {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	var cells []FileCell
	percent := false
	for _, l := range lines {
		if magics.IsPercentLine(l) {
			percent = true
			break
		}
	}
	if percent {
		start := 0
		for i := 0; i <= len(lines); i++ {
			if i == len(lines) || magics.IsPercentLine(lines[i]) {
				if src := strings.Join(lines[start:i], "\n"); strings.TrimSpace(src) != "" {
					cells = append(cells, FileCell{Src: src, Line: start + 1})
				}
				start = i + 1
			}
		}
		return cells
	}
	start := 0
	for i := range lines {
		src := strings.Join(lines[start:i+1], "\n")
		if Incomplete(src) && i < len(lines)-1 {
			continue
		}
		if strings.TrimSpace(src) != "" {
			cells = append(cells, FileCell{Src: src, Line: start + 1})
		}
		start = i + 1
	}
	return cells
}

// IsProgram reports whether file is Go source with package main.
func IsProgram(file string) bool {
	if !strings.HasSuffix(file, ".go") {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly)
	return err == nil && f.Name.Name == "main"
}

// RunFile runs a file in the session: a Go program with its own
// interpreter, any other file as cells (await allowed at the top level),
// with errors at file:line:col. It stops at the first failing cell.
func (sh *Shell) RunFile(ctx context.Context, file string, args []string) error {
	if IsProgram(file) {
		if err := RunProgram(ctx, file, args, sh.opts.Stdin, sh.opts.Stdout, sh.opts.Stderr); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, c := range SplitCells(string(data)) {
		if _, err := sh.runNested(ctx, c.Src, &CellOptions{Name: file, Line: c.Line}); err != nil {
			return err
		}
	}
	return nil
}
