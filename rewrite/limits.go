package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// limits reports, in the user's coordinates, Go the evaluator (yaegi
// v0.16.1) cannot run yet, instead of letting it fail without a position
// or panic. Range over an integer or a function and the builtins min, max
// and clear are lowered by later passes (rangeint, rangefunc, minmax,
// clear); limits reports the few uses they cannot write: with a type
// whose package name the cell has taken. In generic code they are lowered
// in each instance (see instances).
// It runs inside check, so that a reported cell leaves the session as it
// was.
func (st *state) limits() error {
	var err error
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			if err != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.GenDecl:
				err = st.repeatedIota(n)
			case *ast.RangeStmt:
				switch t := st.info.TypeOf(n.X); {
				case t == nil:
				case isFunc(t):
					err = st.rangeFuncLimit(n)
				case isInteger(t) && !st.nameable(st.rangeIntType(n)):
					err = st.errorf(n.X.Pos(), "the evaluator cannot run this range over an integer: type %s cannot be named here", st.rangeIntType(n))
				}
			case *ast.CallExpr:
				name := st.builtinName(n)
				if name != "min" && name != "max" && name != "clear" || st.info.Types[n].Value != nil {
					return true
				}
				t := st.info.TypeOf(n)
				if name == "clear" && len(n.Args) == 1 {
					t = st.info.TypeOf(n.Args[0])
				}
				switch {
				case t == nil, isTypeParam(t): // generic code: its instances are lowered
				case !st.nameable(t):
					err = st.errorf(n.Fun.Pos(), "the evaluator cannot run this %s: type %s cannot be named here", name, t)
				}
			}
			return true
		})
	}
	return err
}

// repeatedIota reports min or max of iota in a constant that the next
// line of its group repeats: the checker records one value for the call,
// the last line's, which minmax cannot write for each line.
//
//	const ( a = min(iota, 1); b; c )
func (st *state) repeatedIota(d *ast.GenDecl) error {
	if d.Tok != token.CONST {
		return nil
	}
	for i, sp := range d.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) == 0 || i+1 == len(d.Specs) || len(d.Specs[i+1].(*ast.ValueSpec).Values) > 0 {
			continue
		}
		var call *ast.CallExpr
		for _, v := range vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && call == nil {
					if name := st.builtinName(c); (name == "min" || name == "max") && usesIota(st.info, c) {
						call = c
					}
				}
				return call == nil
			})
		}
		if call != nil {
			return st.errorf(call.Fun.Pos(), "the evaluator cannot run %s of iota repeated by the next constant; write each constant's value", types.ExprString(call.Fun))
		}
	}
	return nil
}

func usesIota(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("iota") {
			found = true
		}
		return !found
	})
	return found
}

// nameable reports whether typeExpr can write t: every package it names
// is imported, or its name is free to import it.
func (st *state) nameable(t types.Type) bool {
	ok := true
	types.TypeString(t, func(p *types.Package) string {
		if p.Path() == st.s.pkg.Path() {
			return ""
		}
		for _, path := range st.s.imports {
			if path == p.Path() {
				return ""
			}
		}
		for _, path := range st.evalImp {
			if path == p.Path() {
				return ""
			}
		}
		if st.s.Lookup(p.Name()) != nil || st.declared[p.Name()] {
			ok = false
		}
		return ""
	})
	return ok
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
