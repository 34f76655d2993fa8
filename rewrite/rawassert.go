package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// rawAsserts asserts an empty interface to an interface the program
// declares through a function literal that, when the assertion fails,
// tries the program's struct types that implement the interface one by
// one. The evaluator (yaegi v0.16.1) stores a value of a program type in
// an empty interface without its methods when it is returned as an any
// or converted in a var declaration, so the assertion of that value to an
// interface fails ("interface conversion: nil is not interface { M1()}");
// a type switch still finds its type, and its case variable converts with
// the methods.
//
//	s := autoawait.Any(x).(I)  =>  s := func() I { igo_av := x; if r, ok := autoawait.Any(igo_av).(I); ok { return r }; switch v := igo_av.(type) { case S: return v; case *S: return v }; return autoawait.Any(igo_av).(I) }()
//
// The value itself is stored as before, so fmt, reflect and json see
// what they did. The evaluator gives a struct type no name: a candidate
// whose fields could be those of another struct type of the program (or
// any struct literal type it writes) is left out, as the switch could not
// tell the two apart; so are types a local declaration shadows.
func (st *state) rawAsserts() error {
	pkgs := map[*types.Package]bool{st.s.pkg: true}
	var named []*types.TypeName
	seen := map[*types.TypeName]bool{}
	addName := func(o types.Object) {
		tn, ok := o.(*types.TypeName)
		if !ok || seen[tn] || tn.IsAlias() || tn.Parent() == nil || tn.Parent() != tn.Pkg().Scope() {
			return
		}
		seen[tn] = true
		named = append(named, tn)
	}
	for _, name := range st.s.pkg.Scope().Names() {
		addName(st.s.pkg.Scope().Lookup(name))
	}
	local := map[string]bool{}
	for id, o := range st.info.Defs {
		if o == nil {
			continue
		}
		if o.Pkg() != nil && o.Parent() == o.Pkg().Scope() {
			pkgs[o.Pkg()] = true
			addName(o)
		} else {
			local[id.Name] = true
		}
	}
	// Struct shapes the evaluator could not tell apart, by how often the
	// program has them.
	shapes := map[string]int{}
	declared := map[types.Type]bool{}
	for _, tn := range named {
		if s, ok := tn.Type().Underlying().(*types.Struct); ok {
			shapes[structShape(s)]++
			declared[s] = true
		}
	}
	for e, tv := range st.info.Types {
		if _, ok := e.(*ast.StructType); ok && tv.IsType() && !declared[tv.Type] {
			shapes[structShape(tv.Type.(*types.Struct))]++
		}
	}
	var cands []*types.TypeName
	for _, tn := range named {
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || !pkgs[tn.Pkg()] || local[tn.Name()] {
			continue
		}
		if s, ok := n.Underlying().(*types.Struct); ok && shapes[structShape(s)] == 1 {
			cands = append(cands, tn)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].Name() < cands[j].Name() })
	if len(cands) == 0 {
		return nil
	}
	if local["bool"] || local["true"] {
		return nil
	}
	// The operand moves into a function literal, where an await in it
	// would be lowered wrong.
	awaits := map[ast.Node]bool{}
	for _, a := range st.awaits {
		awaits[a.u] = true
	}
	hasAwait := func(x ast.Expr) bool {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			found = found || awaits[n]
			return !found
		})
		return found
	}
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			n, ok := c.Node().(*ast.TypeAssertExpr)
			if !ok || n.Type == nil || isRawAssertArg(n.X) {
				return true
			}
			if !isAnyCall(n.X) && !st.fromEmpty(n.X) || hasAwait(n.X) {
				return true
			}
			t := st.info.TypeOf(n.Type)
			if !st.programInterface(t) {
				return true
			}
			it := t.Underlying().(*types.Interface)
			var impl []ast.Expr
			for _, tn := range cands {
				if types.Implements(tn.Type(), it) {
					impl = append(impl, ast.NewIdent(tn.Name()))
				}
				if types.Implements(types.NewPointer(tn.Type()), it) {
					impl = append(impl, &ast.StarExpr{X: ast.NewIdent(tn.Name())})
				}
			}
			if len(impl) == 0 {
				return true
			}
			x := n.X
			if isAnyCall(x) {
				x = ast.Unparen(x).(*ast.CallExpr).Args[0]
			}
			commaOk := false
			switch p := c.Parent().(type) {
			case *ast.AssignStmt:
				commaOk = len(p.Lhs) == 2
			case *ast.ValueSpec:
				commaOk = len(p.Names) == 2
			}
			c.Replace(st.rawAssert(n, x, impl, commaOk))
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

