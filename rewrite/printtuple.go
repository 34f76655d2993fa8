package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// printTuples lowers a call of the builtin print or println whose
// argument is a call returning several values: the evaluator (yaegi
// v0.16.1) prints the first value only. The values go to hidden
// variables, which are printed:
//
//	println(f())  =>  { igo_p1_1, igo_p1_2 := f(); println(igo_p1_1, igo_p1_2) }
//
// A deferred or go print keeps its go or defer, which belongs to the
// function as it did.
func (st *state) printTuples() error {
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			var call *ast.CallExpr
			switch n := c.Node().(type) {
			case *ast.ExprStmt:
				call, _ = n.X.(*ast.CallExpr)
			case *ast.DeferStmt:
				call = n.Call
			case *ast.GoStmt:
				call = n.Call
			default:
				return true
			}
			if call == nil || len(call.Args) != 1 {
				return true
			}
			if name := st.builtinName(call); name != "print" && name != "println" {
				return true
			}
			tuple, ok := st.info.TypeOf(call.Args[0]).(*types.Tuple)
			if !ok || tuple.Len() < 2 {
				return true
			}
			st.s.lits++
			def := &ast.AssignStmt{TokPos: call.Pos(), Tok: token.DEFINE, Rhs: call.Args}
			var args []ast.Expr
			for i := range tuple.Len() {
				name := fmt.Sprintf("igo_p%d_%d", st.s.lits, i+1)
				def.Lhs = append(def.Lhs, &ast.Ident{NamePos: call.Pos(), Name: name})
				args = append(args, &ast.Ident{NamePos: call.Pos(), Name: name})
			}
			call.Args = args
			stmt := c.Node().(ast.Stmt)
			c.Replace(&ast.BlockStmt{Lbrace: stmt.Pos(), List: []ast.Stmt{def, stmt}, Rbrace: stmt.End()})
			return true
		})
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		} else {
			u.decl = root.(ast.Decl)
		}
	}
	return nil
}
