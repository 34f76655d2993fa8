package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// keepNonConstant keeps the case values of an expression switch, or the
// keys of a map literal, that convert a constant to a type parameter
// (T(0)) from becoming constants in a copy of generic code: with T=int,
// case int(0), T(0) would be a duplicate case, which Go rejects, as it
// does a duplicate constant key of a map literal. In generic code they
// are values, compared (or stored) in order, and so they stay:
//
//	case int(0), T(0):  =>  case int(0), [1]int{int(0)}[0]:
//
// n is a copy; at maps its nodes to the originals that info describes.
func keepNonConstant(n ast.Node, info *types.Info, at func(ast.Node) ast.Node) {
	switch n := n.(type) {
	case *ast.SwitchStmt:
		if n.Tag == nil {
			return // switch { case cond: }: the cases are booleans
		}
		for _, s := range n.Body.List {
			cc := s.(*ast.CaseClause)
			for i := range cc.List {
				nonConstant(&cc.List[i], info, at)
			}
		}
	case *ast.CompositeLit:
		if t := info.TypeOf(at(n).(ast.Expr)); t == nil || !isMap(t) {
			return
		}
		for _, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				nonConstant(&kv.Key, info, at)
			}
		}
	}
}

// nonConstant writes *e, a conversion T(c) of a constant to a type
// parameter, as [1]T{T(c)}[0].
func nonConstant(e *ast.Expr, info *types.Info, at func(ast.Node) ast.Node) {
	call, ok := (*e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	orig := at(call).(*ast.CallExpr)
	tv, ok := info.Types[orig.Fun]
	if !ok || !tv.IsType() || !isTypeParam(tv.Type) || info.Types[orig.Args[0]].Value == nil {
		return
	}
	pos := call.Pos()
	*e = &ast.IndexExpr{
		X: &ast.CompositeLit{
			Type:   &ast.ArrayType{Lbrack: pos, Len: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "1"}, Elt: call.Fun},
			Lbrace: pos,
			Elts:   []ast.Expr{call},
			Rbrace: call.End(),
		},
		Lbrack: call.End(),
		Index:  &ast.BasicLit{ValuePos: call.End(), Kind: token.INT, Value: "0"},
		Rbrack: call.End(),
	}
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}
