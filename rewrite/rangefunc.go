package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// rangeFunc lowers range over a function (Go 1.23), which the evaluator
// (yaegi v0.16.1) cannot run, to a call of the function with the loop's
// body as its yield function, with Go's meaning: the lowering is the Go
// compiler's (cmd/compile/internal/rangefunc), checks included.
//
//	for x := range seq { if x > 2 { break }; use(x) }
//	    =>  {
//	            igo_state1 := 1
//	            seq(func(x int) bool {
//	                if igo_state1 != 1 { igo_e := igo_state1; igo_state1 = 2; autoawait.RangePanic(igo_e) }
//	                igo_state1 = 2
//	                if x > 2 { igo_state1 = 0; return false }
//	                use(x)
//	                igo_state1 = 1
//	                return true
//	            })
//	            if igo_state1 == 2 { autoawait.RangePanic(4) }
//	            igo_state1 = 3
//	        }
//
// The range variables are the yield function's parameters, so each
// iteration has its own; `for x = range seq` assigns x from a hidden
// parameter. continue is `return true`, break `return false`. Control
// that leaves more than the body (return, a labelled break or continue of
// an outer loop, goto out of the body) sets igo_nextN, which the outermost
// loop of a nest declares, and returns false; after each call the code
// that follows the iterator finishes the jump:
//
//	-1     return (`return x, y` first assigns the results, which are
//	       named for it: `func f() (int, error)` => `func f() (igo_res1 int, igo_res2 error)`)
//	2d     break the range-over-func loop at depth d (outermost 1)
//	2d-1   continue it
//	<= -2  break, continue or goto to a label of another statement
//
// A body's deferred calls are the function's, not the yield function's:
// the outermost loop defers igo_defersN.Run() when it starts, and a defer
// in a body adds its call there, its function and arguments evaluated at
// once; they run in Go's order among the function's other defers.
//
// igo_stateN is Go's check that the iterator keeps the contract: 1 ready,
// 2 running the body (or it panicked), 0 the body returned false, 3 the
// iterator returned. A call of the body in any other state than 1 panics
// with an autoawait.RangeError, whose text is the Go runtime's; so does an
// iterator that returns while its body was panicking (it recovered the
// panic). A panic of the body goes through unchanged.
//
// The names are numbered past every name the cell uses. A loop whose
// yield function's parameter types cannot be written here is reported by
// limits; a loop over a type parameter is left as it is (generic code is
// instantiated first).
//
// One difference remains: recover in a call that the body deferred does
// not stop a panic, as that call is made by igo_defersN.Run, not by the
// function's own defer (Go's runtime has a hook for it that Go code
// lacks).
func (st *state) rangeFunc() error {
	rf := &rangeFuncs{st: st}
	for i := range st.units {
		u := &st.units[i]
		if !rf.has(u.node()) {
			continue
		}
		rf.loadNames()
		if u.stmt != nil {
			fn := rf.enter(nil, u.stmt)
			// The cell's statements are one function: a goto of another
			// statement may name a label of this one.
			for _, v := range st.units {
				if v.stmt != nil && v.stmt != u.stmt {
					rf.gotos(fn, v.stmt)
				}
			}
		}
		root := astutil.Apply(u.node(), rf.pre, rf.post)
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
			rf.funcs = rf.funcs[:0]
		}
	}
	return nil
}

// rangeFuncs is the state of the rangefunc pass over a cell.
type rangeFuncs struct {
	st    *state
	used  map[string]bool // names the cell uses, and those given out
	count map[string]int  // the last number of each prefix
	funcs []*rfFunc       // the functions around the node visited, innermost last
}

