package rewrite

import "go/ast"

// blocks puts a top-level type switch in a block: the evaluator fails on a
// type switch that binds a variable at the top level.
//
//	switch v := x.(type) { ... }  =>  { switch v := x.(type) { ... } }
func (st *state) blocks() error {
	for i, u := range st.units {
		if ts, ok := u.stmt.(*ast.TypeSwitchStmt); ok {
			st.units[i].stmt = &ast.BlockStmt{Lbrace: ts.Pos(), List: []ast.Stmt{ts}, Rbrace: ts.End()}
		}
	}
	return nil
}
