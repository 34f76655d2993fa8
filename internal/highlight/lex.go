package highlight

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// A class is the kind of a Go token, for colouring. Each class stands for
// one chroma token type (see classType), the type chroma's own Go lexer
// gives such a token, so that a chroma style colours it as chroma would.
type class uint8

const (
	plain class = iota // whitespace between tokens: never coloured
	illegal
	commentSingle
	commentMultiline
	commentPreproc
	keyword
	keywordDeclaration
	keywordNamespace
	keywordConstant
	keywordType
	nameBuiltin
	nameFunction
	nameOther
	stringLit
	charLit
	number // imaginary
	numberFloat
	numberInteger
	numberHex
	numberOct
	numberBin
	operator
	punctuation
	numClasses
)

// classType maps a class to its chroma token type.
var classType = [numClasses]chroma.TokenType{
	plain:              chroma.TextWhitespace,
	illegal:            chroma.Error,
	commentSingle:      chroma.CommentSingle,
	commentMultiline:   chroma.CommentMultiline,
	commentPreproc:     chroma.CommentPreproc,
	keyword:            chroma.Keyword,
	keywordDeclaration: chroma.KeywordDeclaration,
	keywordNamespace:   chroma.KeywordNamespace,
	keywordConstant:    chroma.KeywordConstant,
	keywordType:        chroma.KeywordType,
	nameBuiltin:        chroma.NameBuiltin,
	nameFunction:       chroma.NameFunction,
	nameOther:          chroma.NameOther,
	stringLit:          chroma.LiteralString,
	charLit:            chroma.LiteralStringChar,
	number:             chroma.LiteralNumber,
	numberFloat:        chroma.LiteralNumberFloat,
	numberInteger:      chroma.LiteralNumberInteger,
	numberHex:          chroma.LiteralNumberHex,
	numberOct:          chroma.LiteralNumberOct,
	numberBin:          chroma.LiteralNumberBin,
	operator:           chroma.Operator,
	punctuation:        chroma.Punctuation,
}

// A span is one token: src[start:end] of class c.
type span struct {
	c          class
	start, end int
}

// A lexer splits Go source into spans with go/scanner.
//
// Chroma's regular-expression Go lexer is too slow to run on every key
// press (3 ms or more for a 40-line cell, against a budget of 2 ms for
// highlighting and redraw), so the lexer here scans with go/scanner, which
// knows Go's lexical rules exactly and needs about 20 µs, and names
// each token's type the way chroma's Go lexer does. It differs where
// chroma cannot know better:
//
//   - an unterminated string, rune or comment, as the user types it, is
//     still a string, rune or comment (chroma marks its first character
//     as an error and lexes the rest as code);
//   - a raw string is one string (chroma lexes text/template actions in it);
//   - a number is one token in every Go form (chroma splits 0o17 and 1_000.5);
//   - only directives (//go:build, //line, //export) are preprocessor
//     comments, not every comment without a space after the slashes;
//   - a builtin or a function name is a call when the next token is "(",
//     even after a space (chroma: builtins only right before "(").
//
// Spans come in order and never overlap; the text between them is
// white space, or a byte order mark the scanner skipped.
type lexer struct {
	src  string
	base int
	sc   scanner.Scanner

	// One token of look-ahead tells a call f( from a name f.
	ahead    span
	aheadTok token.Token
	hasAhead bool
}

func (lx *lexer) init(src string) {
	lx.src = src
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	lx.base = file.Base()
	// No error handler: errors in half-typed code are expected, and the
	// scanner goes on after each one.
	lx.sc.Init(file, []byte(src), nil, scanner.ScanComments)
}

// next returns the next span, or false at the end of the source.
func (lx *lexer) next() (span, bool) {
	var sp span
	var tok token.Token
	if lx.hasAhead {
		sp, tok, lx.hasAhead = lx.ahead, lx.aheadTok, false
	} else {
		var ok bool
		if sp, tok, ok = lx.scan(); !ok {
			return span{}, false
		}
	}
	if tok == token.IDENT {
		var ok bool
		lx.ahead, lx.aheadTok, ok = lx.scan()
		lx.hasAhead = ok
		sp.c = identClass(lx.src[sp.start:sp.end], ok && lx.aheadTok == token.LPAREN)
	}
	return sp, true
}

