package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// liftLits declares a function literal stored by the cell's top level as
// a function of its own, when it uses no local variable:
//
//	f := func(x int) int { return x * x }  =>  func igo_fn1(x int) int { return x * x }; f := igo_fn1
//
// The evaluator (yaegi v0.16.1) stops running closures made before an
// interrupted cell: they return zero values from then on. Declared
// functions keep working, so a stored literal that can be one is one.
func (st *state) liftLits() error {
	var units []unit
	for _, u := range st.units {
		for _, slot := range storedLits(u) {
			lit := (*slot).(*ast.FuncLit)
			if !st.closed(lit) {
				continue
			}
			st.s.lits++
			name := fmt.Sprintf("igo_fn%d", st.s.lits)
			decl := &ast.FuncDecl{Name: ast.NewIdent(name), Type: lit.Type, Body: lit.Body}
			units = append(units, unit{decl: decl, file: u.file, base: u.base})
			*slot = ast.NewIdent(name)
		}
		units = append(units, u)
	}
	st.units = units
	return nil
}

// storedLits finds the function literals a top-level statement or
// declaration stores: the right sides of `=`, `:=` and `var`.
func storedLits(u unit) []*ast.Expr {
	var slots []*ast.Expr
	add := func(es []ast.Expr) {
		for i := range es {
			if _, ok := es[i].(*ast.FuncLit); ok {
				slots = append(slots, &es[i])
			}
		}
	}
	switch n := u.node().(type) {
	case *ast.AssignStmt:
		add(n.Rhs)
	case *ast.GenDecl:
		if n.Tok == token.VAR {
			for _, sp := range n.Specs {
				add(sp.(*ast.ValueSpec).Values)
			}
		}
	}
	return slots
}

// closed reports whether lit uses only package-level names, its own
// parameters and its own locals.
func (st *state) closed(lit *ast.FuncLit) bool {
	ok := true
	ast.Inspect(lit, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID || !ok {
			return ok
		}
		o := st.info.Uses[id]
		switch o := o.(type) {
		case nil, *types.PkgName, *types.Builtin, *types.Nil:
			return true
		case *types.Var, *types.Const, *types.TypeName, *types.Func, *types.Label:
			if o.Parent() == types.Universe || o.Pkg() != nil && o.Parent() == o.Pkg().Scope() {
				return true // predeclared or package-level
			}
			if _, isFunc := o.(*types.Func); isFunc && o.Parent() == nil {
				return true // a method
			}
			if o.Pos() >= lit.Pos() && o.Pos() < lit.End() {
				return true // its own
			}
			if v, isVar := o.(*types.Var); isVar && v.IsField() {
				return true
			}
			ok = false
		}
		return ok
	})
	return ok
}
