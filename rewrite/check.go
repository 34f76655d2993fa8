package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

const importTok = token.IMPORT

// GoVersion is the language version cells are checked against: the one the
// evaluator runs once the passes have lowered what it lacks (range over a
// function, Go 1.23, is the newest).
const GoVersion = "go1.23"

// extMethod is a method the cell declares on a type of an earlier cell.
// go/types cannot add it to a finished package, so the checker sees it as a
// function taking the receiver first, and the method is added by hand.
//
//	func (t T) M(x int) int { ... }  =>  func _(t T, x int) int { ... }
type extMethod struct {
	decl  *ast.FuncDecl // as written
	conv  *ast.FuncDecl // as checked
	named *types.Named
}

// check type-checks the cell against the session. Top-level `:=`
// statements become package variables, so that functions of the cell and
// later cells see them; other statements are checked, in order, inside
// function bodies:
//
//	x := f()       =>  var x = f()
//	fmt.Println(x) =>  func _() { fmt.Println(x) }
//	x              =>  func _() { _ = x }   (a final expression)
func (st *state) check() (err error) {
	s := st.s
	savedPkg, savedObjs := s.pkg, s.objs
	var redef map[string]bool
	for _, n := range st.order {
		if s.Lookup(n) != nil {
			if redef == nil {
				redef = map[string]bool{}
			}
			redef[n] = true
		}
	}
	if redef != nil {
		s.rebuild(redef)
	}
	before := s.pkg.Scope().Len()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal type-checker error: %v", st.opts.Name, r)
		}
		if err != nil {
			// The checker may have declared some of the cell's names.
			polluted := s.pkg != savedPkg || s.pkg.Scope().Len() != before
			s.pkg, s.objs = savedPkg, savedObjs
			if polluted || s.pkg.Scope().Len() != len(savedObjs) {
				s.rebuild(nil)
			}
		}
	}()

	// A cell with awaits is checked again when an operand's type shows
	// that its await was guessed wrong: the scope starts over each time.
	start := s.objs
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			s.objs = start
			s.rebuild(nil)
		}
		first := st.checkOnce()
		if st.err != nil {
			return st.err
		}
		if len(st.awaits) > 0 {
			changed, bad := st.decideAwaits()
			if changed && attempt <= len(st.awaits) {
				continue
			}
			if bad != nil {
				return st.awaitError(bad)
			}
		}
		if first != nil {
			return st.awaitMessage(explainUndefined(first, st.checkImp, s.conf.Importer))
		}
		break
	}
	if err := st.limits(); err != nil {
		return err
	}
	for _, m := range st.methods {
		if err := st.checkMethodBody(m); err != nil {
			return err
		}
	}
	st.dropUnusedImports()
	if err := st.prepareInstances(); err != nil {
		return err
	}
	var objs []types.Object
	for _, n := range st.order {
		if o := s.pkg.Scope().Lookup(n); o != nil {
			objs = append(objs, o)
		}
	}
	s.declare(objs)
	st.recordDecls()
	for n, p := range st.evalImp {
		if n != "_"+p && n != "."+p {
			s.imports[n] = p
		}
	}
	return nil
}

// awaitMessage speaks of an await, not of the helper that stood in for it
// while checking.
func (st *state) awaitMessage(err error) error {
	te, ok := err.(types.Error)
	if !ok {
		return err
	}
	for _, s := range st.awaits {
		if te.Pos == s.u.OpPos && s.node != nil {
			te.Msg = strings.ReplaceAll(te.Msg, types.ExprString(s.node), "await "+types.ExprString(s.x))
			return te
		}
	}
	return err
}

// checkOnce runs the checker over the cell as it stands and returns its
// first error.
func (st *state) checkOnce() error {
	s := st.s
	st.placeAwaits()
	file := st.checkFile()
	if st.err != nil {
		return nil
	}
	st.info = newInfo()
	var first error
	importPos := map[token.Pos]bool{}
	for _, sp := range st.userSpecs {
		importPos[sp.Pos()] = true
		importPos[sp.Path.Pos()] = true
	}
	conf := types.Config{
		Importer:  awaitImporter{s.conf.Importer},
		GoVersion: GoVersion,
		Error: func(e error) {
			te := e.(types.Error)
			// An import the cell does not use yet is fine at a prompt.
			if te.Soft && (!te.Pos.IsValid() || importPos[te.Pos]) {
				return
			}
			if first == nil {
				first = e
			}
		},
	}
	st.addMethods(conf)
	types.NewChecker(&conf, s.fset, s.pkg, st.info).Files([]*ast.File{file})
	return first
}

