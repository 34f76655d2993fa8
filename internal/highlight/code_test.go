package highlight

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpus is Go as it looks while being typed, and text that is not Go.
var corpus = []struct{ name, in string }{
	{"empty", ""},
	{"newlines", "\n\n\n"},
	{"statement", "x := 1\n"},
	{"open string", `x := "abc`},
	{"open string with escaped quote", `x := "abc\"`},
	{"open rune", `r := 'a`},
	{"open brace", "func f() {"},
	{"open call", "fmt.Println(x,"},
	{"open raw string", "s := `first\nsecond"},
	{"raw string across lines", "s := `first\n\tsecond\n`\nt := 1"},
	{"open block comment", "x := 1 /* note\nmore"},
	{"comments", "// line\nx := 1 // trailing\n/* block\n   comment */ y := 2"},
	{"directive", "//go:build linux\npackage main"},
	{"unicode", "héllo := \"wörld, 世界\" // π ≈ 3.14\n日本(x)"},
	{"emoji", "s := \"👩‍💻\"; r := '🙂'"},
	{"invalid utf-8", "x := \"\xff\xfe\"\ny\xc3 := 1\n\xe2\x82"},
	{"lone invalid byte", "\xff"},
	{"crlf", "x := 1\r\ns := `a\r\nb`\r\n// c\r\n/* d\r\n*/\r\n"},
	{"byte order mark", "\uFEFFx := 1\ny := \uFEFF2"},
	{"nul", "x := \x00 1"},
	{"illegal characters", "x := #y @ $z ? \\"},
	{"magic and shell lines", "%time f()\n!ls -l\nx?"},
	{"tabs and spaces", "\t \t x\t:=\t1 \t\n"},
	{"numbers", "0x1F 0o17 017 0b101 1_000.5 1e9 .5 0x1p-2 2i 08 0x 1e"},
	{"dots", ". .. ... ...."},
	{"generics", "func f[T ~int | ~string](x T) T { return x }"},
	{"channels", "ch <- <-ch; x, ok := <-ch"},
}

// TestCodeKeepsText checks that colouring only inserts escape codes: the
// text a terminal shows is the input, byte for byte.
func TestCodeKeepsText(t *testing.T) {
	for _, name := range Schemes() {
		s, _ := Lookup(name)
		for _, tc := range corpus {
			out := s.Code(tc.in)
			if got := Visible(out); got != tc.in {
				t.Errorf("%s, %s: Visible(Code(in)) (-in +got):\n%s", name, tc.name, cmp.Diff(tc.in, got))
			}
			if got := string(s.AppendCode([]byte("prefix"), tc.in)); got != "prefix"+out {
				t.Errorf("%s, %s: AppendCode = %q, want %q", name, tc.name, got, "prefix"+out)
			}
			if name == "nocolor" && out != tc.in {
				t.Errorf("nocolor, %s: Code(in) = %q, want the input", tc.name, out)
			}
			if name != "nocolor" && tc.in == "x := 1\n" && out == tc.in {
				t.Errorf("%s: Code(%q) has no colours", name, tc.in)
			}
			checkLinesStandAlone(t, name+", "+tc.name, out)
		}
	}
}

// TestCodeLeavesEscapesAlone checks that text with escape codes of its
// own, such as pasted terminal output, is not coloured: a code inserted
// into the middle of its escape sequence would break it.
func TestCodeLeavesEscapesAlone(t *testing.T) {
	in := "x := \x1b[31m1\x1b[0m // red"
	for _, name := range Schemes() {
		s, _ := Lookup(name)
		if got := s.Code(in); got != in {
			t.Errorf("%s: Code(%q) = %q, want the input", name, in, got)
		}
		if got := string(s.AppendCode(nil, in)); got != in {
			t.Errorf("%s: AppendCode(nil, %q) = %q, want the input", name, in, got)
		}
	}
}

