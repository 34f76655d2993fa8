package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"unicode/utf8"

	"golang.org/x/tools/go/ast/astutil"
)

// minMax lowers the builtins min and max (Go 1.21), which the evaluator
// (yaegi v0.16.1) lacks. A constant call is its value, written as the
// argument that has it. Any other call calls a function whose parameters
// have the call's type, so that the arguments are evaluated once and in
// order, as for the builtin: on integers and strings, a function the cell
// declares, one per builtin, type and number of arguments; on floats, a
// function literal called in place:
//
//	min(3, 1)              =>  1
//	const c = max(1.5, 2)  =>  const c = 2.0
//	min(a, b, c)           =>  func igo_min1(x0, x1, x2 int) int { if x1 < x0 { x0 = x1 }; if x2 < x0 { x0 = x2 }; return x0 }; igo_min1(a, b, c)
//	max(f, g)              =>  func(x0, x1 float64) float64 { if x1 != x1 || x1 > x0 || x1 == x0 && 1/x1 > 0 { x0 = x1 }; return x0 }(f, g)
//
// Floats keep the meaning the spec gives them: a NaN argument makes the
// result NaN (x != x holds for NaN only, and a NaN result is never
// replaced, as no comparison with NaN is true), and min(-0.0, 0.0) is -0.0,
// max of them 0.0 (the zeros are equal; 1/x is -Inf for -0.0 only).
//
// A declared function, because the evaluator calls one about four times
// faster than a literal called in place; but not for floats, because it
// passes -0.0 to a declared function as 0.0 (it skips copying an argument
// that reflect.Value.IsZero reports, which since Go 1.22 includes -0.0),
// and not for a type declared in a function, which the top level cannot
// name. The function is interpreted, not a helper compiled into the
// evaluator: a compiled one could not be generic (yaegi cannot call
// generic code), one per type would miss the named types of cells
// (Celsius), and the checker would have to know its package.
//
// minmax runs after await and goguard, which read the cell's units by
// index: the declarations it adds are units of their own, before the unit
// that calls them.
func (st *state) minMax() error {
	helpers := map[string]string{} // "min int 2" -> igo_min1, declared by this cell
	var units []unit
	for _, u := range st.units {
		astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			call, ok := c.Node().(*ast.CallExpr)
			if !ok {
				return true
			}
			name := st.builtinName(call)
			if name != "min" && name != "max" {
				return true
			}
			tv := st.info.Types[call]
			var e ast.Expr
			switch {
			case tv.Value != nil:
				e = st.constMinMax(call, tv)
			case len(call.Args) == 1:
				e = call.Args[0] // min(x)  =>  x
			case tv.Type == nil || isTypeParam(tv.Type):
			case isFloat(tv.Type) || isLocal(tv.Type):
				if lit := st.minMaxFunc(name, types.Default(tv.Type), len(call.Args)); lit != nil {
					e = &ast.CallExpr{Fun: lit, Args: call.Args}
				}
			default:
				t := types.Default(tv.Type)
				key := fmt.Sprintf("%s %s %d", name, types.TypeString(t, nil), len(call.Args))
				fn, ok := helpers[key]
				if !ok {
					lit := st.minMaxFunc(name, t, len(call.Args))
					if lit == nil {
						break
					}
					st.s.lits++
					fn = fmt.Sprintf("igo_%s%d", name, st.s.lits)
					helpers[key] = fn
					decl := &ast.FuncDecl{Name: ast.NewIdent(fn), Type: lit.Type, Body: lit.Body}
					units = append(units, unit{decl: decl, file: u.file, base: u.base})
				}
				e = &ast.CallExpr{Fun: ast.NewIdent(fn), Args: call.Args}
			}
			if e != nil {
				st.info.Types[e] = tv
				c.Replace(e)
			}
			return true
		})
		units = append(units, u)
	}
	st.units = units
	return nil
}

// isLocal reports whether t is a type declared in a function, which a
// declaration at the top level cannot name.
func isLocal(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	o := n.Obj()
	return o.Pkg() != nil && o.Parent() != nil && o.Parent() != o.Pkg().Scope()
}

// builtinName is the name of the builtin call calls, or "".
func (st *state) builtinName(call *ast.CallExpr) string {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return ""
	}
	if b, ok := st.info.Uses[id].(*types.Builtin); ok {
		return b.Name()
	}
	return ""
}

// constMinMax writes the value of a constant call: the argument holding
// it, converted or rewritten when its kind or type, as written, is not the
// call's (the checker records a constant argument with the type the call
// gave it, not the one its text has).
//
//	min(3, 1)     =>  1
//	max('a', 100) =>  int32(100)   (r := max('a', 100): a rune)
//	max(1.5, 2)   =>  2.0          (const c = max(1.5, 2): untyped float)
func (st *state) constMinMax(call *ast.CallExpr, tv types.TypeAndValue) ast.Expr {
	for _, a := range call.Args {
		atv := st.info.Types[a]
		if atv.Value == nil || !constant.Compare(atv.Value, token.EQL, tv.Value) {
			continue
		}
		written := st.writtenType(a)
		if !isUntyped(tv.Type) {
			if written != nil && types.Identical(types.Default(written), tv.Type) {
				return a
			}
			te := st.typeExpr(tv.Type)
			if te == nil {
				return nil
			}
			return conversion(te, a)
		}
		switch tv.Type.(*types.Basic).Kind() {
		case types.UntypedRune:
			if written != nil && types.Identical(written, tv.Type) {
				return a
			}
		case types.UntypedFloat:
			if written != nil && types.Identical(written, tv.Type) || constant.ToInt(tv.Value).Kind() != constant.Int {
				return a // not an integer: written as a float
			}
		default: // strings, integers: every argument has the call's kind
			return a
		}
		return untypedLit(tv)
	}
	return nil
}

