package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// The statements of a range-over-func loop's body that leave it: break,
// continue, goto, return, and defer (whose call outlives the body). See
// rangeFunc for the scheme.

// branch is the replacement of a break, continue or goto in the body of
// fn's innermost loop, or nil when it stays in the body.
//
//	continue         =>  igo_state2 = 1; return true
//	break            =>  igo_state2 = 0; return false
//	break Outer      =>  igo_next1 = 2; igo_state2 = 0; return false   (Outer: the loop at depth 1)
//	goto Top         =>  igo_next1 = -2; igo_state2 = 0; return false  (then `if igo_next1 == -2 { igo_next1 = 0; goto Top }` where Top is)
func (rf *rangeFuncs) branch(fn *rfFunc, b *ast.BranchStmt) []ast.Stmt {
	if b.Tok == token.FALLTHROUGH {
		return nil
	}
	inner := len(fn.loops) - 1
	var label types.Object
	var target ast.Stmt
	if b.Label != nil {
		label = rf.st.info.Uses[b.Label]
		if l := fn.labels[label]; l != nil {
			target = l.Stmt
		}
	} else {
		target = fn.target(b.Tok)
	}
	i := len(fn.loops) - 1
	for i >= 0 && ast.Stmt(fn.loops[i].n) != target {
		i--
	}
	state := ident(fn.loops[inner].state)
	stop := func(next int) []ast.Stmt {
		if fn.next == "" {
			fn.next = rf.fresh("igo_next")
		}
		return []ast.Stmt{
			assignTo(ident(fn.next), intLit(next)),
			assignTo(state, intLit(0)),
			&ast.ReturnStmt{Return: b.Pos(), Results: []ast.Expr{ident("false")}},
		}
	}
	if b.Tok == token.GOTO || i < 0 {
		// To a statement that is not a range-over-func loop: it stays when
		// that statement is in the innermost body.
		if b.Label == nil {
			return nil
		}
		around := fn.inLoop[label] // the loop the label is in
		if around == fn.loops[inner].n {
			return nil
		}
		j := inner
		for j >= 0 && fn.loops[j].n != around {
			j--
		}
		br := rfBranch{b.Tok, label}
		code, ok := fn.codes[br]
		if !ok {
			code = -2 - len(fn.codes)
			fn.codes[br] = code
		}
		// The loop just inside the label's jumps there; those inside it stop.
		fn.loops[j+1].branches = append(fn.loops[j+1].branches, br)
		for k := j + 2; k < len(fn.loops); k++ {
			fn.loops[k].checkRet = true
		}
		return stop(code)
	}
	if i == inner {
		if b.Tok == token.CONTINUE {
			return []ast.Stmt{assignTo(state, intLit(1)), &ast.ReturnStmt{Return: b.Pos(), Results: []ast.Expr{ident("true")}}}
		}
		return []ast.Stmt{assignTo(state, intLit(0)), &ast.ReturnStmt{Return: b.Pos(), Results: []ast.Expr{ident("false")}}}
	}
	// break or continue of an outer range-over-func loop: every loop inside
	// it stops; the one just inside it continues it or stops it too.
	fn.jumps = true
	first := i + 1
	if b.Tok == token.CONTINUE {
		fn.loops[i+1].checkContinue = true
		first = i + 2
	} else {
		fn.loops[i].checkBreak = true
	}
	for k := first; k < len(fn.loops); k++ {
		fn.loops[k].checkBreak = true
	}
	next := 2 * (i + 1)
	if b.Tok == token.CONTINUE {
		next--
	}
	return stop(next)
}

// target is the statement an unlabelled break or continue leaves.
func (fn *rfFunc) target(tok token.Token) ast.Stmt {
	for i := len(fn.targets) - 1; i >= 0; i-- {
		switch fn.targets[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return fn.targets[i]
		default:
			if tok == token.BREAK {
				return fn.targets[i]
			}
		}
	}
	return nil
}