// An rfFunc is a function whose range-over-func loops are lowered: a
// declaration, a literal, or the statement of a cell's own code.
type rfFunc struct {
	typ     *ast.FuncType // nil for a cell's own code
	body    ast.Node
	loops   []*rfLoop  // the range-over-func loops around the node, innermost last
	targets []ast.Stmt // the statements around the node that break and continue leave
	labels  map[types.Object]*ast.LabeledStmt
	inLoop  map[types.Object]*ast.RangeStmt // the innermost range-over-func loop around a label
	gotos   map[types.Object]bool           // the labels goto names
	codes   map[rfBranch]int                // the igo_next values of branches to other statements
	results []*ast.Ident                    // the named results, once a return needs them
	lowered map[ast.Stmt]bool               // the blocks that replaced loops

	// Of the nest of loops being lowered:
	next   string // "" until a jump needs it
	defers string // "" until a defer needs it
	jumps  bool   // a break or continue of an outer loop (igo_next > 0)
}

// An rfLoop is a range-over-func loop being lowered.
type rfLoop struct {
	n     *ast.RangeStmt
	yield *types.Signature
	state string

	// The checks after the iterator's call.
	checkRet      bool       // return, or a jump out through this loop
	checkBreak    bool       // break of the loop around it
	checkContinue bool       // continue of the loop around it
	branches      []rfBranch // jumps to labels of statements around it
}

// An rfBranch is a break, continue or goto to a label.
type rfBranch struct {
	tok   token.Token
	label types.Object
}

// has reports whether n holds a range over a function.
func (rf *rangeFuncs) has(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && rf.yieldOf(r) != nil {
			found = true
		}
		return !found
	})
	return found
}

// yieldOf is the signature of the loop body's function when n ranges over
// a function, nil otherwise (a type parameter is not lowered here).
func (rf *rangeFuncs) yieldOf(n *ast.RangeStmt) *types.Signature {
	t := rf.st.info.TypeOf(n.X)
	if t == nil || isTypeParam(t) {
		return nil
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return nil
	}
	y, _ := sig.Params().At(0).Type().Underlying().(*types.Signature)
	return y
}

// loadNames notes the names the cell uses, once.
func (rf *rangeFuncs) loadNames() {
	if rf.used != nil {
		return
	}
	rf.used, rf.count = map[string]bool{}, map[string]int{}
	for _, u := range rf.st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				rf.used[id.Name] = true
			}
			return true
		})
	}
}

// fresh is prefix and the next number that names nothing the cell or
// the session knows.
func (rf *rangeFuncs) fresh(prefix string) string {
	for {
		rf.count[prefix]++
		name := prefix + strconv.Itoa(rf.count[prefix])
		if !rf.used[name] && !rf.st.declared[name] && rf.st.s.Lookup(name) == nil {
			rf.used[name] = true
			return name
		}
	}
}

func (rf *rangeFuncs) fn() *rfFunc { return rf.funcs[len(rf.funcs)-1] }

// enter starts a function: it finds its labels, where they are and which
// ones goto names.
func (rf *rangeFuncs) enter(typ *ast.FuncType, body ast.Node) *rfFunc {
	fn := &rfFunc{typ: typ, body: body,
		labels: map[types.Object]*ast.LabeledStmt{}, inLoop: map[types.Object]*ast.RangeStmt{},
		gotos: map[types.Object]bool{}, codes: map[rfBranch]int{}, lowered: map[ast.Stmt]bool{}}
	rf.funcs = append(rf.funcs, fn)
	if body == nil {
		return fn
	}
	var loops []*ast.RangeStmt
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			if top := stack[len(stack)-1]; len(loops) > 0 && top == loops[len(loops)-1] {
				loops = loops[:len(loops)-1]
			}
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a function of its own
		case *ast.RangeStmt:
			if rf.yieldOf(n) != nil {
				loops = append(loops, n)
			}
		case *ast.LabeledStmt:
			if l := rf.st.info.Defs[n.Label]; l != nil {
				fn.labels[l] = n
				if len(loops) > 0 {
					fn.inLoop[l] = loops[len(loops)-1]
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	rf.gotos(fn, body)
	return fn
}

// gotos notes the labels that goto names in n, outside function literals.
func (rf *rangeFuncs) gotos(fn *rfFunc, n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && n.Label != nil {
				if l := rf.st.info.Uses[n.Label]; l != nil {
					fn.gotos[l] = true
				}
			}
		}
		return true
	})
}