// writtenType is the type of a constant as its text gives it, before a
// context converts it (an untyped type for an untyped constant), or nil
// when it takes more than a look at the text.
func (st *state) writtenType(e ast.Expr) types.Type {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			return types.Typ[types.UntypedInt]
		case token.FLOAT:
			return types.Typ[types.UntypedFloat]
		case token.CHAR:
			return types.Typ[types.UntypedRune]
		case token.STRING:
			return types.Typ[types.UntypedString]
		}
	case *ast.Ident:
		if c, ok := st.info.Uses[e].(*types.Const); ok {
			return c.Type()
		}
	case *ast.SelectorExpr:
		if c, ok := st.info.Uses[e.Sel].(*types.Const); ok {
			return c.Type()
		}
	}
	return nil
}

// untypedLit writes an integer constant as an untyped float or rune.
//
//	2 => 2.0    100 => 'd'    -1 => ('\x00' + -1)
func untypedLit(tv types.TypeAndValue) ast.Expr {
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return nil
	}
	switch tv.Type.(*types.Basic).Kind() {
	case types.UntypedFloat:
		abs := constant.UnaryOp(token.SUB, v, 0)
		if constant.Sign(v) >= 0 {
			return &ast.BasicLit{Kind: token.FLOAT, Value: v.ExactString() + ".0"}
		}
		return &ast.ParenExpr{X: &ast.UnaryExpr{Op: token.SUB, X: &ast.BasicLit{Kind: token.FLOAT, Value: abs.ExactString() + ".0"}}}
	case types.UntypedRune:
		if r, ok := constant.Int64Val(v); ok && r >= 0 && r <= utf8.MaxRune && utf8.ValidRune(rune(r)) {
			return &ast.BasicLit{Kind: token.CHAR, Value: strconv.QuoteRune(rune(r))}
		}
		return &ast.ParenExpr{X: &ast.BinaryExpr{
			X: &ast.BasicLit{Kind: token.CHAR, Value: `'\x00'`}, Op: token.ADD,
			Y: &ast.BasicLit{Kind: token.INT, Value: v.ExactString()},
		}}
	}
	return nil
}

// minMaxFunc is the function that computes min or max of n values of type
// t:
//
//	func(x0, x1, x2 int) int { if x1 < x0 { x0 = x1 }; if x2 < x0 { x0 = x2 }; return x0 }
func (st *state) minMaxFunc(name string, t types.Type, n int) *ast.FuncLit {
	te := st.typeExpr(t)
	if te == nil {
		return nil
	}
	x := func(i int) *ast.Ident { return ast.NewIdent(fmt.Sprintf("x%d", i)) }
	op := token.LSS
	if name == "max" {
		op = token.GTR
	}
	params := &ast.Field{Type: te}
	result := st.typeExpr(t) // not te again: a node appears once in a tree
	var body []ast.Stmt
	for i := range n {
		params.Names = append(params.Names, x(i))
		if i == 0 {
			continue
		}
		// min: x1 < x0  =>  x0 = x1
		var cond ast.Expr = &ast.BinaryExpr{X: x(i), Op: op, Y: x(0)}
		if isFloat(t) {
			// min: x1 != x1 || x1 < x0 || x1 == x0 && 1/x1 < 0  =>  x0 = x1
			one := &ast.BasicLit{Kind: token.INT, Value: "1"}
			cond = &ast.BinaryExpr{
				X:  &ast.BinaryExpr{X: &ast.BinaryExpr{X: x(i), Op: token.NEQ, Y: x(i)}, Op: token.LOR, Y: cond},
				Op: token.LOR,
				Y: &ast.BinaryExpr{
					X:  &ast.BinaryExpr{X: x(i), Op: token.EQL, Y: x(0)},
					Op: token.LAND,
					Y:  &ast.BinaryExpr{X: &ast.BinaryExpr{X: one, Op: token.QUO, Y: x(i)}, Op: op, Y: zeroLit(token.NoPos)},
				},
			}
		}
		body = append(body, &ast.IfStmt{Cond: cond, Body: &ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{x(0)}, Tok: token.ASSIGN, Rhs: []ast.Expr{x(i)}},
		}}})
	}
	body = append(body, &ast.ReturnStmt{Results: []ast.Expr{x(0)}})
	return &ast.FuncLit{
		Type: &ast.FuncType{
			Params:  &ast.FieldList{List: []*ast.Field{params}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: result}}},
		},
		Body: &ast.BlockStmt{List: body},
	}
}

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}
