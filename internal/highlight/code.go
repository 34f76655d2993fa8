package highlight

import "strings"

// Code returns the Go source src with ANSI colour codes, or src itself if
// s has no colours.
//
// Code only inserts escape codes: [Visible] of the result is src, byte for
// byte, so a line editor can work out widths and the cursor from src. Code
// accepts any text, such as a cell still being typed, with an open string,
// comment or brace. Each line stands alone: colours are turned off before
// every newline and on again after it.
//
// Text with an escape character (ESC) of its own, such as pasted terminal
// output, is returned as it is: a colour code inserted into the middle of
// its escape sequence would change what the terminal shows.
func (s *Scheme) Code(src string) string {
	if s == nil || !s.colour || strings.IndexByte(src, '\x1b') >= 0 {
		return src
	}
	return string(s.AppendCode(make([]byte, 0, 3*len(src)), src))
}

// AppendCode appends Code(src) to dst and returns the extended buffer, so
// that a line editor can reuse one buffer across key presses.
func (s *Scheme) AppendCode(dst []byte, src string) []byte {
	if s == nil || !s.colour || strings.IndexByte(src, '\x1b') >= 0 {
		return append(dst, src...)
	}
	w := writer{buf: dst}
	var lx lexer
	lx.init(src)
	pos := 0
	for {
		sp, ok := lx.next()
		if !ok {
			break
		}
		if sp.start < pos || sp.end <= sp.start {
			continue // cannot happen; src must be copied once, in order
		}
		w.write("", src[pos:sp.start])
		w.write(s.code[sp.c], src[sp.start:sp.end])
		pos = sp.end
	}
	w.write("", src[pos:])
	w.set("")
	return w.buf
}

// A writer appends coloured text to buf.
type writer struct {
	buf  []byte
	open string // the SGR sequence in effect, "" for none
}

// set makes sgr the colour in effect.
func (w *writer) set(sgr string) {
	if sgr == w.open {
		return
	}
	if w.open != "" {
		w.buf = append(w.buf, reset...)
	}
	w.buf = append(w.buf, sgr...)
	w.open = sgr
}

// write appends text in colour sgr, turning colour off before each newline
// and on again after it, so that every line stands alone.
func (w *writer) write(sgr, text string) {
	for text != "" {
		line, rest, nl := strings.Cut(text, "\n")
		if line != "" {
			w.set(sgr)
			w.buf = append(w.buf, line...)
		}
		if !nl {
			return
		}
		w.set("")
		w.buf = append(w.buf, '\n')
		text = rest
	}
}

// Visible returns s without its ANSI control sequences (ESC [ … final
// byte), such as the colour codes a [Scheme] writes: the text a terminal
// shows. Any other byte, an ESC that starts no complete sequence among
// them, is kept.
func Visible(s string) string {
	i := strings.IndexByte(s, '\x1b')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i >= 0 {
		b = append(b, s[:i]...)
		s = s[i:]
		n := csiLen(s)
		if n == 0 {
			b = append(b, s[0]) // a lone ESC
			n = 1
		}
		s = s[n:]
		i = strings.IndexByte(s, '\x1b')
	}
	return string(append(b, s...))
}

// csiLen returns the length of the control sequence (ECMA-48 CSI) at the
// start of s, or 0 if s does not start with a complete one: ESC [, then
// parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F and one final
// byte 0x40–0x7E.
func csiLen(s string) int {
	if len(s) < 2 || s[0] != '\x1b' || s[1] != '[' {
		return 0
	}
	i := 2
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		return i + 1
	}
	return 0
}