// checkLinesStandAlone fails if a colour is left on at the end of a line of
// out, where it would run into the next prompt.
func checkLinesStandAlone(t *testing.T, what, out string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if sp := spans(line); len(sp) > 0 && sp[len(sp)-1].text == "" {
			t.Errorf("%s: line %d leaves colour %q on: %q", what, i+1, sp[len(sp)-1].sgr, line)
		}
	}
}

// A colouredSpan is visible text and the SGR sequence in effect for it.
type colouredSpan struct{ sgr, text string }

// spans splits Code's output into runs of text of one colour; a final
// span with empty text records a colour left on at the end.
func spans(out string) []colouredSpan {
	var sp []colouredSpan
	sgr := ""
	for out != "" {
		i := strings.IndexByte(out, '\x1b')
		if i < 0 {
			i = len(out)
		}
		if i > 0 {
			sp = append(sp, colouredSpan{sgr, out[:i]})
		}
		out = out[i:]
		if n := csiLen(out); n > 0 {
			sgr = out[:n]
			if sgr == reset {
				sgr = ""
			}
			out = out[n:]
		} else if out != "" {
			sp = append(sp, colouredSpan{sgr, out[:1]})
			out = out[1:]
		}
	}
	if sgr != "" {
		sp = append(sp, colouredSpan{sgr, ""})
	}
	return sp
}

// colourOf returns the colour of the first span of out that is text.
func colourOf(t *testing.T, out, text string) string {
	t.Helper()
	for _, sp := range spans(out) {
		if sp.text == text {
			return sp.sgr
		}
	}
	t.Fatalf("no span %q in %q", text, out)
	return ""
}

// TestTypingKeepsColours checks that text being typed has the colour it
// will have once complete: an open string is a string, an open comment a
// comment, on every line it covers.
func TestTypingKeepsColours(t *testing.T) {
	for _, tc := range []struct {
		name         string
		typing, part string // the cell being typed, and a part of it
		done, sameAs string // the cell complete, and a part of it of the same kind
	}{
		{"string", `x := "abc`, `"abc`, `x := "abc"`, `"abc"`},
		{"rune", `x := 'a`, `'a`, `x := 'a'`, `'a'`},
		{"raw string, second line", "s := `one\ntwo", "two", "s := `one`", "`one`"},
		{"block comment, second line", "/* one\ntwo", "two", "/* one */", "/* one */"},
		{"code after an open string", "x := \"abc\ny := 1", "1", "y := 1", "1"},
	} {
		for _, name := range []string{"linux", "lightbg", "neutral"} {
			s, _ := Lookup(name)
			got := colourOf(t, s.Code(tc.typing), tc.part)
			want := colourOf(t, s.Code(tc.done), tc.sameAs)
			if got != want || got == "" {
				t.Errorf("%s, %s: %q is coloured %q, want %q as in %q", name, tc.name, tc.part, got, want, tc.done)
			}
		}
	}
}

// TestPrompts checks IPython's prompts: In [n]: in green (blue on a light
// background), Out[n]: in red, and the continuation prompt under them.
func TestPrompts(t *testing.T) {
	for _, tc := range []struct {
		scheme, in, out string // SGR sequences the prompts must contain
	}{
		{"linux", "\x1b[92m", "\x1b[91m"},
		{"neutral", "\x1b[32m", "\x1b[31m"},
		{"lightbg", "\x1b[94m", "\x1b[91m"},
		{"nocolor", "", ""},
	} {
		s, ok := Lookup(tc.scheme)
		if !ok {
			t.Fatalf("no scheme %q", tc.scheme)
		}
		for _, n := range []int{1, 3, 10, 100, 12345} {
			in, cont, out := s.InPrompt(n), s.ContPrompt(n), s.OutPrompt(n)
			for _, p := range []struct{ got, want string }{
				{Visible(in), "In [" + strconv.Itoa(n) + "]: "},
				{Visible(out), "Out[" + strconv.Itoa(n) + "]: "},
				{Visible(cont), strings.Repeat(" ", len(strconv.Itoa(n))+2) + "...: "},
			} {
				if p.got != p.want {
					t.Errorf("%s, %d: prompt %q, want %q", tc.scheme, n, p.got, p.want)
				}
			}
			if len(Visible(cont)) != len(Visible(in)) || len(Visible(out)) != len(Visible(in)) {
				t.Errorf("%s, %d: prompts not aligned:\n%q\n%q\n%q", tc.scheme, n, Visible(in), Visible(cont), Visible(out))
			}
			for _, p := range []struct{ prompt, sgr string }{{in, tc.in}, {cont, tc.in}, {out, tc.out}} {
				if p.sgr == "" && strings.Contains(p.prompt, "\x1b") || !strings.Contains(p.prompt, p.sgr) {
					t.Errorf("%s: prompt %q, want colour %q", tc.scheme, p.prompt, p.sgr)
				}
				checkLinesStandAlone(t, tc.scheme+" prompt", p.prompt)
			}
		}
	}
}

