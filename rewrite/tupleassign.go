package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// tupleAssign rewrites the assignments the evaluator (yaegi v0.16.1) gets
// wrong into forms it runs as Go does.
//
// In an assignment or definition of several values, the evaluator writes a
// composite literal, a receive and (in an assignment) a call straight into
// the variable and then skips the assignment of the whole statement, so
// that the other values are lost (got, want := f(), []int{1} leaves got
// nil). Parenthesized, they are assigned like the others:
//
//	got, want := f(), []int{1}  =>  got, want := f(), ([]int{1})
//	a, b = x, g()               =>  a, b = x, (g())
//
// An assignment of several values to variables of interface type fails
// ("reflect.Set: value of type interp.valueInterface is not assignable
// to type int"), or stores nil where a comma-ok form yields the zero value
// of another type (e, ok = m[k] with e an any). The values go to hidden
// variables first, then to the variables one by one:
//
//	s, n = v, 2    =>  { igo_ta1 := v; s = igo_ta1; n = 2 }
//	e, ok = m[k]   =>  { igo_ta1, igo_ta2 := m[k]; e = igo_ta1; ok = igo_ta2 }
//
// The values are evaluated first and in order, as Go does; the left-hand
// side is variables, or expressions that the values cannot change.
//
// A composite literal assigned to a field, an element or a pointed-to
// variable of interface type is written into it as if it had the
// interface's type ("value of type interp.valueInterface is not
// assignable to type struct {}"); parenthesized, it is converted:
//
//	t.it = myIterator{}  =>  t.it = (myIterator{})
func (st *state) tupleAssign() error {
	for i := range st.units {
		u := &st.units[i]
		// pending holds what must run before an if, switch or for
		// statement whose init was lowered; the statement is replaced
		// once it is walked (after its init), or its label.
		pending := map[ast.Stmt][]ast.Stmt{}
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				if st.holdsAwait(n) {
					return true // the await pass lowers it
				}
				b := st.assignInOrder(n)
				if b == nil {
					st.parenDirect(n.Tok, n.Lhs, n.Rhs)
					st.parenLitToInterface(n)
					return true
				}
				switch _, label := c.Parent().(*ast.LabeledStmt); {
				case c.Index() >= 0 || label || c.Name() == "Node":
					c.Replace(b) // in a list of statements, or a cell's own
				case c.Name() == "Init" && initOf(c.Parent()) != nil:
					s := initOf(c.Parent())
					pending[s] = b.List
					setInit(s, nil)
				}
			case *ast.ValueSpec:
				if !st.holdsAwait(n) {
					st.parenDirect(token.DEFINE, nil, n.Values)
				}
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.LabeledStmt:
				s := n.(ast.Stmt)
				pre, ok := pending[s]
				if !ok {
					return true
				}
				delete(pending, s)
				if l, ok := c.Parent().(*ast.LabeledStmt); ok {
					pending[l] = pre // the label stays on the statement
					return true
				}
				c.Replace(&ast.BlockStmt{Lbrace: s.Pos(), List: append(pre, s), Rbrace: s.End()})
			}
			return true
		})
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		} else {
			u.decl = root.(ast.Decl)
		}
	}
	return nil
}

// initOf is n when it is a statement with an init statement.
func initOf(n ast.Node) ast.Stmt {
	switch n := n.(type) {
	case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt:
		return n.(ast.Stmt)
	}
	return nil
}

func setInit(s ast.Stmt, init ast.Stmt) {
	switch s := s.(type) {
	case *ast.IfStmt:
		s.Init = init
	case *ast.SwitchStmt:
		s.Init = init
	case *ast.TypeSwitchStmt:
		s.Init = init
	case *ast.ForStmt:
		s.Init = init
	}
}