func (rf *rangeFuncs) pre(c *astutil.Cursor) bool {
	switch n := c.Node().(type) {
	case *ast.FuncDecl:
		rf.enter(n.Type, n.Body)
	case *ast.FuncLit:
		rf.enter(n.Type, n.Body)
	case *ast.RangeStmt:
		fn := rf.fn()
		fn.targets = append(fn.targets, n)
		if y := rf.yieldOf(n); y != nil {
			fn.loops = append(fn.loops, &rfLoop{n: n, yield: y, state: rf.fresh("igo_state")})
		}
	case *ast.ForStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		if len(rf.funcs) > 0 {
			fn := rf.fn()
			fn.targets = append(fn.targets, n.(ast.Stmt))
		}
	}
	return true
}

func (rf *rangeFuncs) post(c *astutil.Cursor) bool {
	if len(rf.funcs) == 0 {
		return true // the declaration of a variable or type
	}
	fn := rf.fn()
	switch n := c.Node().(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		rf.funcs = rf.funcs[:len(rf.funcs)-1]
	case *ast.ForStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		fn.targets = fn.targets[:len(fn.targets)-1]
	case *ast.RangeStmt:
		fn.targets = fn.targets[:len(fn.targets)-1]
		if len(fn.loops) > 0 && fn.loops[len(fn.loops)-1].n == n {
			block := rf.lower(fn)
			fn.lowered[block] = true
			c.Replace(block)
		}
	case *ast.LabeledStmt:
		// L: for x := range f {}: break and continue L are gone; goto L stays.
		if fn.lowered[n.Stmt] && !fn.gotos[rf.st.info.Defs[n.Label]] {
			c.Replace(n.Stmt)
		}
	case *ast.BranchStmt:
		if len(fn.loops) > 0 {
			if list := rf.branch(fn, n); list != nil {
				replaceStmt(c, list)
			}
		}
	case *ast.ReturnStmt:
		if len(fn.loops) > 0 {
			replaceStmt(c, rf.ret(fn, n))
		}
	case *ast.DeferStmt:
		if len(fn.loops) > 0 {
			c.Replace(rf.deferCall(fn, n))
		}
	}
	return true
}

// replaceStmt replaces the statement at c with list: in its place in a
// list of statements, or as a block.
func replaceStmt(c *astutil.Cursor, list []ast.Stmt) {
	if c.Index() < 0 {
		c.Replace(&ast.BlockStmt{Lbrace: c.Node().Pos(), List: list, Rbrace: c.Node().End()})
		return
	}
	for _, s := range list[:len(list)-1] {
		c.InsertBefore(s)
	}
	c.Replace(list[len(list)-1])
}

