package complete

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/igolang/igo/rewrite"
)

// A probe is the cell's Go text before the cursor, made whole and
// type-checked against the session, so that the names the cell declares
// before the cursor have types. The cell is split as rewrite checks it:
// declarations (func, type, var, const) and top-level := at package
// level, other statements in a function body, in two files whose offsets
// are the input's plus a header:
//
//	x := 2                   file decls: package main;x := 2  → var x = 2
//	for i := range 3 {       file stmts: package main;func _(){for i := range 3 {
//		fmt.Println(i, x.	              fmt.Println(i, x)}
//	                                     }
//
// Brackets left open are closed; the text is cut before the operand's dot
// (or before the name being completed, which becomes _).
type probe struct {
	fset  *token.FileSet
	file  *ast.File // the file holding the cursor
	base  int       // the offset of the cell's text in file
	pkg   *types.Package
	info  *types.Info
	valid bool
}

const (
	declHeader = "package main;"
	stmtHeader = "package main;func _(){"
)

// An item is a top-level declaration or statement of the cell: tokens
// [from, to).
type item struct {
	from, to int
	decl     bool
	imp      bool
}

// newProbe checks src[:cut], whose tokens are toks, with placeholder
// standing in for what is cut.
func (c *call) newProbe(src string, toks []tok, cut int, placeholder string) (p *probe) {
	n := 0
	for n < len(toks) && toks[n].off < cut {
		n++
	}
	toks = toks[:n]
	items, open := splitItems(toks)
	decls, stmts := []byte(src[:cut]), []byte(src[:cut])
	lastDecl := false
	for i, it := range items {
		from, to := toks[it.from].off, toks[it.to-1].end
		if it.decl {
			blank(stmts, from, to)
		} else {
			blank(decls, from, to)
		}
		if it.imp {
			blank(decls, from, to)
		}
		if i == len(items)-1 && open {
			lastDecl = it.decl
		}
	}
	for _, t := range toks {
		if t.tok == token.SEMICOLON && t.lit == ";" {
			blank(decls, t.off, t.end) // a stray ; is no declaration
		}
	}
	end := placeholder + closers(toks)
	declSrc, stmtSrc := declHeader+string(decls), stmtHeader+string(stmts)
	if lastDecl {
		declSrc += end
	} else {
		stmtSrc += end
	}
	stmtSrc += "\n}"

	p = &probe{fset: token.NewFileSet()}
	fd, _ := parser.ParseFile(p.fset, "decls", declSrc, parser.SkipObjectResolution)
	fs, _ := parser.ParseFile(p.fset, "stmts", stmtSrc, parser.SkipObjectResolution)
	if fd == nil || fs == nil {
		return p
	}
	p.file, p.base = fs, len(stmtHeader)
	if lastDecl {
		p.file, p.base = fd, len(declHeader)
	}
	liftDefines(fs)

	// The session's names the cell uses, unless the cell declares them
	// anew; the packages it imports or names.
	p.pkg = types.NewPackage(c.pkg.Path(), c.pkg.Name())
	skip := declared(fd, fs)
	methodsAsFuncs(fd, skip)
	for _, it := range items {
		if it.imp {
			c.declareImports(p.pkg, toks[it.from:it.to], skip)
		}
	}
	c.populate(p.pkg, toks, skip)

	p.info = &types.Info{
		Types:  map[ast.Expr]types.TypeAndValue{},
		Uses:   map[*ast.Ident]types.Object{},
		Defs:   map[*ast.Ident]types.Object{},
		Scopes: map[ast.Node]*types.Scope{},
	}
	conf := types.Config{
		Importer:  c.cfg.Importer,
		GoVersion: rewrite.GoVersion,
		Error:     func(error) {}, // a cell cut short has errors; go on
	}
	defer func() {
		if recover() != nil {
			p.valid = false
		}
	}()
	types.NewChecker(&conf, p.fset, p.pkg, p.info).Files([]*ast.File{fd, fs})
	p.valid = true
	return p
}

// splitItems splits toks at the semicolons outside brackets. open says the
// last item runs to the end: the cursor is in it, not at a new statement.
func splitItems(toks []tok) (items []item, open bool) {
	depth, from := 0, 0
	flush := func(to int) {
		if to > from {
			items = append(items, classify(toks, from, to))
		}
		from = to + 1
	}
	for i, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth = max(0, depth-1)
		case token.SEMICOLON:
			if depth == 0 {
				flush(i)
			}
		}
	}
	open = from < len(toks)
	flush(len(toks))
	return items, open
}

// classify says whether toks[from:to] is a declaration.
func classify(toks []tok, from, to int) item {
	it := item{from: from, to: to}
	switch toks[from].tok {
	case token.TYPE, token.VAR, token.CONST:
		it.decl = true
	case token.IMPORT:
		it.decl, it.imp = true, true
	case token.FUNC:
		// func F, func (r T) M: not a function literal.
		next := from + 1
		if next < to && toks[next].tok == token.LPAREN {
			if k := forwardMatch(toks[:to], next); k >= 0 {
				next = k + 1
			}
		}
		it.decl = next < to && toks[next].tok == token.IDENT
	}
	return it
}

