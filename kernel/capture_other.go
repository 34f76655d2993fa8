//go:build !unix

package kernel

import (
	"errors"
	"os"
)

// fdCapture is not available on this system: see capture_unix.go.
type fdCapture struct{}

func captureFD(fd int, s *stream) (*fdCapture, error) {
	return nil, errors.New("capturing standard output is not supported on this system")
}

func (c *fdCapture) Sync()              {}
func (c *fdCapture) Restore()           {}
func (c *fdCapture) Original() *os.File { return nil }
