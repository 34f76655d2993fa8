package rewrite

import (
	"go/ast"
	"go/token"
)

// namedResults starts each function with named results by zeroing them.
// The evaluator (yaegi v0.16.1) does not, when the call's value is
// assigned to a variable that exists (g = f(x)): the results start as
// that variable's value, so `ret = append(ret, ...)` appended to g's
// old value.
//
//	func f() (ret []string, n int) {  =>  func f() (ret []string, n int) {
//	                                          ret, n = *new([]string), *new(int)
func (st *state) namedResults() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				ft, body = n.Type, n.Body
			case *ast.FuncLit:
				ft, body = n.Type, n.Body
			default:
				return true
			}
			if body == nil || ft.Results == nil {
				return true
			}
			as := &ast.AssignStmt{Tok: token.ASSIGN, TokPos: body.Lbrace}
			for _, f := range ft.Results.List {
				for _, name := range f.Names {
					if name.Name == "_" {
						continue
					}
					as.Lhs = append(as.Lhs, ast.NewIdent(name.Name))
					as.Rhs = append(as.Rhs, &ast.StarExpr{X: &ast.CallExpr{Fun: ast.NewIdent("new"), Args: []ast.Expr{f.Type}}})
				}
			}
			if len(as.Lhs) > 0 && !zeroes(body, as) {
				body.List = append([]ast.Stmt{as}, body.List...)
			}
			return true
		})
	}
	return nil
}

// zeroes reports whether body starts with as (the pass ran before).
func zeroes(body *ast.BlockStmt, as *ast.AssignStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	first, ok := body.List[0].(*ast.AssignStmt)
	if !ok || first.Tok != token.ASSIGN || len(first.Lhs) != len(as.Lhs) {
		return false
	}
	for i, l := range first.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name != as.Lhs[i].(*ast.Ident).Name {
			return false
		}
		star, ok := first.Rhs[i].(*ast.StarExpr)
		if !ok {
			return false
		}
		call, ok := star.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "new" {
			return false
		}
	}
	return true
}
