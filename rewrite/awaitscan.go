package rewrite

import (
	"bytes"
	"go/scanner"
	"go/token"
)

// awaitMark is what stands for `await` while a cell is parsed: a receive
// operator padded to the same width, so that `await X` parses as a unary
// expression and every position stays where the user wrote it.
const awaitMark = "<-   "

// markAwaits finds the `await` operators of src: the identifier await
// followed, on the same line, by the start of an operand. It returns src
// with each replaced by awaitMark, and their offsets. A cell that declares
// await (var await, func await, await := ...) keeps it as an identifier,
// as does a session that declared it (the caller checks that).
//
//	x := await f(1)  =>  x := <-    f(1)   (offset of the mark remembered)
func markAwaits(src []byte) ([]byte, map[int]bool) {
	if !bytes.Contains(src, []byte("await")) {
		return src, nil
	}
	type tok struct {
		off int
		tok token.Token
		lit string
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) {}, 0)
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{file.Offset(pos), t, lit})
	}
	var marks []int
	for i, t := range toks {
		if t.tok != token.IDENT || t.lit != "await" {
			continue
		}
		if i > 0 {
			switch toks[i-1].tok {
			case token.VAR, token.CONST, token.TYPE, token.FUNC:
				return src, nil // the cell declares await
			case token.PERIOD:
				continue // x.await
			}
		}
		if i+1 < len(toks) {
			switch toks[i+1].tok {
			case token.DEFINE:
				return src, nil // await := ...
			case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
				token.LPAREN, token.LBRACK, token.MUL, token.AND, token.ARROW, token.NOT,
				token.SUB, token.ADD, token.XOR, token.FUNC, token.MAP, token.CHAN, token.STRUCT:
				marks = append(marks, t.off)
			}
		}
	}
	if len(marks) == 0 {
		return src, nil
	}
	out := append([]byte(nil), src...)
	at := map[int]bool{}
	for _, off := range marks {
		copy(out[off:], awaitMark)
		at[off] = true
	}
	return out, at
}
