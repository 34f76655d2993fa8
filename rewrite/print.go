package rewrite

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"strings"
)

// print turns the units into chunks: new imports first, then runs of
// declarations and runs of statements in the cell's order, the display
// assignment last on its own. A statement chunk never starts with `func`
// (the evaluator would keep it as a main function and run it again).
func (st *state) print() error {
	if st.needRT {
		if _, ok := st.s.imports["autoawait"]; !ok {
			st.evalImp["autoawait"] = RuntimePath
			st.s.imports["autoawait"] = RuntimePath
		}
	}
	r := &Result{Display: st.shown}
	if len(st.evalImp) > 0 {
		d := &ast.GenDecl{Tok: token.IMPORT, Lparen: 1}
		for _, k := range sortedKeys(st.evalImp) {
			path := st.evalImp[k]
			sp := importSpec(k, path)
			switch {
			case k == "_"+path:
				sp.Name.Name = "_"
			case k == "."+path:
				sp.Name.Name = "."
			case k == lastElem(path) || k == st.pkgName(path):
				sp.Name = nil
			}
			d.Specs = append(d.Specs, sp)
			r.Imports = append(r.Imports, path)
		}
		src, err := st.node(d)
		if err != nil {
			return err
		}
		r.Chunks = append(r.Chunks, Chunk{Src: src, Decl: true})
	}
	var cur *Chunk
	var parts []string
	flush := func() {
		if cur != nil {
			cur.Src = strings.Join(parts, "\n")
			if !cur.Decl && strings.HasPrefix(cur.Src, "func") {
				cur.Src = ";" + cur.Src
			}
			r.Chunks = append(r.Chunks, *cur)
			cur, parts = nil, nil
		}
	}
	for i, u := range st.units {
		if gd, ok := u.decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		isDecl := u.decl != nil
		isDisplay := st.shown != nil && i == len(st.units)-1
		if cur == nil || cur.Decl != isDecl || isDisplay {
			flush()
			cur = &Chunk{Decl: isDecl, Display: isDisplay}
		}
		src, err := st.node(u.node())
		if err != nil {
			return err
		}
		if u.semi && i == len(st.units)-1 {
			src += ";" // keeps the final value silent when read again
		}
		parts = append(parts, src)
		cur.Names = append(cur.Names, unitNames(u)...)
	}
	flush()
	st.result = r
	return nil
}

func (st *state) pkgName(path string) string {
	if p, err := st.s.conf.Importer.Import(path); err == nil {
		return p.Name()
	}
	return ""
}

func lastElem(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

func (st *state) node(n ast.Node) (string, error) {
	var b bytes.Buffer
	if err := format.Node(&b, st.s.fset, n); err != nil {
		return "", err
	}
	return b.String(), nil
}

// unitNames lists the session names a unit declares.
func unitNames(u unit) []string {
	var names []string
	add := func(id *ast.Ident) {
		if id != nil && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	switch d := u.decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			add(d.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				add(sp.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					add(n)
				}
			}
		}
	}
	if as, ok := u.stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok {
				add(id)
			}
		}
	}
	return names
}
