package magics

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// Args is what a magic is called with.
type Args struct {
	// Name is the magic's name as typed, without sigil.
	Name string
	// Line is the text after the name on the magic's line, trimmed: the
	// arguments of %name, or the header arguments of %%name.
	Line string
	// Body is a cell magic's body, the lines after the %%name line.
	Body string
	// Cell is true for %%name.
	Cell bool
	// Assigned is true in `v := %name args`: the result will be bound to a
	// variable rather than shown, so a magic may return a value it would
	// otherwise print.
	Assigned bool
}

// magic returns the magic as typed: "%name" or "%%name".
func (a Args) magic() string {
	if a.Cell {
		return "%%" + a.Name
	}
	return "%" + a.Name
}

// Fields splits a.Line into words as a POSIX shell does, without
// expansions: blanks separate words; '…' quotes literally; "…" quotes with
// \" \\ \$ \` as escapes; a backslash outside quotes takes the next byte
// literally. An unterminated quote is a *UsageError.
func (a Args) Fields() ([]string, error) {
	fields, err := splitFields(a.Line)
	if err != nil {
		return nil, &UsageError{Magic: a.magic(), Err: err}
	}
	return fields, nil
}

// NewFlagSet returns an empty flag set for the magic u, for [Args.Flags]:
// it returns errors rather than exiting and prints nothing.
func NewFlagSet(u Usage) *flag.FlagSet {
	fs := flag.NewFlagSet("%"+u.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// Flags parses the flags of a.Line, split by [Args.Fields], into fs and
// returns the arguments after them. Flags come first, as with the flag
// package; "--" ends them. An unknown flag or a bad value is a *UsageError
// showing u's synopsis. -h and -help, unless fs defines them, give an
// error that wraps flag.ErrHelp, on which [Run] prints the magic's help.
func (a Args) Flags(u Usage, fs *flag.FlagSet) ([]string, error) {
	fields, err := a.Fields()
	if err != nil {
		var ue *UsageError
		if errors.As(err, &ue) {
			ue.Usage = u.Synopsis(a.Cell)
		}
		return nil, err
	}
	if err := fs.Parse(fields); err != nil {
		return nil, &UsageError{Magic: a.magic(), Usage: u.Synopsis(a.Cell), Err: err}
	}
	return fs.Args(), nil
}

func splitFields(s string) ([]string, error) {
	var fields []string
	var cur strings.Builder
	inField := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r':
			if inField {
				fields = append(fields, cur.String())
				cur.Reset()
				inField = false
			}
		case '\\':
			inField = true
			if i+1 == len(s) {
				cur.WriteByte('\\')
				break
			}
			i++
			if s[i] != '\n' { // backslash-newline joins lines
				cur.WriteByte(s[i])
			}
		case '\'':
			inField = true
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated ' quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
		case '"':
			inField = true
			for i++; ; i++ {
				if i == len(s) {
					return nil, errors.New(`unterminated " quote`)
				}
				if s[i] == '"' {
					break
				}
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\\"$`\n", s[i+1]) >= 0 {
					i++
					if s[i] == '\n' {
						continue
					}
				}
				cur.WriteByte(s[i])
			}
		default:
			inField = true
			cur.WriteByte(c)
		}
	}
	if inField {
		fields = append(fields, cur.String())
	}
	return fields, nil
}
