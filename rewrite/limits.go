package rewrite

import (
	"go/ast"
	"go/types"
)

// limits reports, in the user's coordinates, Go the evaluator (yaegi
// v0.16.1) cannot run yet, instead of letting it fail without a position
// or panic: range over an integer or a function, and the builtins min,
// max and clear.
func (st *state) limits() error {
	var err error
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			if err != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.RangeStmt:
				switch t := st.info.TypeOf(n.X); {
				case t == nil:
				case isInteger(t):
					err = st.errorf(n.X.Pos(), "range over an integer is not supported by the evaluator yet; use for i := 0; i < n; i++")
				case isFunc(t):
					err = st.errorf(n.X.Pos(), "range over a function is not supported by the evaluator yet")
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					if b, ok := st.info.Uses[id].(*types.Builtin); ok {
						switch b.Name() {
						case "min", "max", "clear":
							err = st.errorf(id.Pos(), "the builtin %s is not supported by the evaluator yet", b.Name())
						}
					}
				}
			}
			return true
		})
	}
	return err
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