// rawAssertParam names the operand inside the function literal.
const rawAssertParam = "igo_av"

// isRawAssertArg reports whether x is the operand of a lowered assertion.
func isRawAssertArg(x ast.Expr) bool {
	if isAnyCall(x) {
		x = ast.Unparen(x).(*ast.CallExpr).Args[0]
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && id.Name == rawAssertParam
}

// rawAssert is the call of a function literal asserting x to n.Type: as
// the evaluator does, then by a type switch over cands, then as the
// evaluator does again, for its panic or its false.
//
//	x.(I)      =>  func() I { igo_av := x; if r, ok := autoawait.Any(igo_av).(I); ok { return r }; switch v := igo_av.(type) { case S: return v }; return autoawait.Any(igo_av).(I) }()
//	r, ok := x.(I)  =>  r, ok := func() (I, bool) { igo_av := x; ...; return v, true }; r, ok := autoawait.Any(igo_av).(I); return r, ok }()
func (st *state) rawAssert(n *ast.TypeAssertExpr, x ast.Expr, cands []ast.Expr, commaOk bool) ast.Expr {
	pos := n.Pos()
	typ := func() ast.Expr { return cloneNode(n.Type, nil).(ast.Expr) }
	arg := func() ast.Expr { return ast.NewIdent(rawAssertParam) }
	assert := func() ast.Expr { return &ast.TypeAssertExpr{X: st.viaCompiled(arg()), Type: typ()} }
	ret := func(v ast.Expr) *ast.ReturnStmt {
		r := &ast.ReturnStmt{Return: pos, Results: []ast.Expr{v}}
		if commaOk {
			r.Results = append(r.Results, ast.NewIdent("true"))
		}
		return r
	}
	results := &ast.FieldList{List: []*ast.Field{{Type: typ()}}}
	if commaOk {
		results.List = append(results.List, &ast.Field{Type: ast.NewIdent("bool")})
	}
	var clauses []ast.Stmt
	for _, t := range cands {
		clauses = append(clauses, &ast.CaseClause{List: []ast.Expr{t}, Body: []ast.Stmt{ret(ast.NewIdent("v"))}})
	}
	body := []ast.Stmt{
		&ast.IfStmt{
			If:   pos,
			Init: &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("r"), ast.NewIdent("ok")}, Tok: token.DEFINE, Rhs: []ast.Expr{assert()}},
			Cond: ast.NewIdent("ok"),
			Body: &ast.BlockStmt{List: []ast.Stmt{ret(ast.NewIdent("r"))}},
		},
		&ast.TypeSwitchStmt{
			Switch: pos,
			Assign: &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("v")}, Tok: token.DEFINE, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: arg()}}},
			Body:   &ast.BlockStmt{List: clauses},
		},
	}
	if commaOk {
		body = append(body,
			&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("r"), ast.NewIdent("ok")}, Tok: token.DEFINE, Rhs: []ast.Expr{assert()}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ast.NewIdent("r"), ast.NewIdent("ok")}})
	} else {
		body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{assert()}})
	}
	// The operand is defined in the literal, not passed to it: the
	// evaluator loses the methods of a value passed as an argument of
	// type any even when it had them.
	body = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{arg()}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{x}}}, body...)
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: results},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: n.End()},
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: n.End()}
}

// structShape is what the evaluator keeps of a struct type: the types of
// its fields in order, any pointer alike.
func structShape(s *types.Struct) string {
	var b strings.Builder
	for i := range s.NumFields() {
		f := s.Field(i)
		if _, ok := f.Type().Underlying().(*types.Pointer); ok {
			b.WriteString("*;")
			continue
		}
		b.WriteString(types.TypeString(f.Type(), nil))
		b.WriteByte(';')
	}
	return b.String()
}
