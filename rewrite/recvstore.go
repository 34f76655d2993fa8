package rewrite

import (
	"go/ast"
	"go/token"
)

// recvStores parenthesizes a receive that is the one value of an
// assignment, a definition, a var declaration, or a result of a return.
// The evaluator (yaegi v0.16.1) writes such a receive straight into the
// variable, or the function's result, as a value it cannot set: the next
// assignment to the variable, x++ or &x panics ("reflect.Value.Set using
// unaddressable value"), and so does return <-c at once. A parenthesized
// receive is copied in, as other values are:
//
//	v := <-c        =>  v := (<-c)
//	return <-c, 1   =>  return (<-c), 1
//
// A comma-ok receive whose ok is dropped sets a bool into the variable
// ("call of reflect.Value.SetBool on int Value"); it is the plain
// receive:
//
//	v, _ = <-c  =>  v = (<-c)
func (st *state) recvStores() error {
	for _, u := range st.units {
		comm := map[ast.Stmt]bool{} // a select case's receive stays as it is
		ast.Inspect(u.node(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CommClause:
				comm[n.Comm] = true
			case *ast.AssignStmt:
				if comm[n] {
					break
				}
				if len(n.Lhs) == 2 && len(n.Rhs) == 1 && n.Tok == token.ASSIGN && isRecv(n.Rhs[0]) && isBlank(n.Lhs[1]) && !isBlank(n.Lhs[0]) {
					n.Lhs = n.Lhs[:1]
				}
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					parenRecv(&n.Rhs[0])
				}
			case *ast.ValueSpec:
				if len(n.Names) == 1 && len(n.Values) == 1 {
					parenRecv(&n.Values[0])
				}
			case *ast.ReturnStmt:
				for i := range n.Results {
					parenRecv(&n.Results[i])
				}
			}
			return true
		})
	}
	return nil
}

// parenRecv parenthesizes *e when it is a receive.
func parenRecv(e *ast.Expr) {
	if r, ok := (*e).(*ast.UnaryExpr); ok && r.Op == token.ARROW {
		*e = &ast.ParenExpr{Lparen: r.Pos(), X: r, Rparen: r.End()}
	}
}
