package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// ifaceEquals lowers the comparison of an interface with a value of a
// concrete type that has methods the program declares: the evaluator
// (yaegi v0.16.1) compares its wrapper of the interface's value, and finds
// them different (var s Shape = sq(2); s == sq(2) is false). The
// interface is equal when it holds the value's type and an equal value, as
// Go defines it; the operands are evaluated once, in order:
//
//	s == sq(2)  =>  func(igo_x interface{}, igo_y sq) bool { if igo_x == nil { return false }; igo_v, igo_ok := igo_x.(sq); return igo_ok && igo_v == igo_y }(s, sq(2))
//	s != t      =>  !func(...) bool { ... }(s, t)
//
// An operand that converts a concrete value to an interface (Shape(sq(2)))
// is that value. Two interfaces are compared as they are.
func (st *state) ifaceEquals() error {
	st.applyUnits(nil, func(c *astutil.Cursor) bool {
		b, ok := c.Node().(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL && b.Op != token.NEQ {
			return true
		}
		if e := st.ifaceEqual(b); e != nil {
			c.Replace(e)
		}
		return true
	})
	return nil
}

// ifaceEqual is the lowered comparison b, or nil.
func (st *state) ifaceEqual(b *ast.BinaryExpr) ast.Expr {
	return st.equalExpr(b.X, st.info.TypeOf(b.X), b.Y, st.info.TypeOf(b.Y), b.Op, b.Pos(), b.End())
}

// equalExpr is x op y (op == or !=) lowered, for x and y of types tx
// and ty, or nil.
func (st *state) equalExpr(x ast.Expr, tx types.Type, y ast.Expr, ty types.Type, op token.Token, pos, end token.Pos) ast.Expr {
	if tx == nil || ty == nil || isTypeParam(tx) || isTypeParam(ty) {
		return nil
	}
	if types.IsInterface(tx) && types.IsInterface(ty) {
		if v, t := st.convertedValue(y); v != nil {
			y, ty = v, t
		} else if v, t := st.convertedValue(x); v != nil {
			x, tx = v, t
		}
	}
	ifaceFirst := types.IsInterface(tx)
	conc := ty
	if !ifaceFirst {
		conc = tx
	}
	if types.IsInterface(tx) == types.IsInterface(ty) || !st.hasMethods(conc) {
		return nil
	}
	te := st.typeExpr(conc)
	if te == nil {
		return nil
	}
	te = placeAt(te, pos)
	id := func(name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }
	iface := &ast.Field{Names: []*ast.Ident{id("igo_x")}, Type: &ast.InterfaceType{Interface: pos, Methods: &ast.FieldList{Opening: pos, Closing: pos}}}
	value := &ast.Field{Names: []*ast.Ident{id("igo_y")}, Type: te}
	params := []*ast.Field{iface, value}
	if !ifaceFirst {
		params = []*ast.Field{value, iface}
	}
	// The evaluator fails asserting a nil interface (reflect: call of
	// reflect.Value.Type on zero Value): nil is tested first.
	isNil := &ast.IfStmt{If: pos, Cond: binary(id("igo_x"), token.EQL, id("nil")),
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{id("false")}}}, Rbrace: pos}}
	test := &ast.AssignStmt{
		Lhs: []ast.Expr{id("igo_v"), id("igo_ok")}, TokPos: pos, Tok: token.DEFINE,
		Rhs: []ast.Expr{&ast.TypeAssertExpr{X: id("igo_x"), Type: placeAt(st.typeExpr(conc), pos)}},
	}
	ret := &ast.ReturnStmt{Return: pos, Results: []ast.Expr{
		binary(id("igo_ok"), token.LAND, binary(id("igo_v"), token.EQL, id("igo_y"))),
	}}
	var e ast.Expr = &ast.CallExpr{
		Fun: &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{List: params},
				Results: &ast.FieldList{List: []*ast.Field{{Type: id("bool")}}}},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{isNil, test, ret}, Rbrace: pos},
		},
		Lparen: pos, Args: []ast.Expr{x, y}, Rparen: end,
	}
	if op == token.NEQ {
		e = &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: e}
	}
	return e
}

// hasMethods reports whether t is a concrete type with methods that the
// program declares (or a pointer to one): the evaluator (yaegi v0.16.1)
// keeps the methods of its values beside them, in a wrapper that its
// comparisons compare.
func (st *state) hasMethods(t types.Type) bool {
	if t == nil || types.IsInterface(t) {
		return false
	}
	named := t
	if p, ok := t.Underlying().(*types.Pointer); ok && !isNamed(t) {
		named = p.Elem()
	}
	n, ok := types.Unalias(named).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != st.s.pkg.Path() {
		return false
	}
	return types.NewMethodSet(t).Len() > 0
}

func isNamed(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Named)
	return ok
}
