//go:build unix

package kernel

import (
	"bytes"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// An fdCapture puts a pipe in place of a file descriptor of the process
// (1 or 2), so that what a cell writes to os.Stdout or os.Stderr, and
// what the commands it starts write there, joins a stream as fmt.Print's
// output does.
type fdCapture struct {
	fd       int
	saved    *os.File // the descriptor as it was
	r        *os.File
	s        *stream
	mu       sync.Mutex    // one Sync at a time
	restored bool          // the descriptor is back: Sync does nothing
	synced   chan struct{} // a marker went through the pipe
}

// syncMarker goes through the pipe behind what was written before it:
// once the reader has seen it, that output is in the stream. A write of
// fewer than PIPE_BUF bytes is not interleaved with others.
var syncMarker = []byte("\x00\x1b[igo-sync]\x1b\x00")

// captureFD redirects fd into a pipe read into s.
func captureFD(fd int, s *stream) (*fdCapture, error) {
	saved, err := unix.Dup(fd)
	if err != nil {
		return nil, err
	}
	unix.CloseOnExec(saved)
	r, w, err := os.Pipe()
	if err != nil {
		unix.Close(saved)
		return nil, err
	}
	if err := unix.Dup2(int(w.Fd()), fd); err != nil {
		unix.Close(saved)
		r.Close()
		w.Close()
		return nil, err
	}
	w.Close()
	c := &fdCapture{fd: fd, saved: os.NewFile(uintptr(saved), "saved"), r: r, s: s, synced: make(chan struct{}, 1)}
	go c.read()
	return c, nil
}

// read copies the pipe into the stream, markers left out.
func (c *fdCapture) read() {
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := c.r.Read(buf)
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.Index(pending, syncMarker)
			if i < 0 {
				break
			}
			if i > 0 {
				c.s.Write(pending[:i])
			}
			pending = pending[i+len(syncMarker):]
			select {
			case c.synced <- struct{}{}:
			default:
			}
		}
		// A marker's beginning waits for its end.
		keep := 0
		for k := min(len(pending), len(syncMarker)-1); k > 0; k-- {
			if bytes.HasSuffix(pending, syncMarker[:k]) {
				keep = k
				break
			}
		}
		if len(pending) > keep {
			c.s.Write(pending[:len(pending)-keep])
			pending = append(pending[:0], pending[len(pending)-keep:]...)
		}
		if err != nil {
			return
		}
	}
}

// Sync returns once what was written to the descriptor before it is in
// the stream (or after a second, if the pipe is stuck).
func (c *fdCapture) Sync() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.restored {
		return
	}
	select {
	case <-c.synced:
	default:
	}
	if _, err := unix.Write(c.fd, syncMarker); err != nil {
		return
	}
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case <-c.synced:
	case <-t.C:
	}
}

// Restore puts the descriptor back. Commands still running keep the
// pipe; what they write is read on.
func (c *fdCapture) Restore() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.restored {
		c.restored = true
		unix.Dup2(int(c.saved.Fd()), c.fd)
	}
}

// Original is the descriptor as it was before the capture.
func (c *fdCapture) Original() *os.File { return c.saved }
