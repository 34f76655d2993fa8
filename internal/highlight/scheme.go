package highlight

import (
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// A Scheme colours Go code and the shell's own text (prompts and errors)
// with ANSI escape codes. Schemes come from [Lookup] and are safe for
// concurrent use.
//
// The zero Scheme, like a nil *Scheme and the "nocolor" scheme, writes no
// escape codes: every method returns plain text.
type Scheme struct {
	name   string
	colour bool

	code [numClasses]string // SGR sequence for each class of token; "" is plain

	prompt, promptNum       string // In [n]: and ...:
	outPrompt, outPromptNum string // Out[n]:
	err                     string
}

// Default is the name of the scheme a shell starts with: IPython's default,
// for a dark background.
const Default = "linux"

const reset = "\x1b[0m"

// A def defines a scheme as IPython does in its "legacy" %colors: a
// pygments style (here the chroma style of the same name), some tokens
// overridden with the terminal's own ANSI colours, and ANSI prompt colours.
// Colours are SGR parameters, such as "1;32" for bold green.
type def struct {
	name  string
	style string              // name of the chroma style followed
	code  chroma.StyleEntries // entries of that style, for the token types the lexer emits
	ansi  map[class]string    // overrides: ANSI colours that follow the terminal's palette

	prompt, promptNum, outPrompt, outPromptNum string
}

var defs = []def{
	{
		name:  "linux",
		style: "monokai",
		code: chroma.StyleEntries{
			chroma.Error:            "#960050 bg:#1e0010",
			chroma.Keyword:          "#66d9ef",
			chroma.KeywordNamespace: "#f92672",
			chroma.Name:             "#f8f8f2",
			chroma.NameFunction:     "#a6e22e",
			chroma.NameOther:        "#a6e22e",
			chroma.Literal:          "#ae81ff",
			chroma.LiteralString:    "#e6db74",
			chroma.LiteralNumber:    "#ae81ff",
			chroma.Operator:         "#f92672",
			chroma.Punctuation:      "#f8f8f2",
			chroma.Comment:          "#75715e",
			chroma.Text:             "#f8f8f2",
		},
		prompt: "92", promptNum: "1;32", outPrompt: "91", outPromptNum: "1;31",
	},
	{
		name:  "lightbg",
		style: "pastie",
		code: chroma.StyleEntries{
			chroma.Error:          "#a61717 bg:#e3d2d2",
			chroma.Keyword:        "bold #008800",
			chroma.KeywordType:    "#888888",
			chroma.NameBuiltin:    "#003388",
			chroma.NameFunction:   "bold #0066bb",
			chroma.LiteralString:  "#dd2200 bg:#fff0f0",
			chroma.LiteralNumber:  "bold #0000dd",
			chroma.Comment:        "#888888",
			chroma.CommentPreproc: "bold #cc0000",
		},
		prompt: "94", promptNum: "1;34", outPrompt: "91", outPromptNum: "1;31",
	},
	{
		// For a background of either kind: the strings, numbers and
		// function names most often seen use the terminal's palette.
		name:  "neutral",
		style: "pygments",
		code: chroma.StyleEntries{
			chroma.Error:          "border:#ff0000",
			chroma.Keyword:        "bold #008000",
			chroma.KeywordType:    "nobold #b00040",
			chroma.NameBuiltin:    "#008000",
			chroma.NameFunction:   "#0000ff",
			chroma.LiteralString:  "#ba2121",
			chroma.LiteralNumber:  "#666666",
			chroma.Operator:       "#666666",
			chroma.Comment:        "italic #408080",
			chroma.CommentPreproc: "noitalic #bc7a00",
		},
		ansi: map[class]string{
			stringLit: "33", charLit: "33",
			number: "32", numberFloat: "32", numberInteger: "32",
			numberHex: "32", numberOct: "32", numberBin: "32",
			operator:     "",
			nameFunction: "34",
		},
		prompt: "32", promptNum: "1;92", outPrompt: "31", outPromptNum: "1;91",
	},
}

var nocolor = &Scheme{name: "nocolor"}

// schemes builds each scheme once, on first use.
var schemes = func() map[string]func() *Scheme {
	m := map[string]func() *Scheme{"nocolor": func() *Scheme { return nocolor }}
	for i := range defs {
		m[defs[i].name] = sync.OnceValue(defs[i].build)
	}
	return m
}()

// Schemes returns the names of the schemes, as IPython's %colors knows
// them: "linux" (the default, for a dark background), "lightbg" (for a
// light background), "neutral" (for either) and "nocolor".
func Schemes() []string {
	return []string{"linux", "lightbg", "neutral", "nocolor"}
}

// Lookup returns the scheme called name, in any case ("NoColor" is
// "nocolor"), or false if there is none.
func Lookup(name string) (*Scheme, bool) {
	build, ok := schemes[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return build(), true
}

// Name returns the scheme's name, as [Lookup] takes it.
func (s *Scheme) Name() string {
	if s == nil || s.name == "" {
		return "nocolor"
	}
	return s.name
}

// InPrompt returns IPython's input prompt "In [n]: ".
func (s *Scheme) InPrompt(n int) string {
	if s == nil {
		s = nocolor
	}
	return s.numbered("In [", s.prompt, s.promptNum, n)
}

// OutPrompt returns IPython's output prompt "Out[n]: ", as wide as
// InPrompt(n).
func (s *Scheme) OutPrompt(n int) string {
	if s == nil {
		s = nocolor
	}
	return s.numbered("Out[", s.outPrompt, s.outPromptNum, n)
}

func (s *Scheme) numbered(head, sgr, numSGR string, n int) string {
	w := writer{buf: make([]byte, 0, 48)}
	w.write(sgr, head)
	w.write(numSGR, strconv.Itoa(n))
	w.write(sgr, "]: ")
	w.set("")
	return string(w.buf)
}

// ContPrompt returns the prompt for the second and later lines of cell n,
// "...: " right-aligned under InPrompt(n):
//
//	In [10]: for i := range 3 {
//	    ...:     fmt.Println(i)
//	    ...: }
func (s *Scheme) ContPrompt(n int) string {
	if s == nil {
		s = nocolor
	}
	width := len("In [") + len(strconv.Itoa(n)) + len("]: ")
	w := writer{buf: make([]byte, 0, 32)}
	w.write("", strings.Repeat(" ", width-len("...: ")))
	w.write(s.prompt, "...: ")
	w.set("")
	return string(w.buf)
}

// Error returns msg in red. Every line is coloured on its own, so a
// terminal that shows part of the message shows it right.
func (s *Scheme) Error(msg string) string {
	if s == nil || !s.colour {
		return msg
	}
	w := writer{buf: make([]byte, 0, len(msg)+16)}
	w.write(s.err, msg)
	w.set("")
	return string(w.buf)
}

func (d *def) build() *Scheme {
	style := chroma.MustNewStyle(d.style, d.code)
	s := &Scheme{
		name:         d.name,
		colour:       true,
		prompt:       sgr(d.prompt),
		promptNum:    sgr(d.promptNum),
		outPrompt:    sgr(d.outPrompt),
		outPromptNum: sgr(d.outPromptNum),
		err:          sgr("31"),
	}
	for c := plain + 1; c < numClasses; c++ {
		s.code[c] = sgr(entrySGR(style.Get(classType[c])))
	}
	for c, p := range d.ansi {
		s.code[c] = sgr(p)
	}
	return s
}

// sgr returns the escape sequence that sets the SGR parameters p, or ""
// for none.
func sgr(p string) string {
	if p == "" {
		return ""
	}
	return "\x1b[" + p + "m"
}

// entrySGR returns the SGR parameters for a chroma style entry, in 256
// colours as chroma's terminal256 formatter writes them. A border, which
// a terminal cannot draw, is left out.
func entrySGR(e chroma.StyleEntry) string {
	var p []string
	if e.Bold == chroma.Yes {
		p = append(p, "1")
	}
	if e.Italic == chroma.Yes {
		p = append(p, "3")
	}
	if e.Underline == chroma.Yes {
		p = append(p, "4")
	}
	if e.Colour.IsSet() {
		p = append(p, "38;5;"+strconv.Itoa(xterm256(e.Colour)))
	}
	if e.Background.IsSet() {
		p = append(p, "48;5;"+strconv.Itoa(xterm256(e.Background)))
	}
	return strings.Join(p, ";")
}

// xterm256 returns the xterm colour closest to c, by chroma's measure of
// distance. Only the colour cube and the grey ramp (16 to 255) are used:
// the first 16 colours are the user's to redefine, and a style names
// exact colours.
func xterm256(c chroma.Colour) int {
	best, bestDist := 16, -1.0
	for i, p := range xtermPalette() {
		if d := c.Distance(p); bestDist < 0 || d < bestDist {
			best, bestDist = i+16, d
		}
	}
	return best
}

// xtermPalette returns xterm colours 16 to 255: a 6×6×6 cube, then 24 greys.
var xtermPalette = sync.OnceValue(func() []chroma.Colour {
	levels := []uint8{0, 95, 135, 175, 215, 255}
	p := make([]chroma.Colour, 0, 240)
	for _, r := range levels {
		for _, g := range levels {
			for _, b := range levels {
				p = append(p, chroma.NewColour(r, g, b))
			}
		}
	}
	for i := range 24 {
		v := uint8(8 + 10*i)
		p = append(p, chroma.NewColour(v, v, v))
	}
	return p
})
