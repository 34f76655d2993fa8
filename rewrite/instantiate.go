package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/igolang/igo/geninst"
)

// instantiate turns a program's generic code into ordinary Go, which the
// evaluator (yaegi v0.16.1) runs: it cannot run generic code of its own.
// Every generic function and type is copied once per list of type
// arguments the type checker recorded, with its type parameters replaced by
// the arguments and a name made of its own and theirs; uses name the copy.
// Generic code that uses generic code makes more copies, found by
// substituting the arguments in what the checker recorded for it. The
// generic declarations, and interfaces only usable as constraints, are
// then dropped.
//
//	func Max[T cmp.Ordered](a, b T) T { ... }     =>  func Max__int(a, b int) int { ... }
//	Max(1, 2)                                     =>  Max__int(1, 2)
//	type List[T any] struct{ next *List[T]; v T } =>  type List__string struct{ next *List__string; v string }
//	func (l *List[T]) Push(v T)                   =>  func (l *List__string) Push(v string)
//	var l List[string]                            =>  var l List__string
//
// Type arguments must be nameable at the top level of the file: a type
// declared inside a function is an error.
func instantiate(fset *token.FileSet, f *ast.File, info *types.Info, std *StdSource) error {
	in := newInstantiator(fset, nil)
	in.std = std
	drop := in.collect(f.Decls, info)
	in.hoistLocalTypes(f, info)
	if in.err != nil {
		return in.err
	}
	var decls []ast.Decl
	for _, d := range f.Decls {
		if drop[d] {
			continue
		}
		decls = append(decls, in.rewrite(d, info, nil).(ast.Decl))
	}
	out := in.flush()
	if in.err != nil {
		return in.err
	}
	f.Decls = append(decls, out...)
	in.fixImports(f, info)
	return nil
}

func newInstantiator(fset *token.FileSet, pkg *types.Package) *instantiator {
	return &instantiator{
		fset:     fset,
		pkg:      pkg,
		generics: map[types.Object]*generic{},
		done:     map[string]string{},
		names:    map[string]string{},
		ext:      map[types.Object]string{},
		imports:  map[string]string{},
	}
}

// collect records the generic declarations among decls and returns the
// declarations to leave out of the output: generic ones, and interfaces
// only usable as constraints (a GenDecl keeps its other specs).
func (in *instantiator) collect(decls []ast.Decl, info *types.Info) map[ast.Decl]bool {
	drop := map[ast.Decl]bool{}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			obj := info.Defs[d.Name]
			if obj == nil {
				continue
			}
			if in.pkg == nil {
				in.pkg = obj.Pkg()
			}
			if d.Recv == nil {
				if d.Type.TypeParams != nil {
					in.generics[obj] = &generic{fn: d, info: info}
					drop[d] = true
				}
				continue
			}
			if named := recvNamed(obj); named != nil && named.TypeParams().Len() > 0 {
				g := in.generics[named.Obj()]
				if g == nil {
					g = &generic{info: info}
					in.generics[named.Obj()] = g
				}
				g.methods = append(g.methods, d)
				drop[d] = true
			}
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			specs := d.Specs[:0]
			for _, sp := range d.Specs {
				ts := sp.(*ast.TypeSpec)
				obj := info.Defs[ts.Name]
				if ts.TypeParams != nil && obj != nil {
					g := in.generics[obj]
					if g == nil {
						g = &generic{info: info}
						in.generics[obj] = g
					}
					g.spec = ts
					continue
				}
				if obj != nil {
					if in.pkg == nil {
						in.pkg = obj.Pkg()
					}
					if it, ok := obj.Type().Underlying().(*types.Interface); ok && !it.IsMethodSet() {
						continue // a constraint
					}
				}
				specs = append(specs, sp)
			}
			d.Specs = specs
			if len(specs) == 0 {
				drop[d] = true
			}
		}
	}
	return drop
}

// flush makes the copies queued so far, and those they queue.
func (in *instantiator) flush() []ast.Decl {
	var out []ast.Decl
	for ; in.next < len(in.queue) && in.err == nil; in.next++ {
		out = append(out, in.make(in.queue[in.next])...)
	}
	out = append(out, in.extra...)
	in.extra = nil
	return out
}

// maxInstances bounds the copies of one program: generic code that
// instantiates itself with ever larger arguments never ends.
const maxInstances = 2000

