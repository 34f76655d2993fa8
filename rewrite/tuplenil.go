package rewrite

import (
	"go/ast"
	"go/parser"
	"go/types"
)

// tupleNil gives a bare nil in a tuple assignment the type of its
// destination; the evaluator cannot assign an untyped nil there.
//
//	n, err = 41, nil  =>  n, err = 41, error(nil)
func (st *state) tupleNil() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) > 1 && len(n.Lhs) == len(n.Rhs) {
					for i, r := range n.Rhs {
						if st.info.Types[r].IsNil() {
							n.Rhs[i] = st.typedNil(st.info.TypeOf(n.Lhs[i]), r)
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) > 1 && len(n.Names) == len(n.Values) {
					for i, r := range n.Values {
						if st.info.Types[r].IsNil() {
							n.Values[i] = st.typedNil(st.info.TypeOf(n.Names[i]), r)
						}
					}
				}
			}
			return true
		})
	}
	return nil
}

// typedNil is T(nil), or the expression itself when T cannot be written.
func (st *state) typedNil(t types.Type, orig ast.Expr) ast.Expr {
	if t == nil {
		return orig
	}
	te := st.typeExpr(t)
	if te == nil {
		return orig
	}
	return conversion(te, orig)
}

// conversion writes T(x), with parentheses where T needs them: (*T)(x).
func conversion(t, x ast.Expr) ast.Expr {
	switch t.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.ArrayType, *ast.MapType:
	default:
		t = &ast.ParenExpr{X: t}
	}
	return &ast.CallExpr{Fun: t, Args: []ast.Expr{x}}
}

// typeExpr writes t as Go for the evaluator, importing the packages it
// names when the session lacks them.
func (st *state) typeExpr(t types.Type) ast.Expr {
	ok := true
	src := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == st.s.pkg.Path() {
			return ""
		}
		for n, path := range st.s.imports {
			if path == p.Path() {
				return n
			}
		}
		for n, path := range st.evalImp {
			if path == p.Path() {
				return n
			}
		}
		if st.s.Lookup(p.Name()) != nil || st.declared[p.Name()] {
			ok = false
			return p.Name()
		}
		st.evalImp[p.Name()] = p.Path()
		st.s.imports[p.Name()] = p.Path()
		return p.Name()
	})
	if !ok {
		return nil
	}
	e, err := parser.ParseExpr(src)
	if err != nil {
		return nil
	}
	return e
}
