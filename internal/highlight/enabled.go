package highlight

import (
	"io"
	"os"

	"golang.org/x/term"
)

// Enabled reports whether colours should be written to w: w is a terminal
// (a file, such as os.Stdout, whose descriptor is one), the NO_COLOR
// environment variable is unset or empty (https://no-color.org), and TERM
// is not "dumb". Any writer other than a file is not a terminal.
func Enabled(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && f != nil && term.IsTerminal(int(f.Fd()))
}