// lower replaces the innermost loop of fn, whose body is lowered already.
func (rf *rangeFuncs) lower(fn *rfFunc) ast.Stmt {
	loop := fn.loops[len(fn.loops)-1]
	depth := len(fn.loops)
	n := loop.n
	st := rf.st
	st.needRT = true
	state := func() *ast.Ident { return ident(loop.state) }

	// func(x K, igo_p2 V) bool { v = igo_p2; ... }
	params := &ast.FieldList{Opening: n.For}
	var assign []ast.Stmt
	names := map[string]bool{"autoawait": true, "true": true}
	vars := []ast.Expr{n.Key, n.Value}
	for i := 0; i < loop.yield.Params().Len(); i++ {
		t := loop.yield.Params().At(i).Type()
		var v ast.Expr
		if i < len(vars) {
			v = vars[i]
		}
		var name *ast.Ident
		switch {
		case isBlank(v):
			name = ident("_")
		case n.Tok == token.DEFINE:
			name = v.(*ast.Ident)
			names[name.Name] = true
		default:
			p := rf.fresh("igo_p")
			name = rf.newVar(p, t, n.For)
			assign = append(assign, &ast.AssignStmt{Lhs: []ast.Expr{v}, TokPos: v.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{rf.use(name)}})
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{name}, Type: st.typeExpr(t)})
	}
	body := &ast.BlockStmt{Lbrace: n.Body.Lbrace, Rbrace: n.Body.Rbrace}
	// if igo_state1 != 1 { igo_e := igo_state1; igo_state1 = 2; autoawait.RangePanic(igo_e) }
	body.List = append(body.List,
		&ast.IfStmt{If: n.Body.Lbrace, Cond: binary(state(), token.NEQ, intLit(1)), Body: block(
			define(ident("igo_e"), state()),
			assignTo(state(), intLit(2)),
			rangePanic(ident("igo_e")),
		)},
		assignTo(state(), intLit(2)))
	body.List = append(body.List, assign...)
	user := n.Body.List
	for name := range names {
		if redeclares(n.Body, name) {
			user = []ast.Stmt{n.Body} // the body's names are its own
			break
		}
	}
	body.List = append(body.List, user...)
	body.List = append(body.List, assignTo(state(), intLit(1)), &ast.ReturnStmt{Return: n.Body.Rbrace, Results: []ast.Expr{ident("true")}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: n.For, Params: params, Results: &ast.FieldList{List: []*ast.Field{{Type: ident("bool")}}}},
		Body: body,
	}

	// seq(func ...)
	x := n.X
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr, *ast.TypeAssertExpr:
	default:
		x = &ast.ParenExpr{Lparen: x.Pos(), X: x, Rparen: x.End()}
	}
	out := &ast.BlockStmt{Lbrace: n.For, Rbrace: n.Body.Rbrace}
	if depth == 1 {
		if fn.next != "" {
			out.List = append(out.List, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: n.For, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Names: []*ast.Ident{ident(fn.next)}, Type: ident("int")}}}})
		}
		if fn.defers != "" {
			// igo_defers1 := new(autoawait.Defers); defer igo_defers1.Run()
			out.List = append(out.List,
				define(ident(fn.defers), call(ident("new"), rtSel("Defers"))),
				&ast.DeferStmt{Defer: n.For, Call: call(sel(ident(fn.defers), "Run"))})
		}
	}
	out.List = append(out.List,
		define(state(), intLit(1)),
		exprStmt(&ast.CallExpr{Fun: x, Lparen: x.End(), Args: []ast.Expr{lit}, Rparen: n.Body.Rbrace}),
		// The iterator returned while the body was panicking: it recovered.
		&ast.IfStmt{If: n.Body.Rbrace, Cond: binary(state(), token.EQL, intLit(2)), Body: block(rangePanic(intLit(4)))},
		assignTo(state(), intLit(3)))
	out.List = append(out.List, rf.checks(fn, loop, depth)...)
	fn.loops = fn.loops[:depth-1]
	if depth == 1 {
		fn.next, fn.defers, fn.jumps = "", "", false
	}
	return out
}