// ret is the replacement of a return in the body of fn's innermost loop.
//
//	return x, err  =>  igo_res1, igo_res2 = x, err; igo_next1 = -1; igo_state1 = 0; return false
func (rf *rangeFuncs) ret(fn *rfFunc, r *ast.ReturnStmt) []ast.Stmt {
	var out []ast.Stmt
	if len(r.Results) > 0 {
		var lhs []ast.Expr
		for _, id := range rf.results(fn) {
			lhs = append(lhs, rf.use(id))
		}
		out = append(out, &ast.AssignStmt{Lhs: lhs, TokPos: r.Pos(), Tok: token.ASSIGN, Rhs: r.Results})
	}
	for _, l := range fn.loops {
		l.checkRet = true
	}
	if fn.next == "" {
		fn.next = rf.fresh("igo_next")
	}
	return append(out,
		assignTo(ident(fn.next), intLit(-1)),
		assignTo(ident(fn.loops[len(fn.loops)-1].state), intLit(0)),
		&ast.ReturnStmt{Return: r.Pos(), Results: []ast.Expr{ident("false")}})
}

// results names fn's results, so that a return in a loop body can assign
// them and the code after the loop return them: an unnamed or blank
// result gets a name, and so does a named one that the function declares
// again somewhere (the assignment could name the other variable).
//
//	func f() (int, error)  =>  func f() (igo_res1 int, igo_res2 error)
func (rf *rangeFuncs) results(fn *rfFunc) []*ast.Ident {
	if fn.results != nil || fn.typ == nil || fn.typ.Results == nil {
		return fn.results
	}
	for _, f := range fn.typ.Results.List {
		t := rf.st.info.TypeOf(f.Type)
		if len(f.Names) == 0 {
			f.Names = []*ast.Ident{rf.newVar(rf.fresh("igo_res"), t, f.Type.Pos())}
		}
		for i, id := range f.Names {
			o := rf.st.info.Defs[id]
			switch {
			case id.Name == "_" || o == nil:
				f.Names[i] = rf.newVar(rf.fresh("igo_res"), t, id.Pos())
			case rf.declaresAgain(fn.body, o):
				name := rf.fresh("igo_res")
				rf.st.rename(fn.body, o, name)
				id.Name = name
			}
			fn.results = append(fn.results, f.Names[i])
		}
	}
	return fn.results
}

// declaresAgain reports whether body declares a variable named as v.
func (rf *rangeFuncs) declaresAgain(body ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == v.Name() {
			if o := rf.st.info.Defs[id]; o != nil && o != v {
				found = true
			}
		}
		return !found
	})
	return found
}