// checkFile builds the file the checker sees.
func (st *state) checkFile() *ast.File {
	f := &ast.File{Name: ast.NewIdent("main")}
	if d := st.importDecl(); len(d.Specs) > 0 {
		f.Decls = append(f.Decls, d)
	}
	var run *ast.BlockStmt
	flush := func() {
		if run != nil {
			f.Decls = append(f.Decls, &ast.FuncDecl{Name: ast.NewIdent("_"), Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: run})
			run = nil
		}
	}
	seen := map[string]bool{}
	for _, u := range st.units {
		switch d := u.decl.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				continue
			}
			flush()
			f.Decls = append(f.Decls, d)
			continue
		case *ast.FuncDecl:
			flush()
			if m := st.extMethod(d); m != nil {
				st.methods = append(st.methods, m)
				f.Decls = append(f.Decls, m.conv)
				continue
			}
			f.Decls = append(f.Decls, d)
			continue
		}
		if as, ok := u.stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			flush()
			f.Decls = append(f.Decls, liftDefine(as, seen))
			continue
		}
		if run == nil {
			run = &ast.BlockStmt{}
		}
		stmt := u.stmt
		if es, ok := stmt.(*ast.ExprStmt); ok && es == st.last && !st.isStmtCall(es.X) {
			stmt = &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, TokPos: es.Pos(), Rhs: []ast.Expr{es.X}}
		}
		run.List = append(run.List, stmt)
	}
	flush()
	return f
}

// liftDefine turns a top-level `:=` into a package variable declaration for
// the checker. A name the cell already defined is assigned, as Go's `:=`
// does, so the checker sees a blank in its place.
func liftDefine(as *ast.AssignStmt, seen map[string]bool) *ast.GenDecl {
	spec := &ast.ValueSpec{Values: as.Rhs}
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		name := "_"
		if ok && !seen[id.Name] {
			name = id.Name
			seen[name] = true
		}
		pos := l.Pos()
		spec.Names = append(spec.Names, &ast.Ident{Name: name, NamePos: pos})
	}
	return &ast.GenDecl{Tok: token.VAR, TokPos: as.Pos(), Specs: []ast.Spec{spec}}
}

// isStmtCall reports whether e may stand as a statement: a receive, or a
// call that is neither a conversion nor a builtin with a value. Other final
// expressions are checked as `_ = e`.
func (st *state) isStmtCall(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	case *ast.CallExpr:
		switch f := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			if st.declared[f.Name] {
				return !st.declaresType(f.Name)
			}
			o := st.s.Lookup(f.Name)
			if o == nil {
				o = types.Universe.Lookup(f.Name)
			}
			switch o := o.(type) {
			case *types.TypeName:
				return false
			case *types.Builtin:
				return statementBuiltins[o.Name()]
			}
			return true
		case *ast.SelectorExpr:
			x, ok := f.X.(*ast.Ident)
			if !ok {
				return true
			}
			path, ok := st.checkImp[x.Name]
			if !ok {
				return true
			}
			pkg, err := st.s.conf.Importer.Import(path)
			if err != nil {
				return true
			}
			_, isType := pkg.Scope().Lookup(f.Sel.Name).(*types.TypeName)
			return !isType
		case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.StarExpr, *ast.InterfaceType, *ast.StructType:
			return false
		}
		return true
	}
	return false
}

// statementBuiltins may be called as statements.
var statementBuiltins = map[string]bool{
	"clear": true, "close": true, "copy": true, "delete": true,
	"panic": true, "print": true, "println": true, "recover": true,
}

func (st *state) declaresType(name string) bool {
	for _, u := range st.units {
		if gd, ok := u.decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				if sp.(*ast.TypeSpec).Name.Name == name {
					return true
				}
			}
		}
	}
	return false
}

// extMethod returns the conversion of d when it declares a method on a
// type of an earlier cell, nil otherwise.
func (st *state) extMethod(d *ast.FuncDecl) *extMethod {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return nil
	}
	base := recvBase(d.Recv.List[0].Type)
	if base == nil || st.declared[base.Name] {
		return nil
	}
	tn, ok := st.s.Lookup(base.Name).(*types.TypeName)
	if !ok {
		return nil
	}
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return nil
	}
	if named.TypeParams().Len() > 0 && st.err == nil {
		st.err = st.errorf(d.Name.Pos(), "a method of generic type %s must be declared in the cell that declares the type", base.Name)
	}
	var params []*ast.Field
	for _, f := range append([]*ast.Field{d.Recv.List[0]}, d.Type.Params.List...) {
		g := *f
		if len(g.Names) == 0 {
			g.Names = []*ast.Ident{{Name: "_", NamePos: f.Type.Pos()}}
		}
		params = append(params, &g)
	}
	conv := &ast.FuncDecl{
		Name: &ast.Ident{Name: "_", NamePos: d.Name.NamePos},
		Type: &ast.FuncType{Func: d.Type.Func, Params: &ast.FieldList{List: params}, Results: d.Type.Results},
		Body: d.Body,
	}
	return &extMethod{decl: d, conv: conv, named: named}
}

