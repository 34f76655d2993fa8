package rewrite

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// ifaceAsserts asserts a value of an empty interface to an interface the
// program declares through autoawait.Any, which hands the value back from
// compiled code: the evaluator (yaegi v0.16.1) fails the assertion of its
// own values ("reflect.Set: value of type interface {} is not assignable
// to type interp.valueInterface"), and runs it on those of compiled code.
//
//	s := x.(Shape)                     =>  s := autoawait.Any(x).(Shape)
//	switch v := x.(type) { case Shape  =>  switch v := autoawait.Any(x).(type) { case Shape
//
// A comma-ok assertion whose value is dropped (_, ok := x.(Shape)) runs,
// and stays; so do the type switches that bind no variable. A type switch
// is lowered when its operand is of type any (or interface{}), and so
// keeps its type. A value the evaluator stored in the interface without
// its methods (returned as an any, or a composite literal in a var
// declaration) fails here: rawassert, next, finds its type when the
// program has one struct type it can be. (Storing it through a composite
// literal ([]any{v}[0]) would keep the methods, but the evaluator then
// hands compiled code, fmt.Println for one, its wrapper.)
func (st *state) ifaceAsserts() error {
	for i := range st.units {
		u := &st.units[i]
		// Variables that hold what autoawait.Any returned (a lowered
		// type switch's) are handed back already.
		handed := map[types.Object]bool{}
		ast.Inspect(u.node(), func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && isAnyCall(as.Rhs[0]) {
				if id, ok := as.Lhs[0].(*ast.Ident); ok && st.info.Defs[id] != nil {
					handed[st.info.Defs[id]] = true
				}
			}
			return true
		})
		fromEmpty := func(x ast.Expr) bool {
			if id, ok := ast.Unparen(x).(*ast.Ident); ok && handed[st.info.Uses[id]] {
				return false
			}
			return st.fromEmpty(x)
		}
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.TypeAssertExpr:
				if n.Type == nil || !fromEmpty(n.X) || !st.programInterface(st.info.TypeOf(n.Type)) {
					return true
				}
				if as, ok := c.Parent().(*ast.AssignStmt); ok && len(as.Lhs) == 2 && isBlank(as.Lhs[0]) {
					return true // _, ok := x.(I)
				}
				if vs, ok := c.Parent().(*ast.ValueSpec); ok && len(vs.Names) == 2 && vs.Names[0].Name == "_" {
					return true
				}
				n.X = st.viaCompiled(n.X)
			case *ast.TypeSwitchStmt:
				as, ok := n.Assign.(*ast.AssignStmt)
				if !ok {
					return true
				}
				ta := as.Rhs[0].(*ast.TypeAssertExpr)
				t := st.info.TypeOf(ta.X)
				if t == nil || !fromEmpty(ta.X) || isNamed(t) {
					return true
				}
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						if st.programInterface(st.info.TypeOf(e)) {
							ta.X = st.viaCompiled(ta.X)
							return true
						}
					}
				}
			}
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

// fromEmpty reports whether x is of an empty interface type and not
// already handed back by autoawait.Any.
func (st *state) fromEmpty(x ast.Expr) bool {
	if isAnyCall(x) {
		return false
	}
	t := st.info.TypeOf(x)
	return t != nil && isEmptyInterface(t)
}

// isAnyCall reports whether x is a call of autoawait.Any.
func isAnyCall(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	s, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != "Any" {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == "autoawait"
}

// programInterface reports whether t is an interface with methods that
// the program declares, or an interface type literal.
func (st *state) programInterface(t types.Type) bool {
	if t == nil || isTypeParam(t) {
		return false
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.Empty() {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return !ok || n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == st.s.pkg.Path()
}

// viaCompiled is autoawait.Any(x); a call is parenthesized, as the
// evaluator passes the value a call returns to compiled code bare.
func (st *state) viaCompiled(x ast.Expr) ast.Expr {
	st.needRT = true
	if _, ok := x.(*ast.CallExpr); ok {
		x = &ast.ParenExpr{Lparen: x.Pos(), X: x, Rparen: x.End()}
	}
	return &ast.CallExpr{Fun: rtSel("Any"), Lparen: x.Pos(), Args: []ast.Expr{x}, Rparen: x.End()}
}
