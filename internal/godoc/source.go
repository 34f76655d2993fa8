package godoc

import (
	"go/format"
	"os"
	"strings"
)

// source returns the formatted source text of a symbol's declaration,
// reading it back from its file.
func (p *pkg) source(s *symbol) (string, bool) {
	r := s.src
	if !r.start.IsValid() || r.end < r.start {
		return "", false
	}
	tf := p.fset.File(r.start)
	if tf == nil {
		return "", false
	}
	data, err := os.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	start, end := tf.Offset(r.start), tf.Offset(r.end)
	if end > len(data) || start > end {
		return "", false // the file changed since it was parsed
	}

	var b strings.Builder
	if r.comment != nil {
		for _, c := range r.comment.List {
			b.WriteString(c.Text)
			b.WriteByte('\n')
		}
	}
	b.WriteString(r.prefix)
	b.Write(data[start:end])
	b.WriteByte('\n')
	text := b.String()

	// format.Source accepts a list of declarations without a package
	// clause. The toolchain's sources are gofmt'ed already; formatting
	// mostly re-indents specs lifted out of a group.
	out, err := format.Source([]byte(text))
	if err != nil {
		return text, true
	}
	return string(out), true
}
