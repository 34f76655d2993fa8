package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
)

// loopVars gives each iteration of a loop its own variables, as Go 1.22
// does and the evaluator (yaegi v0.16.1) does not: a closure made in the
// body captures that iteration's values.
//
//	for i := 0; i < 3; i++ { go func() { use(i) }() }  =>  for igo_lv1 := 0; igo_lv1 < 3; igo_lv1++ { i := igo_lv1; go func() { use(i) }() }
//
// It is done where it is observable (the body makes a closure) and safe
// (the body does not assign the variables or take their address).
func (st *state) loopVars() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			var ids []*ast.Ident
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.RangeStmt:
				if n.Tok == token.DEFINE {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
							ids = append(ids, id)
						}
					}
				}
				body = n.Body
			case *ast.ForStmt:
				if as, ok := n.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					for _, e := range as.Lhs {
						if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
							ids = append(ids, id)
						}
					}
				}
				body = n.Body
			}
			if len(ids) == 0 || body == nil || !makesClosure(body) || copied(body, ids) {
				return true
			}
			objs := map[types.Object]bool{}
			for _, id := range ids {
				if o := st.info.Defs[id]; o != nil {
					objs[o] = true
				}
			}
			if len(objs) != len(ids) || st.changes(body, objs) {
				return true
			}
			// A variable the body does not use needs no copy (Go would
			// reject the unused one).
			ids = slices.DeleteFunc(ids, func(id *ast.Ident) bool { return !st.usedIn(body, st.info.Defs[id]) })
			if len(ids) == 0 {
				return true
			}
			// The loop runs on renamed variables; each iteration declares
			// the user's names as copies (the evaluator mishandles x := x).
			var copies []ast.Stmt
			rename := map[types.Object]string{}
			for _, id := range ids {
				st.loops++
				tmp := fmt.Sprintf("igo_lv%d", st.loops)
				rename[st.info.Defs[id]] = tmp
				copies = append(copies, &ast.AssignStmt{
					Lhs: []ast.Expr{ast.NewIdent(id.Name)}, Tok: token.DEFINE, Rhs: []ast.Expr{ast.NewIdent(tmp)},
				})
			}
			var header []ast.Node
			switch n := n.(type) {
			case *ast.RangeStmt:
				header = []ast.Node{n.Key, n.Value}
			case *ast.ForStmt:
				header = []ast.Node{n.Init, n.Cond, n.Post}
			}
			for _, h := range header {
				if h == nil || reflect.ValueOf(h).IsNil() {
					continue
				}
				ast.Inspect(h, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						o := st.info.Defs[id]
						if o == nil {
							o = st.info.Uses[id]
						}
						if tmp, ok := rename[o]; ok {
							id.Name = tmp
						}
					}
					return true
				})
			}
			body.List = append(copies, body.List...)
			return true
		})
	}
	return nil
}

// makesClosure reports whether body makes a function literal that may
// outlive the iteration: not one called in place, nor one handed to the
// await runtime (it runs before the iteration ends).
func makesClosure(body *ast.BlockStmt) bool {
	found := false
	inPlace := map[*ast.FuncLit]bool{}
	deferred := map[*ast.CallExpr]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			deferred[n.Call] = true
		case *ast.DeferStmt:
			deferred[n.Call] = true
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return true // the literal it calls runs later: not in place
		case *ast.CallExpr:
			if lit, ok := n.Fun.(*ast.FuncLit); ok && !deferred[n] {
				inPlace[lit] = true
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "autoawait" && sel.Sel.Name != "Start" && sel.Sel.Name != "Go" {
					for _, a := range n.Args {
						if lit, ok := a.(*ast.FuncLit); ok {
							inPlace[lit] = true
						}
					}
				}
			}
		case *ast.FuncLit:
			if !inPlace[n] {
				found = true
			}
		}
		return !found
	})
	return found
}

// changes reports whether body assigns one of objs or takes its address.
func (st *state) changes(body *ast.BlockStmt, objs map[types.Object]bool) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && objs[st.info.Uses[id]]
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if is(l) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

// copied reports whether the loop runs on renamed variables already.
func copied(body *ast.BlockStmt, ids []*ast.Ident) bool {
	for _, id := range ids {
		if strings.HasPrefix(id.Name, "igo_lv") {
			return true
		}
	}
	return false
}

// usedIn reports whether n uses v.
func (st *state) usedIn(n ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && st.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
