package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/igolang/igo"
	"github.com/igolang/igo/history"
	"github.com/igolang/igo/internal/highlight"
	"github.com/igolang/igo/internal/sigint"
	"github.com/igolang/igo/magics"
)

func run(args []string) error {
	if len(args) > 0 && args[0] == "kernel" {
		return kernelCommand(args[1:])
	}
	c, err := parseFlags(args, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Stdout.WriteString(usage)
		return nil
	}
	if err != nil {
		return err
	}
	if c.version {
		fmt.Println(version())
		return nil
	}
	if c.file != "" && igo.IsProgram(c.file) {
		return runProgram(c.file, c.args)
	}
	tty := term.IsTerminal(int(os.Stdin.Fd()))
	r := &runner{stdout: os.Stdout, stderr: os.Stderr, tty: tty}
	r.initColors()
	reg := magics.Default().Clone()
	reg.Register(r.colorsMagic())
	hist, err := history.Open(history.Dir())
	if err != nil {
		fmt.Fprintln(os.Stderr, "warning:", err)
	}
	defer hist.Close()
	// Without -c or FILE, or with -i, the session goes on at a prompt
	// (a terminal's) or on standard input.
	stays := !c.hasCode && c.file == "" || c.interactive
	// The line editor and its history are made while the evaluator
	// starts: the first prompt comes sooner.
	var editorReady chan *editor
	if tty && stays {
		editorReady = make(chan *editor, 1)
		go func() { editorReady <- newEditor(r, newCellHistory(hist), c.vi) }()
	}
	opts := &igo.Options{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Interactive: tty,
		Confirm:     r.confirm,
		History:     hist,
		Magics:      reg,
	}
	opts.FormatHelp = func(text string) string { return r.scheme.Help(text) }
	if tty {
		opts.SetNextInput = func(text string) { r.nextInput = strings.TrimRight(text, "\n") }
	}
	sh, err := igo.New(opts)
	if err != nil {
		return err
	}
	r.sh, r.hist = sh, hist
	stop := r.handleSignals()
	defer stop()

	status := 0
	if c.hasCode {
		if !r.cell(c.code, nil, true) {
			status = 1
		}
	}
	if c.file != "" {
		ok, err := r.file(c.file, c.interactive)
		if err != nil {
			return err
		}
		if !ok {
			status = 1
		}
	}
	if !stays {
		return r.exitCode(status)
	}
	if tty {
		r.interactive(<-editorReady)
		return exitCode(status)
	}
	if !r.stream(os.Stdin) {
		status = 1
	}
	return r.exitCode(status)
}

// exitCode is the exit status as an error; a panic in a goroutine of a
// cell counts as a failed cell.
func (r *runner) exitCode(status int) error {
	if status == 0 && r.sh != nil && r.sh.GoroutinePanics() > 0 {
		status = 1
	}
	return exitCode(status)
}

func exitCode(status int) error {
	if status == 0 {
		return nil
	}
	return exitError(status)
}

// runner runs cells for a front end and reports their results.
type runner struct {
	sh             *igo.Shell
	hist           *history.Store
	scheme         *highlight.Scheme // for standard output and prompts
	errScheme      *highlight.Scheme // for standard error
	stdout, stderr io.Writer
	tty            bool

	nextInput string // the next cell's text, from %load

	mu     sync.Mutex
	cancel context.CancelFunc // of the running cell
}

// handleSignals turns SIGINT into the cancellation of the running cell.
// With no cell running, an interrupt ends a non-interactive session.
func (r *runner) handleSignals() (stop func()) {
	return sigint.OnInterrupt(func() {
		r.mu.Lock()
		cancel := r.cancel
		r.mu.Unlock()
		if cancel != nil {
			cancel()
		} else if !r.tty {
			fmt.Fprintln(r.stderr, "Interrupted")
			os.Exit(130)
		}
	})
}

// cell runs one cell and reports it; it returns false when the cell failed.
func (r *runner) cell(src string, opts *igo.CellOptions, showOut bool) bool {
	ctx, cancel := context.WithCancel(context.Background())
	r.mu.Lock()
	r.cancel = cancel
	r.mu.Unlock()
	res, err := r.sh.RunCell(ctx, src, opts)
	r.mu.Lock()
	r.cancel = nil
	r.mu.Unlock()
	cancel()
	if err != nil {
		if r.tty && (errors.Is(err, igo.ErrInterrupted) || errors.Is(err, igo.ErrDeadline)) {
			fmt.Fprintln(r.stderr) // after the terminal's ^C
		}
		text := igo.ErrorText(err)
		if strings.HasPrefix(text, "error: ") || strings.HasPrefix(text, "panic: ") || strings.HasPrefix(text, "UsageError: ") {
			text = r.errScheme.Error(text)
		}
		fmt.Fprintln(r.stderr, text)
		return false
	}
	if showOut && res.HasValue {
		fmt.Fprintf(r.stdout, "%s%s\n", r.scheme.OutPrompt(res.Count), res.PlainText())
		if r.tty {
			fmt.Fprintln(r.stdout)
		}
	}
	return true
}

// stream runs the cells read from in, as at a prompt without prompts: a
// line, plus the lines that follow while the input is incomplete. It goes
// on after a failing cell and returns false if any failed.
func (r *runner) stream(in io.Reader) bool {
	ok := true
	br := bufio.NewReader(in)
	var cell []string
	for {
		line, err := br.ReadString('\n')
		if line != "" || err == nil {
			cell = append(cell, strings.TrimSuffix(line, "\n"))
			src := strings.Join(cell, "\n")
			if !igo.Incomplete(src) || err != nil {
				cell = nil
				if r.sh.IsExit(src) {
					return ok
				}
				if !r.cell(src, nil, true) {
					ok = false
				}
			}
		}
		if err != nil {
			if len(cell) > 0 && !r.cell(strings.Join(cell, "\n"), nil, true) {
				ok = false
			}
			return ok
		}
	}
}

// confirm asks a yes/no question at the terminal.
func (r *runner) confirm(question string) bool {
	fmt.Fprint(r.stdout, question+" ")
	br := bufio.NewReader(os.Stdin)
	answer, _ := br.ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes"
}