type instantiator struct {
	fset     *token.FileSet
	pkg      *types.Package // the program's, or the session's
	generics map[types.Object]*generic
	done     map[string]string // instance key -> name
	names    map[string]string // name -> instance key
	queue    []*instance
	next     int // queue[next:] are still to make
	err      error

	std     *StdSource
	making  *instance                  // the instance being made
	usePos  token.Pos                  // the use of generic code being renamed in the user's code
	hoisted map[*types.TypeName]string // types moved out of functions
	ext     map[types.Object]string    // unexported objects of std sources -> copy's name
	imports map[string]string          // path -> name, imports the copies need
	extra   []ast.Decl                 // copies of non-generic std declarations

	// identify, when set, says which declaration stands for a generic
	// object of the package and the key of its instance for args: a
	// session of cells declares names again (see cellgeneric.go).
	identify func(obj types.Object, args []types.Type, key string) (types.Object, string)
	inPlace  bool // the next rewrite edits its node instead of a copy
}

// A generic is a generic function, or a generic type and its methods, as
// written, with the checker's facts about them.
type generic struct {
	fn      *ast.FuncDecl
	spec    *ast.TypeSpec
	methods []*ast.FuncDecl
	info    *types.Info
	src     *srcPackage // a standard package's sources; nil for the user's code
}

// An instance is a generic declaration with type arguments.
type instance struct {
	obj  types.Object // the generic function or type
	args []types.Type
	name string
	pos  token.Pos // the use in the user's code it was first made for
}

// recvNamed is the named type a method's receiver has.
func recvNamed(obj types.Object) *types.Named {
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return nil
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	return n
}

func (in *instantiator) local(obj types.Object) bool {
	if in.generics[obj] != nil {
		return true
	}
	if obj == nil {
		return false
	}
	src := in.std.source(obj.Pkg())
	if src == nil || obj.Parent() != obj.Pkg().Scope() {
		return false
	}
	d, sp := src.decl(obj)
	g := &generic{info: src.info, src: src}
	switch {
	case sp != nil:
		ts, ok := sp.(*ast.TypeSpec)
		if !ok || ts.TypeParams == nil {
			return false
		}
		g.spec = ts
		g.methods = src.methods(obj.(*types.TypeName))
	case d != nil:
		fd := d.(*ast.FuncDecl)
		if fd.Type.TypeParams == nil {
			return false
		}
		g.fn = fd
	default:
		return false
	}
	in.generics[obj] = g
	return true
}

// name returns the name of obj's copy for args, queueing the copy the
// first time.
func (in *instantiator) name(obj types.Object, args []types.Type) string {
	var key strings.Builder
	key.WriteString(obj.Pkg().Path() + "." + obj.Name())
	for _, a := range args {
		key.WriteString(";")
		key.WriteString(types.TypeString(a, nil))
	}
	k := key.String()
	if in.identify != nil {
		obj, k = in.identify(obj, args, k)
	}
	if n, ok := in.done[k]; ok {
		return n
	}
	if g := in.generics[obj]; g != nil && g.src != nil {
		if n, ok := geninst.Lookup(k); ok {
			// A compiled instance: igo_geninst.slices_Sort__Sint__int.
			n = in.importPath(geninst.Path, "geninst") + "." + n
			in.done[k] = n
			return n
		}
	}
	name := obj.Name()
	if g := in.generics[obj]; g != nil && g.src != nil {
		name = obj.Pkg().Name() + "_" + name
	}
	for _, a := range args {
		name += "__" + mangle(types.TypeString(a, in.qualifier))
	}
	for i := 2; in.names[name] != "" || in.pkg.Scope().Lookup(name) != nil; i++ {
		name = fmt.Sprintf("%s_%d", strings.TrimRight(name, "_0123456789"), i)
	}
	in.done[k] = name
	in.names[name] = k
	pos := in.usePos
	if in.making != nil {
		pos = in.making.pos
	}
	in.queue = append(in.queue, &instance{obj: obj, args: args, name: name, pos: pos})
	if len(in.queue) > maxInstances && in.err == nil {
		in.err = in.errorf(obj.Pos(), "generic code makes more than %d instances (does %s instantiate itself with growing type arguments?)", maxInstances, obj.Name())
	}
	return name
}

func (in *instantiator) qualifier(p *types.Package) string {
	if in.own(p) {
		return ""
	}
	return p.Name()
}

// own reports whether p is the package the copies go to. A session's
// objects keep the package of the cell that declared them, which is not
// the session's current one once a name was redeclared: the path decides.
func (in *instantiator) own(p *types.Package) bool {
	return p == in.pkg || p != nil && in.pkg != nil && p.Path() == in.pkg.Path()
}

// mangle makes an identifier's tail of a type: letters and digits are
// kept, anything else becomes _.
func mangle(s string) string {
	s = strings.NewReplacer("[]", "S", "map[", "M_", "chan ", "C_", "func(", "F_", "struct{", "T_", "interface{", "I_").Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '*':
			b.WriteString("P")
		case r == '[' || r == ']' || r == '.' || r == ',' || r == ' ' || r == ';':
			b.WriteByte('_')
		case r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		default:
			b.WriteByte('x')
		}
	}
	return strings.Trim(b.String(), "_")
}

