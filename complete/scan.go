package complete

import (
	"go/scanner"
	"go/token"
)

// A tok is one token of the Go text before the cursor, with byte offsets.
type tok struct {
	off, end int
	tok      token.Token
	lit      string
	open     bool // a string literal or comment the text ends inside
}

// auto reports whether t is a semicolon the scanner inserted at a newline
// or at the end of the text.
func (t tok) auto() bool { return t.tok == token.SEMICOLON && t.lit != ";" }

// scanGo splits src into tokens. Errors are ignored, but a string literal
// or comment left open at the end of src is marked as such.
func scanGo(src string) []tok {
	file := token.NewFileSet().AddFile("", -1, len(src))
	errAt := map[int]bool{}
	var s scanner.Scanner
	s.Init(file, []byte(src), func(pos token.Position, _ string) { errAt[pos.Offset] = true }, scanner.ScanComments)
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		off := file.Offset(pos)
		end := off + len(lit)
		switch {
		case t == token.SEMICOLON && lit != ";":
			end = off
		case lit == "":
			end = off + len(t.String())
		}
		toks = append(toks, tok{off: off, end: end, tok: t, lit: lit})
	}
	for i := range toks {
		t := &toks[i]
		if (t.tok == token.STRING || t.tok == token.COMMENT) && t.end == len(src) && errAt[t.off] {
			t.open = true
		}
	}
	return toks
}

// site is what the cursor is in, as far as Go completion goes.
type site struct {
	kind  siteKind
	word  string // the partial name before the cursor ("Rep"), or the import path so far
	start int    // where word starts
	dot   int    // token index of the selector's ".", for kindSelector
	x     int    // token index of the selector's operand's first token
}

type siteKind int

const (
	kindNone     siteKind = iota
	kindIdent             // a name: "cou"
	kindSelector          // X.Sel: "strings.Rep", "p.", "f().Na"
	kindImport            // inside an import path: `import "net/ht`
)

// findSite finds what the cursor, at the end of src, completes.
func findSite(toks []tok, n int) site {
	for len(toks) > 0 && toks[len(toks)-1].auto() {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return site{}
	}
	i := len(toks) - 1
	last := toks[i]
	if last.end != n {
		return site{} // after a blank: nothing to complete
	}
	switch {
	case last.tok == token.IDENT || last.tok.IsKeyword():
		c := site{kind: kindIdent, word: last.lit, start: last.off}
		if i > 0 && toks[i-1].tok == token.PERIOD {
			c.kind, c.dot = kindSelector, i-1
		}
		return c.operand(toks)
	case last.tok == token.PERIOD:
		c := site{kind: kindSelector, start: n, dot: i}
		return c.operand(toks)
	case last.tok == token.STRING && last.open && last.lit[0] == '"' && inImport(toks, i):
		return site{kind: kindImport, word: last.lit[1:], start: last.off + 1}
	}
	return site{}
}

// operand finds the first token of a selector's operand; a selector whose
// operand is not an expression completes nothing.
func (c site) operand(toks []tok) site {
	if c.kind != kindSelector {
		return c
	}
	x := operandStart(toks, c.dot-1)
	if x < 0 {
		return site{}
	}
	c.x = x
	return c
}

// inImport reports whether the string literal toks[i] is an import path:
// `import "p`, `import name "p`, or a spec of `import ( ... )`.
func inImport(toks []tok, i int) bool {
	j := i - 1
	if j >= 0 && (toks[j].tok == token.IDENT || toks[j].tok == token.PERIOD) {
		j--
	}
	if j >= 0 && toks[j].tok == token.IMPORT {
		return true
	}
	for ; j >= 0; j-- {
		switch toks[j].tok {
		case token.LPAREN:
			return j > 0 && toks[j-1].tok == token.IMPORT
		case token.STRING, token.SEMICOLON, token.IDENT, token.PERIOD, token.COMMENT:
		default:
			return false
		}
	}
	return false
}

// operandStart returns the index of the first token of the primary
// expression that ends with toks[i], or -1 when there is none:
//
//	strings        a.b.c        f(x).y        m["k"]        P{1, 2}
//	x.(T)          (*T)(p)      []int{1}      map[string]int{}
func operandStart(toks []tok, i int) int {
	for i >= 0 {
		switch t := toks[i]; t.tok {
		case token.IDENT:
			switch {
			case i > 0 && toks[i-1].tok == token.PERIOD:
				i -= 2 // a.b: go on with a
			case i > 0 && toks[i-1].tok == token.RBRACK:
				i-- // []T, map[K]V, [N]T: a type of a composite literal
			default:
				return i
			}
		case token.RPAREN, token.RBRACK, token.RBRACE:
			k := matching(toks, i)
			if k <= 0 {
				return k
			}
			switch p := toks[k-1].tok; {
			case p == token.PERIOD && t.tok == token.RPAREN:
				i = k - 2 // x.(T)
			case p == token.IDENT || p == token.RPAREN || p == token.RBRACK || p == token.RBRACE:
				i = k - 1 // f(x), a[i], T{...}
			case p == token.MAP || p == token.CHAN || p == token.FUNC || p == token.STRUCT || p == token.INTERFACE:
				return k - 1
			default:
				return k
			}
		case token.STRING, token.INT, token.FLOAT, token.IMAG, token.CHAR:
			return i
		default:
			return -1
		}
	}
	return -1
}

// matching returns the index of the bracket that opens the one at i, or
// -1.
func matching(toks []tok, i int) int {
	depth := 0
	for ; i >= 0; i-- {
		switch toks[i].tok {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closers returns the brackets that close those left open in toks, in
// order: "})" after `f(func() {`.
func closers(toks []tok) string {
	var stack []byte
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN:
			stack = append(stack, ')')
		case token.LBRACK:
			stack = append(stack, ']')
		case token.LBRACE:
			stack = append(stack, '}')
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	out := make([]byte, 0, len(stack))
	for i := len(stack) - 1; i >= 0; i-- {
		out = append(out, stack[i])
	}
	return string(out)
}
