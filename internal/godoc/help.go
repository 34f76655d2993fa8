package godoc

import (
	"go/doc/comment"
	"strings"
)

// Help is what `name?` (and `name??`) shows.
type Help struct {
	Name      string // "strings.Repeat"
	Kind      string // "func", "type", "var", "const", "package", "method", "field"
	Signature string // e.g. "func strings.Repeat(s string, count int) string", as rendered by the caller from go/types
	Doc       string // doc comment text, as returned by Index.Symbol or Index.Package
	Source    string // declaration source, as returned by Index.Source; for `name??` only
}

// Layout constants of Help.String.
const (
	helpIndent = "    " // indentation of multi-line values
	helpWidth  = 80     // maximum width of docstring lines, indentation included
	labelWidth = len("Signature: ")
)

// String renders h in an IPython-like layout, for example:
//
//	Signature: func strings.Repeat(s string, count int) string
//	Docstring:
//	    Repeat returns a new string consisting of count copies of the string s.
//
//	    It panics if count is negative or if the result of (len(s) * count)
//	    overflows.
//	Type:      func
//
// The lines are, in order:
//
//   - "Signature:" followed by the signature on the same line. A multi-line
//     signature (say, a struct type) starts on the next line, indented by
//     four spaces. Without a signature, "Name:" and the name are shown
//     instead (nothing if the name is empty as well).
//   - If Source is set (`name??`): "Source:" on a line of its own, followed
//     by the source as is, not indented, so that it can be copied. The
//     source includes the doc comment, so the docstring is not repeated.
//   - Otherwise "Docstring:" on a line of its own, followed by Doc rendered
//     as plain text by go/doc/comment (paragraphs re-wrapped to fit 80
//     columns, code blocks and lists kept, doc links such as [Duration] or
//     [url.Error] shown without brackets), indented by four spaces; or
//     "Docstring: <no docstring>" if Doc is empty.
//   - "Type:" followed by Kind, if Kind is set.
//
// Single-line values are aligned after their labels. The result has no
// trailing newline.
func (h Help) String() string {
	var b strings.Builder
	line := func(label, value string) {
		b.WriteString(label)
		b.WriteString(":")
		b.WriteString(strings.Repeat(" ", max(1, labelWidth-len(label)-1)))
		b.WriteString(value)
		b.WriteByte('\n')
	}
	block := func(label, body string) {
		b.WriteString(label)
		b.WriteString(":\n")
		b.WriteString(body)
		if !strings.HasSuffix(body, "\n") {
			b.WriteByte('\n')
		}
	}

	sig := strings.TrimSpace(h.Signature)
	switch {
	case strings.Contains(sig, "\n"):
		block("Signature", indent(sig, helpIndent))
	case sig != "":
		line("Signature", sig)
	case h.Name != "":
		line("Name", h.Name)
	}

	if src := strings.Trim(h.Source, "\n"); strings.TrimSpace(src) != "" {
		block("Source", src)
	} else if text := docText(h.Doc); text != "" {
		block("Docstring", indent(text, helpIndent))
	} else {
		line("Docstring", "<no docstring>")
	}

	if h.Kind != "" {
		line("Type", h.Kind)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// docText renders a doc comment as plain text, wrapped so that it fits in
// helpWidth columns once indented by helpIndent.
func docText(doc string) string {
	if strings.TrimSpace(doc) == "" {
		return ""
	}
	// The package the comment comes from is not known here, so every
	// [Name], [Type.Method] or [pkg.Name] is taken for a doc link: in
	// plain text that just means it is shown without brackets.
	p := comment.Parser{
		LookupPackage: func(name string) (string, bool) { return name, true },
		LookupSym:     func(recv, name string) bool { return true },
	}
	pr := comment.Printer{
		TextCodePrefix: helpIndent, // spaces rather than the default tab
		TextWidth:      helpWidth - len(helpIndent),
	}
	return strings.TrimRight(string(pr.Text(p.Parse(doc))), "\n")
}

// indent prefixes each non-empty line of text with prefix.
func indent(text, prefix string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = prefix + l
		} else {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
