package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// What an await operand is, decided from its static type (spec/await.md:
// the first row that matches wins: channel; Wait method, context; call;
// func value).
type awaitKind int

const (
	awGuess awaitKind = iota // not known yet: guessed from the syntax
	awRecv                   // a channel, or a call returning one: receive
	awExpr                   // await <-ch: the receive itself
	awCall                   // a call, or a func value called: on a task
	awWait                   // x.Wait() or (&x).Wait(), on a task
	awDone                   // a context: wait until done
	awBad                    // nothing that can be awaited
)

// An awaitSite is one `await X` of the cell.
type awaitSite struct {
	u    *ast.UnaryExpr // <-X as parsed; u.OpPos is the await keyword
	x    ast.Expr       // the operand
	unit int            // index of the unit holding it
	lhs  int            // -1: a value; 0: a statement; n: sole right side of n operands
	node ast.Expr       // the expression standing in the tree now

	kind      awaitKind
	results   []types.Type // awCall: the call's results
	unwrap    bool         // awCall: the final error is checked, not returned
	funcValue bool         // awCall: X is a func value, called with...
	ctxArg    bool         // ...the cell's context
	waitPtr   bool         // awWait: Wait has a pointer receiver: (&X).Wait()
	waitErr   bool         // awWait: Wait returns an error
	waitValue bool         // awCall: the call is X.Wait(), which returns (T, error)
	typ       types.Type   // the operand's type, once seen
	where     string       // "In[4]:1:9: await f(x)", for its errors
}

// findAwaits collects the cell's await sites from the marks left by
// markAwaits, with the context each stands in.
func (st *state) findAwaits(marks map[int]bool) {
	if len(marks) == 0 {
		return
	}
	bySite := map[*ast.UnaryExpr]*awaitSite{}
	for i, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			ue, ok := n.(*ast.UnaryExpr)
			if ok && ue.Op == token.ARROW && u.file != nil && marks[u.file.Offset(ue.OpPos)+u.base] {
				s := &awaitSite{u: ue, x: ue.X, unit: i, lhs: -1, node: ue}
				st.awaits = append(st.awaits, s)
				bySite[ue] = s
			}
			return true
		})
	}
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 {
					if s := bySite[asUnary(n.Rhs[0])]; s != nil {
						s.lhs = len(n.Lhs)
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 1 {
					if s := bySite[asUnary(n.Values[0])]; s != nil {
						s.lhs = len(n.Names)
					}
				}
			case *ast.ExprStmt:
				if s := bySite[asUnary(n.X)]; s != nil {
					s.lhs = 0
				}
			}
			return true
		})
	}
}

func asUnary(e ast.Expr) *ast.UnaryExpr {
	u, _ := e.(*ast.UnaryExpr)
	return u
}

// replace puts e where the site's current node stands.
func (st *state) replace(s *awaitSite, e ast.Expr) {
	if s.node == e {
		return
	}
	old := s.node
	u := &st.units[s.unit]
	if es, ok := u.stmt.(*ast.ExprStmt); ok && es.X == old {
		es.X = e
		s.node = e
		return
	}
	astutil.Apply(u.node(), func(c *astutil.Cursor) bool {
		if c.Node() == old {
			c.Replace(e)
			return false
		}
		return true
	}, nil)
	s.node = e
}

// placeAwaits stands each await in for the checker: an expression of the
// await's value type.
//
//	await f()    =>  igo_await.Value(f())   (f returns T or (T, error))
//	await ch     =>  <-ch
//	await &wg    =>  (&wg).Wait()
func (st *state) placeAwaits() {
	for _, s := range st.awaits {
		st.replace(s, st.placeholder(s))
	}
}

func (st *state) placeholder(s *awaitSite) ast.Expr {
	at := s.u.OpPos
	helper := func(name string, arg ast.Expr) ast.Expr {
		return &ast.CallExpr{
			Fun:    &ast.SelectorExpr{X: &ast.Ident{Name: awaitPkgName, NamePos: at}, Sel: ast.NewIdent(name)},
			Lparen: at, Args: []ast.Expr{arg}, Rparen: s.x.End(),
		}
	}
	switch s.kind {
	case awGuess:
		if _, call := s.x.(*ast.CallExpr); call && s.lhs < 2 {
			return helper("Value", s.x)
		} else if call {
			return s.x
		}
		if isRecv(s.x) {
			return s.x
		}
		return s.u
	case awRecv:
		return s.u
	case awExpr:
		return s.x
	case awCall:
		c := st.callOf(s)
		n := len(s.results)
		switch {
		case !s.unwrap:
			return c
		case n == 1:
			return helper("Void", c)
		case n == 2:
			return helper("Value", c)
		default:
			return helper(fmt.Sprintf("Multi%d", n-1), c)
		}
	case awWait:
		recv := s.x
		if s.waitPtr {
			recv = &ast.UnaryExpr{OpPos: s.x.Pos(), Op: token.AND, X: s.x}
		}
		c := &ast.CallExpr{Fun: &ast.SelectorExpr{X: recv, Sel: &ast.Ident{Name: "Wait", NamePos: s.x.End()}}, Lparen: s.x.End(), Rparen: s.x.End()}
		if s.waitErr {
			return helper("Void", c)
		}
		return c
	case awDone:
		return helper("Done", s.x)
	}
	return s.u
}