// forwardMatch returns the index of the bracket that closes the one at i,
// or -1.
func forwardMatch(toks []tok, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		switch toks[i].tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// liftDefines turns the top-level `:=` of the statement file's function
// into package variables, as rewrite does, so that the cell's functions,
// and the rest of the cell, see them.
//
//	x, err := f()  =>  var x, err = f()
func liftDefines(f *ast.File) {
	if len(f.Decls) == 0 {
		return
	}
	fn, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fn.Body == nil {
		return
	}
	seen := map[string]bool{}
	var keep []ast.Stmt
	for _, s := range fn.Body.List {
		as, ok := s.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			keep = append(keep, s)
			continue
		}
		spec := &ast.ValueSpec{Values: as.Rhs}
		for _, l := range as.Lhs {
			name := "_"
			if id, ok := l.(*ast.Ident); ok && !seen[id.Name] {
				name = id.Name
				seen[name] = true
			}
			spec.Names = append(spec.Names, &ast.Ident{Name: name, NamePos: l.Pos()})
		}
		f.Decls = append(f.Decls, &ast.GenDecl{Tok: token.VAR, TokPos: as.Pos(), Specs: []ast.Spec{spec}})
	}
	fn.Body.List = keep
}

// methodsAsFuncs turns the methods the cell declares on types of earlier
// cells into functions, as rewrite does: go/types cannot add a method to
// a type of another package, and would not check its body.
//
//	func (t T) M(x int) int { ... }  =>  func _(t T, x int) int { ... }
func methodsAsFuncs(f *ast.File, local map[string]bool) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || fd.Type == nil || fd.Type.Params == nil {
			continue
		}
		base := fd.Recv.List[0].Type
		for {
			switch t := base.(type) {
			case *ast.StarExpr:
				base = t.X
				continue
			case *ast.ParenExpr:
				base = t.X
				continue
			case *ast.IndexExpr:
				base = t.X
				continue
			case *ast.IndexListExpr:
				base = t.X
				continue
			}
			break
		}
		if id, ok := base.(*ast.Ident); !ok || local[id.Name] {
			continue
		}
		params := &ast.FieldList{Opening: fd.Type.Params.Opening, Closing: fd.Type.Params.Closing}
		params.List = append([]*ast.Field{fd.Recv.List[0]}, fd.Type.Params.List...)
		fd.Type.Params, fd.Recv, fd.Name = params, nil, &ast.Ident{Name: "_", NamePos: fd.Name.NamePos}
	}
}

// declared returns the package-level names the files declare.
func declared(files ...*ast.File) map[string]bool {
	names := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					case *ast.TypeSpec:
						names[s.Name.Name] = true
					}
				}
			}
		}
	}
	delete(names, "_")
	return names
}

// declareImports puts the packages an import declaration of the cell
// names in pkg's scope, where both files see them, and adds their names
// to skip.
func (c *call) declareImports(pkg *types.Package, toks []tok, skip map[string]bool) {
	name := ""
	for _, t := range toks {
		switch t.tok {
		case token.IDENT, token.PERIOD:
			name = t.lit
		case token.STRING:
			path, err := strconv.Unquote(t.lit)
			imp := c.importPkg(path)
			if err == nil && imp != nil && name != "_" && name != "." {
				if name == "" {
					name = imp.Name()
				}
				pkg.Scope().Insert(types.NewPkgName(token.NoPos, pkg, name, imp))
				skip[name] = true
			}
			name = ""
		}
	}
}

// pos returns the position in the probe's file of off, an offset of the
// input.
func (p *probe) pos(off int) token.Pos {
	return p.fset.File(p.file.FileStart).Pos(p.base + off)
}

// probeOperand finds the type of a selector's operand in the probe.
func (c *call) probeOperand(src string, toks []tok, ctx site) (operand, bool) {
	p := c.newProbe(src, toks, toks[ctx.dot].off, "")
	if !p.valid {
		return operand{}, false
	}
	from, to := p.pos(toks[ctx.x].off), p.pos(toks[ctx.dot-1].end)
	var x ast.Expr
	ast.Inspect(p.file, func(n ast.Node) bool {
		if _, ok := n.(*ast.File); ok {
			return true // its End is its last declaration's, maybe a lifted one
		}
		if x != nil || n == nil || n.Pos() > from || n.End() < to {
			return false
		}
		if e, ok := n.(ast.Expr); ok && e.Pos() == from && e.End() == to {
			x = e
			return false
		}
		return true
	})
	if x == nil {
		return operand{}, false
	}
	if id, ok := x.(*ast.Ident); ok {
		if pn, ok := p.info.Uses[id].(*types.PkgName); ok {
			return operand{pkg: pn.Imported()}, true
		}
	}
	tv, ok := p.info.Types[x]
	if !ok || !valid(tv.Type) {
		return operand{}, false
	}
	return operand{tv: tv}, true
}

// probeLocals returns the names the cell declares that are in scope at
// the cursor and start with the word being completed: locals first.
func (c *call) probeLocals(src string, toks []tok, ctx site) []types.Object {
	p := c.newProbe(src, toks, ctx.start, "_")
	if !p.valid {
		return nil
	}
	at := p.pos(ctx.start)
	fileScope := p.info.Scopes[p.file]
	if fileScope == nil {
		return nil
	}
	scope := fileScope.Innermost(at)
	if scope == nil {
		scope = fileScope
	}
	var objs []types.Object
	for s := scope; s != nil && s != types.Universe; s = s.Parent() {
		for _, n := range s.Names() {
			o := s.Lookup(n)
			if n == "_" || !strings.HasPrefix(n, ctx.word) {
				continue
			}
			if s == p.pkg.Scope() && o.Pkg() != p.pkg {
				continue // a session name: it comes with the session's
			}
			if s != p.pkg.Scope() && s != fileScope && o.Pos() >= at {
				continue // declared after the cursor
			}
			objs = append(objs, o)
		}
	}
	return objs
}
