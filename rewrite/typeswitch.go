package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// typeSwitches lowers the type switches with an interface among their
// case types: the evaluator (yaegi v0.16.1) never matches such a case
// (`case error:` on an errors.New value runs the default), though its
// comma-ok assertion to an interface works. The cases are tested in order
// with comma-ok assertions, which pick the clause, and a switch on the
// clause's number runs it (break still leaves the switch):
//
//	switch v := x.(type) {        {
//	case int:                         igo_ts1 := x
//	    a(v)                          igo_k1 := 0
//	case error, nil:                  if igo_ts1 == nil { igo_k1 = 2 } else if _, ok := igo_ts1.(int); ok { igo_k1 = 1 } else if _, ok := igo_ts1.(error); ok { igo_k1 = 2 }
//	    b(v)              =>          switch igo_k1 {
//	default:                          case 1: v := igo_ts1.(int); _ = v; a(v)
//	    c()                           case 2: v := igo_ts1; _ = v; b(v)
//	}                                 default: c() }
//	                              }
//
// A case of an empty interface (any) matches any value but nil, as
// `igo_ts1 != nil` (the evaluator's assertion to an empty interface fails
// too). Type switches with concrete case types only are left alone, but
// for those that bind no variable and name a type of the program or a
// composite one (see hasInterfaceCase).
func (st *state) typeSwitches() error {
	st.applyUnits(nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.TypeSwitchStmt:
			if _, ok := c.Parent().(*ast.LabeledStmt); ok || !st.hasInterfaceCase(n) {
				return true // a labeled one is lowered with its label
			}
			c.Replace(st.lowerTypeSwitch(n))
		case *ast.LabeledStmt:
			sw, ok := n.Stmt.(*ast.TypeSwitchStmt)
			if !ok || !st.hasInterfaceCase(sw) {
				return true
			}
			// The label stays on the switch, for break L.
			b := st.lowerTypeSwitch(sw)
			last := len(b.List) - 1
			b.List[last] = &ast.LabeledStmt{Label: n.Label, Colon: n.Colon, Stmt: b.List[last]}
			c.Replace(b)
		}
		return true
	})
	return nil
}

// hasInterfaceCase reports whether a case of sw names an interface type,
// or, in a switch that binds no variable, a type that is not predeclared:
// without a variable, the evaluator matches a value's reflect type with
// the case's name, which only a predeclared type has (case S: never
// matches an S, a struct or any type the program declares).
func (st *state) hasInterfaceCase(sw *ast.TypeSwitchStmt) bool {
	_, bare := sw.Assign.(*ast.ExprStmt)
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			t := st.info.TypeOf(e)
			if t == nil || isTypeParam(t) || isNil(t) {
				continue
			}
			if _, basic := types.Unalias(t).(*types.Basic); types.IsInterface(t) || bare && !basic {
				return true
			}
		}
	}
	return false
}

func (st *state) lowerTypeSwitch(sw *ast.TypeSwitchStmt) *ast.BlockStmt {
	st.s.lits++
	n := st.s.lits
	ts := ast.NewIdent(fmt.Sprintf("igo_ts%d", n))
	k := ast.NewIdent(fmt.Sprintf("igo_k%d", n))
	var bind *ast.Ident
	var x ast.Expr
	switch a := sw.Assign.(type) {
	case *ast.AssignStmt:
		bind = a.Lhs[0].(*ast.Ident)
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	block := &ast.BlockStmt{Lbrace: sw.Pos(), Rbrace: sw.End()}
	if sw.Init != nil {
		block.List = append(block.List, sw.Init)
	}
	block.List = append(block.List,
		define(ts, x),
		define(k, zeroLit(sw.Pos())))
	// A nil value matches case nil alone; it is tested first, for the
	// evaluator fails asserting a nil interface of the program's own
	// (igo_ts1.(I) is a nil pointer dereference).
	chain := &ast.IfStmt{Cond: &ast.BinaryExpr{X: ts, Op: token.EQL, Y: ast.NewIdent("nil")}, Body: &ast.BlockStmt{}}
	last := chain
	body := &ast.BlockStmt{}
	for i, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		num := &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(i + 1)}
		for _, e := range cc.List {
			cond := &ast.IfStmt{Body: &ast.BlockStmt{List: []ast.Stmt{
				&ast.AssignStmt{Lhs: []ast.Expr{k}, Tok: token.ASSIGN, Rhs: []ast.Expr{num}},
			}}}
			t := st.info.TypeOf(e)
			switch {
			case t == nil || isNil(t):
				chain.Body = cond.Body
				continue
			case isEmptyInterface(t):
				cond.Cond = &ast.BinaryExpr{X: ts, Op: token.NEQ, Y: ast.NewIdent("nil")}
			default:
				ok := ast.NewIdent("ok")
				cond.Init = &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_"), ok}, Tok: token.DEFINE,
					Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ts, Type: e}}}
				cond.Cond = ok
			}
			last.Else = cond
			last = cond
		}
		clause := &ast.CaseClause{Case: cc.Case, Colon: cc.Colon}
		if cc.List != nil {
			clause.List = []ast.Expr{num}
		}
		if bind != nil {
			var val ast.Expr = ts
			if len(cc.List) == 1 {
				if t := st.info.TypeOf(cc.List[0]); t != nil && !isNil(t) {
					val = &ast.TypeAssertExpr{X: ts, Type: cc.List[0]}
					if isEmptyInterface(t) {
						val = &ast.CallExpr{Fun: cc.List[0], Args: []ast.Expr{ts}}
					}
				}
			}
			v := &ast.Ident{Name: bind.Name, NamePos: bind.NamePos}
			clause.Body = append(clause.Body, define(v, val),
				&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(bind.Name)}})
		}
		clause.Body = append(clause.Body, cc.Body...)
		body.List = append(body.List, clause)
	}
	block.List = append(block.List, chain)
	block.List = append(block.List, &ast.SwitchStmt{Switch: sw.Switch, Tag: k, Body: body})
	return block
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty() && !isTypeParam(t)
}
