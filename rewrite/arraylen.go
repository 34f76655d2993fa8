package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// arrayLen writes len and cap of a pointer to an array as the array's
// length. For Go they are constants and the pointer is not even
// evaluated; the evaluator (yaegi v0.16.1) evaluates them through the
// pointer, which fails when it is nil ("reflect: call of
// reflect.Value.Len on zero Value"):
//
//	var p *[16]byte; n := len(p)  =>  var p *[16]byte; n := int(16)
//
// The constant is written as int(16), typed as the call is (len(p)/2.0
// is 8, an int); a variable that the calls alone use is used in a
// literal that returns the length, for Go to find it used:
//
//	var p *[16]byte; fmt.Println(len(p))  =>  ...; fmt.Println(func() int { _ = p; return 16 }())
//
// A call that is not constant (len(f()) calls f) is left alone, as is
// every call when the program declares a name int.
func (st *state) arrayLen() error {
	// The calls to write, and how many uses of each variable they hold:
	// a variable used in them only is still used, in a literal that
	// returns the length.
	var calls []*ast.CallExpr
	held := map[types.Object]int{}
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if name := st.builtinName(call); name != "len" && name != "cap" {
				return true
			}
			if st.info.Types[call].Value == nil || !isArrayPointer(st.info.TypeOf(call.Args[0])) {
				return true
			}
			calls = append(calls, call)
			ast.Inspect(call.Args[0], func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := st.info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() {
						held[v]++ // a local variable, which Go wants used
					}
				}
				return true
			})
			return true
		})
	}
	if len(calls) == 0 || st.s.Lookup("int") != nil {
		return nil
	}
	for _, o := range st.info.Defs {
		if o != nil && o.Name() == "int" {
			return nil
		}
	}
	for _, o := range st.info.Uses {
		if _, ok := held[o]; ok {
			held[o]-- // 0 once every use is counted: the calls hold them all
		}
	}
	lens := map[*ast.CallExpr]ast.Expr{}
	for _, call := range calls {
		n := &ast.BasicLit{ValuePos: call.Lparen + 1, Kind: token.INT, Value: st.info.Types[call].Value.ExactString()}
		var vars []ast.Expr
		ast.Inspect(call.Args[0], func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && st.onlyHeld(held, st.info.Uses[id]) {
				vars = append(vars, ast.NewIdent(id.Name))
			}
			return true
		})
		if len(vars) == 0 {
			lens[call] = &ast.CallExpr{Fun: &ast.Ident{NamePos: call.Pos(), Name: "int"}, Lparen: call.Lparen, Args: []ast.Expr{n}, Rparen: call.Rparen}
			continue
		}
		// func() int { _ = p; return 16 }()
		blank := make([]ast.Expr, len(vars))
		for i := range blank {
			blank[i] = ast.NewIdent("_")
		}
		lens[call] = &ast.CallExpr{Fun: &ast.FuncLit{
			Type: &ast.FuncType{Func: call.Pos(), Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("int")}}}},
			Body: &ast.BlockStmt{List: []ast.Stmt{
				&ast.AssignStmt{Lhs: blank, Tok: token.ASSIGN, Rhs: vars},
				&ast.ReturnStmt{Results: []ast.Expr{n}},
			}},
		}}
	}
	for i := range st.units {
		u := &st.units[i]
		astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			if call, ok := c.Node().(*ast.CallExpr); ok && lens[call] != nil {
				c.Replace(lens[call])
			}
			return true
		})
	}
	return nil
}

// onlyHeld reports whether o is a variable whose uses are all in the
// calls counted in held.
func (st *state) onlyHeld(held map[types.Object]int, o types.Object) bool {
	n, ok := held[o]
	return ok && n == 0
}

// isArrayPointer reports whether t is a pointer to an array.
func isArrayPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Array)
	return ok
}