// checks are the statements after the iterator's call that finish a jump
// out of the loop at depth (outermost 1).
func (rf *rangeFuncs) checks(fn *rfFunc, loop *rfLoop, depth int) []ast.Stmt {
	var list []ast.Stmt
	ifNext := func(op token.Token, c int, zero bool, then ...ast.Stmt) {
		if zero {
			then = append([]ast.Stmt{assignTo(ident(fn.next), intLit(0))}, then...)
		}
		list = append(list, &ast.IfStmt{Cond: binary(ident(fn.next), op, intLit(c)), Body: block(then...)})
	}
	done := map[rfBranch]bool{}
	for _, b := range loop.branches {
		if !done[b] {
			done[b] = true
			ifNext(token.EQL, fn.codes[b], true, &ast.BranchStmt{Tok: b.tok, Label: ident(b.label.Name())})
		}
	}
	if depth == 1 {
		if loop.checkRet {
			ifNext(token.EQL, -1, false, &ast.ReturnStmt{})
		}
		return list
	}
	// In the body of the loop around: leave it, or go on with it.
	outer := ident(fn.loops[depth-2].state)
	stop := func(state int, ret string) []ast.Stmt {
		return []ast.Stmt{assignTo(outer, intLit(state)), &ast.ReturnStmt{Results: []ast.Expr{ident(ret)}}}
	}
	if loop.checkRet {
		ifNext(token.LSS, 0, false, stop(0, "false")...)
	}
	step := 2 * (depth - 1)
	if fn.jumps {
		ifNext(token.GTR, step, false, rangePanic(intLit(0)))
	}
	if loop.checkContinue {
		ifNext(token.EQL, step-1, true, stop(1, "true")...)
	}
	if loop.checkBreak {
		ifNext(token.EQL, step, true, stop(0, "false")...)
	}
	if loop.checkContinue || loop.checkBreak {
		ifNext(token.GTR, 0, false, stop(0, "false")...)
	}
	return list
}

// newVar is a new identifier that declares a variable of type t, known to
// the checker's record so that later passes see its type. at places it
// inside the loop, so that liftlits counts it as the literal's own.
func (rf *rangeFuncs) newVar(name string, t types.Type, at token.Pos) *ast.Ident {
	id := ident(name)
	rf.st.info.Defs[id] = types.NewVar(at, nil, name, t)
	return id
}

// use is a new identifier for the variable def declares.
func (rf *rangeFuncs) use(def *ast.Ident) *ast.Ident {
	id := ident(def.Name)
	if o := rf.st.info.Defs[def]; o != nil {
		rf.st.info.Uses[id] = o
	} else if o := rf.st.info.Uses[def]; o != nil {
		rf.st.info.Uses[id] = o
	}
	return id
}

// rangeFuncLimit reports a range over a function that the evaluator cannot
// run once lowered: the yield function's parameter types must be written.
func (st *state) rangeFuncLimit(n *ast.RangeStmt) error {
	y := (&rangeFuncs{st: st}).yieldOf(n)
	if y == nil {
		return nil
	}
	for i := 0; i < y.Params().Len(); i++ {
		if t := y.Params().At(i).Type(); !st.nameable(t) {
			return st.errorf(n.X.Pos(), "the evaluator cannot run this range over a function: type %s cannot be named here", t)
		}
	}
	return nil
}

func ident(name string) *ast.Ident { return &ast.Ident{Name: name} }

func intLit(v int) ast.Expr {
	if v < 0 {
		return &ast.UnaryExpr{Op: token.SUB, X: intLit(-v)}
	}
	return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(v)}
}

func binary(x ast.Expr, op token.Token, y ast.Expr) ast.Expr {
	return &ast.BinaryExpr{X: x, Op: op, Y: y}
}

func assignTo(lhs, rhs ast.Expr) ast.Stmt {
	return &ast.AssignStmt{Lhs: []ast.Expr{lhs}, Tok: token.ASSIGN, Rhs: []ast.Expr{rhs}}
}

func block(list ...ast.Stmt) *ast.BlockStmt { return &ast.BlockStmt{List: list} }

func exprStmt(x ast.Expr) ast.Stmt { return &ast.ExprStmt{X: x} }

func call(fun ast.Expr, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: fun, Args: args}
}

func sel(x ast.Expr, name string) ast.Expr {
	return &ast.SelectorExpr{X: x, Sel: ident(name)}
}

// rtSel names a member of the runtime: autoawait.name.
func rtSel(name string) ast.Expr { return sel(ident("autoawait"), name) }

func rangePanic(state ast.Expr) ast.Stmt { return exprStmt(call(rtSel("RangePanic"), state)) }
