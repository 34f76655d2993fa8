package rewrite

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// methodExprs lowers method expressions (T.M, (*T).M, I.M) to function
// literals. The evaluator (yaegi v0.16.1) makes a method expression used
// as a value a function without the receiver ("reflect.Set: value of type
// func() string is not assignable to type func(main.T) string"), and
// fails a call of I.M ("too many arguments") or of (*T).M with M a method
// of T. A call T.M(x) or (*T).M(p) of a method T or *T declares stays:
//
//	f := T.String  =>  f := func(igo_r T) string { return igo_r.String() }
//	I.Set(x, 2)    =>  func(igo_r I, igo_a1 int) { igo_r.Set(igo_a1) }(x, 2)
//
// The receiver and the arguments are evaluated where the method
// expression's were, and the method is selected when the function is
// called, as in Go.
func (st *state) methodExprs() error {
	st.applyUnits(nil, func(c *astutil.Cursor) bool {
		se, ok := c.Node().(*ast.SelectorExpr)
		if !ok {
			return true
		}
		sel := st.info.Selections[se]
		if sel == nil || sel.Kind() != types.MethodExpr {
			return true
		}
		if _, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Fun" && ownMethod(sel) {
			return true
		}
		if lit := st.methodLit(se, sel); lit != nil {
			c.Replace(lit)
		}
		return true
	})
	return nil
}

// ownMethod reports whether the method expression names a method that its
// type declares, with a receiver of its kind: T.M of func (T) M, (*T).M of
// func (*T) M.
func ownMethod(sel *types.Selection) bool {
	if types.IsInterface(sel.Recv()) || len(sel.Index()) != 1 {
		return false
	}
	recv := sel.Obj().(*types.Func).Type().(*types.Signature).Recv()
	_, ptrRecv := recv.Type().(*types.Pointer)
	_, ptr := sel.Recv().(*types.Pointer)
	return ptr == ptrRecv
}

// methodLit is the function literal that calls the method of se on its
// first parameter, or nil when a type of its signature cannot be written.
func (st *state) methodLit(se *ast.SelectorExpr, sel *types.Selection) *ast.FuncLit {
	sig, ok := sel.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return nil
	}
	pos := se.Pos()
	recv := &ast.Ident{NamePos: pos, Name: "igo_r"}
	ft := &ast.FuncType{Func: pos, Params: &ast.FieldList{List: []*ast.Field{
		{Names: []*ast.Ident{recv}, Type: ast.Unparen(se.X)},
	}}}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: st.embeddedPath(recv, sel.Recv(), sel.Index()), Sel: ast.NewIdent(se.Sel.Name)}}
	for i := 1; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		name := ast.NewIdent(fmt.Sprintf("igo_a%d", i))
		var te ast.Expr
		if sig.Variadic() && i == sig.Params().Len()-1 {
			if elem := st.typeExpr(t.(*types.Slice).Elem()); elem != nil {
				te = &ast.Ellipsis{Ellipsis: pos, Elt: placeAt(elem, pos)}
				call.Ellipsis = pos
			}
		} else if te = st.typeExpr(t); te != nil {
			te = placeAt(te, pos)
		}
		if te == nil {
			return nil
		}
		ft.Params.List = append(ft.Params.List, &ast.Field{Names: []*ast.Ident{name}, Type: te})
		call.Args = append(call.Args, ast.NewIdent(name.Name))
	}
	var body ast.Stmt = &ast.ExprStmt{X: call}
	if sig.Results().Len() > 0 {
		ft.Results = &ast.FieldList{}
		for v := range sig.Results().Variables() {
			te := st.typeExpr(v.Type())
			if te == nil {
				return nil
			}
			ft.Results.List = append(ft.Results.List, &ast.Field{Type: placeAt(te, pos)})
		}
		body = &ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}
	}
	return &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{body}, Rbrace: se.End()}}
}

// embeddedPath is x, or x followed by the embedded fields by which the
// method at index (as in types.Selection) is reached when the last of
// them is of interface type: the evaluator (yaegi v0.16.1) fails to call
// a method promoted from an embedded interface ("invalid interface
// value"), but not the interface's own. The fields are the program's; a
// field of an instance of generic code keeps its path (its name is not
// known before instantiation).
func (st *state) embeddedPath(x ast.Expr, t types.Type, index []int) ast.Expr {
	if len(index) < 2 {
		return x
	}
	var names []string
	for _, i := range index[:len(index)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		s, ok := t.Underlying().(*types.Struct)
		if !ok {
			return x
		}
		f := s.Field(i)
		if f.Pkg() == nil || f.Pkg().Path() != st.s.pkg.Path() {
			return x // a struct of compiled code calls its own methods
		}
		if n, ok := types.Unalias(f.Type()).(*types.Named); ok && n.TypeArgs().Len() > 0 {
			return x
		}
		if p, ok := f.Type().(*types.Pointer); ok {
			if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.TypeArgs().Len() > 0 {
				return x
			}
		}
		names = append(names, f.Name())
		t = f.Type()
	}
	if !types.IsInterface(t) {
		return x
	}
	for _, n := range names {
		x = &ast.SelectorExpr{X: x, Sel: &ast.Ident{NamePos: x.End(), Name: n}}
	}
	return x
}
