package kernel

import (
	"sync"
	"time"
	"unicode/utf8"
)

// flushDelay is how long written text may wait to be published, so that
// a loop of small writes makes a few stream messages, not thousands.
// The end of a cell publishes at once.
const flushDelay = 10 * time.Millisecond

// maxPending is how much text is published without waiting.
const maxPending = 64 << 10

// A stream is the shell's standard output or error: what is written to
// it is published as stream messages (name "stdout" or "stderr"), with
// the running cell, or else the last one, as parent.
type stream struct {
	k     *Kernel
	name  string
	mu    sync.Mutex
	buf   []byte
	armed bool // the timer will flush
	timer *time.Timer
}

func newStream(k *Kernel, name string) *stream {
	s := &stream{k: k, name: name}
	s.timer = time.AfterFunc(time.Hour, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.flush(false)
	})
	s.timer.Stop()
	return s
}

// Write implements io.Writer.
func (s *stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf = append(s.buf, p...)
	switch {
	case len(s.buf) >= maxPending:
		s.flush(false)
	case !s.armed:
		s.armed = true
		s.timer.Reset(flushDelay)
	}
	return len(p), nil
}

// Flush publishes the text written so far.
func (s *stream) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flush(true)
}

type streamContent struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// flush publishes the pending text. Unless all is set, a rune cut in
// two by a Write waits for its end.
func (s *stream) flush(all bool) {
	s.armed = false
	n := len(s.buf)
	if !all {
		n = completeRunes(s.buf)
	}
	if n == 0 {
		return
	}
	text := string(s.buf[:n])
	s.buf = append(s.buf[:0], s.buf[n:]...)
	if cap(s.buf) > 4*maxPending {
		s.buf = append([]byte(nil), s.buf...)
	}
	s.k.publish(s.k.outputParent(), "stream", streamContent{s.name, text})
}

// completeRunes is the length of b without a trailing incomplete UTF-8
// sequence.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
