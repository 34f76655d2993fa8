package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
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

// subst puts type arguments in place of the type parameters in t.
func (in *instantiator) subst(t types.Type, m map[*types.TypeParam]types.Type) types.Type {
	if len(m) == 0 {
		return t
	}
	switch t := t.(type) {
	case *types.TypeParam:
		if a, ok := m[t]; ok {
			return a
		}
		return t
	case *types.Pointer:
		return types.NewPointer(in.subst(t.Elem(), m))
	case *types.Slice:
		return types.NewSlice(in.subst(t.Elem(), m))
	case *types.Array:
		return types.NewArray(in.subst(t.Elem(), m), t.Len())
	case *types.Map:
		return types.NewMap(in.subst(t.Key(), m), in.subst(t.Elem(), m))
	case *types.Chan:
		return types.NewChan(t.Dir(), in.subst(t.Elem(), m))
	case *types.Tuple:
		if t == nil {
			return t
		}
		vars := make([]*types.Var, t.Len())
		for i := range vars {
			v := t.At(i)
			vars[i] = types.NewParam(v.Pos(), v.Pkg(), v.Name(), in.subst(v.Type(), m))
		}
		return types.NewTuple(vars...)
	case *types.Signature:
		params, _ := in.subst(t.Params(), m).(*types.Tuple)
		results, _ := in.subst(t.Results(), m).(*types.Tuple)
		return types.NewSignatureType(nil, nil, nil, params, results, t.Variadic())
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), in.subst(f.Type(), m), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	case *types.Interface:
		methods := make([]*types.Func, t.NumExplicitMethods())
		for i := range methods {
			f := t.ExplicitMethod(i)
			methods[i] = types.NewFunc(f.Pos(), f.Pkg(), f.Name(), in.subst(f.Type(), m).(*types.Signature))
		}
		embeds := make([]types.Type, t.NumEmbeddeds())
		for i := range embeds {
			embeds[i] = in.subst(t.EmbeddedType(i), m)
		}
		return types.NewInterfaceType(methods, embeds).Complete()
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return t
		}
		args := make([]types.Type, t.TypeArgs().Len())
		for i := range args {
			args[i] = in.subst(t.TypeArgs().At(i), m)
		}
		r, err := types.Instantiate(nil, t.Origin(), args, false)
		if err != nil {
			return t
		}
		return r
	}
	return t
}

// typeExpr writes t as an expression valid at the top level of the file.
func (in *instantiator) typeExpr(t types.Type, pos token.Pos) ast.Expr {
	s := in.typeString(t, pos)
	e, err := parser.ParseExpr(s)
	if err != nil {
		if in.err == nil {
			in.err = in.errorf(pos, "cannot write type %s for an instance of generic code: %v", s, err)
		}
		return ast.NewIdent("_")
	}
	return e
}

