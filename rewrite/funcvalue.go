package rewrite

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// funcValues wraps a function the program declares, used as a value, in
// a function literal that calls it. The evaluator (yaegi v0.16.1) keeps
// such a value as its own node where it stores it (a variable, an
// element, a result) and fails to return it or pass it on ("reflect.Set:
// value of type *interp.node is not assignable to type func()"); a
// literal is a function value it handles everywhere:
//
//	return assert        =>  return func() { assert() }
//	less := byName       =>  less := func(igo_a0, igo_a1 int) bool { return byName(igo_a0, igo_a1) }
//
// An argument of a call (sort.Slice(s, less)) stays: the evaluator makes
// a function value of it there. So does a value a package-level var, or
// a cell's top level, stores: the evaluator keeps those right (and a
// cell's stored literal becomes a declared function again, see
// liftLits). So do generic functions and those with a parameter of a
// type that cannot be named here.
func (st *state) funcValues() error {
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			id, ok := c.Node().(*ast.Ident)
			if !ok {
				return true
			}
			if _, ok := c.Parent().(*ast.CallExpr); ok {
				return true // called, or an argument
			}
			switch p := c.Parent().(type) {
			case *ast.SelectorExpr, *ast.FuncDecl, *ast.IndexExpr, *ast.IndexListExpr:
				return true
			case *ast.AssignStmt:
				if ast.Node(p) == u.node() {
					return true // stored by a cell's top level: see below
				}
			case *ast.ValueSpec:
				if gd, ok := u.decl.(*ast.GenDecl); ok && slices.Contains(gd.Specs, ast.Spec(p)) {
					return true
				}
			}
			fn, ok := st.info.Uses[id].(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != st.s.pkg.Path() || fn.Parent() != fn.Pkg().Scope() {
				return true
			}
			sig := fn.Type().(*types.Signature)
			if sig.TypeParams() != nil || sig.Recv() != nil || strings.HasPrefix(fn.Name(), "igo_") {
				return true // generic, or igo's own (a lifted literal: see liftLits)
			}
			if lit := st.callingLit(id, sig); lit != nil {
				c.Replace(lit)
			}
			return true
		})
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		} else {
			u.decl = root.(ast.Decl)
		}
	}
	return nil
}

// callingLit is a function literal of signature sig that calls fn with
// its parameters, or nil when a parameter's type cannot be written.
func (st *state) callingLit(fn *ast.Ident, sig *types.Signature) *ast.FuncLit {
	pos := fn.Pos()
	field := func(name string, t types.Type) *ast.Field {
		te := st.typeExpr(t)
		if te == nil {
			return nil
		}
		f := &ast.Field{Type: te}
		if name != "" {
			f.Names = []*ast.Ident{{NamePos: pos, Name: name}}
		}
		return f
	}
	ft := &ast.FuncType{Func: pos, Params: &ast.FieldList{}}
	call := &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: fn.Name}, Lparen: pos, Rparen: pos}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		name := fmt.Sprintf("igo_a%d", i)
		t := p.Type()
		variadic := sig.Variadic() && i == sig.Params().Len()-1
		if variadic {
			t = t.(*types.Slice).Elem()
		}
		f := field(name, t)
		if f == nil {
			return nil
		}
		if variadic {
			f.Type = &ast.Ellipsis{Ellipsis: pos, Elt: f.Type}
			call.Ellipsis = pos
		}
		ft.Params.List = append(ft.Params.List, f)
		call.Args = append(call.Args, &ast.Ident{NamePos: pos, Name: name})
	}
	var body ast.Stmt = &ast.ExprStmt{X: call}
	if sig.Results().Len() > 0 {
		ft.Results = &ast.FieldList{}
		for r := range sig.Results().Variables() {
			f := field("", r.Type())
			if f == nil {
				return nil
			}
			ft.Results.List = append(ft.Results.List, f)
		}
		body = &ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}
	}
	return &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{body}, Rbrace: pos}}
}
