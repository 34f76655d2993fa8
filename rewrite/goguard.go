package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// goGuard runs every goroutine the cell starts under the runtime's panic
// transport, so that a panic is reported instead of killing the process.
// The function and its arguments are evaluated where the go statement
// stands, as Go does:
//
//	go func() { ... }()  =>  { igo_g := func() { ... }; go autoawait.Go(igo_g) }
//	go f(x, 1)           =>  { igo_a0, igo_a1 := x, T(1); igo_g := func() { f(igo_a0, igo_a1) }; go autoawait.Go(igo_g) }
//
// A go statement of the cell's own code (not inside a function) starts its
// goroutine through the runtime, which joins it to the cell under the
// group runner:
//
//	go work()  =>  { igo_g := func() { work() }; autoawait.Start(igo_g) }
func (st *state) goGuard() error {
	for i := range st.units {
		u := &st.units[i]
		if g, ok := u.stmt.(*ast.GoStmt); ok {
			u.stmt = cellGo(st.guard(g))
			continue
		}
		funcs := 0 // function literals and declarations around the node
		astutil.Apply(u.node(), func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				funcs++
			case *ast.GoStmt:
				g := st.guard(n)
				if funcs == 0 {
					g = cellGo(g)
				}
				c.Replace(g)
				return false
			}
			return true
		}, func(c *astutil.Cursor) bool {
			switch c.Node().(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				funcs--
			}
			return true
		})
	}
	return nil
}

// cellGo turns a guarded go statement into autoawait.Start.
func cellGo(s ast.Stmt) ast.Stmt {
	start := func(g *ast.GoStmt) ast.Stmt {
		if sel, ok := g.Call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Go" {
			return &ast.ExprStmt{X: rtCall("Start", g.Call.Args...)}
		}
		return g
	}
	switch s := s.(type) {
	case *ast.GoStmt:
		return start(s)
	case *ast.BlockStmt:
		if g, ok := s.List[len(s.List)-1].(*ast.GoStmt); ok {
			s.List[len(s.List)-1] = start(g)
		}
	}
	return s
}

func (st *state) guard(g *ast.GoStmt) ast.Stmt {
	call := g.Call
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == "autoawait" && sel.Sel.Name == "Go" {
			return g // already guarded
		}
	}
	st.needRT = true
	// The literal is bound to a variable before it goes: the evaluator
	// makes a closure's copy of the variables it uses there, and would
	// otherwise let a later iteration's values show through.
	goRT := func(lit *ast.FuncLit, pre ...ast.Stmt) ast.Stmt {
		return &ast.BlockStmt{List: append(pre,
			&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("igo_g")}, Tok: token.DEFINE, Rhs: []ast.Expr{lit}},
			&ast.GoStmt{Go: g.Go, Call: &ast.CallExpr{
				Fun:  &ast.SelectorExpr{X: ast.NewIdent("autoawait"), Sel: ast.NewIdent("Go")},
				Args: []ast.Expr{ast.NewIdent("igo_g")},
			}})}
	}
	if lit, ok := call.Fun.(*ast.FuncLit); ok && len(call.Args) == 0 {
		return goRT(lit)
	}
	var lhs, rhs []ast.Expr
	fn := call.Fun
	if !st.isStatic(call.Fun) {
		fn = ast.NewIdent("igo_f")
		lhs, rhs = append(lhs, fn), append(rhs, call.Fun)
	}
	sig, _ := st.info.TypeOf(call.Fun).(*types.Signature)
	inner := &ast.CallExpr{Fun: fn, Ellipsis: call.Ellipsis}
	for i, a := range call.Args {
		tmp := ast.NewIdent(fmt.Sprintf("igo_a%d", i))
		lhs = append(lhs, tmp)
		rhs = append(rhs, st.typedArg(sig, i, call.Ellipsis.IsValid(), a))
		inner.Args = append(inner.Args, tmp)
	}
	body := &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: inner}}}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: body}
	if len(lhs) == 0 {
		return goRT(lit)
	}
	return goRT(lit, &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: rhs})
}

// isStatic reports whether fn names a function (not a value that could
// change before the goroutine runs): a declared func, a package's func, a
// builtin.
func (st *state) isStatic(fn ast.Expr) bool {
	var id *ast.Ident
	switch f := fn.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			if _, pkg := st.info.Uses[x].(*types.PkgName); pkg {
				id = f.Sel
			}
		}
	}
	if id == nil {
		return false
	}
	switch st.info.Uses[id].(type) {
	case *types.Func, *types.Builtin:
		return true
	}
	return false
}

// typedArg gives a constant or nil argument the type of its parameter, so
// that binding it to a temporary keeps the call's meaning.
func (st *state) typedArg(sig *types.Signature, i int, ellipsis bool, a ast.Expr) ast.Expr {
	tv := st.info.Types[a]
	if sig == nil || (tv.Value == nil && !tv.IsNil()) {
		return a
	}
	params := sig.Params()
	var t types.Type
	switch {
	case sig.Variadic() && i >= params.Len()-1:
		t = params.At(params.Len() - 1).Type()
		if !ellipsis {
			t = t.(*types.Slice).Elem()
		}
	case i < params.Len():
		t = params.At(i).Type()
	default:
		return a
	}
	if tv.IsNil() {
		return st.typedNil(t, a)
	}
	te := st.typeExpr(t)
	if te == nil {
		return a
	}
	return conversion(te, a)
}
