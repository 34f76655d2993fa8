package complete

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// goComplete completes the Go text src, whose end is the cursor. Lines
// that are not Go have been blanked, so offsets are the input's.
func (c *call) goComplete(src string) ([]Candidate, int) {
	toks := scanGo(src)
	ctx := findSite(toks, len(src))
	switch ctx.kind {
	case kindImport:
		return c.importPaths(ctx.word), ctx.start
	case kindIdent:
		return c.idents(src, toks, ctx), ctx.start
	case kindSelector:
		return c.selector(src, toks, ctx), ctx.start
	}
	return nil, len(src)
}

// An operand is what a selector selects from: a package, or a typed
// expression or type.
type operand struct {
	pkg *types.Package
	tv  types.TypeAndValue
}

// selector completes X.Sel.
func (c *call) selector(src string, toks []tok, ctx site) []Candidate {
	if prior(toks[:ctx.x]) {
		// The cell declares names before X: check it up to X.
		if op, ok := c.probeOperand(src, toks, ctx); ok {
			return c.members(op, ctx.word)
		}
	}
	if ctx.x == ctx.dot-1 && toks[ctx.x].tok == token.IDENT {
		if path, ok := c.pkgPath(toks[ctx.x].lit); ok {
			if p := c.importPkg(path); p != nil {
				return c.members(operand{pkg: p}, ctx.word)
			}
			return nil
		}
	}
	tv, ok := c.eval(src[toks[ctx.x].off:toks[ctx.dot-1].end], toks[ctx.x:ctx.dot])
	if !ok {
		return nil
	}
	return c.members(operand{tv: tv}, ctx.word)
}

// eval type-checks the expression x, whose tokens are toks, against the
// session, without running anything. The session is not changed: x is
// checked in a package of its own that holds only the session's names x
// uses, and the packages it names.
func (c *call) eval(x string, toks []tok) (tv types.TypeAndValue, ok bool) {
	fset := token.NewFileSet()
	expr, err := parser.ParseExprFrom(fset, "", x, parser.SkipObjectResolution)
	if err != nil {
		return tv, false
	}
	pkg := types.NewPackage(c.pkg.Path(), c.pkg.Name())
	c.populate(pkg, toks, nil)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	types.CheckExpr(fset, pkg, token.NoPos, expr, info)
	tv, ok = info.Types[expr]
	return tv, ok && valid(tv.Type)
}

func valid(t types.Type) bool {
	return t != nil && t != types.Typ[types.Invalid]
}

// populate puts in pkg's scope the session's objects for the names toks
// use, and the packages they name, except the names in skip.
func (c *call) populate(pkg *types.Package, toks []tok, skip map[string]bool) {
	scope := pkg.Scope()
	for _, t := range toks {
		if t.tok != token.IDENT || skip[t.lit] || scope.Lookup(t.lit) != nil {
			continue
		}
		if o := c.lookup(t.lit); o != nil {
			scope.Insert(o) // o keeps its parent, the session's scope
			continue
		}
		if path, ok := c.pkgPath(t.lit); ok {
			if p := c.importPkg(path); p != nil {
				scope.Insert(types.NewPkgName(token.NoPos, pkg, t.lit, p))
			}
		}
	}
}

// prior reports whether toks hold code: the cursor's word is not the
// first thing typed.
func prior(toks []tok) bool {
	for _, t := range toks {
		if t.tok != token.SEMICOLON && t.tok != token.COMMENT {
			return true
		}
	}
	return false
}

// idents completes a name: the cell's own names before the cursor, then
// the session's, packages, predeclared names and keywords.
func (c *call) idents(src string, toks []tok, ctx site) []Candidate {
	if ctx.word == "" {
		return nil
	}
	var s set
	before := toks
	for len(before) > 0 && before[len(before)-1].off >= ctx.start {
		before = before[:len(before)-1]
	}
	if prior(before) {
		for _, o := range c.probeLocals(src, toks, ctx) {
			s.add(o.Name(), c.detail(o))
		}
	}
	for _, n := range withPrefix(c.cfg.sessionNames(c.pkg.Scope()), ctx.word) {
		if !strings.HasPrefix(n, "igo_") {
			s.add(n, c.detail(c.lookup(n)))
		}
	}
	for n, p := range c.imports {
		if strings.HasPrefix(n, ctx.word) {
			s.add(n, "package "+p)
		}
	}
	for _, n := range withPrefix(c.cfg.packageNames(), ctx.word) {
		if p, ok := c.pkgPath(n); ok {
			s.add(n, "package "+p)
		}
	}
	for _, n := range withPrefix(universe, ctx.word) {
		s.add(n, c.detail(types.Universe.Lookup(n)))
	}
	for _, k := range withPrefix(keywords, ctx.word) {
		s.add(k, "keyword")
	}
	return s.sorted()
}

var universe = types.Universe.Names()

var keywords = func() []string {
	var ks []string
	for t := token.BREAK; t <= token.VAR; t++ {
		if t.IsKeyword() {
			ks = append(ks, t.String())
		}
	}
	slices.Sort(ks)
	return ks
}()

// importPaths completes an import path.
func (c *call) importPaths(prefix string) []Candidate {
	if c.cfg.Paths == nil {
		return nil
	}
	named, _ := c.cfg.Importer.(interface{ Name(string) (string, bool) })
	var s set
	for _, p := range c.cfg.Paths() {
		if !strings.HasPrefix(p, prefix) || hidden(p) && !hidden(prefix+"/") {
			continue
		}
		detail := "package"
		if named != nil {
			if n, ok := named.Name(p); ok {
				detail = "package " + n
			}
		}
		s.add(p, detail)
	}
	return s.sorted()
}

// hidden reports whether path has an internal or vendor element.
func hidden(path string) bool {
	for _, el := range strings.Split(path, "/") {
		if el == "internal" || el == "vendor" {
			return true
		}
	}
	return false
}
