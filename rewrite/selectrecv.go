package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// selectRecv lowers the receive cases of a select statement that the
// evaluator (yaegi v0.16.1) gets wrong.
//
// A case that assigns what it receives to variables that exist fails
// ("reflect.Select: invalid Dir"), though one that defines new variables
// runs. The case defines hidden variables and its body starts by
// assigning them:
//
//	case v, ok = <-c:  =>  case igo_sv1, igo_sok1 := <-c:
//	                           v = igo_sv1
//	                           ok = igo_sok1
//
// Go evaluates the left-hand side only once the case is chosen, as the
// lowered case does. The assignments are one by one when the left-hand
// side is variables, and one tuple assignment otherwise (a[i], i = ...
// indexes a with the i of before).
//
// A case that receives a value and ok from a channel that is not a
// variable (<-r.values, <-f()) ends the function in silence. The select
// runs in a block that first evaluates the channels and the values sent
// of all its cases, in order, as Go does on entering a select:
//
//	select {                          {
//	case <-ctx.Done():                    igo_sc1_1 := ctx.Done()
//	case x, ok := <-r.values:    =>       igo_sc1_2 := r.values
//	}                                     select { case <-igo_sc1_1: ... case x, ok := <-igo_sc1_2: ... }
//	                                  }
func (st *state) selectRecv() error {
	st.applyUnits(nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.CommClause:
			as, ok := n.Comm.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 || st.holdsAwait(as) {
				return true
			}
			if pre := st.selectAssign(as); pre != nil {
				as.Tok = token.DEFINE
				n.Body = append(pre, n.Body...)
			}
		case *ast.SelectStmt:
			if _, ok := c.Parent().(*ast.LabeledStmt); ok || st.holdsAwait(n) {
				return true // lowered with its label
			}
			if b := st.selectOperands(n, n); b != nil {
				c.Replace(b)
			}
		case *ast.LabeledStmt:
			if sel, ok := n.Stmt.(*ast.SelectStmt); ok && !st.holdsAwait(sel) {
				// The label stays on the select, for break L.
				if b := st.selectOperands(sel, n); b != nil {
					c.Replace(b)
				}
			}
		}
		return true
	})
	return nil
}

// selectAssign makes the receive as define hidden variables, and returns
// the statements that assign them to as's left-hand side; nil leaves as
// as it is.
func (st *state) selectAssign(as *ast.AssignStmt) []ast.Stmt {
	named := false
	for _, l := range as.Lhs {
		named = named || !isBlank(l)
	}
	if !named {
		return nil
	}
	// The types of the value and ok, for the passes after this one (box).
	elem := []types.Type{nil, types.Typ[types.Bool]}
	switch t := st.info.TypeOf(as.Rhs[0]).(type) {
	case *types.Tuple:
		elem[0] = t.At(0).Type()
	default:
		elem[0] = t
	}
	tmps := make([]ast.Expr, len(as.Lhs))
	vals := make([]ast.Expr, len(as.Lhs))
	st.s.lits++
	for i, l := range as.Lhs {
		tmps[i] = ast.NewIdent(fmt.Sprintf("igo_s%s%d", []string{"v", "ok"}[i], st.s.lits))
		if elem[i] != nil {
			st.info.Types[tmps[i]] = types.TypeAndValue{Type: elem[i]}
		}
		vals[i] = tmps[i]
		if isBlank(l) {
			tmps[i] = ast.NewIdent("_")
			continue
		}
		if i == 1 {
			// ok is a bool; the variable may be of another boolean type.
			t := st.info.TypeOf(l)
			if t == nil {
				return nil
			}
			if !types.AssignableTo(types.Typ[types.Bool], t) {
				te := st.typeExpr(t)
				if te == nil {
					return nil
				}
				vals[i] = conversion(te, tmps[i])
			}
		}
	}
	lhs := as.Lhs
	as.Lhs = tmps
	simple := true
	for _, l := range lhs {
		if _, ok := l.(*ast.Ident); !ok {
			simple = false
		}
	}
	if !simple {
		return []ast.Stmt{&ast.AssignStmt{Lhs: lhs, TokPos: as.TokPos, Tok: token.ASSIGN, Rhs: vals}}
	}
	var pre []ast.Stmt
	for i, l := range lhs {
		if !isBlank(l) {
			pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{l}, TokPos: as.TokPos, Tok: token.ASSIGN, Rhs: []ast.Expr{vals[i]}})
		}
	}
	return pre
}

// selectOperands returns a block that evaluates the operands of sel's
// cases and then runs stmt (sel, or its label) on them, when a case
// receives a value and ok from a channel that is not a variable; nil
// otherwise.
func (st *state) selectOperands(sel *ast.SelectStmt, stmt ast.Stmt) *ast.BlockStmt {
	need := false
	for _, s := range sel.Body.List {
		if as, ok := s.(*ast.CommClause).Comm.(*ast.AssignStmt); ok && len(as.Lhs) == 2 {
			if recv, ok := as.Rhs[0].(*ast.UnaryExpr); ok {
				_, isVar := recv.X.(*ast.Ident)
				need = need || !isVar
			}
		}
	}
	if !need {
		return nil
	}
	st.s.lits++
	b := &ast.BlockStmt{Lbrace: stmt.Pos(), Rbrace: stmt.End()}
	k := 0
	hoist := func(e *ast.Expr) {
		if tv := st.info.Types[*e]; tv.Value != nil || tv.IsNil() || tv.Type == nil || isUntyped(tv.Type) {
			return // a constant, or a comparison sent as a boolean type of its own
		}
		k++
		tmp := ast.NewIdent(fmt.Sprintf("igo_sc%d_%d", st.s.lits, k))
		b.List = append(b.List, define(tmp, *e))
		*e = tmp
	}
	for _, s := range sel.Body.List {
		switch comm := s.(*ast.CommClause).Comm.(type) {
		case *ast.SendStmt:
			hoist(&comm.Chan)
			hoist(&comm.Value)
		case *ast.ExprStmt:
			if recv, ok := ast.Unparen(comm.X).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
				hoist(&recv.X)
			}
		case *ast.AssignStmt:
			if recv, ok := ast.Unparen(comm.Rhs[0]).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
				hoist(&recv.X)
			}
		}
	}
	b.List = append(b.List, stmt)
	return b
}
