package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/igolang/igo/geninst"
)

// Copies of the standard library's generic code: the package-level names
// its source uses, and the imports the copies need.

// genericRef is the identifier naming generic code in F or pkg.F.
func genericRef(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// external returns what a copy of standard-library code writes for a
// package-level name its source uses (o, copied as x): the package's
// exported names qualified (the evaluator has them), its unexported ones
// copied under a name of their own (slices_pdqsortOrdered), nil when the
// name needs nothing.
func (in *instantiator) external(o, x *ast.Ident, info *types.Info, src *srcPackage) ast.Expr {
	obj := info.Uses[o]
	if obj == nil {
		obj = info.Defs[o]
	}
	if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || isGeneric(obj) {
		return nil
	}
	path := obj.Pkg().Path()
	if strings.HasPrefix(path, "internal/") || path == "runtime" && !obj.Exported() {
		if in.err == nil {
			in.err = in.errorf(token.NoPos, "%s.%s is used by standard-library generic code igo copies, and igo cannot run it", path, obj.Name())
		}
		return nil
	}
	if obj.Exported() && info.Defs[o] == nil {
		return &ast.SelectorExpr{X: ast.NewIdent(in.importName(obj.Pkg())), Sel: &ast.Ident{NamePos: x.Pos(), Name: obj.Name()}}
	}
	if in.std.source(obj.Pkg()) == nil {
		return nil
	}
	return &ast.Ident{NamePos: x.Pos(), Name: in.copyExternal(obj)}
}

// importName is the name the copies use for a package, imported for them.
func (in *instantiator) importName(p *types.Package) string {
	return in.importPath(p.Path(), p.Name())
}

func (in *instantiator) importPath(path, name string) string {
	if n, ok := in.imports[path]; ok {
		return n
	}
	if path == geninst.Path || in.pkg != nil && in.pkg.Scope().Lookup(name) != nil {
		name = "igo_" + name
	}
	in.imports[path] = name
	return name
}

// refExpr is the expression naming an instance: a copy's name, or a
// compiled instance's qualified name.
func refExpr(name string, pos token.Pos) ast.Expr {
	if pkg, n, ok := strings.Cut(name, "."); ok {
		return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: pkg}, Sel: ast.NewIdent(n)}
	}
	return &ast.Ident{NamePos: pos, Name: name}
}

// copyExternal copies the declaration of an unexported (or declared)
// package-level object of a standard package once, with its group (a
// const block keeps its iota) and a type with its methods, and returns
// the copy's name.
func (in *instantiator) copyExternal(obj types.Object) string {
	if n, ok := in.ext[obj]; ok {
		return n
	}
	src := in.std.source(obj.Pkg())
	d, sp := src.decl(obj)
	if d == nil {
		in.ext[obj] = obj.Name()
		return obj.Name()
	}
	rename := func(o types.Object) string {
		n := obj.Pkg().Name() + "_" + o.Name()
		in.ext[o] = n
		return n
	}
	name := rename(obj)
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Body == nil && in.err == nil {
			in.err = in.errorf(token.NoPos, "igo cannot run %s.%s (the runtime or assembly implements it), which generic code of package %s uses", obj.Pkg().Path(), obj.Name(), obj.Pkg().Path())
		}
		c := in.rewriteIn(d, src.info, nil, src).(*ast.FuncDecl)
		c.Name = ast.NewIdent(name)
		in.extra = append(in.extra, c)
	case *ast.GenDecl:
		if ts, ok := sp.(*ast.TypeSpec); ok {
			c := in.rewriteIn(ts, src.info, nil, src).(*ast.TypeSpec)
			c.Name = ast.NewIdent(name)
			in.extra = append(in.extra, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{c}})
			for _, m := range src.methods(obj.(*types.TypeName)) {
				in.extra = append(in.extra, in.rewriteIn(m, src.info, nil, src).(ast.Decl))
			}
			break
		}
		for _, s := range d.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if o := src.info.Defs[n]; o != nil && o != obj {
					rename(o)
				}
			}
		}
		if d.Tok == token.CONST {
			if consts := in.constDecls(d, src); consts != nil {
				in.extra = append(in.extra, consts...)
				break
			}
		}
		in.extra = append(in.extra, in.rewriteIn(d, src.info, nil, src).(ast.Decl))
	}
	return name
}

// isGeneric reports whether obj is a generic function or type.
func isGeneric(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		return o.Type().(*types.Signature).TypeParams().Len() > 0
	case *types.TypeName:
		n, ok := o.Type().(*types.Named)
		return ok && n.TypeParams().Len() > 0
	}
	return false
}

// constDecls writes a const group of a standard package as one
// declaration per constant, with its value (iota resolved) and type, so
// that each copy stands alone; nil when a value cannot be written.
func (in *instantiator) constDecls(d *ast.GenDecl, src *srcPackage) []ast.Decl {
	var out []ast.Decl
	for _, sp := range d.Specs {
		for _, n := range sp.(*ast.ValueSpec).Names {
			c, ok := src.info.Defs[n].(*types.Const)
			if !ok {
				continue
			}
			var lit string
			switch v := c.Val(); v.Kind() {
			case constant.Int, constant.Bool:
				lit = v.ExactString()
			case constant.String:
				lit = strconv.Quote(constant.StringVal(v))
			default:
				return nil
			}
			spec := &ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(in.ext[c])}, Values: []ast.Expr{ast.NewIdent(lit)}}
			if b, ok := c.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
				spec.Type = in.typeExpr(c.Type(), n.Pos())
			}
			out = append(out, &ast.GenDecl{Tok: token.CONST, Specs: []ast.Spec{spec}})
		}
	}
	return out
}

// fixImports adds the imports the copies need to f and drops those that
// no code uses any more (a package used only for its generic code).
func (in *instantiator) fixImports(f *ast.File, info *types.Info) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	have := map[string]string{} // path -> name
	var specs []ast.Spec
	for _, is := range f.Imports {
		path, _ := strconv.Unquote(is.Path.Value)
		name := ""
		if pn := pkgNameOf(is, info); pn != nil {
			name = pn.Name()
		}
		if name != "_" && name != "." && name != "" && !used[name] {
			continue
		}
		have[path] = name
		specs = append(specs, is)
	}
	for _, path := range sortedKeys(in.imports) {
		name := in.imports[path]
		if have[path] == name {
			continue
		}
		sp := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)}}
		if name != lastElem(path) {
			sp.Name = ast.NewIdent(name)
		}
		specs = append(specs, sp)
	}
	decls := f.Decls[:0]
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		decls = append(decls, d)
	}
	f.Imports = nil
	if len(specs) > 0 {
		for _, sp := range specs {
			f.Imports = append(f.Imports, sp.(*ast.ImportSpec))
		}
		decls = append([]ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Lparen: 1, Specs: specs}}, decls...)
	}
	f.Decls = decls
}

// pkgNameOf is the package name an import spec binds, as the checker
// recorded it, or nil.
func pkgNameOf(is *ast.ImportSpec, info *types.Info) *types.PkgName {
	if is.Name != nil {
		pn, _ := info.Defs[is.Name].(*types.PkgName)
		return pn
	}
	pn, _ := info.Implicits[is].(*types.PkgName)
	return pn
}
