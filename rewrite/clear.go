package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// clearBuiltin lowers the builtin clear (Go 1.21), which the evaluator
// (yaegi v0.16.1) lacks, to a loop: on a map it deletes every key, on a
// slice it sets every element to its zero value. The argument is
// evaluated once: a variable is used as it is, anything else (and a clear
// that go or defer calls later) is the parameter of a function literal:
//
//	clear(m)        =>  for igo_k := range m { delete(m, igo_k) }
//	clear(s)        =>  for igo_i := range s { s[igo_i] = 0 }
//	clear(f())      =>  func(igo_x map[string]int) { for igo_k := range igo_x { delete(igo_x, igo_k) } }(f())
//	defer clear(s)  =>  defer func(igo_x []P) { for igo_i := range igo_x { igo_x[igo_i] = P{} } }(s)
//
// One difference remains: a NaN key is not equal to itself, so delete
// cannot remove it, and a map cleared this way keeps its NaN keys (Go's
// clear removes them).
func (st *state) clearBuiltin() error {
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.ExprStmt:
				call, ok := ast.Unparen(n.X).(*ast.CallExpr)
				if !ok || st.builtinName(call) != "clear" || len(call.Args) != 1 {
					return true
				}
				if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
					if loop := st.clearLoop(id, st.info.TypeOf(call.Args[0])); loop != nil {
						c.Replace(loop)
					}
				} else if e := st.clearCall(call); e != nil {
					n.X = e
				}
			case *ast.CallExpr:
				if _, stmt := c.Parent().(*ast.ExprStmt); stmt || st.builtinName(n) != "clear" || len(n.Args) != 1 {
					return true
				}
				// go clear(m), defer clear(m)
				if e := st.clearCall(n); e != nil {
					c.Replace(e)
				}
			}
			return true
		})
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		}
	}
	return nil
}

// clearLoop is the loop that clears x, of type t.
func (st *state) clearLoop(x *ast.Ident, t types.Type) ast.Stmt {
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		// for igo_k := range m { delete(m, igo_k) }
		del := &ast.CallExpr{Fun: ast.NewIdent("delete"), Args: []ast.Expr{st.sameIdent(x), ast.NewIdent("igo_k")}}
		return &ast.RangeStmt{Key: ast.NewIdent("igo_k"), Tok: token.DEFINE, X: x,
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: del}}}}
	case *types.Slice:
		// for igo_i := range s { s[igo_i] = zero }
		zero := st.zeroValue(u.Elem())
		if zero == nil {
			return nil
		}
		set := &ast.AssignStmt{
			Lhs: []ast.Expr{&ast.IndexExpr{X: st.sameIdent(x), Index: ast.NewIdent("igo_i")}},
			Tok: token.ASSIGN,
			Rhs: []ast.Expr{zero},
		}
		return &ast.RangeStmt{Key: ast.NewIdent("igo_i"), Tok: token.DEFINE, X: x,
			Body: &ast.BlockStmt{List: []ast.Stmt{set}}}
	}
	return nil
}

// clearCall is a function literal that clears its parameter, called with
// call's argument.
func (st *state) clearCall(call *ast.CallExpr) ast.Expr {
	t := st.info.TypeOf(call.Args[0])
	if t == nil || isTypeParam(t) {
		return nil
	}
	te := st.typeExpr(t)
	if te == nil {
		return nil
	}
	param := &ast.Ident{Name: "igo_x"}
	loop := st.clearLoop(param, t)
	if loop == nil {
		return nil
	}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent("igo_x")}, Type: te}}}},
		Body: &ast.BlockStmt{List: []ast.Stmt{loop}},
	}
	return &ast.CallExpr{Fun: lit, Args: call.Args}
}

// zeroValue writes the zero value of t, or nil when it cannot.
//
//	int => 0   string => ""   *T, []T, map, chan, func, interface => nil   struct, array T => T{}
func (st *state) zeroValue(t types.Type) ast.Expr {
	if isTypeParam(t) {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return ast.NewIdent("false")
		case u.Info()&types.IsString != 0:
			return &ast.BasicLit{Kind: token.STRING, Value: `""`}
		case u.Kind() == types.UnsafePointer:
			return ast.NewIdent("nil")
		}
		return zeroLit(token.NoPos)
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return ast.NewIdent("nil")
	case *types.Struct, *types.Array:
		if te := st.typeExpr(t); te != nil {
			return &ast.CompositeLit{Type: te}
		}
	}
	return nil
}
