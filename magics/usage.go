package magics

import (
	"fmt"
	"strings"
)

// Usage describes a magic: how it is called and its help. It is written
// once, in the magic's constructor, and serves %lsmagic, %magic, %name?
// and the text of a [UsageError].
type Usage struct {
	// Name is the magic's name, without % ("timeit").
	Name string
	// Line and Cell say whether it is a line magic (%name), a cell
	// magic (%%name), or both.
	Line, Cell bool
	// Args are the line form's arguments, as a synopsis: "[-f] [DIR]".
	Args string
	// CellArgs are the cell form's arguments, on the %%name line:
	// "[setup]". The body is implied.
	CellArgs string
	// Summary is one line, a sentence, shown by %lsmagic.
	Summary string
	// Doc is the rest of the help: paragraphs, flags, examples.
	Doc string
}

// Synopsis returns how the magic is called, "%reset [-f]", in its line
// form, or in its cell form when cell is true.
func (u Usage) Synopsis(cell bool) string {
	s, args := "%"+u.Name, u.Args
	if cell {
		s, args = "%%"+u.Name, u.CellArgs
	}
	if args != "" {
		s += " " + args
	}
	return s
}

// Help renders u as the help a user reads: the synopsis of each form, the
// summary, and the doc, ending in a newline.
func Help(u Usage) string {
	var b strings.Builder
	if u.Line {
		b.WriteString(u.Synopsis(false) + "\n")
	}
	if u.Cell {
		b.WriteString(u.Synopsis(true) + "\n")
	}
	if u.Summary != "" {
		b.WriteString("\n" + u.Summary + "\n")
	}
	if doc := strings.Trim(u.Doc, "\n"); doc != "" {
		b.WriteString("\n" + doc + "\n")
	}
	return b.String()
}

// A UsageError reports a magic called with arguments it does not accept.
// It prints as "usage: %reset [-f]: flag provided but not defined: -x".
type UsageError struct {
	Magic string // the magic as typed, with its sigil: "%reset", "%%writefile"
	Usage string // the synopsis: "%reset [-f]"; "" when unknown
	Err   error  // the cause
}

func (e *UsageError) Error() string {
	if e.Usage == "" {
		return e.Magic + ": " + e.Err.Error()
	}
	return "usage: " + e.Usage + ": " + e.Err.Error()
}

func (e *UsageError) Unwrap() error { return e.Err }

// Errorf returns a *UsageError for a call of the magic u with arguments a.
func (a Args) Errorf(u Usage, format string, args ...any) error {
	return &UsageError{Magic: a.magic(), Usage: u.Synopsis(a.Cell), Err: fmt.Errorf(format, args...)}
}

// A NotFoundError reports a magic that is not registered. It prints as
// IPython does, "Line magic function %nme not found. Did you mean %name?";
// a shell shows it, as it shows a *UsageError, after "UsageError: ".
type NotFoundError struct {
	Name string // as typed, without sigil
	Cell bool   // %%Name was asked for
	// Suggestion is a registered magic with its sigil, "%name", or "".
	Suggestion string
}

func (e *NotFoundError) Error() string {
	s := "Line magic function %" + e.Name + " not found."
	if e.Cell {
		s = "Cell magic function %%" + e.Name + " not found."
	}
	if e.Suggestion != "" {
		s += " Did you mean " + e.Suggestion + "?"
	}
	return s
}

// suggest returns the name in names that name was most likely meant to
// be: the closest within an edit distance of 2 (a swap of two letters is
// one edit) that is at most half of name's length, or else the only name
// that name is a prefix of.
func suggest(name string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(name, n); d < bestD && d <= len(name)/2 {
			best, bestD = n, d
		}
	}
	if best != "" {
		return best
	}
	for _, n := range names {
		if strings.HasPrefix(n, name) {
			if best != "" {
				return ""
			}
			best = n
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent bytes.
func editDistance(a, b string) int {
	// Three rows of the dynamic-programming table.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
