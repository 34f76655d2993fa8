package magics

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// lexState is Go's lexical state between two lines of a cell, as far as
// deciding whether the next line begins a statement at the top level.
type lexState struct {
	depth     int  // open ( [ {
	inRaw     bool // inside a raw string literal
	inComment bool // inside a /* comment
	cont      bool // the last token continues an expression (an operator, ",", keyword, …)
	lastOp    bool // the last token is an operator or punctuation
}

// top reports whether the next line begins a statement outside any
// bracket, literal or comment.
func (l *lexState) top() bool {
	return l.depth == 0 && !l.inRaw && !l.inComment && !l.cont
}

// scanLine advances l over one line (without its newline) and reports
// whether the line holds Go code other than comments.
func (l *lexState) scanLine(line string) (code bool) {
	rest := line
	switch {
	case l.inRaw:
		code = true
		j := strings.IndexByte(rest, '`')
		if j < 0 {
			return code
		}
		rest = rest[j+1:]
		l.inRaw, l.cont, l.lastOp = false, false, false // a literal ends an operand
	case l.inComment:
		j := strings.Index(rest, "*/")
		if j < 0 {
			return code
		}
		rest = rest[j+2:]
		l.inComment = false
	}
	return l.scanTokens(rest) || code
}

// scanTokens scans src, the part of a line that starts outside literals
// and comments, updates l and reports whether src holds a token besides
// comments. An unterminated raw string or comment runs to the end of src.
func (l *lexState) scanTokens(src string) (code bool) {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF:
			return code
		case token.COMMENT:
			if strings.HasPrefix(lit, "/*") && (len(lit) < 4 || !strings.HasSuffix(lit, "*/")) {
				l.inComment = true
			}
			continue
		case token.SEMICOLON:
			if lit == "\n" {
				continue // inserted by the scanner at the end of src
			}
		case token.LPAREN, token.LBRACK, token.LBRACE:
			l.depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if l.depth > 0 {
				l.depth--
			}
		case token.STRING:
			if lit[0] == '`' && (len(lit) < 2 || lit[len(lit)-1] != '`') {
				l.inRaw = true
			}
		}
		code = true
		l.cont, l.lastOp = continues(tok), tok.IsOperator()
	}
}

// continues reports whether a line that ends with tok goes on to the next
// line: Go inserts no semicolon after it and tok does not end a statement.
func continues(tok token.Token) bool {
	switch tok {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN,
		token.INC, token.DEC, token.RPAREN, token.RBRACK, token.RBRACE,
		token.SEMICOLON, token.ILLEGAL:
		return false
	}
	return true
}

// continuesGo reports whether src, the rest of a line `v := !…`, leaves
// Go's brackets open or ends in an operator or comma, so that the line
// can only be the start of a Go expression. A keyword at the end, as in
// `!ls *.go`, does not count, nor does a block comment left open: `/*` is
// a glob in `!ls src/*.go`.
func continuesGo(src string) bool {
	var l lexState
	l.scanLine(src)
	return l.depth > 0 || l.inRaw || l.cont && l.lastOp
}

// defaultIsGoExpr is the rule of ParseOptions.IsGoExpr when it is nil.
func defaultIsGoExpr(src string) bool {
	if _, err := parser.ParseExpr(src); err != nil {
		return false
	}
	type tk struct {
		tok        token.Token
		start, end int
	}
	var toks []tk
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	s.Init(file, []byte(src), nil, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF || tok == token.SEMICOLON && lit == "\n" {
			break
		}
		if tok == token.COMMENT {
			continue
		}
		off := file.Offset(pos)
		n := len(lit)
		if n == 0 {
			n = len(tok.String())
		}
		toks = append(toks, tk{tok, off, off + n})
	}
	gap := func(i int) bool { // blank between toks[i-1] and toks[i]
		return i > 0 && i < len(toks) && toks[i].start > toks[i-1].end
	}
	binary := func(i int) bool {
		return toks[i].tok.Precedence() > 0 && gap(i) && gap(i+1)
	}
	depth := 0
	for i, t := range toks {
		if gap(i) && depth == 0 && !binary(i) && !binary(i-1) {
			return false
		}
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	return true
}
