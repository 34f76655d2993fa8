package highlight

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/creack/pty"
)

func TestEnabled(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	file, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()

	for _, tc := range []struct {
		name          string
		w             io.Writer
		noColor, term string // "-" leaves the variable unset
		want          bool
	}{
		{"terminal", tty, "-", "xterm-256color", true},
		{"terminal, TERM unset", tty, "-", "-", true},
		{"terminal, NO_COLOR=1", tty, "1", "xterm-256color", false},
		{"terminal, NO_COLOR=0", tty, "0", "xterm-256color", false},
		{"terminal, NO_COLOR empty", tty, "", "xterm-256color", true}, // no-color.org: an empty value does not count
		{"terminal, TERM=dumb", tty, "-", "dumb", false},
		{"file", file, "-", "xterm-256color", false},
		{"buffer", new(bytes.Buffer), "-", "xterm-256color", false},
		{"nil file", (*os.File)(nil), "-", "xterm-256color", false},
		{"nil", nil, "-", "xterm-256color", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setenv(t, "NO_COLOR", tc.noColor)
			setenv(t, "TERM", tc.term)
			if got := Enabled(tc.w); got != tc.want {
				t.Errorf("Enabled = %v, want %v", got, tc.want)
			}
		})
	}
}

// setenv sets the environment variable key to value, or unsets it for
// "-", until the test ends.
func setenv(t *testing.T, key, value string) {
	t.Setenv(key, value) // restores the old value at the end
	if value == "-" {
		os.Unsetenv(key)
	}
}
