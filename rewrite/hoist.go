package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// hoist moves the cell's type, const and func declarations ahead of its
// statements, as Go orders a package: a cell may call a function it
// declares further down. A declaration that uses a variable of the cell
// (directly or through another declaration) stays where it is, after the
// statement that defines the variable.
//
//	x := f(); func f() int { return 3 }  =>  func f() int { return 3 }; x := f()
func (st *state) hoist() error {
	uses := map[int][]string{} // unit -> cell names it uses
	kind := map[string]bool{}  // cell name -> is a variable
	declaredBy := map[string]int{}
	scope := st.s.pkg.Scope()
	for i, u := range st.units {
		for _, n := range unitNames(u) {
			declaredBy[n] = i
			_, isVar := scope.Lookup(n).(*types.Var)
			kind[n] = isVar
		}
	}
	movable := map[int]bool{}
	for i, u := range st.units {
		if !hoistable(u) {
			continue
		}
		movable[i] = true
		seen := map[string]bool{}
		ast.Inspect(u.node(), func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if o := st.info.Uses[id]; o != nil && o.Parent() == scope && !seen[o.Name()] {
				if _, mine := declaredBy[o.Name()]; mine {
					seen[o.Name()] = true
					uses[i] = append(uses[i], o.Name())
				}
			}
			return true
		})
	}
	// A declaration moves only if everything of the cell it uses moves.
	for changed := true; changed; {
		changed = false
		for i := range movable {
			for _, n := range uses[i] {
				if j := declaredBy[n]; kind[n] || !movable[j] && j != i {
					delete(movable, i)
					changed = true
					break
				}
			}
		}
	}
	if len(movable) == 0 {
		return nil
	}
	units := make([]unit, 0, len(st.units))
	for i, u := range st.units {
		if movable[i] {
			units = append(units, u)
		}
	}
	for i, u := range st.units {
		if !movable[i] {
			units = append(units, u)
		}
	}
	st.units = units
	return nil
}

func hoistable(u unit) bool {
	switch d := u.decl.(type) {
	case *ast.FuncDecl:
		return true
	case *ast.GenDecl:
		return d.Tok == token.TYPE || d.Tok == token.CONST
	}
	return false
}