// assignInOrder lowers an assignment of several values to variables of
// interface type, or returns nil.
func (st *state) assignInOrder(as *ast.AssignStmt) *ast.BlockStmt {
	if as.Tok != token.ASSIGN || len(as.Lhs) < 2 {
		return nil
	}
	// The types of the values, in order.
	var vals []types.Type
	commaOk := false
	if len(as.Rhs) == len(as.Lhs) {
		for _, r := range as.Rhs {
			vals = append(vals, st.info.TypeOf(r))
		}
	} else if len(as.Rhs) == 1 {
		tv, ok := st.info.Types[as.Rhs[0]]
		if !ok {
			return nil
		}
		switch t := tv.Type.(type) {
		case *types.Tuple:
			for v := range t.Variables() {
				vals = append(vals, v.Type())
			}
			_, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			commaOk = !isCall
		default:
			return nil
		}
		if len(vals) != len(as.Lhs) {
			return nil
		}
	} else {
		return nil
	}
	lower := false
	for i, l := range as.Lhs {
		if isBlank(l) {
			continue
		}
		lt, vt := st.info.TypeOf(l), vals[i]
		if lt == nil || vt == nil {
			return nil
		}
		if !types.IsInterface(lt) || isTypeParam(lt) || isTypeParam(vt) || isNil(vt) || types.Identical(lt, vt) && !isEmptyInterface(lt) {
			continue
		}
		switch {
		case commaOk:
			// The value of a failed comma-ok form is stored as nil. (Into
			// an empty interface, one with methods is stored bare, as
			// fmt prints it: it stays.)
			lower = lower || !types.Identical(lt, vt) && !(isEmptyInterface(lt) && hasMethods(vt))
		case !isEmptyInterface(lt):
			// The value is converted to the interface and stored as a
			// value of its own type.
			lower = true
		case len(as.Rhs) > 1:
			// An interface, or a value with methods, stored into an
			// empty interface.
			lower = lower || types.IsInterface(vt) || hasMethods(vt)
		}
	}
	if !lower || !st.lhsStays(as) {
		return nil
	}
	st.s.lits++
	b := &ast.BlockStmt{Lbrace: as.Pos(), Rbrace: as.End()}
	tmp := func(i int) *ast.Ident {
		// Typed for the passes after this one (box).
		id := ast.NewIdent(fmt.Sprintf("igo_ta%d_%d", st.s.lits, i+1))
		st.info.Types[id] = types.TypeAndValue{Type: types.Default(vals[i])}
		return id
	}
	var sets []ast.Stmt
	set := func(l ast.Expr, v ast.Expr) {
		if !isBlank(l) {
			sets = append(sets, &ast.AssignStmt{Lhs: []ast.Expr{l}, TokPos: as.TokPos, Tok: token.ASSIGN, Rhs: []ast.Expr{v}})
		}
	}
	if len(as.Rhs) == len(as.Lhs) {
		for i, r := range as.Rhs {
			tv := st.info.Types[r]
			if tv.Value != nil || tv.IsNil() {
				set(as.Lhs[i], r) // a constant: evaluated whenever
				continue
			}
			if isUntyped(tv.Type) && !types.IsInterface(st.info.TypeOf(as.Lhs[i])) &&
				!types.Identical(types.Default(tv.Type), st.info.TypeOf(as.Lhs[i])) {
				return nil // a comparison, assigned to a boolean type of its own
			}
			if isBlank(as.Lhs[i]) {
				b.List = append(b.List, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, TokPos: as.TokPos, Tok: token.ASSIGN, Rhs: []ast.Expr{r}})
				continue
			}
			t := tmp(i)
			b.List = append(b.List, define(t, r))
			set(as.Lhs[i], t)
		}
	} else {
		def := &ast.AssignStmt{TokPos: as.TokPos, Tok: token.DEFINE, Rhs: as.Rhs}
		for i, l := range as.Lhs {
			if isBlank(l) {
				def.Lhs = append(def.Lhs, ast.NewIdent("_"))
				continue
			}
			t := tmp(i)
			def.Lhs = append(def.Lhs, t)
			var v ast.Expr = t
			if commaOk && i == 1 {
				// ok is a bool; the variable may be of another boolean type.
				lt := st.info.TypeOf(l)
				if !types.AssignableTo(types.Typ[types.Bool], lt) {
					te := st.typeExpr(lt)
					if te == nil {
						return nil
					}
					v = conversion(te, t)
				}
			}
			set(l, v)
		}
		b.List = append(b.List, def)
	}
	b.List = append(b.List, sets...)
	return b
}

