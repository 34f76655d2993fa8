package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// rangeInt lowers range over an integer (Go 1.22), which the evaluator
// (yaegi v0.16.1) cannot run, to a loop with three clauses that means the
// same: the bound is evaluated once, the variable has the bound's type (int
// for an untyped constant) and each iteration has its own variable.
//
//	for i := range 10 { ... }     =>  for i := 0; i < 10; i++ { ... }
//	for i := range f() { ... }    =>  { igo_n1 := f(); for i := 0; i < igo_n1; i++ { ... } }
//	for range n { ... }           =>  for igo_lv1 := n; igo_lv1 > 0; igo_lv1-- { ... }
//	for i := range 3 { fs = append(fs, func() int { return i }) }
//	    =>  for igo_lv1 := 0; igo_lv1 < 3; igo_lv1++ { i := igo_lv1; fs = append(fs, func() int { return i }) }
//	for x = range n { ... }       =>  { igo_n1 := n; for igo_lv1 := 0; igo_lv1 < igo_n1; igo_lv1++ { x = igo_lv1; ... } }
//
// The user's variable is the counter only when the body can neither change
// it nor keep it past the iteration (no assignment, address, method call or
// function literal); otherwise the body starts with a copy of a hidden
// counter. The counter is named as loopvar names its copies, so that
// loopvar, which runs next, leaves the loop alone.
//
// Two faults of the evaluator with := in the cell's own code (outside
// functions) are kept away: a lowered loop at the top level runs in a
// block, as a := in the clauses of a loop at the top level of a chunk makes
// a session variable (which a later cell's closures could then share); and
// a loop variable named like a session variable is renamed, as a := in a
// block assigns the session variable instead of declaring one.
//
// Not lowered here: range over a function (rangefunc lowers it) and over
// a type parameter (generic code does not run yet).
func (st *state) rangeInt() error {
	for i := range st.units {
		u := &st.units[i]
		pending := map[*ast.LabeledStmt][]ast.Stmt{} // statements to put before a labeled loop
		top := false                                 // a loop of the unit's own statement is lowered
		funcs := 0                                   // function literals and declarations around the node
		root := astutil.Apply(u.node(), func(c *astutil.Cursor) bool {
			switch c.Node().(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				funcs++
			}
			return true
		}, func(c *astutil.Cursor) bool {
			switch n := c.Node().(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				funcs--
			case *ast.RangeStmt:
				pre, loop := st.lowerRangeInt(n, funcs == 0)
				if loop == nil {
					return true
				}
				if l, ok := u.stmt.(*ast.LabeledStmt); ast.Stmt(n) == u.stmt || ok && l.Stmt == ast.Stmt(n) {
					top = true
				}
				if l, ok := c.Parent().(*ast.LabeledStmt); ok {
					// The label must stay on the loop, for continue L.
					c.Replace(loop)
					pending[l] = pre
					return true
				}
				c.Replace(inBlock(pre, loop))
			case *ast.LabeledStmt:
				if pre := pending[n]; len(pre) > 0 {
					c.Replace(inBlock(pre, n))
				}
			}
			return true
		})
		// { for i := 0; ... }: i stays the loop's (see above).
		if top {
			if _, ok := root.(*ast.BlockStmt); !ok {
				root = &ast.BlockStmt{Lbrace: root.Pos(), List: []ast.Stmt{root.(ast.Stmt)}, Rbrace: root.End()}
			}
		}
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		}
	}
	return nil
}

// inBlock is s alone, or { pre...; s } when pre declares a temporary.
func inBlock(pre []ast.Stmt, s ast.Stmt) ast.Stmt {
	if len(pre) == 0 {
		return s
	}
	return &ast.BlockStmt{Lbrace: s.Pos(), List: append(pre, s), Rbrace: s.End()}
}