func recvBase(e ast.Expr) *ast.Ident {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t
		default:
			return nil
		}
	}
}

// addMethods checks the signatures of methods on earlier types and adds
// them to their types, so that the rest of the cell can call them.
func (st *state) addMethods(conf types.Config) {
	for _, m := range st.methods {
		stub := &ast.File{Name: ast.NewIdent("main"), Decls: []ast.Decl{st.importDecl()}}
		sig := *m.conv
		sig.Body = nil
		stub.Decls = append(stub.Decls, &sig)
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
		var failed bool
		c := conf
		c.Error = func(e error) {
			if te, ok := e.(types.Error); !ok || !te.Soft {
				failed = true
			}
		}
		types.NewChecker(&c, st.s.fset, st.s.pkg, info).Files([]*ast.File{stub})
		fn, ok := info.Defs[sig.Name].(*types.Func)
		if failed || !ok {
			continue
		}
		fs := fn.Signature()
		vars := make([]*types.Var, 0, fs.Params().Len())
		for i := 1; i < fs.Params().Len(); i++ {
			vars = append(vars, fs.Params().At(i))
		}
		msig := types.NewSignatureType(fs.Params().At(0), nil, nil, types.NewTuple(vars...), fs.Results(), fs.Variadic())
		if old := methodOf(m.named, m.decl.Name.Name); old != nil {
			continue // checked against the new one in checkMethodBody
		}
		m.named.AddMethod(types.NewFunc(m.decl.Name.Pos(), st.s.pkg, m.decl.Name.Name, msig))
	}
}

// checkMethodBody confirms a method redeclared on an earlier type keeps its
// signature: go/types cannot remove a method.
func (st *state) checkMethodBody(m *extMethod) error {
	fn, ok := st.info.Defs[m.conv.Name].(*types.Func)
	old := methodOf(m.named, m.decl.Name.Name)
	if !ok || old == nil {
		return nil
	}
	want := old.Signature()
	got := fn.Signature()
	if got.Params().Len() != want.Params().Len()+1 || !types.Identical(got.Results(), want.Results()) {
		return st.errorf(m.decl.Name.Pos(), "method %s.%s already declared with another signature; redefine type %s to change it",
			m.named.Obj().Name(), m.decl.Name.Name, m.named.Obj().Name())
	}
	for i := 0; i < want.Params().Len(); i++ {
		if !types.Identical(got.Params().At(i+1).Type(), want.Params().At(i).Type()) {
			return st.errorf(m.decl.Name.Pos(), "method %s.%s already declared with another signature; redefine type %s to change it",
				m.named.Obj().Name(), m.decl.Name.Name, m.named.Obj().Name())
		}
	}
	return nil
}

func methodOf(n *types.Named, name string) *types.Func {
	for i := 0; i < n.NumMethods(); i++ {
		if m := n.Method(i); m.Name() == name {
			return m
		}
	}
	return nil
}

// dropUnusedImports keeps automatic imports only where the cell used them:
// a local variable named like a package is not a reason to import it.
func (st *state) dropUnusedImports() {
	used := map[string]bool{}
	for _, o := range st.info.Uses {
		if pn, ok := o.(*types.PkgName); ok {
			used[pn.Name()] = true
		}
	}
	user := map[string]bool{}
	for _, sp := range st.userSpecs {
		if name, _, err := st.importName(sp); err == nil {
			user[name] = true
		}
	}
	for n := range st.evalImp {
		if !user[n] && !used[n] && n[0] != '_' && n[0] != '.' {
			delete(st.evalImp, n)
		}
	}
}

func importSpec(name, path string) *ast.ImportSpec {
	return &ast.ImportSpec{Name: ast.NewIdent(name), Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)}}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// newInfo records what the passes read of a check: types, definitions,
// uses, instances of generic code, selections and implicit objects.
func newInfo() *types.Info {
	return &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
	}
}
