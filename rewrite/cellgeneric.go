package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
)

// instances runs the instantiator (instantiate.go) over a cell: the
// evaluator never sees generic code, only a copy of it per list of type
// arguments, made once per session and named by the instantiator.
//
//	func Max[T Number](a, b T) T { ... }   =>  (nothing)
//	Max(3, 7)                              =>  func Max__int(a, b int) int { ... }; Max__int(3, 7)
//	Max(1, 2)   (a later cell)             =>  Max__int(1, 2)
//
// The session keeps the generic declarations with the facts of the cells
// that declared them, and the instances the evaluator has. Its checker
// keeps the generic declarations too, so later cells check against them.
// Redeclaring a generic function makes later cells emit its instances
// again, and those of the generic functions that use it: yaegi binds a
// call to the function it names when it compiles the caller. Redeclaring a
// generic type makes a new type, as Go does: its instances get new names,
// and values of the old one keep theirs.
//
// The work that can fail runs at the end of check (prepareInstances), so
// that a failing cell leaves the session as it was; the cell's own code is
// then renamed in place, keeping the checker's facts for the lowering
// passes, and the instances, checked on their own for their facts, become
// declaration units before the first unit that needs them.
func (st *state) instances() error {
	c := st.gen
	if c == nil {
		if g := st.s.gen; g != nil {
			g.forget(g.stale(st.order))
		}
		return nil
	}
	in := c.in
	for i := range st.units {
		n := c.node(st, i)
		if n == nil {
			continue
		}
		before := childMap(n)
		in.inPlace = true
		in.rewrite(n, st.info, nil)
		fixReplaced(n, before, st.info)
	}
	if in.err != nil {
		return in.err // check made every instance: cannot happen
	}
	units := make([]unit, 0, len(st.units)+len(c.made))
	index := make([]int, len(st.units))
	for i, u := range st.units {
		for _, d := range c.before[i] {
			units = append(units, unit{decl: d, file: u.file, base: u.base})
		}
		index[i] = -1
		if c.drop[i] {
			continue
		}
		if c.decls[i] != nil {
			u.decl = c.decls[i]
		}
		index[i] = len(units)
		units = append(units, u)
	}
	for _, a := range st.awaits {
		a.unit = index[a.unit]
	}
	st.units = units
	if c.info != nil {
		maps.Copy(st.info.Types, c.info.Types)
		maps.Copy(st.info.Defs, c.info.Defs)
		maps.Copy(st.info.Uses, c.info.Uses)
		maps.Copy(st.info.Instances, c.info.Instances)
		maps.Copy(st.info.Selections, c.info.Selections)
	}
	// The session keeps what the cell declared and made.
	g := c.g
	g.decls, g.ext, g.done = in.generics, in.ext, in.done
	g.forget(c.gone)
	maps.Copy(g.insts, c.made)
	st.s.gen = g
	for _, n := range c.specs {
		delete(st.s.types, n) // the evaluator never has it: it may change
	}
	return nil
}

// cellInstances is the instantiation of one cell, prepared by check.
type cellInstances struct {
	in     *instantiator
	g      *cellGenerics // the session's, or a new one
	decls  []ast.Decl    // per unit: the declaration it keeps (a type group loses its generic specs)
	drop   []bool        // per unit: generic code, left out
	before [][]ast.Decl  // per unit: the instances it needs first
	info   *types.Info   // the facts of the instances
	made   map[string]*cellInstance
	gone   map[string]bool // instances the cell's declarations make stale
	specs  []string        // types the evaluator never gets (generic, constraints)
}

// node is what unit i keeps for the evaluator, nil if nothing.
func (c *cellInstances) node(st *state, i int) ast.Node {
	switch {
	case c.drop[i]:
		return nil
	case c.decls[i] != nil:
		return c.decls[i]
	}
	return st.units[i].stmt
}

