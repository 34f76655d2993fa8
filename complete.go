package igo

import (
	"strings"

	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
)

// Incomplete reports whether src, typed or read so far, needs more lines
// before it can run: Go that is unfinished (decided from where the parse
// error sits, see rewrite.Incomplete), or a %% cell magic whose body has
// not yet been ended by an empty line. Every front end uses it, so a cell
// ends at the same place at a prompt, in a pipe and in a file.
func Incomplete(src string) bool {
	segs, err := magics.Parse(src, nil)
	if err != nil {
		return false
	}
	if len(segs) == 0 {
		// Only blank lines and comments: a comment is read on with what
		// follows (a doc comment belongs to the next declaration), up to
		// an empty line.
		lines := strings.Split(src, "\n")
		return rewrite.Incomplete(src) ||
			strings.TrimSpace(src) != "" && strings.TrimSpace(lines[len(lines)-1]) != ""
	}
	for _, s := range segs {
		switch s.Kind {
		case magics.GoCode:
			if rewrite.Incomplete(s.Text) {
				return true
			}
		case magics.CellMagic:
			lines := strings.Split(src, "\n")
			if len(lines) < 2 || strings.TrimSpace(lines[len(lines)-1]) != "" {
				return true
			}
		}
	}
	return false
}
