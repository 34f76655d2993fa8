package rewrite

import (
	"fmt"

	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/astutil"
	"strconv"
)

// lowerAwaits turns each await into calls of the runtime, from the kind
// the checker settled. The task runs the call only; its arguments are
// evaluated first, where the await stands. A non-nil error the caller
// would not receive stops the cell, with the await's position:
//
//	await ch            =>  <-ch
//	x := await f(a)     =>  x := func() T { var r T; autoawait.Check(autoawait.Do(func() (e error) { r, e = f(a); return }), "In[1]:1:6: await f(a)"); return r }()
//	r, err = await f(k) =>  autoawait.Check(autoawait.Do(func() error { r, err = f(k); return nil }), "...")
//	await &wg           =>  autoawait.Check(autoawait.Do(func() error { (&wg).Wait(); return nil }), "...")
//	await ctx           =>  autoawait.Check(autoawait.Wait(ctx.Done()), "...")
func (st *state) lowerAwaits() error {
	for _, s := range st.awaits {
		s.where = st.where(s)
		switch s.kind {
		case awRecv:
			st.replace(s, s.u)
			continue
		case awExpr:
			st.replace(s, s.x)
			continue
		}
		st.needRT = true
		switch s.kind {
		case awCall:
			if st.lowerAssign(s) {
				continue
			}
			st.replace(s, st.lowerCall(s))
		case awWait:
			recv := s.x
			if s.waitPtr {
				recv = &ast.UnaryExpr{Op: token.AND, X: s.x}
			}
			call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: recv, Sel: ast.NewIdent("Wait")}}
			body := []ast.Stmt{&ast.ExprStmt{X: call}, returnNil()}
			if s.waitErr {
				body = []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{call}}}
			}
			st.replace(s, st.checked(s, doTask(body, false)))
		case awDone:
			done := &ast.CallExpr{Fun: &ast.SelectorExpr{X: s.x, Sel: ast.NewIdent("Done")}}
			st.replace(s, st.checked(s, rtCall("Wait", done)))
		}
	}
	return nil
}

// where is the text an await's error starts with: "In[4]:1:9: await f(x)".
func (st *state) where(s *awaitSite) string {
	p := st.s.fset.Position(s.u.OpPos)
	return fmt.Sprintf("%s:%d:%d: await %s", p.Filename, p.Line, p.Column, types.ExprString(s.x))
}

// checked wraps err in autoawait.Check(err, where); a task,
// autoawait.Do(f), becomes autoawait.Await(f, where).
func (st *state) checked(s *awaitSite, err ast.Expr) ast.Expr {
	where := &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(s.where)}
	if c, ok := err.(*ast.CallExpr); ok {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Do" {
			return rtCall("Await", c.Args[0], where)
		}
	}
	return rtCall("Check", err, where)
}

// lowerAssign lowers `v1, ..., vn = await f(...)` (plain names, the await
// alone on the right) without a function literal around it: the task
// assigns the names. A `:=` inside a block first declares its new names:
//
//	r, err := await f(k)  =>  var r int; var err error; r, err = await f(k)
//
// Under the inline runner the call is made directly:
//
//	if autoawait.InlineSelected { r, err = f(k) } else { autoawait.Await(func() error { ... }, where) }
func (st *state) lowerAssign(s *awaitSite) bool {
	if s.lhs < 1 {
		return false
	}
	u := &st.units[s.unit]
	var as *ast.AssignStmt
	ast.Inspect(u.node(), func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 && a.Rhs[0] == s.node {
			as = a
		}
		return as == nil
	})
	if as == nil {
		return false
	}
	for _, l := range as.Lhs {
		if _, ok := l.(*ast.Ident); !ok {
			return false
		}
	}
	if as.Tok == token.DEFINE {
		if u.stmt == ast.Stmt(as) || !st.declareNames(u, as, s) {
			return false // a session variable, or no list to declare in
		}
	}
	if as.Tok != token.ASSIGN {
		return false
	}
	lhs := append([]ast.Expr(nil), as.Lhs...)
	call := st.taskCall(s)
	var body, direct []ast.Stmt
	if s.unwrap {
		elhs := append(append([]ast.Expr(nil), lhs...), ast.NewIdent("e"))
		body = []ast.Stmt{&ast.AssignStmt{Lhs: elhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}, &ast.ReturnStmt{}}
		direct = []ast.Stmt{
			&ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent("e")}, Type: ast.NewIdent("error")}}}},
			&ast.AssignStmt{Lhs: elhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}},
			&ast.ExprStmt{X: rtCall("Check", ast.NewIdent("e"), &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(s.where)})},
		}
	} else {
		body = []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}, returnNil()}
		direct = []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}}
	}
	var stmt ast.Stmt = &ast.IfStmt{
		Cond: &ast.SelectorExpr{X: ast.NewIdent("autoawait"), Sel: ast.NewIdent("InlineSelected")},
		Body: &ast.BlockStmt{List: direct},
		Else: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: st.checked(s, doTask(body, s.unwrap))}}},
	}
	st.replaceStmt(s.unit, as, stmt)
	return true
}

