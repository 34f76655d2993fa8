package rewrite

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"strings"
)

// DeclInfo is what a session knows of a declaration beyond its type: the
// doc comment and the source as written, for `name?` and `name??`.
type DeclInfo struct {
	Doc    string
	Source string
}

// Decl returns the doc comment and source of a name the session's cells
// declared ("f", "T", or "T.M" for a method).
func (s *Session) Decl(name string) (DeclInfo, bool) {
	d, ok := s.decls[name]
	return d, ok
}

// retype keeps types as the evaluator keeps them: it cannot change a type
// once declared, so declaring a type again is allowed only with the same
// definition (re-running a cell), which is then left out.
//
//	type T struct{ A int }  (again, unchanged)  =>  (nothing)
func (st *state) retype() error {
	units := st.units[:0:0]
	for _, u := range st.units {
		gd, ok := u.decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			units = append(units, u)
			continue
		}
		specs := gd.Specs[:0:0]
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			old, seen := st.s.types[ts.Name.Name]
			if !seen {
				specs = append(specs, sp)
				continue
			}
			def, err := st.node(ts)
			if err != nil {
				return err
			}
			if def != old {
				return st.errorf(ts.Name.Pos(), "type %s was declared before as %q; the evaluator cannot change a type, so give the new one another name", ts.Name.Name, old)
			}
			if st.s.Lookup(ts.Name.Name) == nil {
				specs = append(specs, sp) // forgotten by %reset: the checker needs it again
			}
		}
		if len(specs) > 0 {
			g := *gd
			g.Specs = specs
			u.decl = &g
			units = append(units, u)
		}
	}
	st.units = units
	return nil
}

// recordDecls remembers the cell's types, doc comments and sources.
func (st *state) recordDecls() {
	s := st.s
	comments := scanComments(st.src)
	lines := lineStarts(st.src)
	for _, u := range st.units {
		var key []string
		switch d := u.decl.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				if b := recvBase(d.Recv.List[0].Type); b != nil {
					key = []string{b.Name + "." + d.Name.Name}
				}
			} else {
				key = []string{d.Name.Name}
			}
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				continue
			}
			key = unitNames(u)
			if d.Tok == token.TYPE {
				for _, sp := range d.Specs {
					if def, err := st.node(sp); err == nil {
						s.types[sp.(*ast.TypeSpec).Name.Name] = def
					}
				}
			}
		}
		if len(key) == 0 {
			continue
		}
		off := u.file.Offset(u.decl.Pos()) + u.base
		info := DeclInfo{Doc: docBefore(comments, lines, off), Source: u.text(st.src, u.decl)}
		for _, k := range key {
			s.decls[k] = info
		}
	}
}

type comment struct {
	line int // line of its last line
	text string
	end  int
}

// scanComments lists the // comments of src with their lines.
func scanComments(src []byte) []comment {
	fset := token.NewFileSet()
	f := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(f, src, func(token.Position, string) {}, scanner.ScanComments)
	var cs []comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return cs
		}
		if tok == token.COMMENT {
			end := f.Offset(pos) + len(lit)
			cs = append(cs, comment{line: f.Line(f.Pos(end - 1)), text: lit, end: end})
		}
	}
}

// docBefore is the comment group that ends on the line just above off,
// as Go's doc comments are found.
func docBefore(cs []comment, lines []int, off int) string {
	line, _ := lineCol(lines, off)
	var group []string
	want := line - 1
	for i := len(cs) - 1; i >= 0; i-- {
		c := cs[i]
		if c.end > off || c.line > want {
			continue
		}
		if c.line < want {
			break
		}
		group = append([]string{c.text}, group...)
		want = c.line - strings.Count(c.text, "\n") - 1
	}
	var b strings.Builder
	for _, c := range group {
		c = strings.TrimPrefix(c, "//")
		c = strings.TrimPrefix(c, "/*")
		c = strings.TrimSuffix(c, "*/")
		b.WriteString(strings.TrimPrefix(c, " "))
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}
