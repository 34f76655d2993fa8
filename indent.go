package igo

import (
	"go/scanner"
	"go/token"
	"strings"
)

// Indent is the indentation of the line that follows src, typed so far:
// four spaces per bracket ({, ( or [) still open. Front ends use it with
// Incomplete, for the next line of an unfinished cell.
func Indent(src string) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), func(token.Position, string) {}, 0)
	d := 0
	for {
		_, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			return strings.Repeat(IndentUnit, max(d, 0))
		case token.LBRACE, token.LPAREN, token.LBRACK:
			d++
		case token.RBRACE, token.RPAREN, token.RBRACK:
			d--
		}
	}
}

// IndentUnit is one level of Indent.
const IndentUnit = "    "
