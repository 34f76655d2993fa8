package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// A unit is one top-level element of a cell, in the order written.
type unit struct {
	decl ast.Decl // a func, import, var, type or const declaration
	stmt ast.Stmt // or a statement
	semi bool     // the statement ends in a written ';'
	file *token.File
	base int // cell offset = file offset + base
}

// text is the source of n as the user wrote it in cell (n is within u).
func (u unit) text(cell []byte, n ast.Node) string {
	if u.file == nil {
		return ""
	}
	start, end := u.file.Offset(n.Pos())+u.base, u.file.Offset(n.End())+u.base
	if start < 0 || end > len(cell) || start > end {
		return ""
	}
	return string(cell[start:end])
}

// parsed is a cell split into units, each node positioned in the cell's own
// coordinates through a //line directive, so that errors from the parser and
// the type checker name the user's line and column.
type parsed struct {
	units []unit
}

const parseMode = parser.SkipObjectResolution

// Wrappers put around an item's text. The //line directive makes the first
// byte of the text report the item's line and column in the cell.
const (
	stmtPrefix = "package p;func _(){\n"
	stmtSuffix = "\n}"
	declPrefix = "package p\n"
)

// parseCell parses src (the Go text of a cell) into units. name and line
// place it: errors read name:line:col, with line counted from line for the
// first line of src.
func parseCell(fset *token.FileSet, src []byte, name string, line int) (*parsed, error) {
	p := &parsed{}
	items := splitItems(src)
	lines := lineStarts(src)
	for _, it := range items {
		l, c := lineCol(lines, it.start)
		directive := fmt.Sprintf("//line %s:%d:%d\n", name, l+line-1, c)
		text := src[it.start:it.end]
		switch it.kind {
		case itemStmts:
			var b bytes.Buffer
			b.WriteString(stmtPrefix)
			b.WriteString(directive)
			b.Write(text)
			b.WriteString(stmtSuffix)
			f, err := parser.ParseFile(fset, name, b.Bytes(), parseMode)
			if err != nil {
				return nil, endError(firstError(err), len(stmtPrefix)+len(directive)+len(text), it.end, lines, name, line)
			}
			tf := fset.File(f.Pos())
			body := f.Decls[0].(*ast.FuncDecl).Body.List
			for i, st := range body {
				base := it.start - len(stmtPrefix) - len(directive)
				u := unit{stmt: st, file: tf, base: base}
				if ds, ok := st.(*ast.DeclStmt); ok {
					u = unit{decl: ds.Decl, file: tf, base: base}
				}
				u.semi = i == len(body)-1 && it.lastSemi
				p.units = append(p.units, u)
			}
		default:
			var b bytes.Buffer
			b.WriteString(declPrefix)
			b.WriteString(directive)
			b.Write(text)
			f, err := parser.ParseFile(fset, name, b.Bytes(), parseMode)
			if err != nil {
				return nil, endError(firstError(err), len(declPrefix)+len(directive)+len(text), it.end, lines, name, line)
			}
			tf := fset.File(f.Pos())
			for _, d := range f.Decls {
				p.units = append(p.units, unit{decl: d, file: tf, base: it.start - len(declPrefix) - len(directive)})
			}
		}
	}
	return p, nil
}

// endError reports an error the parser found past the end of the user's
// text (in the wrapper around it, or at its end) at the end of the cell,
// with a message that names no wrapper token.
func endError(err error, textEnd int, end int, lines []int, name string, line int) error {
	e, ok := err.(*scanner.Error)
	if !ok || e.Pos.Offset < textEnd {
		return err
	}
	l, c := lineCol(lines, end)
	return &scanner.Error{
		Pos: token.Position{Filename: name, Line: l + line - 1, Column: c},
		Msg: "unexpected end of cell",
	}
}

// firstError keeps the first error of a list: the one the user must fix first.
func firstError(err error) error {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		return list[0]
	}
	return err
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineCol returns the 1-based line and column of offset off.
func lineCol(starts []int, off int) (int, int) {
	i := len(starts) - 1
	for i > 0 && starts[i] > off {
		i--
	}
	return i + 1, off - starts[i] + 1
}

// Incomplete reports whether src is Go that is unfinished rather than
// wrong: more lines could make it parse. It is decided from where the
// errors sit: past the end of the text (the parser wanted more), or at a
// raw string or block comment that runs to the end. Empty input is complete.
func Incomplete(src string) bool {
	if strings.TrimSpace(src) == "" {
		return false
	}
	if unterminated(src) {
		return true
	}
	for _, it := range splitItems([]byte(src)) {
		text := src[it.start:it.end]
		if it.kind == itemStmts {
			if incompleteIn(stmtPrefix, text, stmtSuffix) {
				return true
			}
		} else if incompleteIn(declPrefix, text, "") {
			return true
		}
	}
	return false
}

// unterminated reports whether the scanner stops at a raw string or block
// comment that runs to the end of src.
func unterminated(src string) bool {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	found := false
	var s scanner.Scanner
	s.Init(file, []byte(src), func(pos token.Position, _ string) {
		rest := src[pos.Offset:]
		if strings.HasPrefix(rest, "`") && !strings.Contains(rest[1:], "`") ||
			strings.HasPrefix(rest, "/*") && !strings.Contains(rest[2:], "*/") {
			found = true
		}
	}, scanner.ScanComments)
	for {
		if _, tok, _ := s.Scan(); tok == token.EOF {
			return found
		}
	}
}

func incompleteIn(prefix, text, suffix string) bool {
	src := prefix + text + suffix
	fset := token.NewFileSet()
	_, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return false
	}
	// The first error decides: later ones may follow from the parser's
	// recovery.
	end := len(prefix) + len(text)
	off := list[0].Pos.Offset
	if off >= end {
		return true
	}
	// A raw string or block comment that is never closed.
	rest := src[off:end]
	return strings.HasPrefix(rest, "`") && !strings.Contains(rest[1:], "`") ||
		strings.HasPrefix(rest, "/*") && !strings.Contains(rest[2:], "*/")
}
