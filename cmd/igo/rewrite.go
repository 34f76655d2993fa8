package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/igolang/igo"
	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
)

const rewriteUsage = `usage: igo rewrite [FILE|-]

Rewrite prints the Go that each cell of FILE (standard input with - or
no argument) becomes, without running anything. The cells are split as
igo FILE splits them and rewritten in order in one session, so a cell
sees what earlier cells declared. Each cell prints as a "// In[n]" (or
"// FILE:LINE") line, its chunks of Go, then a blank line. Magics, shell
commands and help requests are printed as comments and not run: a name
they assign is declared: []string for !cmd, *autoawait.Task for %bg,
any for another magic.

A Go program (a .go file of package main) prints as the one file
igo FILE.go runs: generic code instantiated, newer Go lowered.

A cell that does not rewrite stops the command with its error on
standard error and exit status 1. A file named rewrite runs as
igo ./rewrite.
`

// runRewrite is `igo rewrite`: the shell's rewrite of each cell, printed.
func runRewrite(args []string) error {
	fs := flag.NewFlagSet("igo rewrite", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(os.Stdout, rewriteUsage)
			return nil
		}
		return fmt.Errorf("rewrite: %v (see igo rewrite --help)", err)
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("rewrite: want one FILE, have %d (see igo rewrite --help)", fs.NArg())
	}
	name := fs.Arg(0)
	var data []byte
	var err error
	if name == "" || name == "-" {
		name = ""
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	if name != "" && igo.IsProgram(name) {
		src, err := igo.LowerProgram(name, data)
		if ie := (*rewrite.InstantiateError)(nil); errors.As(err, &ie) {
			io.WriteString(os.Stdout, ie.Src) // what to report with the bug
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, igo.ErrorText(err))
			return exitError(1)
		}
		_, err = io.WriteString(os.Stdout, src)
		return err
	}
	// The shell's session, with an evaluator that runs nothing.
	sh, err := igo.New(&igo.Options{Evaluator: noEval{}, Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	isGo := sh.IsGoExpr
	for i, c := range igo.SplitCells(string(data)) { // as igo FILE and %run split them
		cell := rewriter{sess: sh.Session(), isGo: isGo, n: i + 1, file: name, line: c.Line}
		if err := cell.rewrite(c.Src); err != nil {
			out.Flush()
			fmt.Fprintln(os.Stderr, igo.ErrorText(err))
			return exitError(1)
		}
		out.WriteString(cell.out.String())
	}
	return nil
}

// noEval is an evaluator that runs nothing.
type noEval struct{}

func (noEval) Eval(context.Context, string) (reflect.Value, error) { return reflect.Value{}, nil }

// rewriter prints cell n of a file (or of standard input when file is "").
type rewriter struct {
	sess *rewrite.Session
	isGo func(string) bool
	out  strings.Builder
	n    int
	file string
	line int // the cell's first line in file
}

// name is the file name in the cell's positions; line0 is what to add to a
// line of the cell to place it there.
func (r *rewriter) name() (name string, line0 int) {
	if r.file == "" {
		return fmt.Sprintf("In[%d]", r.n), 0
	}
	return r.file, r.line - 1
}

func (r *rewriter) rewrite(src string) error {
	name, line0 := r.name()
	segs, err := magics.Parse(src, &magics.ParseOptions{IsGoExpr: r.isGo})
	if err != nil {
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				e.Pos.Filename, e.Pos.Line = name, e.Pos.Line+line0
			}
		}
		return err
	}
	if r.file == "" {
		fmt.Fprintf(&r.out, "// %s\n", name)
	} else {
		fmt.Fprintf(&r.out, "// %s:%d\n", name, r.line)
	}
	lines := strings.Split(src, "\n")
	for i, seg := range segs {
		if seg.Kind != magics.GoCode {
			if err := r.other(seg, lines); err != nil {
				return err
			}
			continue
		}
		opts := &rewrite.Options{Name: name, Line: seg.Line + line0}
		if i == len(segs)-1 {
			opts.Display = fmt.Sprintf("_%d", r.n)
		}
		res, err := rewrite.Cell(r.sess, seg.Text, opts)
		if err != nil {
			return err
		}
		if s := res.Source(); s != "" {
			fmt.Fprintln(&r.out, s)
		}
	}
	fmt.Fprintln(&r.out)
	return nil
}

// other prints a magic, shell command or help request as comments, and
// declares the name it assigns so that later cells type-check.
//
//	%time f()  =>  // %time f()
func (r *rewriter) other(seg magics.Segment, lines []string) error {
	n := 1
	if seg.Kind == magics.CellMagic && seg.Body != "" {
		n += strings.Count(seg.Body, "\n") + 1
	}
	for _, l := range lines[seg.Line-1 : min(seg.Line-1+n, len(lines))] {
		l = strings.TrimRight(l, " \t\r")
		if !strings.HasPrefix(strings.TrimLeft(l, " \t"), "//") {
			l = "// " + l
		}
		fmt.Fprintln(&r.out, l)
	}
	if seg.Assign == "" || !seg.Define {
		return nil
	}
	decl := "var " + seg.Assign + " any"
	switch {
	case seg.Kind == magics.ShellCommand:
		decl = "var " + seg.Assign + " []string"
	case seg.Name == "bg":
		decl = fmt.Sprintf("import %q\nvar %s *autoawait.Task", rewrite.RuntimePath, seg.Assign)
	}
	name, line0 := r.name()
	_, err := rewrite.Cell(r.sess, decl, &rewrite.Options{Name: name, Line: seg.Line + line0})
	return err
}
