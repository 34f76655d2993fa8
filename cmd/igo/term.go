package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"golang.org/x/term"

	"github.com/igolang/igo"
	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/complete"
)

// A lineReader reads one line of input with a prompt. The terminal shell
// uses it, so a richer editor can replace this one.
type lineReader interface {
	// ReadLine returns errInterrupt on Ctrl-C and io.EOF on Ctrl-D.
	ReadLine(prompt string) (string, error)
	// AddHistory remembers a cell for recall.
	AddHistory(cell string)
}

var errInterrupt = errors.New("interrupt")

// termReader is a simple editor over golang.org/x/term: the terminal is in
// raw mode only while a line is read, so a running cell gets Ctrl-C as
// SIGINT.
type termReader struct {
	fd       int
	in       *ctrlCReader
	out      io.Writer
	t        *term.Terminal
	complete func(line string, cursor int) ([]complete.Candidate, int)
}

func newTermReader(hist *lineHistory) *termReader {
	in := &ctrlCReader{r: os.Stdin}
	r := &termReader{fd: int(os.Stdin.Fd()), in: in, out: os.Stdout}
	// Prompts and echo go to the terminal, even when standard output is
	// redirected.
	if !term.IsTerminal(int(os.Stdout.Fd())) {
		r.out = os.Stdin
	}
	r.reset()
	r.t.History = hist
	return r
}

// reset starts a new editor, keeping the history: x/term keeps the
// interrupted line otherwise.
func (r *termReader) reset() {
	old := r.t
	r.t = term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{r.in, r.out}, "")
	if old != nil {
		r.t.History = old.History
	}
	r.t.AutoCompleteCallback = r.onKey
	r.t.SetBracketedPasteMode(true)
}

// onKey completes the word before the cursor on Tab: one candidate
// replaces it, several extend it to their common prefix, or are listed
// with their types.
func (r *termReader) onKey(line string, pos int, key rune) (string, int, bool) {
	if key != '\t' || r.complete == nil {
		return "", 0, false
	}
	cands, start := r.complete(line, pos)
	if len(cands) == 0 || start > pos {
		return "", 0, false
	}
	word := line[start:pos]
	text := cands[0].Text
	if len(cands) > 1 {
		text = commonPrefix(cands)
		if len(text) <= len(word) {
			var b strings.Builder
			for _, c := range cands {
				fmt.Fprintf(&b, "  %-24s %s\n", c.Text, c.Detail)
			}
			io.WriteString(r.t, b.String())
			return "", 0, false
		}
	}
	return line[:start] + text + line[pos:], start + len(text), true
}

func commonPrefix(cands []complete.Candidate) string {
	p := cands[0].Text
	for _, c := range cands[1:] {
		for !strings.HasPrefix(c.Text, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

func (r *termReader) ReadLine(prompt string) (string, error) {
	st, err := term.MakeRaw(r.fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(r.fd, st)
	if w, _, err := term.GetSize(r.fd); err == nil {
		r.t.SetSize(w, 24)
	}
	r.t.SetPrompt(prompt)
	r.in.saw.Store(false)
	line, err := r.t.ReadLine()
	if errors.Is(err, io.EOF) && r.in.saw.Load() {
		io.WriteString(r.out, "^C\r\n")
		r.reset()
		return "", errInterrupt
	}
	return line, err
}

func (r *termReader) AddHistory(string) {}

// ctrlCReader notes a Ctrl-C byte going by: x/term reports Ctrl-C and
// Ctrl-D alike as io.EOF.
type ctrlCReader struct {
	r   io.Reader
	saw atomic.Bool
}

func (c *ctrlCReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if strings.IndexByte(string(p[:n]), 3) >= 0 {
		c.saw.Store(true)
	}
	return n, err
}

// interactive is the terminal shell.
func (r *runner) interactive() {
	lr := newTermReader(newLineHistory(r.hist))
	lr.complete = r.sh.Complete
	var cell []string
	for {
		first, cont := r.scheme.InPrompt(r.sh.Count()+1), r.scheme.ContPrompt(r.sh.Count()+1)
		prompt := first
		if len(cell) > 0 {
			prompt = cont
		}
		line, err := lr.ReadLine(prompt)
		switch {
		case errors.Is(err, errInterrupt):
			cell = nil
			continue
		case errors.Is(err, term.ErrPasteIndicator):
			// A pasted line: the paste is one cell, run on Enter.
			cell = append(cell, line)
			continue
		case err != nil:
			if len(cell) == 0 && r.tasksRunning() && !r.confirm("\nBackground tasks are running. Exit anyway? (y/[n])") {
				lr.reset() // a fresh editor: x/term keeps the Ctrl-D
				continue
			}
			fmt.Fprintln(r.stdout)
			return
		}
		cell = append(cell, line)
		src := strings.Join(cell, "\n")
		if igo.Incomplete(src) {
			continue
		}
		cell = nil
		if strings.TrimSpace(src) == "" {
			continue
		}
		if r.isExit(src) {
			return
		}
		lr.AddHistory(src)
		r.cell(src, nil, true)
	}
}

// tasksRunning reports whether a background task (%bg) is running.
func (r *runner) tasksRunning() bool {
	for _, t := range autoawait.Tasks() {
		if t.State() == "running" {
			return true
		}
	}
	return false
}
