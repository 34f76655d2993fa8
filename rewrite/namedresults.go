package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// namedResults starts each function with named results by zeroing them.
// The evaluator (yaegi v0.16.1) does not, when the call's value is
// assigned to a variable that exists (g = f(x)): the results start as
// that variable's value, so `ret = append(ret, ...)` appended to g's
// old value.
//
//	func f() (ret []string, n int) {  =>  func f() (ret []string, n int) {
//	                                          ret, n = *new([]string), *new(int)
//
// With a result of interface type, the results are zeroed one by one:
// the evaluator fails an assignment of several values to an interface
// (see tupleAssign).
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
			split := false // an interface is zeroed on its own (see tupleassign)
			for _, f := range ft.Results.List {
				for _, name := range f.Names {
					if name.Name == "_" {
						continue
					}
					as.Lhs = append(as.Lhs, ast.NewIdent(name.Name))
					as.Rhs = append(as.Rhs, &ast.StarExpr{X: &ast.CallExpr{Fun: ast.NewIdent("new"), Args: []ast.Expr{f.Type}}})
					if t := st.info.TypeOf(f.Type); t == nil || types.IsInterface(t) {
						split = true
					}
				}
			}
			if len(as.Lhs) == 0 || zeroes(body, as) {
				return true
			}
			zero := []ast.Stmt{as}
			if split && len(as.Lhs) > 1 {
				zero = zero[:0]
				for i := range as.Lhs {
					zero = append(zero, &ast.AssignStmt{Lhs: as.Lhs[i : i+1], Tok: token.ASSIGN, TokPos: body.Lbrace, Rhs: as.Rhs[i : i+1]})
				}
			}
			body.List = append(zero, body.List...)
			return true
		})
	}
	return nil
}

// zeroes reports whether body starts with as, or with its assignments one
// by one (the pass ran before).
func zeroes(body *ast.BlockStmt, as *ast.AssignStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	first, ok := body.List[0].(*ast.AssignStmt)
	if ok && len(first.Lhs) == 1 && len(as.Lhs) > 1 && len(body.List) >= len(as.Lhs) {
		// One by one: gather them as one.
		first = &ast.AssignStmt{Tok: token.ASSIGN}
		for _, s := range body.List[:len(as.Lhs)] {
			a, ok := s.(*ast.AssignStmt)
			if !ok || a.Tok != token.ASSIGN || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
				return false
			}
			first.Lhs = append(first.Lhs, a.Lhs[0])
			first.Rhs = append(first.Rhs, a.Rhs[0])
		}
	}
	if !ok || first.Tok != token.ASSIGN || len(first.Lhs) != len(as.Lhs) || len(first.Rhs) != len(as.Lhs) {
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
