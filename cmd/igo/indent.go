package main

import (
	"go/scanner"
	"go/token"
)

// depth is how many brackets ({, ( and [) are open at the end of src: the
// indentation level of the line that follows.
func depth(src string) int {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), func(token.Position, string) {}, 0)
	d := 0
	for {
		_, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			return max(d, 0)
		case token.LBRACE, token.LPAREN, token.LBRACK:
			d++
		case token.RBRACE, token.RPAREN, token.RBRACK:
			d--
		}
	}
}