// lowerRangeInt returns the loop that replaces n and the statements to run
// before it, or a nil loop when n does not range over an integer. cell says
// n is in the cell's own code, not in a function.
func (st *state) lowerRangeInt(n *ast.RangeStmt, cell bool) (pre []ast.Stmt, loop *ast.ForStmt) {
	tv, ok := st.info.Types[n.X]
	if !ok || n.Value != nil || !isInteger(tv.Type) || isTypeParam(tv.Type) {
		return nil, nil
	}
	key := n.Key
	if isBlank(key) {
		key = nil
	}
	t := st.rangeIntType(n)
	loop = &ast.ForStmt{For: n.For, Body: n.Body}
	bound := n.X
	if isUntyped(tv.Type) && tv.Value == nil {
		// A shift of an untyped constant by a variable: typed by the loop.
		te := st.typeExpr(t)
		if te == nil {
			return nil, nil
		}
		bound = conversion(te, n.X)
	}

	// New nodes stand where the range expression does, so that the
	// printer keeps the header on its line.
	at := n.X.Pos()
	st.loops++
	name := fmt.Sprintf("igo_lv%d", st.loops)
	counter := func() *ast.Ident { return &ast.Ident{Name: name, NamePos: at} }
	if key == nil {
		// for range n  =>  for igo_lv1 := n; igo_lv1 > 0; igo_lv1-- (n once, no variable to show)
		loop.Init = define(counter(), bound)
		loop.Cond = &ast.BinaryExpr{X: counter(), OpPos: at, Op: token.GTR, Y: zeroLit(at)}
		loop.Post = &ast.IncDecStmt{X: counter(), TokPos: at, Tok: token.DEC}
		return nil, loop
	}

	zero := ast.Expr(zeroLit(at))
	if !types.Identical(t, types.Typ[types.Int]) {
		te := st.typeExpr(t)
		if te == nil {
			return nil, nil
		}
		zero = conversion(te, zero)
	}
	switch {
	case tv.Value == nil:
		tmp := fmt.Sprintf("igo_n%d", st.loops)
		pre = []ast.Stmt{define(&ast.Ident{Name: tmp, NamePos: at}, bound)}
		bound = &ast.Ident{Name: tmp, NamePos: at}
	case mentions(n.X, key):
		// for n := range n: the bound is the outer n, whose value is known.
		bound = &ast.BasicLit{ValuePos: at, Kind: token.INT, Value: constant.ToInt(tv.Value).ExactString()}
	}

	id, _ := key.(*ast.Ident)
	if cell && n.Tok == token.DEFINE && id != nil && (st.s.Lookup(id.Name) != nil || st.declared[id.Name]) {
		// In the cell's own code, the evaluator's := in a block assigns the
		// session variable of that name, if any: the loop's variable is
		// renamed.
		//	i := 100; for i := range 3 { ... i ... }  =>  ... for igo_v1 := 0; ... { ... igo_v1 ... }
		st.rename(n.Body, st.info.Defs[id], fmt.Sprintf("igo_v%d", st.loops))
		id.Name = fmt.Sprintf("igo_v%d", st.loops)
	}
	if n.Tok == token.DEFINE && id != nil && !st.keptByBody(n.Body, st.info.Defs[id]) {
		// The user's variable counts.
		loop.Init = define(id, zero)
		loop.Cond = &ast.BinaryExpr{X: st.sameIdent(id), OpPos: at, Op: token.LSS, Y: bound}
		loop.Post = &ast.IncDecStmt{X: st.sameIdent(id), TokPos: at, Tok: token.INC}
		return pre, loop
	}
	// A hidden counter; each iteration sets the key from it.
	loop.Init = define(counter(), zero)
	loop.Cond = &ast.BinaryExpr{X: counter(), OpPos: at, Op: token.LSS, Y: bound}
	loop.Post = &ast.IncDecStmt{X: counter(), TokPos: at, Tok: token.INC}
	set := &ast.AssignStmt{Lhs: []ast.Expr{key}, TokPos: at, Tok: n.Tok, Rhs: []ast.Expr{counter()}}
	body := n.Body
	if n.Tok == token.DEFINE && id != nil && redeclares(body, id.Name) {
		// for i := range n { i := i * 2 }: the body's i is another variable.
		body = &ast.BlockStmt{List: []ast.Stmt{body}}
	}
	loop.Body = &ast.BlockStmt{Lbrace: n.Body.Lbrace, List: append([]ast.Stmt{set}, body.List...), Rbrace: n.Body.Rbrace}
	return pre, loop
}

// rename renames the uses of v in n.
func (st *state) rename(n ast.Node, v types.Object, name string) {
	if v == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && st.info.Uses[id] == v {
			id.Name = name
		}
		return true
	})
}

// rangeIntType is the type of the values a range over an integer produces:
// the integer's type; for an untyped constant, the type of an assigned
// variable, or else the default type (int, or rune for a rune constant).
func (st *state) rangeIntType(n *ast.RangeStmt) types.Type {
	t := st.info.TypeOf(n.X)
	if !isUntyped(t) {
		return t
	}
	if n.Tok == token.ASSIGN && !isBlank(n.Key) {
		if kt := st.info.TypeOf(n.Key); kt != nil {
			return kt
		}
	}
	return types.Default(t)
}

// keptByBody reports whether body could change the loop variable v or see
// it after the iteration: it assigns v, takes its address, calls a method
// on it (a pointer method takes the address), or makes a function literal.
func (st *state) keptByBody(body *ast.BlockStmt, v types.Object) bool {
	if v == nil || makesClosure(body) || st.changes(body, map[types.Object]bool{v: true}) {
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && st.info.Uses[x] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// redeclares reports whether a statement of block itself (not of a nested
// block) declares name.
func redeclares(block *ast.BlockStmt, name string) bool {
	for _, s := range block.List {
		for {
			l, ok := s.(*ast.LabeledStmt)
			if !ok {
				break
			}
			s = l.Stmt
		}
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == name {
						return true
					}
				}
			}
		case *ast.DeclStmt:
			if gd, ok := s.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					switch sp := sp.(type) {
					case *ast.ValueSpec:
						for _, id := range sp.Names {
							if id.Name == name {
								return true
							}
						}
					case *ast.TypeSpec:
						if sp.Name.Name == name {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// mentions reports whether e uses an identifier spelled like key.
func mentions(e ast.Expr, key ast.Expr) bool {
	id, ok := key.(*ast.Ident)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && x.Name == id.Name {
			found = true
		}
		return !found
	})
	return found
}

// sameIdent is a new identifier for what id denotes, known to the checker's
// record as id is.
func (st *state) sameIdent(id *ast.Ident) *ast.Ident {
	n := &ast.Ident{Name: id.Name, NamePos: id.NamePos}
	if o := st.info.Defs[id]; o != nil {
		st.info.Uses[n] = o
	} else if o := st.info.Uses[id]; o != nil {
		st.info.Uses[n] = o
	}
	return n
}

func define(lhs, rhs ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: []ast.Expr{lhs}, TokPos: lhs.Pos(), Tok: token.DEFINE, Rhs: []ast.Expr{rhs}}
}

func zeroLit(at token.Pos) *ast.BasicLit {
	return &ast.BasicLit{ValuePos: at, Kind: token.INT, Value: "0"}
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return e == nil || ok && id.Name == "_"
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}
