package rewrite

import (
	"go/ast"
	"go/types"
)

// methodCalls selects directly two kinds of method the evaluator (yaegi
// v0.16.1) fails to call. A method promoted from an embedded field of
// interface type fails ("invalid interface value"); it is selected
// through the field. A method of a conversion of a concrete value to an
// interface fails ("reflect: call of reflect.Value.NumField on int
// Value"); it is the value's own method, which the interface would call:
//
//	b.Close()            =>  b.ReadCloser.Close()    (type b struct{ io.ReadCloser })
//	Stringer(v).String() =>  v.String()
//
// Method values (f := b.Close) are selected alike; the receiver is
// evaluated when Go evaluates it.
func (st *state) methodCalls() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			se, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			sel := st.info.Selections[se]
			if sel == nil || sel.Kind() != types.MethodVal {
				return true
			}
			if x, _ := st.convertedValue(se.X); x != nil {
				se.X = x
				return true
			}
			se.X = st.embeddedPath(se.X, sel.Recv(), sel.Index())
			return true
		})
	}
	return nil
}

// convertedValue is x of I(x), a conversion of a value of concrete type to
// an interface type, and x's type; or nil.
func (st *state) convertedValue(e ast.Expr) (ast.Expr, types.Type) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil, nil
	}
	tv, ok := st.info.Types[call.Fun]
	if !ok || !tv.IsType() || !types.IsInterface(tv.Type) || isTypeParam(tv.Type) {
		return nil, nil
	}
	t := st.info.TypeOf(call.Args[0])
	if t == nil || types.IsInterface(t) || isNil(t) {
		return nil, nil
	}
	x := call.Args[0]
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.ParenExpr:
		return x, t
	}
	return &ast.ParenExpr{Lparen: x.Pos(), X: x, Rparen: x.End()}, t
}