// errorf reports an error at pos or, without one, at the use in the
// user's code that needed the instance being made.
func (in *instantiator) errorf(pos token.Pos, format string, args ...any) error {
	if !pos.IsValid() && in.making != nil {
		pos = in.making.pos
	}
	return &Error{Pos: in.fset.Position(pos), Msg: fmt.Sprintf(format, args...)}
}

// make copies one instance: a function, or a type with its methods.
func (in *instantiator) make(x *instance) []ast.Decl {
	in.making = x
	defer func() { in.making = nil }()
	g := in.generics[x.obj]
	if g.fn != nil {
		sig := x.obj.Type().(*types.Signature)
		c := in.rewriteIn(g.fn, g.info, bindings(sig.TypeParams(), x.args), g.src).(*ast.FuncDecl)
		c.Name = ast.NewIdent(x.name)
		c.Type.TypeParams = nil
		return []ast.Decl{c}
	}
	named := x.obj.Type().(*types.Named)
	c := in.rewriteIn(g.spec, g.info, bindings(named.TypeParams(), x.args), g.src).(*ast.TypeSpec)
	c.Name = ast.NewIdent(x.name)
	c.TypeParams = nil
	decls := []ast.Decl{&ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{c}}}
	for _, md := range g.methods {
		fn := g.info.Defs[md.Name].(*types.Func)
		m := in.rewriteIn(md, g.info, bindings(fn.Type().(*types.Signature).RecvTypeParams(), x.args), g.src).(*ast.FuncDecl)
		recv := m.Recv.List[0]
		if star, ok := recv.Type.(*ast.StarExpr); ok {
			star.X = ast.NewIdent(x.name)
		} else {
			recv.Type = ast.NewIdent(x.name)
		}
		decls = append(decls, m)
	}
	return decls
}

func bindings(tps *types.TypeParamList, args []types.Type) map[*types.TypeParam]types.Type {
	m := map[*types.TypeParam]types.Type{}
	for i := range tps.Len() {
		if i < len(args) {
			m[tps.At(i)] = args[i]
		}
	}
	return m
}

// rewrite copies n, naming the copies of generic code it uses and, with
// subst, putting type arguments in place of type parameters.
func (in *instantiator) rewrite(n ast.Node, info *types.Info, subst map[*types.TypeParam]types.Type) ast.Node {
	return in.rewriteIn(n, info, subst, nil)
}

// rewriteIn is rewrite for code of src, a standard package's sources, when
// not nil: its package-level names become names the copy can use (see
// external), its imports the copy's imports.
func (in *instantiator) rewriteIn(n ast.Node, info *types.Info, subst map[*types.TypeParam]types.Type, src *srcPackage) ast.Node {
	orig := map[ast.Node]ast.Node{}
	c := n
	if in.inPlace {
		in.inPlace = false // this call only
	} else {
		c = cloneNode(n, orig)
	}
	at := func(x ast.Node) ast.Node {
		if o, ok := orig[x]; ok {
			return o
		}
		return x
	}
	return astutil.Apply(c, func(cur *astutil.Cursor) bool {
		if in.err != nil || cur.Name() == "TypeParams" {
			return false // type parameters go: their constraints are not copied
		}
		switch x := cur.Node().(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			var base ast.Expr
			if ie, ok := x.(*ast.IndexExpr); ok {
				base = ie.X
			} else {
				base = x.(*ast.IndexListExpr).X
			}
			if id := genericRef(base); id != nil {
				in.usePos = x.Pos()
				if name, ok := in.use(at(id).(*ast.Ident), info, subst); ok {
					cur.Replace(refExpr(name, id.Pos()))
					return false
				}
			}
		case *ast.Ident:
			o := at(x).(*ast.Ident)
			in.usePos = x.Pos()
			if name, ok := in.use(o, info, subst); ok {
				cur.Replace(refExpr(name, x.Pos()))
				return false
			}
			if src != nil {
				if e := in.external(o, x, info, src); e != nil {
					cur.Replace(e)
					return false
				}
			}
			if tn, ok := info.Uses[o].(*types.TypeName); ok {
				if tp, ok := tn.Type().(*types.TypeParam); ok && subst != nil {
					if t, ok := subst[tp]; ok {
						cur.Replace(in.typeExpr(t, x.Pos()))
					}
				}
				return false
			}
			if v, ok := info.Uses[o].(*types.Var); ok && v.IsField() && v.Embedded() {
				if name := in.embeddedName(v.Type(), subst); name != "" {
					x.Name = name
				}
			}
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				if _, ok := info.Uses[at(id).(*ast.Ident)].(*types.PkgName); ok {
					// pkg.F: an instance, or a name of another package.
					in.usePos = x.Pos()
					if name, ok := in.use(at(x.Sel).(*ast.Ident), info, subst); ok {
						cur.Replace(refExpr(name, x.Pos()))
						return false
					}
					if src != nil {
						if e := in.external(at(x.Sel).(*ast.Ident), x.Sel, info, src); e != nil {
							cur.Replace(e)
						}
					}
					return false
				}
			}
			if sel := info.Selections[at(x).(*ast.SelectorExpr)]; sel != nil {
				if v, ok := sel.Obj().(*types.Var); ok && v.Embedded() {
					if name := in.embeddedName(v.Type(), subst); name != "" {
						x.Sel = &ast.Ident{NamePos: x.Sel.Pos(), Name: name}
					}
				}
			}
		case *ast.TypeAssertExpr:
			// x.(S) may be impossible once x has its type argument's
			// type (an interface S does not implement): Go checks
			// it only at run time in generic code, and so does
			// interface{}(x).(S).
			if subst != nil && x.Type != nil {
				x.X = &ast.CallExpr{Fun: &ast.InterfaceType{Methods: &ast.FieldList{}}, Args: []ast.Expr{x.X}}
			}
		case *ast.TypeSwitchStmt:
			if subst != nil {
				in.dedupeCases(x, info, subst, at)
			}
		case *ast.SwitchStmt, *ast.CompositeLit:
			if subst != nil {
				keepNonConstant(x, info, at)
			}
		}
		return true
	}, nil)
}

