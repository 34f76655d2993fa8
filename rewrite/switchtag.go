package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// switchTags lowers the expression switches the evaluator (yaegi v0.16.1)
// gets wrong.
//
// A switch on an interface with a case of another type, or on a value
// with a case of interface type, converts the switch's value to the
// case's type ("reflect.Value.Convert: value of type interface {} cannot
// be converted to type int"). The switch's value goes to a hidden
// variable that each case compares, as Go compares them:
//
//	switch x {             =>  switch igo_sw1 := x; {
//	case 1, t:                 case igo_sw1 == 1 || igo_sw1 == t:
//
// (An init statement moves to a block around the switch, with its label
// if it has one.)
//
// A switch without a value runs a case of several conditions on the first
// alone. They become one condition, which evaluates them in order until
// one holds, as the case does:
//
//	case x < 0, x > 9:  =>  case x < 0 || x > 9:
//
// The comparisons are typed for the passes after this one (ifaceeq).
func (st *state) switchTags() error {
	st.applyUnits(nil, func(c *astutil.Cursor) bool {
		var sw *ast.SwitchStmt
		label, _ := c.Node().(*ast.LabeledStmt)
		if label != nil {
			sw, _ = label.Stmt.(*ast.SwitchStmt)
		} else if _, ok := c.Parent().(*ast.LabeledStmt); !ok {
			sw, _ = c.Node().(*ast.SwitchStmt)
		}
		if sw == nil || st.holdsAwait(sw) {
			return true // the await pass lowers what it holds
		}
		init := st.switchOnTag(sw)
		st.joinConds(sw)
		if init == nil {
			return true
		}
		var s ast.Stmt = sw
		if label != nil {
			s = label
		}
		c.Replace(&ast.BlockStmt{Lbrace: s.Pos(), List: []ast.Stmt{init, s}, Rbrace: s.End()})
		return true
	})
	return nil
}

// switchOnTag makes sw a switch without a value when its value or a case
// is an interface and the other is not; it returns sw's init statement,
// which then runs before sw, or nil.
func (st *state) switchOnTag(sw *ast.SwitchStmt) ast.Stmt {
	if sw.Tag == nil {
		return nil
	}
	tag := st.info.TypeOf(sw.Tag)
	if tag == nil || isTypeParam(tag) {
		return nil
	}
	tv := st.info.Types[sw.Tag]
	if tv.Value != nil || isUntyped(tag) {
		return nil
	}
	mixed := false
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			t := st.info.TypeOf(e)
			if t == nil || isTypeParam(t) {
				return nil
			}
			if !isNil(t) && types.IsInterface(t) != types.IsInterface(tag) {
				mixed = true
			}
		}
	}
	if !mixed {
		return nil
	}
	st.s.lits++
	name := fmt.Sprintf("igo_sw%d", st.s.lits)
	ident := func(at token.Pos) *ast.Ident {
		id := &ast.Ident{NamePos: at, Name: name}
		st.info.Types[id] = types.TypeAndValue{Type: tag}
		return id
	}
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		for i, e := range cc.List {
			cmp := &ast.BinaryExpr{X: ident(e.Pos()), OpPos: e.Pos(), Op: token.EQL, Y: e}
			st.info.Types[cmp] = types.TypeAndValue{Type: types.Typ[types.UntypedBool]}
			cc.List[i] = cmp
		}
	}
	init := sw.Init
	sw.Init = define(ident(sw.Tag.Pos()), sw.Tag)
	sw.Tag = nil
	return init
}

// joinConds writes each case of several conditions of a switch without
// a value as one condition.
func (st *state) joinConds(sw *ast.SwitchStmt) {
	if sw.Tag != nil {
		return
	}
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if len(cc.List) < 2 || !st.oneBoolType(cc.List) {
			continue
		}
		cond := cc.List[0]
		for _, e := range cc.List[1:] {
			or := &ast.BinaryExpr{X: cond, OpPos: e.Pos(), Op: token.LOR, Y: e}
			st.info.Types[or] = types.TypeAndValue{Type: st.info.TypeOf(cond)}
			cond = or
		}
		cc.List = []ast.Expr{cond}
	}
}

// oneBoolType reports whether the conditions can be joined with ||: they
// are of one boolean type, or untyped.
func (st *state) oneBoolType(conds []ast.Expr) bool {
	var typ types.Type
	for _, e := range conds {
		t := st.info.TypeOf(e)
		if t == nil {
			return false
		}
		if isUntyped(t) {
			continue
		}
		if typ != nil && !types.Identical(typ, t) {
			return false
		}
		typ = t
	}
	return true
}
