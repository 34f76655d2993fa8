package rewrite

import (
	"go/ast"

	"golang.org/x/tools/go/ast/astutil"
)

// applyUnits runs astutil.Apply with pre and post over each unit's syntax
// and keeps what replaced a unit's own statement or declaration.
func (st *state) applyUnits(pre, post astutil.ApplyFunc) {
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), pre, post)
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		} else {
			u.decl = root.(ast.Decl)
		}
	}
}
