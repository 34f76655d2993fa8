package rewrite

import (
	"go/ast"
	"go/token"
)

// blocks works around two faults of the evaluator (yaegi v0.16.1) with
// compound statements at the top level of a cell:
//
//   - a type switch that binds a variable fails: it runs in a block;
//
//   - a `:=` of several names inside a block fails ("undefined: r"): the
//     statement runs in a function literal called in place (its
//     variables are local to it anyway).
//
//     switch v := x.(type) { ... }            =>  { switch v := x.(type) { ... } }
//     for ... { r, err := f(k); ... }         =>  func() { for ... { r, err := f(k); ... } }()
func (st *state) blocks() error {
	for i, u := range st.units {
		switch s := u.stmt.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
			*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
			if tupleDefineInside(s) {
				lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{s}}}
				st.units[i].stmt = &ast.ExprStmt{X: &ast.CallExpr{Fun: lit}}
				continue
			}
		}
		if ts, ok := u.stmt.(*ast.TypeSwitchStmt); ok {
			st.units[i].stmt = &ast.BlockStmt{Lbrace: ts.Pos(), List: []ast.Stmt{ts}, Rbrace: ts.End()}
		}
	}
	return nil
}

// tupleDefineInside reports whether s holds, outside function literals, a
// := of more than one name.
func tupleDefineInside(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) > 1 {
				found = true
			}
		}
		return !found
	})
	return found
}