// lhsStays reports whether assigning as's left-hand side one by one,
// after its values, assigns what Go would: each is a variable, or the
// values call nothing and no part of the left-hand side is a variable
// the statement assigns.
func (st *state) lhsStays(as *ast.AssignStmt) bool {
	vars := map[string]bool{}
	plain := true
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			vars[id.Name] = true
		} else {
			plain = false
		}
	}
	if plain {
		return true
	}
	for _, r := range as.Rhs {
		if st.calls(r) {
			return false
		}
	}
	for _, l := range as.Lhs {
		if _, ok := l.(*ast.Ident); ok {
			continue
		}
		if st.calls(l) {
			return false
		}
		uses := false
		ast.Inspect(l, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && vars[id.Name] {
				uses = true
			}
			return !uses
		})
		if uses {
			return false
		}
	}
	return true
}

// calls reports whether evaluating e may call a function or receive:
// conversions and builtins other than those that call do not.
func (st *state) calls(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, ok := st.info.Types[n.Fun]; ok && tv.IsType() {
				return true
			}
			switch st.builtinName(n) {
			case "len", "cap", "min", "max", "real", "imag", "complex":
				return true
			}
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}

// parenDirect parenthesizes, in a statement of several values, those the
// evaluator may write straight into their variable, when another value
// needs an assignment (tok is token.DEFINE for a var declaration). In a
// definition, composite literals and receives are written straight; in
// an assignment, calls too, but for a variable of another type, and
// composite literals not into an element. An assignment of calls alone to
// variables of their types stays.
func (st *state) parenDirect(tok token.Token, lhs, rhs []ast.Expr) {
	if len(rhs) < 2 || len(lhs) > 0 && len(lhs) != len(rhs) {
		return
	}
	direct := make([]bool, len(rhs))
	someDirect, mixed := false, false
	for i, r := range rhs {
		switch r := r.(type) {
		case *ast.CompositeLit:
			direct[i] = true
			mixed = mixed || tok == token.ASSIGN
		case *ast.UnaryExpr:
			direct[i] = r.Op == token.ARROW
			mixed = mixed || tok == token.ASSIGN
		case *ast.CallExpr:
			if tok != token.ASSIGN || st.builtinName(r) != "" {
				break
			}
			if tv, ok := st.info.Types[r.Fun]; !ok || tv.IsType() {
				break
			}
			direct[i] = true
			_, plain := lhs[i].(*ast.Ident)
			lt, rt := st.info.TypeOf(lhs[i]), st.info.TypeOf(r)
			if !plain || lt == nil || rt == nil || !types.Identical(lt, rt) || types.IsInterface(lt) {
				mixed = true
			}
		}
		someDirect = someDirect || direct[i]
		mixed = mixed || !direct[i]
	}
	if !someDirect || !mixed {
		return
	}
	for i, r := range rhs {
		if direct[i] {
			rhs[i] = &ast.ParenExpr{Lparen: r.Pos(), X: r, Rparen: r.End()}
		}
	}
}

// hasMethods reports whether a value of type t has methods.
func hasMethods(t types.Type) bool {
	if types.NewMethodSet(t).Len() > 0 {
		return true
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	return !isPtr && !types.IsInterface(t) && types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// holdsAwait reports whether n holds an await of the cell.
func (st *state) holdsAwait(n ast.Node) bool {
	if len(st.awaits) == 0 {
		return false
	}
	sites := map[ast.Node]bool{}
	for _, a := range st.awaits {
		sites[a.u] = true
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		found = found || sites[m]
		return !found
	})
	return found
}

// parenLitToInterface parenthesizes a composite literal assigned to a
// field, an element or a pointed-to variable of interface type.
func (st *state) parenLitToInterface(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	if _, ok := as.Lhs[0].(*ast.Ident); ok {
		return
	}
	lit, ok := as.Rhs[0].(*ast.CompositeLit)
	if !ok {
		return
	}
	if t := st.info.TypeOf(as.Lhs[0]); t != nil && types.IsInterface(t) && !isTypeParam(t) {
		as.Rhs[0] = &ast.ParenExpr{Lparen: lit.Pos(), X: lit, Rparen: lit.End()}
	}
}