// dedupeCases drops the types of a type switch's cases that an earlier
// case already has once type arguments are in place (case T with T=int,
// then case int): the first matching case runs, in Go's generic code and
// here. Types the operand can never hold (a type without a method of the
// operand's interface) are dropped too: Go allows them in generic code,
// where they never match. A case left with no type is dropped, not made a
// default.
func (in *instantiator) dedupeCases(sw *ast.TypeSwitchStmt, info *types.Info, subst map[*types.TypeParam]types.Type, at func(ast.Node) ast.Node) {
	var operand *types.Interface
	var ta *ast.TypeAssertExpr
	switch a := sw.Assign.(type) {
	case *ast.AssignStmt:
		ta, _ = a.Rhs[0].(*ast.TypeAssertExpr)
	case *ast.ExprStmt:
		ta, _ = a.X.(*ast.TypeAssertExpr)
	}
	if ta != nil {
		if t := info.TypeOf(at(ta.X).(ast.Expr)); t != nil {
			operand, _ = in.subst(t, subst).Underlying().(*types.Interface)
		}
	}
	var seen []types.Type
	clauses := sw.Body.List[:0]
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			clauses = append(clauses, cc)
			continue
		}
		list := cc.List[:0]
		for _, e := range cc.List {
			t := info.TypeOf(at(e).(ast.Expr))
			if t == nil {
				list = append(list, e)
				continue
			}
			t = in.subst(t, subst)
			if operand != nil && !types.IsInterface(t) && !isNil(t) && !types.AssertableTo(operand, t) {
				continue
			}
			if slices.ContainsFunc(seen, func(u types.Type) bool { return types.Identical(t, u) }) {
				continue
			}
			seen = append(seen, t)
			list = append(list, e)
		}
		if len(list) == 0 {
			continue
		}
		cc.List = list
		clauses = append(clauses, cc)
	}
	sw.Body.List = clauses
}

// use names the copy an identifier of generic code stands for.
func (in *instantiator) use(id *ast.Ident, info *types.Info, subst map[*types.TypeParam]types.Type) (string, bool) {
	inst, ok := info.Instances[id]
	if !ok {
		return "", false
	}
	obj := info.Uses[id]
	if obj == nil {
		obj = info.Defs[id]
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	if !in.local(obj) {
		return "", false
	}
	args := make([]types.Type, inst.TypeArgs.Len())
	for i := range args {
		args[i] = in.subst(inst.TypeArgs.At(i), subst)
	}
	return in.name(obj, args), true
}

// embeddedName is the name of an embedded field whose type is a copy of
// generic code.
func (in *instantiator) embeddedName(t types.Type, subst map[*types.TypeParam]types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	t = in.subst(t, subst)
	n, ok := t.(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || !in.local(n.Origin().Obj()) {
		return ""
	}
	return in.typeName(n)
}

func (in *instantiator) typeName(n *types.Named) string {
	args := make([]types.Type, n.TypeArgs().Len())
	for i := range args {
		args[i] = n.TypeArgs().At(i)
	}
	return in.name(n.Origin().Obj(), args)
}