func (in *instantiator) typeString(t types.Type, pos token.Pos) string {
	switch t := t.(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return obj.Name() // error, comparable
		}
		if in.own(obj.Pkg()) {
			if n, ok := in.hoisted[obj]; ok {
				return n
			}
			if obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() {
				if in.err == nil {
					in.err = in.errorf(pos, "igo cannot instantiate generic code with %s, a type declared inside a function, yet", obj.Name())
				}
				return obj.Name()
			}
			if t.TypeArgs().Len() > 0 {
				return in.typeName(t)
			}
			return obj.Name()
		}
		if t.TypeArgs().Len() > 0 {
			// A generic type of another package: the evaluator has only
			// its underlying type (iter.Seq[int] is a func type).
			return in.typeString(t.Underlying(), pos)
		}
		if !obj.Exported() && in.std.source(obj.Pkg()) != nil {
			return in.copyExternal(obj) // slices.sortedHint
		}
		return in.importName(obj.Pkg()) + "." + obj.Name()
	case *types.Alias:
		return in.typeString(types.Unalias(t), pos)
	case *types.Basic:
		return t.Name()
	case *types.Pointer:
		return "*" + in.typeString(t.Elem(), pos)
	case *types.Slice:
		return "[]" + in.typeString(t.Elem(), pos)
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + in.typeString(t.Elem(), pos)
	case *types.Map:
		return "map[" + in.typeString(t.Key(), pos) + "]" + in.typeString(t.Elem(), pos)
	case *types.Chan:
		e := in.typeString(t.Elem(), pos)
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + e
		case types.RecvOnly:
			return "<-chan " + e
		}
		if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
			e = "(" + e + ")"
		}
		return "chan " + e
	case *types.Signature:
		return "func" + in.sigString(t, pos)
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := range t.NumFields() {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			b.WriteString(in.typeString(f.Type(), pos))
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString("}")
		return b.String()
	case *types.Interface:
		if t.Empty() {
			return "interface{}"
		}
		var parts []string
		for i := range t.NumEmbeddeds() {
			parts = append(parts, in.typeString(t.EmbeddedType(i), pos))
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			parts = append(parts, m.Name()+in.sigString(m.Type().(*types.Signature), pos))
		}
		return "interface{" + strings.Join(parts, "; ") + "}"
	case *types.Union:
		var parts []string
		for i := range t.Len() {
			tm := t.Term(i)
			s := in.typeString(tm.Type(), pos)
			if tm.Tilde() {
				s = "~" + s
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " | ")
	case *types.TypeParam:
		if in.err == nil {
			in.err = in.errorf(pos, "internal error: type parameter %s left in an instance", t.Obj().Name())
		}
		return t.Obj().Name()
	}
	return types.TypeString(t, in.qualifier)
}

func (in *instantiator) sigString(s *types.Signature, pos token.Pos) string {
	tuple := func(t *types.Tuple, variadic bool) string {
		var parts []string
		for i := range t.Len() {
			ts := ""
			if variadic && i == t.Len()-1 {
				ts = "..." + in.typeString(t.At(i).Type().(*types.Slice).Elem(), pos)
			} else {
				ts = in.typeString(t.At(i).Type(), pos)
			}
			parts = append(parts, ts)
		}
		return strings.Join(parts, ", ")
	}
	r := "(" + tuple(s.Params(), s.Variadic()) + ")"
	switch s.Results().Len() {
	case 0:
	case 1:
		r += " " + tuple(s.Results(), false)
	default:
		r += " (" + tuple(s.Results(), false) + ")"
	}
	return r
}

func isNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
}

// genericRef is the identifier naming generic code in F or pkg.F.
func genericRef(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// external returns what a copy of standard-library code writes for a
// package-level name its source uses (o, copied as x): the package's
// exported names qualified (the evaluator has them), its unexported ones
// copied under a name of their own (slices_pdqsortOrdered), nil when the
// name needs nothing.
func (in *instantiator) external(o, x *ast.Ident, info *types.Info, src *srcPackage) ast.Expr {
	obj := info.Uses[o]
	if obj == nil {
		obj = info.Defs[o]
	}
	if obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || isGeneric(obj) {
		return nil
	}
	path := obj.Pkg().Path()
	if strings.HasPrefix(path, "internal/") || path == "runtime" && !obj.Exported() {
		if in.err == nil {
			in.err = in.errorf(token.NoPos, "%s.%s is used by standard-library generic code igo copies, and igo cannot run it", path, obj.Name())
		}
		return nil
	}
	if obj.Exported() && info.Defs[o] == nil {
		return &ast.SelectorExpr{X: ast.NewIdent(in.importName(obj.Pkg())), Sel: &ast.Ident{NamePos: x.Pos(), Name: obj.Name()}}
	}
	if in.std.source(obj.Pkg()) == nil {
		return nil
	}
	return &ast.Ident{NamePos: x.Pos(), Name: in.copyExternal(obj)}
}

// importName is the name the copies use for a package, imported for them.
func (in *instantiator) importName(p *types.Package) string {
	return in.importPath(p.Path(), p.Name())
}

func (in *instantiator) importPath(path, name string) string {
	if n, ok := in.imports[path]; ok {
		return n
	}
	if path == geninst.Path || in.pkg != nil && in.pkg.Scope().Lookup(name) != nil {
		name = "igo_" + name
	}
	in.imports[path] = name
	return name
}

// refExpr is the expression naming an instance: a copy's name, or a
// compiled instance's qualified name.
func refExpr(name string, pos token.Pos) ast.Expr {
	if pkg, n, ok := strings.Cut(name, "."); ok {
		return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: pkg}, Sel: ast.NewIdent(n)}
	}
	return &ast.Ident{NamePos: pos, Name: name}
}