// callOf is the call an awCall site makes: X itself, or X() / X(ctx) for a
// func value (a nil context stands in for the checker).
func (st *state) callOf(s *awaitSite) *ast.CallExpr {
	if s.waitValue {
		return waitCall(s)
	}
	if c, ok := s.x.(*ast.CallExpr); ok && !s.funcValue {
		return c
	}
	c := &ast.CallExpr{Fun: s.x, Lparen: s.x.End(), Rparen: s.x.End()}
	if s.ctxArg {
		c.Args = []ast.Expr{&ast.Ident{Name: "nil", NamePos: s.x.End()}}
	}
	return c
}

func isRecv(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// decideAwaits classifies every site from the types the last check
// recorded. It reports whether a site changed its kind (the cell must be
// checked again) and the first site nothing can await.
func (st *state) decideAwaits() (changed bool, bad *awaitSite) {
	for _, s := range st.awaits {
		old := *s
		st.decide(s)
		if s.kind == awBad && bad == nil {
			bad = s
		}
		if s.kind != old.kind || s.unwrap != old.unwrap || s.waitValue != old.waitValue || len(s.results) != len(old.results) ||
			s.funcValue != old.funcValue || s.ctxArg != old.ctxArg || s.waitPtr != old.waitPtr || s.waitErr != old.waitErr {
			changed = true
		}
	}
	return changed, bad
}

func (st *state) decide(s *awaitSite) {
	tv, ok := st.info.Types[s.x]
	if !ok {
		return // not reached: keep the guess
	}
	s.typ = tv.Type
	if isRecv(s.x) {
		s.kind = awExpr
		return
	}
	if tv.IsVoid() {
		st.setCall(s, nil, false)
		return
	}
	if tup, ok := tv.Type.(*types.Tuple); ok {
		var rs []types.Type
		for i := 0; i < tup.Len(); i++ {
			rs = append(rs, tup.At(i).Type())
		}
		st.setCall(s, rs, false)
		return
	}
	t := tv.Type
	if _, ok := t.Underlying().(*types.Chan); ok {
		s.kind = awRecv
		return
	}
	if m, ptr := st.method(t, tv.Addressable(), "Wait"); m != nil {
		sig := m.Signature()
		rs := sig.Results()
		if sig.Params().Len() == 0 && (rs.Len() == 0 || rs.Len() == 1 && isError(rs.At(0).Type())) {
			s.kind, s.waitPtr, s.waitErr = awWait, ptr, rs.Len() == 1
			return
		}
		if sig.Params().Len() == 0 && rs.Len() == 2 && isError(rs.At(1).Type()) {
			// A task: Wait() (T, error) gives T.
			st.setCall(s, []types.Type{rs.At(0).Type(), rs.At(1).Type()}, false)
			s.waitPtr, s.waitValue = ptr, true
			return
		}
	}
	if m, _ := st.method(t, false, "Done"); m != nil {
		sig := m.Signature()
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 {
			if ch, ok := sig.Results().At(0).Type().Underlying().(*types.Chan); ok && ch.Dir() != types.SendOnly {
				s.kind = awDone
				return
			}
		}
	}
	if _, call := s.x.(*ast.CallExpr); call {
		st.setCall(s, []types.Type{t}, false)
		return
	}
	if sig, ok := t.Underlying().(*types.Signature); ok && !sig.Variadic() {
		ps := sig.Params()
		if ps.Len() == 0 || ps.Len() == 1 && isContext(ps.At(0).Type()) {
			var rs []types.Type
			for i := 0; i < sig.Results().Len(); i++ {
				rs = append(rs, sig.Results().At(i).Type())
			}
			st.setCall(s, rs, true)
			s.ctxArg = ps.Len() == 1
			return
		}
	}
	s.kind = awBad
}

// setCall makes s a call with results rs. The final error is checked,
// unless the await's caller receives it as a value (v, err := await f()).
func (st *state) setCall(s *awaitSite, rs []types.Type, funcValue bool) {
	s.kind, s.results, s.funcValue, s.ctxArg, s.waitValue = awCall, rs, funcValue, false, false
	n := len(rs)
	s.unwrap = n > 0 && isError(rs[n-1]) && s.lhs != n
}

// method finds a method of t (of *t too when addressable), and whether it
// needs the pointer.
func (st *state) method(t types.Type, addressable bool, name string) (*types.Func, bool) {
	o, _, indirect := types.LookupFieldOrMethod(t, addressable, st.s.pkg, name)
	fn, ok := o.(*types.Func)
	if !ok {
		return nil, false
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	recv := fn.Signature().Recv()
	needPtr := false
	if recv != nil && !isPtr && !types.IsInterface(t) {
		_, needPtr = recv.Type().(*types.Pointer)
	}
	_ = indirect
	return fn, needPtr
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isContext(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// awaitError is the error for an operand nothing can await.
func (st *state) awaitError(s *awaitSite) error {
	return st.errorf(s.u.OpPos, "cannot await %s (type %s): want a channel, a call, a func, a Wait method, a context or a task",
		types.ExprString(s.x), types.TypeString(s.typ, st.qualifier()))
}

func (st *state) qualifier() types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == st.s.pkg.Path() {
			return ""
		}
		return p.Name()
	}
}

// replaceNode replaces old by new under root.
func replaceNode(root ast.Node, old, new ast.Node) {
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		if c.Node() == old {
			c.Replace(new)
			return false
		}
		return true
	}, nil)
}

// waitCall is X.Wait(), or (&X).Wait() when Wait needs the pointer.
func waitCall(s *awaitSite) *ast.CallExpr {
	recv := s.x
	if s.waitPtr {
		recv = &ast.UnaryExpr{OpPos: s.x.Pos(), Op: token.AND, X: s.x}
	}
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: recv, Sel: &ast.Ident{Name: "Wait", NamePos: s.x.End()}}, Lparen: s.x.End(), Rparen: s.x.End()}
}
