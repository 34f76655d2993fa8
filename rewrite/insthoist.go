package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// hoistLocalTypes moves the types declared in functions that generic code
// is instantiated with to the top level, where the copies can name them:
// under their own name when the package has no other, else with a suffix.
// A type that uses what its function declares (a constant, a type
// parameter) stays, and instantiating with it is an error.
func (in *instantiator) hoistLocalTypes(f *ast.File, info *types.Info) {
	want := map[*types.TypeName]bool{}
	var visit func(t types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if o := t.Obj(); o.Pkg() == in.pkg && o.Parent() != nil && o.Parent() != in.pkg.Scope() && t.TypeParams().Len() == 0 {
				want[o] = true
				visit(t.Underlying())
			}
			for i := range t.TypeArgs().Len() {
				visit(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			visit(t.Params())
			visit(t.Results())
		case *types.Tuple:
			for i := range t.Len() {
				visit(t.At(i).Type())
			}
		case *types.Struct:
			for i := range t.NumFields() {
				visit(t.Field(i).Type())
			}
		}
	}
	for _, inst := range info.Instances {
		for i := range inst.TypeArgs.Len() {
			visit(inst.TypeArgs.At(i))
		}
	}
	if len(want) == 0 {
		return
	}
	in.hoisted = map[*types.TypeName]string{}
	taken := map[string]bool{}
	var hoist []ast.Spec
	ast.Inspect(f, func(n ast.Node) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd := ds.Decl.(*ast.GenDecl)
		if gd.Tok != token.TYPE {
			return true
		}
		keep := gd.Specs[:0]
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			obj, _ := info.Defs[ts.Name].(*types.TypeName)
			if obj == nil || !want[obj] || !in.hoistable(ts, info, want) {
				keep = append(keep, sp)
				continue
			}
			name := obj.Name()
			for i := 2; taken[name] || in.pkg.Scope().Lookup(name) != nil; i++ {
				name = fmt.Sprintf("%s_%d", obj.Name(), i)
			}
			taken[name] = true
			in.hoisted[obj] = name
			hoist = append(hoist, ts)
		}
		gd.Specs = keep
		return true
	})
	// Uses take the new name.
	for id, o := range info.Uses {
		if tn, ok := o.(*types.TypeName); ok {
			if n, ok := in.hoisted[tn]; ok {
				id.Name = n
			}
		}
	}
	for _, sp := range hoist {
		ts := sp.(*ast.TypeSpec)
		ts.Name.Name = in.hoisted[info.Defs[ts.Name].(*types.TypeName)]
		f.Decls = append(f.Decls, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{ts}})
	}
}

// hoistable reports whether a local type's declaration names only what
// the top level can see (or other types being hoisted).
func (in *instantiator) hoistable(ts *ast.TypeSpec, info *types.Info, want map[*types.TypeName]bool) bool {
	if ts.TypeParams != nil {
		return false
	}
	ok := true
	ast.Inspect(ts.Type, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID {
			return true
		}
		o := info.Uses[id]
		if o == nil || o.Pkg() != in.pkg || o.Parent() == in.pkg.Scope() {
			return true
		}
		if tn, isTN := o.(*types.TypeName); isTN && want[tn] {
			return true
		}
		if _, isVar := o.(*types.Var); isVar && o.Parent() == nil {
			return true // a field
		}
		ok = false
		return false
	})
	return ok
}