func TestError(t *testing.T) {
	msg := "1:5: undefined: y\n\tmore"
	for _, name := range Schemes() {
		s, _ := Lookup(name)
		got := s.Error(msg)
		if Visible(got) != msg {
			t.Errorf("%s: Visible(Error(msg)) = %q, want %q", name, Visible(got), msg)
		}
		if name == "nocolor" {
			if got != msg {
				t.Errorf("nocolor: Error(msg) = %q, want %q", got, msg)
			}
			continue
		}
		for _, line := range []string{"1:5: undefined: y", "\tmore"} {
			if c := colourOf(t, got, line); c != "\x1b[31m" {
				t.Errorf("%s: %q is coloured %q, want red", name, line, c)
			}
		}
		checkLinesStandAlone(t, name+" error", got)
	}
}

// TestNoColor checks that the zero Scheme and a nil *Scheme write no
// escape codes, like "nocolor".
func TestNoColor(t *testing.T) {
	var zero Scheme
	for _, s := range []*Scheme{&zero, nil} {
		if got := s.Name(); got != "nocolor" {
			t.Errorf("Name() = %q, want nocolor", got)
		}
		for _, got := range []string{
			s.Code("x := 1"), s.InPrompt(1), s.ContPrompt(1), s.OutPrompt(1), s.Error("e"),
			string(s.AppendCode(nil, "x := 1")),
		} {
			if strings.Contains(got, "\x1b") {
				t.Errorf("escape code in %q", got)
			}
		}
		if got := s.InPrompt(7) + s.Code("f()"); got != "In [7]: f()" {
			t.Errorf("got %q, want %q", got, "In [7]: f()")
		}
	}
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"linux", "Linux", "LightBG", "Neutral", "NoColor"} {
		s, ok := Lookup(name)
		if !ok || s.Name() != strings.ToLower(name) {
			t.Errorf("Lookup(%q) = %v, %v", name, s.Name(), ok)
		}
	}
	if s, ok := Lookup("monokai"); ok || s != nil {
		t.Errorf("Lookup(monokai) = %v, %v; want no scheme", s, ok)
	}
	if _, ok := Lookup(Default); !ok {
		t.Errorf("no default scheme %q", Default)
	}
	names := Schemes()
	names[0] = "changed"
	if Schemes()[0] != "linux" {
		t.Errorf("Schemes() returns a shared slice")
	}
}

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "abc", "abc"},
		{"sgr", "\x1b[1;38;5;81mfunc\x1b[0m f", "func f"},
		{"cursor movement", "a\x1b[2Kb\x1b[10;20Hc", "abc"},
		{"lone escape", "a\x1bb", "a\x1bb"},
		{"unfinished sequence", "a\x1b[31", "a\x1b[31"},
		{"escape at end", "a\x1b", "a\x1b"},
		{"bad byte in sequence", "a\x1b[3\n1m", "a\x1b[3\n1m"},
	} {
		if got := Visible(tc.in); got != tc.want {
			t.Errorf("%s: Visible(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