// scan returns the next token and its span; identifiers are left for next
// to classify.
func (lx *lexer) scan() (span, token.Token, bool) {
	for {
		pos, tok, lit := lx.sc.Scan()
		if tok == token.EOF {
			return span{}, tok, false
		}
		start := int(pos) - lx.base
		if start < 0 || start >= len(lx.src) {
			continue // an automatic semicolon at the end of the source
		}
		rest := lx.src[start:]
		end := len(lit)
		var c class
		switch {
		case tok == token.SEMICOLON && lit == "\n":
			continue // automatic: not in the source
		case tok == token.IDENT:
			// classified by next
		case tok == token.COMMENT:
			c, end = commentSpan(rest)
		case tok == token.STRING:
			c = stringLit
			if rest[0] == '`' {
				// The scanner drops carriage returns from a raw
				// string's literal; measure it in the source.
				end = len(rest)
				if i := strings.IndexByte(rest[1:], '`'); i >= 0 {
					end = i + 2
				}
			}
		case tok == token.CHAR:
			c = charLit
		case tok == token.INT:
			c = intClass(lit)
		case tok == token.FLOAT:
			c = numberFloat
		case tok == token.IMAG:
			c = number
		case tok.IsKeyword():
			c = keywordClass(tok)
		case tok.IsOperator():
			c = operatorClass(tok)
			end = len(tok.String())
		default: // token.ILLEGAL: one character, perhaps an invalid byte
			c = illegal
			_, end = utf8.DecodeRuneInString(rest)
		}
		end = max(1, min(end, len(rest)))
		return span{c: c, start: start, end: start + end}, tok, true
	}
}

// commentSpan measures the comment at the start of s in the source (the
// scanner drops carriage returns from a comment's literal).
func commentSpan(s string) (class, int) {
	if strings.HasPrefix(s, "/*") {
		if i := strings.Index(s[2:], "*/"); i >= 0 {
			return commentMultiline, i + 4
		}
		return commentMultiline, len(s) // unterminated: to the end
	}
	end := len(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		end = i
	}
	if isDirective(s[:end]) {
		return commentPreproc, end
	}
	return commentSingle, end
}

// isDirective reports whether the line comment c is a directive, as
// go/ast defines one: //line, //extern, //export, or //x:y such as
// //go:build, with lower-case letters and digits around the colon.
func isDirective(c string) bool {
	c = strings.TrimPrefix(c, "//")
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	name, rest, ok := strings.Cut(c, ":")
	return ok && name != "" && rest != "" && lowerAlnum(name) && lowerAlnum(rest[:1])
}

func lowerAlnum(s string) bool {
	for i := range len(s) {
		if b := s[i]; (b < 'a' || b > 'z') && (b < '0' || b > '9') {
			return false
		}
	}
	return true
}

// identClass classifies an identifier as chroma's Go lexer does; call
// reports whether "(" follows it.
func identClass(name string, call bool) class {
	switch name {
	case "true", "false", "iota", "nil":
		return keywordConstant
	}
	if call && isBuiltinCall(name) {
		return nameBuiltin
	}
	switch name {
	case "uint", "uint8", "uint16", "uint32", "uint64",
		"int", "int8", "int16", "int32", "int64",
		"float", "float32", "float64", "complex64", "complex128",
		"byte", "rune", "string", "bool", "error", "uintptr", "any":
		return keywordType
	}
	if call {
		return nameFunction
	}
	return nameOther
}

// isBuiltinCall reports whether name, before "(", is a builtin function or
// a conversion to a predeclared type (chroma's list: "float" and no "any").
func isBuiltinCall(name string) bool {
	switch name {
	case "uint", "uint8", "uint16", "uint32", "uint64",
		"int", "int8", "int16", "int32", "int64",
		"float", "float32", "float64", "complex64", "complex128",
		"byte", "rune", "string", "bool", "error", "uintptr",
		"print", "println", "panic", "recover", "close", "complex",
		"real", "imag", "len", "cap", "append", "copy", "delete",
		"new", "make", "clear", "min", "max":
		return true
	}
	return false
}

func keywordClass(tok token.Token) class {
	switch tok {
	case token.IMPORT, token.PACKAGE:
		return keywordNamespace
	case token.VAR, token.FUNC, token.STRUCT, token.MAP, token.CHAN,
		token.TYPE, token.INTERFACE, token.CONST:
		return keywordDeclaration
	}
	return keyword
}

// operatorClass follows chroma: single-character comparisons, assignment,
// | ^ ! ~ and the delimiters are punctuation, the rest are operators.
func operatorClass(tok token.Token) class {
	switch tok {
	case token.OR, token.XOR, token.XOR_ASSIGN, token.LSS, token.GTR,
		token.ASSIGN, token.NOT, token.TILDE,
		token.LPAREN, token.RPAREN, token.LBRACK, token.RBRACK,
		token.LBRACE, token.RBRACE, token.PERIOD, token.COMMA,
		token.SEMICOLON, token.COLON:
		return punctuation
	}
	return operator
}

func intClass(lit string) class {
	if len(lit) < 2 || lit[0] != '0' {
		return numberInteger
	}
	switch lit[1] {
	case 'x', 'X':
		return numberHex
	case 'b', 'B':
		return numberBin
	}
	return numberOct // 0o17, 0O17 and 017
}
