package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// display binds a cell's final expression to the display variable when it
// has exactly one value and no trailing `;` silences it:
//
//	x * 2   =>  _3 := x * 2
func (st *state) display() error {
	if st.last == nil || st.lastSemi || st.opts.Display == "" {
		return nil
	}
	tv, ok := st.info.Types[st.last.X]
	if !ok || !tv.IsValue() || tv.IsNil() {
		return nil
	}
	if _, tuple := tv.Type.(*types.Tuple); tuple {
		return nil
	}
	typ := types.Default(tv.Type)
	name := st.opts.Display
	s := st.s
	if s.Lookup(name) != nil {
		s.rebuild(map[string]bool{name: true})
	}
	v := types.NewVar(st.last.Pos(), s.pkg, name, typ)
	s.pkg.Scope().Insert(v)
	s.declare([]types.Object{v})
	if !st.opts.Scratch {
		s.outs = append(s.outs, name)
	}
	st.shown = &Display{Name: name, Type: typ}
	for i := range st.units {
		if st.units[i].stmt == st.last {
			st.units[i].stmt = &ast.AssignStmt{
				Lhs: []ast.Expr{ast.NewIdent(name)},
				Tok: token.DEFINE,
				Rhs: []ast.Expr{st.last.X},
			}
		}
	}
	return nil
}