// copyExternal copies the declaration of an unexported (or declared)
// package-level object of a standard package once, with its group (a
// const block keeps its iota) and a type with its methods, and returns
// the copy's name.
func (in *instantiator) copyExternal(obj types.Object) string {
	if n, ok := in.ext[obj]; ok {
		return n
	}
	src := in.std.source(obj.Pkg())
	d, sp := src.decl(obj)
	if d == nil {
		in.ext[obj] = obj.Name()
		return obj.Name()
	}
	rename := func(o types.Object) string {
		n := obj.Pkg().Name() + "_" + o.Name()
		in.ext[o] = n
		return n
	}
	name := rename(obj)
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Body == nil && in.err == nil {
			in.err = in.errorf(token.NoPos, "igo cannot run %s.%s (the runtime or assembly implements it), which generic code of package %s uses", obj.Pkg().Path(), obj.Name(), obj.Pkg().Path())
		}
		c := in.rewriteIn(d, src.info, nil, src).(*ast.FuncDecl)
		c.Name = ast.NewIdent(name)
		in.extra = append(in.extra, c)
	case *ast.GenDecl:
		if ts, ok := sp.(*ast.TypeSpec); ok {
			c := in.rewriteIn(ts, src.info, nil, src).(*ast.TypeSpec)
			c.Name = ast.NewIdent(name)
			in.extra = append(in.extra, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{c}})
			for _, m := range src.methods(obj.(*types.TypeName)) {
				in.extra = append(in.extra, in.rewriteIn(m, src.info, nil, src).(ast.Decl))
			}
			break
		}
		for _, s := range d.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if o := src.info.Defs[n]; o != nil && o != obj {
					rename(o)
				}
			}
		}
		if d.Tok == token.CONST {
			if consts := in.constDecls(d, src); consts != nil {
				in.extra = append(in.extra, consts...)
				break
			}
		}
		in.extra = append(in.extra, in.rewriteIn(d, src.info, nil, src).(ast.Decl))
	}
	return name
}

// isGeneric reports whether obj is a generic function or type.
func isGeneric(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		return o.Type().(*types.Signature).TypeParams().Len() > 0
	case *types.TypeName:
		n, ok := o.Type().(*types.Named)
		return ok && n.TypeParams().Len() > 0
	}
	return false
}

// fixImports adds the imports the copies need to f and drops those that
// no code uses any more (a package used only for its generic code).
func (in *instantiator) fixImports(f *ast.File, info *types.Info) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	have := map[string]string{} // path -> name
	var specs []ast.Spec
	for _, is := range f.Imports {
		path, _ := strconv.Unquote(is.Path.Value)
		name := ""
		if pn, ok := info.Implicits[is].(*types.PkgName); ok {
			name = pn.Name()
		} else if pn, ok := info.Defs[is.Name].(*types.PkgName); ok {
			name = pn.Name()
		}
		if name != "_" && name != "." && name != "" && !used[name] {
			continue
		}
		have[path] = name
		specs = append(specs, is)
	}
	for _, path := range sortedKeys(in.imports) {
		name := in.imports[path]
		if have[path] == name {
			continue
		}
		sp := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(path)}}
		if name != path[strings.LastIndex(path, "/")+1:] {
			sp.Name = ast.NewIdent(name)
		}
		specs = append(specs, sp)
	}
	decls := f.Decls[:0]
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		decls = append(decls, d)
	}
	f.Imports = nil
	if len(specs) > 0 {
		for _, sp := range specs {
			f.Imports = append(f.Imports, sp.(*ast.ImportSpec))
		}
		decls = append([]ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Lparen: 1, Specs: specs}}, decls...)
	}
	f.Decls = decls
}