// prepareInstances finds the instances a cell needs, makes them and
// checks them, at the end of check: an error leaves the session as it
// was. Nothing of the cell changes yet (its declarations are recorded
// as written).
func (st *state) prepareInstances() error {
	s := st.s
	std, _ := s.conf.Importer.(*StdSource)
	if !st.touchesGenerics(std) {
		return nil
	}
	g := s.gen
	if g == nil {
		g = newCellGenerics()
	}
	in := newInstantiator(s.fset, s.pkg)
	in.std = std
	maps.Copy(in.generics, g.decls)
	maps.Copy(in.ext, g.ext)
	c := &cellInstances{in: in, g: g, gone: g.stale(st.order), made: map[string]*cellInstance{}}
	for k, n := range g.done {
		if !c.gone[n] {
			in.done[k] = n
		}
	}
	for n, x := range g.insts {
		if !c.gone[n] {
			in.names[n] = x.key
		}
	}
	in.identify = func(obj types.Object, args []types.Type, key string) (types.Object, string) {
		return g.identify(in, s, obj, args, key)
	}

	// The generic declarations, which the evaluator never sees.
	c.decls = make([]ast.Decl, len(st.units))
	var all []ast.Decl
	for i, u := range st.units {
		d := u.decl
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			cp := *gd // collect drops specs: the cell's record keeps them
			cp.Specs = slices.Clone(gd.Specs)
			d = &cp
		}
		c.decls[i] = d
		if d != nil {
			all = append(all, d)
		}
	}
	drop := in.collect(all, st.info)
	c.drop = make([]bool, len(st.units))
	for i, d := range c.decls {
		c.drop[i] = d != nil && drop[d]
		if gd, ok := st.units[i].decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, sp := range gd.Specs {
				if d, ok := d.(*ast.GenDecl); c.drop[i] || ok && !slices.Contains(d.Specs, sp) {
					c.specs = append(c.specs, sp.(*ast.TypeSpec).Name.Name)
				}
			}
		}
	}
	for _, a := range st.awaits {
		if c.drop[a.unit] {
			return st.errorf(a.u.OpPos, "await cannot be used in generic code yet: the evaluator runs a copy of it per list of type arguments")
		}
	}
	if err := st.localTypeArgs(c); err != nil {
		return err
	}

	// The instances, made before the unit that first needs them.
	c.before = make([][]ast.Decl, len(st.units))
	start := len(in.queue)
	var made []ast.Decl
	for i := range st.units {
		n := c.node(st, i)
		if n == nil {
			continue
		}
		q := len(in.queue)
		in.rewrite(n, st.info, nil) // a copy: the cell's record keeps it as written
		c.before[i] = in.flush()
		if in.err != nil {
			return st.neededBy(in.err, n)
		}
		st.placeNames(c.before[i], in.queue[q:], n.Pos())
		placeTypes(c.before[i], in, in.queue[q:])
		made = append(made, c.before[i]...)
	}
	for path, name := range in.imports {
		if s.imports[name] != path {
			st.evalImp[name] = path
		}
	}
	if len(made) == 0 {
		st.gen = c
		return nil
	}
	info, err := st.checkInstances(c, made, in.queue[start:])
	if err != nil {
		return err
	}
	c.info = info
	generic := map[string]types.Object{}
	for _, x := range in.queue[start:] {
		generic[x.name] = x.obj
	}
	for _, d := range made {
		name, def := declName(d)
		if name == "" {
			continue
		}
		x := c.made[name]
		if x == nil {
			x = &cellInstance{key: in.names[name], obj: info.Defs[def]}
			if x.key == "" {
				x.key = "copy:" + name
			}
			if o := generic[name]; o != nil {
				x.generic = o.Name()
			}
			_, x.isType = d.(*ast.GenDecl)
			c.made[name] = x
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name != name && in.names[id.Name] != "" && !slices.Contains(x.uses, id.Name) {
				x.uses = append(x.uses, id.Name)
			}
			return true
		})
	}
	st.gen = c
	return nil
}

// neededBy says where the cell needs an instance whose generic code, of
// an earlier cell, the instantiator reports.
func (st *state) neededBy(err error, n ast.Node) error {
	if e, ok := err.(*Error); ok && e.Pos.Filename != st.opts.Name {
		e.Msg += fmt.Sprintf(" (needed by %s)", st.s.fset.Position(n.Pos()))
	}
	return err
}

// touchesGenerics reports whether the cell declares or uses generic code
// the evaluator needs copies of.
func (st *state) touchesGenerics(std *StdSource) bool {
	for _, u := range st.units {
		switch d := u.decl.(type) {
		case *ast.FuncDecl:
			if d.Type.TypeParams != nil {
				return true
			}
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, sp := range d.Specs {
				ts := sp.(*ast.TypeSpec)
				if ts.TypeParams != nil {
					return true
				}
				if obj := st.info.Defs[ts.Name]; obj != nil {
					if it, ok := obj.Type().Underlying().(*types.Interface); ok && !it.IsMethodSet() {
						return true // a constraint
					}
				}
			}
		}
	}
	g := st.s.gen
	for id := range st.info.Instances {
		obj := genericOf(st.info, id)
		if g != nil && g.decls[obj] != nil || obj != nil && std.source(obj.Pkg()) != nil {
			return true
		}
	}
	return false
}

