// Package highlight colours the igo shell's terminal: Go code as it is
// typed, IPython's prompts (In [n]: in green, Out[n]: in red) and errors
// (in red).
//
// A [Scheme] holds the colours. IPython's %colors names them: "linux" (the
// [Default], for a dark background), "lightbg", "neutral" (for a light or a
// dark background) and "nocolor". Each follows the chroma style IPython's
// scheme follows (monokai, pastie, pygments), written as 256-colour escape
// codes; prompts use the terminal's own ANSI colours. [Enabled] reports
// whether a writer should get colours at all: not when NO_COLOR is set,
// TERM is dumb, or the writer is not a terminal.
//
//	s, _ := highlight.Lookup(highlight.Default)
//	if !highlight.Enabled(os.Stdout) {
//		s, _ = highlight.Lookup("nocolor")
//	}
//	// On each key press, redraw the cell; the cursor's column is that of
//	// the plain text, since Code adds nothing visible.
//	fmt.Print(s.InPrompt(n) + s.Code(cell))
//
// Code only inserts escape codes: [Visible] of its result is its input,
// byte for byte, however incomplete the code ("x := \"abc", "func f() {").
// Each output line stands alone, with no colour left on at its end, so a
// line editor can redraw any line by itself.
//
// Code's tokens are the token types of chroma's Go lexer, but they come
// from go/scanner: chroma's regular expressions take 3 ms or more for a
// 40-line cell, go/scanner about 25 µs, well within the 2 ms a key press
// may take to redraw.
package highlight