// hoistLocalTypes moves the types declared in functions that generic code
// is instantiated with to the top level, where the copies can name them:
// under their own name when the package has no other, else with a suffix.
// A type that uses what its function declares (a constant, a type
// parameter) stays, and instantiating with it is an error.
func (in *instantiator) hoistLocalTypes(f *ast.File, info *types.Info) {
	want := map[*types.TypeName]bool{}
	var visit func(t types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if o := t.Obj(); o.Pkg() == in.pkg && o.Parent() != nil && o.Parent() != in.pkg.Scope() && t.TypeParams().Len() == 0 {
				want[o] = true
				visit(t.Underlying())
			}
			for i := range t.TypeArgs().Len() {
				visit(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Signature:
			visit(t.Params())
			visit(t.Results())
		case *types.Tuple:
			for i := range t.Len() {
				visit(t.At(i).Type())
			}
		case *types.Struct:
			for i := range t.NumFields() {
				visit(t.Field(i).Type())
			}
		}
	}
	for _, inst := range info.Instances {
		for i := range inst.TypeArgs.Len() {
			visit(inst.TypeArgs.At(i))
		}
	}
	if len(want) == 0 {
		return
	}
	in.hoisted = map[*types.TypeName]string{}
	taken := map[string]bool{}
	var hoist []ast.Spec
	ast.Inspect(f, func(n ast.Node) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd := ds.Decl.(*ast.GenDecl)
		if gd.Tok != token.TYPE {
			return true
		}
		keep := gd.Specs[:0]
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			obj, _ := info.Defs[ts.Name].(*types.TypeName)
			if obj == nil || !want[obj] || !in.hoistable(ts, info, want) {
				keep = append(keep, sp)
				continue
			}
			name := obj.Name()
			for i := 2; taken[name] || in.pkg.Scope().Lookup(name) != nil; i++ {
				name = fmt.Sprintf("%s_%d", obj.Name(), i)
			}
			taken[name] = true
			in.hoisted[obj] = name
			hoist = append(hoist, ts)
		}
		gd.Specs = keep
		return true
	})
	// Uses take the new name.
	for id, o := range info.Uses {
		if tn, ok := o.(*types.TypeName); ok {
			if n, ok := in.hoisted[tn]; ok {
				id.Name = n
			}
		}
	}
	for _, sp := range hoist {
		ts := sp.(*ast.TypeSpec)
		ts.Name.Name = in.hoisted[info.Defs[ts.Name].(*types.TypeName)]
		f.Decls = append(f.Decls, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{ts}})
	}
}

// hoistable reports whether a local type's declaration names only what
// the top level can see (or other types being hoisted).
func (in *instantiator) hoistable(ts *ast.TypeSpec, info *types.Info, want map[*types.TypeName]bool) bool {
	if ts.TypeParams != nil {
		return false
	}
	ok := true
	ast.Inspect(ts.Type, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID {
			return true
		}
		o := info.Uses[id]
		if o == nil || o.Pkg() != in.pkg || o.Parent() == in.pkg.Scope() {
			return true
		}
		if tn, isTN := o.(*types.TypeName); isTN && want[tn] {
			return true
		}
		if _, isVar := o.(*types.Var); isVar && o.Parent() == nil {
			return true // a field
		}
		ok = false
		return false
	})
	return ok
}

// constDecls writes a const group of a standard package as one
// declaration per constant, with its value (iota resolved) and type, so
// that each copy stands alone; nil when a value cannot be written.
func (in *instantiator) constDecls(d *ast.GenDecl, src *srcPackage) []ast.Decl {
	var out []ast.Decl
	for _, sp := range d.Specs {
		for _, n := range sp.(*ast.ValueSpec).Names {
			c, ok := src.info.Defs[n].(*types.Const)
			if !ok {
				continue
			}
			var lit string
			switch v := c.Val(); v.Kind() {
			case constant.Int, constant.Bool:
				lit = v.ExactString()
			case constant.String:
				lit = strconv.Quote(constant.StringVal(v))
			default:
				return nil
			}
			spec := &ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent(in.ext[c])}, Values: []ast.Expr{ast.NewIdent(lit)}}
			if b, ok := c.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
				spec.Type = in.typeExpr(c.Type(), n.Pos())
			}
			out = append(out, &ast.GenDecl{Tok: token.CONST, Specs: []ast.Spec{spec}})
		}
	}
	return out
}
