package rewrite

import (
	"go/scanner"
	"go/token"
)

// itemKind says how a top-level piece of a cell is parsed.
type itemKind int

const (
	itemStmts  itemKind = iota // statements, and var/type/const declarations
	itemImport                 // an import declaration
	itemFunc                   // a func or method declaration
)

// An item is a run of top-level source of one kind, as byte offsets into the
// cell. Items are found by scanning tokens: a top-level statement ends at a
// semicolon (written or inserted) outside every bracket.
type item struct {
	kind       itemKind
	start, end int
	lastSemi   bool // the item ends in a written ';' (silences display)
}

// splitItems scans src into items. Scanner errors are ignored here: the
// parser reports them with positions.
func splitItems(src []byte) []item {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) {}, 0)

	var items []item
	depth := 0
	stmtStart := -1 // offset of the first token of the current statement
	var first []token.Token
	add := func(end int, semi bool) {
		if stmtStart < 0 {
			return
		}
		k := classify(first)
		if n := len(items); n > 0 && k == itemStmts && items[n-1].kind == itemStmts {
			items[n-1].end, items[n-1].lastSemi = end, semi
		} else {
			items = append(items, item{kind: k, start: stmtStart, end: end, lastSemi: semi})
		}
		stmtStart, first = -1, first[:0]
	}
	lastEnd := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.SEMICOLON && lit == "\n" && depth > 0 {
			continue // inserted at a newline or the end, inside brackets
		}
		if tok == token.SEMICOLON && depth <= 0 {
			if lit == ";" {
				add(off+1, true)
			} else {
				add(lastEnd, false)
			}
			continue
		}
		if stmtStart < 0 {
			stmtStart = off
		}
		if len(first) < 64 {
			first = append(first, tok)
		}
		switch tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		}
		lastEnd = min(off+tokenLen(tok, lit), len(src))
	}
	add(lastEnd, false)
	return items
}

func tokenLen(tok token.Token, lit string) int {
	if lit != "" {
		return len(lit)
	}
	return len(tok.String())
}

// classify decides an item's kind from its first tokens:
//
//	import ...                  => import
//	func name ...               => func declaration
//	func (recv T) name(...      => method declaration
//	anything else, func(){}()   => statements
func classify(toks []token.Token) itemKind {
	if len(toks) == 0 {
		return itemStmts
	}
	switch toks[0] {
	case token.IMPORT:
		return itemImport
	case token.FUNC:
		if len(toks) > 1 && toks[1] == token.IDENT {
			return itemFunc
		}
		if len(toks) > 1 && toks[1] == token.LPAREN {
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch toks[i] {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
					if depth == 0 {
						// func (r T) M(  =>  method; func() T {  =>  literal
						if i+2 < len(toks) && toks[i+1] == token.IDENT && toks[i+2] == token.LPAREN {
							return itemFunc
						}
						return itemStmts
					}
				}
			}
		}
	}
	return itemStmts
}