func genericOf(info *types.Info, id *ast.Ident) types.Object {
	obj := info.Uses[id]
	if obj == nil {
		obj = info.Defs[id]
	}
	if fn, ok := obj.(*types.Func); ok {
		return fn.Origin()
	}
	return obj
}

// localTypeArgs reports, where the cell writes it, a use of generic code
// with a type declared in a function: the instance, declared at the top
// level, could not name it.
func (st *state) localTypeArgs(c *cellInstances) error {
	var err error
	for i := range st.units {
		n := c.node(st, i)
		if n == nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || err != nil {
				return err == nil
			}
			inst, ok := st.info.Instances[id]
			if !ok || c.in.generics[genericOf(st.info, id)] == nil {
				return true
			}
			for j := range inst.TypeArgs.Len() {
				if tn := localType(inst.TypeArgs.At(j)); tn != nil {
					err = st.errorf(id.Pos(), "igo cannot instantiate generic code with %s, a type declared inside a function, yet", tn.Name())
					return false
				}
			}
			return true
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// localType finds a type declared in a function in t.
func localType(t types.Type) *types.TypeName {
	var found *types.TypeName
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if found != nil || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if isLocal(t) {
				found = t.Obj()
				return
			}
			for i := range t.TypeArgs().Len() {
				walk(t.TypeArgs().At(i))
			}
		case *types.Alias:
			walk(types.Unalias(t))
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for i := range t.Len() {
				walk(t.At(i).Type())
			}
		case *types.Struct:
			for i := range t.NumFields() {
				walk(t.Field(i).Type())
			}
		}
	}
	walk(t)
	return found
}

// checkInstances type-checks the instances a cell makes, in a package of
// their own that holds the session's names and the instances the
// evaluator has: the lowering passes need their facts. An error is igo's
// fault, or generic code that no longer means what it meant (it names a
// variable redeclared since with another type).
func (st *state) checkInstances(c *cellInstances, decls []ast.Decl, made []*instance) (info *types.Info, err error) {
	s := st.s
	pkg := types.NewPackage(s.pkg.Path(), s.pkg.Name())
	scope, live := pkg.Scope(), s.pkg.Scope()
	for _, n := range live.Names() {
		scope.Insert(live.Lookup(n))
	}
	making := map[string]bool{}
	for _, d := range decls {
		if n, _ := declName(d); n != "" {
			making[n] = true
		}
	}
	for n, x := range c.g.insts {
		if x.obj != nil && !c.gone[n] && !making[n] && scope.Lookup(n) == nil {
			scope.Insert(x.obj)
		}
	}
	imports := maps.Clone(s.imports)
	maps.Copy(imports, st.checkImp)
	for path, name := range c.in.imports {
		imports[name] = path
	}
	imp := &ast.GenDecl{Tok: token.IMPORT}
	for _, n := range sortedKeys(imports) {
		imp.Specs = append(imp.Specs, importSpec(n, imports[n]))
	}
	f := &ast.File{Name: ast.NewIdent(pkg.Name()), Decls: append([]ast.Decl{imp}, decls...)}
	info = newInfo()
	var first types.Error
	conf := types.Config{
		Importer:  s.conf.Importer,
		GoVersion: GoVersion,
		Error: func(e error) {
			if te, ok := e.(types.Error); ok && !te.Soft && first.Msg == "" {
				first = te
			}
		},
	}
	defer func() {
		if r := recover(); r != nil {
			info, err = nil, fmt.Errorf("%s: internal error: checking instances of generic code: %v", st.opts.Name, r)
		}
	}()
	types.NewChecker(&conf, s.fset, pkg, info).Files([]*ast.File{f})
	if first.Msg == "" {
		return info, nil
	}
	what := "generic code"
	for _, d := range decls {
		if first.Pos < d.Pos() || first.Pos > d.End() {
			continue
		}
		name, _ := declName(d)
		for _, x := range made {
			if x.name == name {
				what = instanceString(c.in, x)
			}
		}
		break
	}
	return nil, &Error{Pos: s.fset.Position(first.Pos), Msg: fmt.Sprintf("cannot instantiate %s: %s", what, first.Msg)}
}

// instanceString writes an instance as Go does: Map[int, string].
func instanceString(in *instantiator, x *instance) string {
	var args []string
	for _, a := range x.args {
		args = append(args, types.TypeString(a, in.qualifier))
	}
	return x.obj.Name() + "[" + strings.Join(args, ", ") + "]"
}