// deferCall is the replacement of a defer in the body of fn's innermost
// loop: the call joins the function's deferred calls, its function and
// arguments evaluated now, as defer does. A method's receiver is kept
// rather than the method value (the evaluator's method value does not
// copy it); a constant argument is left in the call.
//
//	defer cleanup()    =>  igo_defers1.Add(cleanup)
//	defer save(i, 2)   =>  { igo_a0 := i; igo_defers1.Add(func() { save(igo_a0, 2) }) }
//	defer o.log(x)     =>  { igo_r := o; igo_a0 := x; igo_defers1.Add(func() { igo_r.log(igo_a0) }) }
//	defer f(g())       =>  { igo_f := f; igo_a0, igo_a1 := g(); igo_defers1.Add(func() { igo_f(igo_a0, igo_a1) }) }
func (rf *rangeFuncs) deferCall(fn *rfFunc, d *ast.DeferStmt) ast.Stmt {
	st := rf.st
	if fn.defers == "" {
		fn.defers = rf.fresh("igo_defers")
	}
	c := d.Call
	var list []ast.Stmt
	bind := func(e ast.Expr, names ...*ast.Ident) {
		lhs := make([]ast.Expr, len(names))
		for i, n := range names {
			lhs[i] = n
		}
		list = append(list, &ast.AssignStmt{Lhs: lhs, TokPos: d.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{e}})
	}
	inner := &ast.CallExpr{Fun: c.Fun, Ellipsis: c.Ellipsis}
	_, lit := c.Fun.(*ast.FuncLit)
	builtin := st.builtinName(c) != ""
	if x, t, s := rf.receiver(c.Fun); x != nil {
		r := rf.newVar("igo_r", t, d.Pos())
		bind(x, r)
		m := ident(s.Sel.Name)
		st.info.Uses[m] = st.info.Uses[s.Sel]
		inner.Fun = &ast.SelectorExpr{X: rf.use(r), Sel: m}
	} else if !lit && !builtin && !st.isStatic(c.Fun) {
		f := rf.newVar("igo_f", st.info.TypeOf(c.Fun), d.Pos())
		bind(c.Fun, f)
		inner.Fun = rf.use(f)
	}
	sig, _ := st.info.TypeOf(c.Fun).(*types.Signature)
	if len(c.Args) == 1 && isTuple(st.info.TypeOf(c.Args[0])) {
		// defer f(g()): the values of g.
		tup := st.info.TypeOf(c.Args[0]).(*types.Tuple)
		var ids []*ast.Ident
		for i := 0; i < tup.Len(); i++ {
			id := rf.newVar(fmt.Sprintf("igo_a%d", i), tup.At(i).Type(), d.Pos())
			ids = append(ids, id)
			inner.Args = append(inner.Args, rf.use(id))
		}
		bind(c.Args[0], ids...)
	} else {
		for i, a := range c.Args {
			tv := st.info.Types[a]
			if tv.Value != nil || tv.IsNil() {
				inner.Args = append(inner.Args, a)
				continue
			}
			t := tv.Type
			if pt := paramType(sig, i, c.Ellipsis.IsValid()); isUntyped(t) && pt != nil {
				// a == b, 1 << n: typed by the parameter, as in the call.
				if te := st.typeExpr(pt); te != nil {
					a, t = conversion(te, a), pt
				}
			}
			id := rf.newVar(fmt.Sprintf("igo_a%d", i), t, d.Pos())
			bind(a, id)
			inner.Args = append(inner.Args, rf.use(id))
		}
	}
	f := ast.Expr(&ast.FuncLit{Type: &ast.FuncType{Func: d.Pos(), Params: &ast.FieldList{}}, Body: block(exprStmt(inner))})
	if sig != nil && !builtin && len(list) == 0 && len(c.Args) == 0 && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
		f = c.Fun // a function value of its own, or a literal
	}
	add := &ast.ExprStmt{X: &ast.CallExpr{Fun: sel(ident(fn.defers), "Add"), Lparen: d.Pos(), Args: []ast.Expr{f}, Rparen: d.End()}}
	if len(list) == 0 {
		return add
	}
	return &ast.BlockStmt{Lbrace: d.Pos(), List: append(list, add), Rbrace: d.End()}
}

// receiver is, when fun is a method x.m, the receiver its method value
// would keep and its type: x, &x for a pointer method of a variable, *x
// for a value method of a pointer; s is fun.
func (rf *rangeFuncs) receiver(fun ast.Expr) (x ast.Expr, t types.Type, s *ast.SelectorExpr) {
	s, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, nil
	}
	m, ok := rf.st.info.Uses[s.Sel].(*types.Func)
	if !ok || m.Signature().Recv() == nil || rf.st.info.Types[s.X].IsType() {
		return nil, nil, nil // a field, a package's function, a method expression
	}
	xt := rf.st.info.TypeOf(s.X)
	recv := m.Signature().Recv().Type()
	_, ptrRecv := recv.(*types.Pointer)
	p, ptrX := xt.Underlying().(*types.Pointer)
	switch {
	case types.IsInterface(recv) || ptrRecv == ptrX:
		return s.X, xt, s
	case ptrRecv:
		return &ast.UnaryExpr{OpPos: s.X.Pos(), Op: token.AND, X: s.X}, types.NewPointer(xt), s
	default:
		return &ast.StarExpr{Star: s.X.Pos(), X: s.X}, p.Elem(), s
	}
}

func isTuple(t types.Type) bool {
	_, ok := t.(*types.Tuple)
	return ok
}

// paramType is the type of the parameter that argument i of a call of sig
// binds, nil when sig is nil (a builtin).
func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	if sig == nil {
		return nil
	}
	ps := sig.Params()
	switch {
	case sig.Variadic() && i >= ps.Len()-1:
		t := ps.At(ps.Len() - 1).Type()
		if !ellipsis {
			t = t.(*types.Slice).Elem()
		}
		return t
	case i < ps.Len():
		return ps.At(i).Type()
	}
	return nil
}
