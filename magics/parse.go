package magics

import (
	"fmt"
	"go/scanner"
	"go/token"
	"strings"
)

// Kind says what a [Segment] of a cell is.
type Kind int

const (
	GoCode       Kind = iota // Go source
	LineMagic                // %name args, //igo:name args
	CellMagic                // %%name args, then a body
	ShellCommand             // !cmd
	HelpRequest              // name?, ?name, pkg.Name??, %name?
)

func (k Kind) String() string {
	switch k {
	case GoCode:
		return "GoCode"
	case LineMagic:
		return "LineMagic"
	case CellMagic:
		return "CellMagic"
	case ShellCommand:
		return "ShellCommand"
	case HelpRequest:
		return "HelpRequest"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// A Segment is one part of a cell: Go source, a magic, a shell command or
// a help request. Line and Col are 1-based and count bytes, as go/token does.
type Segment struct {
	Kind Kind
	// Line is the line of the cell where the segment starts. A cell magic's
	// body starts on Line+1.
	Line int
	// Col is the column where Text starts: 1 for Go; for a magic, the first
	// byte of its arguments (just past the name when there are none); for
	// a shell command, the first byte of the command; for a help request,
	// the first byte of the name. A position p in Text's first line is at
	// column Col+p of the cell.
	Col int
	// Text is, for Go, the source: the cell's lines, unchanged, from Line
	// on. For a magic it is the argument text after the name, for a shell
	// command the command, and for a help request the name asked about.
	// Leading and trailing blanks are trimmed except for Go.
	Text string
	// Name is the magic's name without % or %% or //igo:. For a help
	// request it is the name asked about, as in Text ("strings.Repeat",
	// "%time", "%%bash").
	Name string
	// Body is a cell magic's body: the lines after the first, joined by
	// "\n", without a final newline.
	Body string
	// Assign is "v" in `v := %name args`, `v = %name args`, `v := !cmd`
	// and `v = !cmd`, and "" otherwise. Define is true for :=.
	Assign string
	Define bool
	// Detail is 1 for `name?` and `?name`, 2 for `name??` and `??name`.
	Detail int
}

// ParseOptions configure [Parse]. A nil *ParseOptions is valid.
type ParseOptions struct {
	// IsGoExpr reports whether src, the text after `v := ` or `v = ` that
	// starts with `!`, is a Go expression in this session (`ok := !done`,
	// where done is a bool) rather than a shell command (`files := !ls`).
	// A shell sets it to type-check src against its session.
	//
	// When it is nil, src is Go when it parses as a Go expression and every
	// blank in it that is outside brackets and string literals sits beside
	// a binary operator written with blanks on both sides. So `!done`,
	// `!a && b` and `!f(x, y)` are Go, while `!ls -l` (a blank before "-"
	// but none after), `!git status` and `! date` are commands. A single
	// word such as `!date` parses as Go; write `! date` to run it.
	//
	// A line whose Go tokens leave a bracket open or end in an operator
	// or comma (`ok := !f(a,`, `ok := !a &&`) continues on the next line
	// and is always Go.
	IsGoExpr func(src string) bool
}

// Parse splits a cell into its segments, in order.
//
// A magic, a shell command or a help request is recognised only on a line
// that begins a statement at the top level of the cell: outside brackets,
// string literals and comments, and after a line that does not continue an
// expression (one that ends in an operator, "(", ",", ":=" and so on).
// Anywhere else such a line is Go, and fails later as Go. On such a line:
//
//	%name args              line magic
//	//igo:name args         the same, in a file that must stay valid Go
//	v := %name args         line magic whose result is bound to v (also =)
//	!cmd                    shell command
//	v := !cmd               command whose output lines are bound to v
//	name?  ?name  x.Name??  help request, when it is the whole line
//	%name?  %%name?         help of a magic
//
// `%%name args` on the first non-blank line of a cell starts a cell magic:
// its body runs to the first blank line (empty or only blanks), a `// %%`
// line or the end of the cell. The lines after it are parsed as a new cell, and so are the lines
// after any `// %%` line (the jupytext "percent" marker), which is in no
// segment.
//
// Consecutive Go lines make one Go segment, blank lines and comments
// included; leading and trailing blank lines are left out, and so is a Go
// segment that holds only comments. The errors, a scanner.ErrorList, are
// for lines that are neither Go nor a well-formed magic, such as `%` alone
// or `%%time` below the first line.
func Parse(cell string, opts *ParseOptions) ([]Segment, error) {
	p := &cellParser{
		lines:    strings.Split(cell, "\n"),
		goStart:  -1,
		section:  true,
		isGoExpr: defaultIsGoExpr,
	}
	if opts != nil && opts.IsGoExpr != nil {
		p.isGoExpr = opts.IsGoExpr
	}
	for i := 0; i < len(p.lines); i++ {
		i = p.line(i)
	}
	p.flushGo(len(p.lines))
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return p.segs, nil
}

type cellParser struct {
	lines    []string
	isGoExpr func(string) bool
	segs     []Segment
	errs     scanner.ErrorList

	lex     lexState // Go's lexical state at the start of the next line
	goStart int      // first line of the pending Go run, or -1
	goCode  bool     // the pending Go run has a token besides comments
	section bool     // no non-blank line yet since the cell (or a // %% line) began
}

// line handles line i and returns the index of the last line it consumed.
func (p *cellParser) line(i int) int {
	line := p.lines[i]
	if !p.lex.top() {
		p.goLine(i)
		return i
	}
	if isBlank(line) {
		p.goLine(i)
		return i
	}
	text := strings.TrimLeft(line, " \t")
	if isPercentMarker(text) { // a comment that ends a cell: in no segment
		p.flushGo(i)
		p.section = true
		return i
	}
	section := p.section
	p.section = false
	seg, last, ok := p.special(i, section)
	if !ok {
		p.goLine(i)
		return i
	}
	p.flushGo(i)
	if seg != nil {
		p.segs = append(p.segs, *seg)
	}
	p.lex = lexState{}
	return last
}

// special recognises a magic, shell command or help request on line i,
// which begins a statement. It returns the segment (nil after an error),
// the last line it consumed, and false when the line is Go.
func (p *cellParser) special(i int, section bool) (*Segment, int, bool) {
	line := strings.TrimRight(p.lines[i], " \t\r")
	text := strings.TrimLeft(line, " \t")
	col := len(line) - len(text) + 1 // column of text

	if name, detail, ok := parseHelp(text); ok {
		at := col + len(text) - len(strings.TrimLeft(text, "?"))
		return &Segment{Kind: HelpRequest, Line: i + 1, Col: at, Text: name, Name: name, Detail: detail}, i, true
	}
	switch {
	case strings.HasPrefix(text, "%%"):
		return p.cellMagic(i, section, col, text, "", false)
	case strings.HasPrefix(text, "%"):
		seg := p.lineMagic(i, col, text[1:], 1)
		return seg, i, true
	case strings.HasPrefix(text, "//igo:"):
		rest := text[len("//igo:"):]
		if n := identLen(rest); n == 0 || (n < len(rest) && !isSpace(rest[n])) {
			return nil, i, false // a Go comment
		}
		seg := p.lineMagic(i, col, rest, len("//igo:"))
		return seg, i, true
	case strings.HasPrefix(text, "!"):
		cmd := strings.TrimLeft(text[1:], " \t")
		return &Segment{Kind: ShellCommand, Line: i + 1, Col: col + len(text) - len(cmd), Text: cmd}, i, true
	}

	// v := %name args, v = %name args, v := !cmd, v = !cmd
	n := identLen(text)
	if n == 0 {
		return nil, i, false
	}
	v := text[:n]
	rest := strings.TrimLeft(text[n:], " \t")
	var define bool
	switch {
	case strings.HasPrefix(rest, ":="):
		define, rest = true, rest[2:]
	case strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "=="):
		rest = rest[1:]
	default:
		return nil, i, false
	}
	rest = strings.TrimLeft(rest, " \t")
	at := col + len(text) - len(rest) // column of rest
	var seg *Segment
	switch {
	case strings.HasPrefix(rest, "%%"):
		return p.cellMagic(i, section, at, rest, v, define)
	case strings.HasPrefix(rest, "%"):
		seg = p.lineMagic(i, at, rest[1:], 1)
	case strings.HasPrefix(rest, "!"):
		if continuesGo(rest) || p.isGoExpr(rest) {
			return nil, i, false
		}
		cmd := strings.TrimLeft(rest[1:], " \t")
		seg = &Segment{Kind: ShellCommand, Line: i + 1, Col: at + len(rest) - len(cmd), Text: cmd}
	default:
		return nil, i, false
	}
	if seg != nil {
		seg.Assign, seg.Define = v, define
	}
	return seg, i, true
}

// lineMagic makes the segment of `%name args`; rest is the text after the
// sigil, which is skip bytes long and starts at column col.
func (p *cellParser) lineMagic(i, col int, rest string, skip int) *Segment {
	name, args, argCol, ok := p.magicName(i, col, rest, skip, "%")
	if !ok {
		return nil
	}
	return &Segment{Kind: LineMagic, Line: i + 1, Col: argCol, Text: args, Name: name}
}

// cellMagic makes the segment of `%%name args` and its body; text starts
// with "%%" at column col.
func (p *cellParser) cellMagic(i int, section bool, col int, text, assign string, define bool) (*Segment, int, bool) {
	name, args, argCol, ok := p.magicName(i, col, text[2:], 2, "%%")
	last := i
	for last+1 < len(p.lines) && !isBlank(p.lines[last+1]) && !IsPercentLine(p.lines[last+1]) {
		last++
	}
	body := strings.Join(p.lines[i+1:last+1], "\n")
	if last+1 < len(p.lines) && isBlank(p.lines[last+1]) {
		last++ // the blank line ends the body, and the cell
		p.section = true
	}
	if !ok {
		return nil, last, true
	}
	if !section {
		p.errorf(i, col, "cell magic %%%%%s must be on the first line of a cell", name)
		return nil, last, true
	}
	return &Segment{Kind: CellMagic, Line: i + 1, Col: argCol, Text: args, Name: name, Body: body, Assign: assign, Define: define}, last, true
}

// magicName splits rest, the text after a magic's sigil, into the name and
// its arguments, and returns the column of the arguments.
func (p *cellParser) magicName(i, col int, rest string, skip int, sigil string) (name, args string, argCol int, ok bool) {
	end := 0
	for end < len(rest) && !isSpace(rest[end]) {
		end++
	}
	name = rest[:end]
	switch {
	case name == "":
		p.errorf(i, col, "missing magic name after %s", sigil)
		return "", "", 0, false
	case identLen(name) != len(name):
		p.errorf(i, col, "bad magic name %s%s", sigil, name)
		return "", "", 0, false
	}
	args = strings.TrimLeft(rest[end:], " \t")
	return name, args, col + skip + len(rest) - len(args), true
}

func (p *cellParser) errorf(i, col int, format string, args ...any) {
	p.errs.Add(token.Position{Line: i + 1, Column: col}, fmt.Sprintf(format, args...))
}

// goLine adds line i to the pending Go run.
func (p *cellParser) goLine(i int) {
	if p.goStart < 0 {
		p.goStart, p.goCode = i, false
	}
	if p.lex.scanLine(p.lines[i]) {
		p.goCode = true
	}
	if !isBlank(p.lines[i]) {
		p.section = false
	}
}

// flushGo ends the pending Go run before line end.
func (p *cellParser) flushGo(end int) {
	start := p.goStart
	p.goStart = -1
	if start < 0 || !p.goCode {
		return
	}
	for start < end && isBlank(p.lines[start]) {
		start++
	}
	if !p.lex.inRaw { // blank lines at the end of an open raw string are its text
		for end > start && isBlank(p.lines[end-1]) {
			end--
		}
	}
	p.segs = append(p.segs, Segment{
		Kind: GoCode,
		Line: start + 1,
		Col:  1,
		Text: strings.Join(p.lines[start:end], "\n"),
	})
}

// parseHelp recognises a whole-line help request: name?, ?name, name??,
// ??name, where name is a dotted Go name or %name or %%name.
func parseHelp(text string) (name string, detail int, ok bool) {
	pre := len(text) - len(strings.TrimLeft(text, "?"))
	rest := text[pre:]
	post := len(rest) - len(strings.TrimRight(rest, "?"))
	name = rest[:len(rest)-post]
	if (pre == 0) == (post == 0) || pre+post > 2 || !isHelpName(name) {
		return "", 0, false
	}
	return name, pre + post, true
}

func isHelpName(s string) bool {
	if m := strings.TrimPrefix(strings.TrimPrefix(s, "%"), "%"); m != s {
		return m != "" && identLen(m) == len(m)
	}
	for part := range strings.SplitSeq(s, ".") {
		if part == "" || identLen(part) != len(part) {
			return false
		}
	}
	return true
}

// isPercentMarker reports whether text (without leading blanks) is a
// jupytext cell marker: `// %%`, optionally followed by a blank and more.
// IsPercentLine reports whether line (leading blanks allowed) is a
// "// %%" cell marker of the jupytext percent format: "// %%" or "//%%",
// alone or followed by a blank and a title.
func IsPercentLine(line string) bool {
	return isPercentMarker(strings.TrimLeft(line, " \t"))
}

func isPercentMarker(text string) bool {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok {
		return false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), "%%")
	return ok && (rest == "" || isSpace(rest[0]))
}

// identLen returns the length of the ASCII identifier at the start of s.
func identLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || n > 0 && '0' <= c && c <= '9' {
			n++
			continue
		}
		break
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isBlank(line string) bool { return strings.TrimLeft(line, " \t\r") == "" }
