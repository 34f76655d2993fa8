package igo

import (
	"bytes"
	"io"
	"regexp"
	"sync"
)

// panicTrace holds the line the evaluator (yaegi v0.16.1) writes to
// stderr for each function a panic leaves ("prog.go:15:12: panic:
// main.Set(...)"), which it writes even when a deferred function
// recovers the panic: a program that recovers would print them, where Go
// prints nothing. Output of the program drops the lines held (the panic
// was recovered, or a deferred function of the panicking ones prints); a
// run that ends with an error writes them, with the program's name for
// the lowered file's, before the error is reported (with those of panics
// recovered since the last output, which the evaluator's lines do not
// tell apart).
type panicTrace struct {
	mu       sync.Mutex
	stderr   io.Writer
	held     [][]byte
	from, to []byte // the lowered file's name, and the program's
}

// panicLine is a line the evaluator writes for a function a panic leaves.
var panicLine = regexp.MustCompile(`^[^\n]*:[0-9]+:[0-9]+: panic: [^\n]*\(\.\.\.\)\n$`)

// maxHeld bounds the lines held: a program that recovers panics in a
// loop without output keeps the last ones only.
const maxHeld = 1000

// writer is w, for the evaluator's stdout (isErr false) or stderr.
func (p *panicTrace) writer(w io.Writer, isErr bool) io.Writer {
	return &traceWriter{p: p, w: w, isErr: isErr}
}

// rename makes the held lines say to where they say from.
func (p *panicTrace) rename(from, to string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.from, p.to = []byte(from), []byte(to)
}

// flush writes the lines held to stderr.
func (p *panicTrace) flush() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, l := range p.held {
		if len(p.from) > 0 {
			l = bytes.ReplaceAll(l, p.from, p.to)
		}
		p.stderr.Write(l)
	}
	p.held = nil
}

type traceWriter struct {
	p     *panicTrace
	w     io.Writer
	isErr bool
}

func (t *traceWriter) Write(b []byte) (int, error) {
	p := t.p
	p.mu.Lock()
	defer p.mu.Unlock()
	if t.isErr && panicLine.Match(b) {
		if len(p.held) == maxHeld {
			p.held = p.held[1:]
		}
		p.held = append(p.held, bytes.Clone(b))
		return len(b), nil
	}
	p.held = nil
	return t.w.Write(b)
}
