package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
)

// rangeAssign lowers a range loop that assigns an expression other than a
// variable (for i, x[i] = range y): Go assigns the iteration values as
// one tuple assignment, x[i] indexed with the i of before, and the
// evaluator (yaegi v0.16.1) assigns one after the other. The loop defines
// hidden variables and assigns them with a tuple assignment, which the
// evaluator gets right.
//
//	for i, x[i] = range y { ... }  =>  for igo_rk1, igo_rv1 := range y { i, x[i] = igo_rk1, igo_rv1; ... }
//
// It runs after rangeint and rangefunc, which lower their own loops.
func (st *state) rangeAssign() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			r, ok := n.(*ast.RangeStmt)
			if !ok || r.Tok != token.ASSIGN || (isVarExpr(r.Key) && isVarExpr(r.Value)) {
				return true
			}
			st.s.lits++
			as := &ast.AssignStmt{Tok: token.ASSIGN, TokPos: r.TokPos}
			var def []ast.Expr
			for i, e := range []ast.Expr{r.Key, r.Value} {
				if e == nil {
					continue
				}
				if isBlank(e) {
					def = append(def, ast.NewIdent("_"))
					continue
				}
				tmp := ast.NewIdent(fmt.Sprintf("igo_r%c%d", "kv"[i], st.s.lits))
				def = append(def, tmp)
				as.Lhs = append(as.Lhs, e)
				as.Rhs = append(as.Rhs, tmp)
			}
			r.Key = def[0]
			r.Value = nil
			if len(def) > 1 {
				r.Value = def[1]
			}
			r.Tok = token.DEFINE
			r.Body.List = append([]ast.Stmt{as}, r.Body.List...)
			return true
		})
	}
	return nil
}

// isVarExpr reports whether e is absent or a plain (or blank) identifier.
func isVarExpr(e ast.Expr) bool {
	if e == nil {
		return true
	}
	_, ok := e.(*ast.Ident)
	return ok
}