// declareNames turns the := as (inside a block of unit u) into `var`
// declarations of its new names and an assignment, and reports whether it
// could: the statement must stand in a list of statements.
func (st *state) declareNames(u *unit, as *ast.AssignStmt, s *awaitSite) bool {
	values := s.results
	if s.unwrap {
		values = values[:len(values)-1]
	}
	if len(values) != len(as.Lhs) {
		return false
	}
	var decls []ast.Stmt
	for i, l := range as.Lhs {
		id := l.(*ast.Ident)
		if id.Name == "_" || st.info.Defs[id] == nil {
			continue // assigned, not declared
		}
		te := st.typeExpr(values[i])
		if te == nil {
			return false
		}
		decls = append(decls, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(id.Name)}, Type: te},
		}}})
	}
	done := false
	astutil.Apply(u.node(), func(c *astutil.Cursor) bool {
		if done || c.Node() != ast.Node(as) {
			return !done
		}
		if c.Index() < 0 {
			return false // not in a list: an if or switch header
		}
		for _, d := range decls {
			c.InsertBefore(d)
		}
		as.Tok = token.ASSIGN
		done = true
		return false
	}, nil)
	return done
}

// replaceStmt puts stmt where old stands in unit i.
func (st *state) replaceStmt(i int, old, stmt ast.Stmt) {
	u := &st.units[i]
	if u.stmt == old {
		u.stmt = stmt
		return
	}
	replaceNode(u.node(), old, stmt)
}

// lowerCall lowers an awaited call in any expression to a function
// literal called in place: it evaluates the arguments, runs the call on a
// task, and gives the await's value.
func (st *state) lowerCall(s *awaitSite) ast.Expr {
	rs := s.results
	values := rs
	if s.unwrap {
		values = rs[:len(rs)-1]
	}
	var pre []ast.Stmt // on the cell's goroutine, before the task
	call := st.taskCall(s)
	if c, ok := call.(*ast.CallExpr); ok {
		pre = st.bindArgs(c)
	}
	var names []ast.Expr
	var results []*ast.Field
	for i, t := range values {
		name := ast.NewIdent(fmt.Sprintf("igo_r%d", i))
		names = append(names, name)
		te := st.typeExpr(t)
		if te == nil {
			te = ast.NewIdent("any")
		}
		pre = append(pre, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(name.Name)}, Type: te},
		}}})
		results = append(results, &ast.Field{Type: te})
	}
	var body []ast.Stmt
	lhs := append([]ast.Expr(nil), names...)
	namedErr := false
	switch {
	case s.unwrap && len(values) == 0:
		// (error) alone: the task returns it.
		body = []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{call}}}
	case s.unwrap:
		lhs = append(lhs, ast.NewIdent("e"))
		body = []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}, &ast.ReturnStmt{}}
		namedErr = true
	case len(values) == 0:
		body = []ast.Stmt{&ast.ExprStmt{X: call}, returnNil()}
	default:
		body = []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{call}}, returnNil()}
	}
	run := st.checked(s, doTask(body, namedErr))
	if len(values) == 0 && len(pre) == 0 {
		return run
	}
	stmts := append(pre, &ast.ExprStmt{X: run})
	if len(values) > 0 {
		stmts = append(stmts, &ast.ReturnStmt{Results: names})
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}, Results: &ast.FieldList{List: results}}, Body: &ast.BlockStmt{List: stmts}}
	return &ast.CallExpr{Fun: lit}
}

// taskCall is the call the task makes: the awaited call, or the func
// value called with the cell's context when it takes one.
func (st *state) taskCall(s *awaitSite) ast.Expr {
	if s.waitValue {
		return waitCall(s)
	}
	if c, ok := s.x.(*ast.CallExpr); ok && !s.funcValue {
		return c
	}
	c := &ast.CallExpr{Fun: s.x}
	if s.ctxArg {
		c.Args = []ast.Expr{rtCall("Context")}
	}
	return c
}

// bindArgs evaluates the call's arguments that are not plain names or
// constants into temporaries, in order, so that they are evaluated where
// the await stands and not on the task.
func (st *state) bindArgs(c *ast.CallExpr) []ast.Stmt {
	var pre []ast.Stmt
	for i, a := range c.Args {
		if simpleExpr(a) {
			continue
		}
		tmp := fmt.Sprintf("igo_a%d", i)
		pre = append(pre, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(tmp)}, Tok: token.DEFINE, Rhs: []ast.Expr{a}})
		c.Args[i] = ast.NewIdent(tmp)
	}
	return pre
}

func simpleExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		_, ok := e.X.(*ast.Ident)
		return ok
	}
	return false
}

// doTask is autoawait.Do(func() error { body }), or with a named result
// e when the body assigns it.
func doTask(body []ast.Stmt, namedErr bool) ast.Expr {
	res := &ast.FieldList{List: []*ast.Field{{Type: ast.NewIdent("error")}}}
	if namedErr {
		res.List[0].Names = []*ast.Ident{ast.NewIdent("e")}
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}, Results: res}, Body: &ast.BlockStmt{List: body}}
	return rtCall("Do", lit)
}

func rtCall(name string, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("autoawait"), Sel: ast.NewIdent(name)}, Args: args}
}

func returnNil() ast.Stmt {
	return &ast.ReturnStmt{Results: []ast.Expr{ast.NewIdent("nil")}}
}
