package rewrite

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// cellGenerics is what a session keeps of its cells' generic code.
type cellGenerics struct {
	decls map[types.Object]*generic // since the last reset, redeclared ones too (older code uses them)
	done  map[string]string         // instance key -> name the evaluator has it under
	insts map[string]*cellInstance  // name -> what the evaluator has under it
	ext   map[types.Object]string   // standard-library objects copied -> copy's name

	ids  map[types.Object]int // tell declarations of one name apart in keys
	tids typeutil.Map         // type -> id, the same for types
	n    int                  // ids given so far
}

// A cellInstance is a declaration of the evaluator's that a cell's
// instantiator made: an instance of generic code, or a copy of unexported
// standard-library code.
type cellInstance struct {
	key     string
	generic string // the generic's name; "" for a standard-library copy
	isType  bool
	uses    []string     // instances its declarations name
	obj     types.Object // as checked, for the instances of later cells
}

func newCellGenerics() *cellGenerics {
	return &cellGenerics{
		decls: map[types.Object]*generic{},
		done:  map[string]string{},
		insts: map[string]*cellInstance{},
		ext:   map[types.Object]string{},
		ids:   map[types.Object]int{},
	}
}

func (g *cellGenerics) clone() *cellGenerics {
	if g == nil {
		return nil
	}
	c := &cellGenerics{
		decls: maps.Clone(g.decls),
		done:  maps.Clone(g.done),
		insts: maps.Clone(g.insts),
		ext:   maps.Clone(g.ext),
		ids:   maps.Clone(g.ids),
		n:     g.n,
	}
	g.tids.Iterate(func(t types.Type, v any) { c.tids.Set(t, v) })
	return c
}

// reset forgets the generic declarations and the instances of functions.
// The evaluator keeps the instances of types, so their names stay taken.
func (g *cellGenerics) reset() {
	if g == nil {
		return
	}
	g.decls = map[types.Object]*generic{}
	g.ids = map[types.Object]int{}
	g.tids = typeutil.Map{}
	gone := map[string]bool{}
	for n, x := range g.insts {
		if !x.isType {
			gone[n] = true
		}
	}
	g.forget(gone)
}

// stale lists the instances that declaring names makes stale: those named
// so, the function instances of a generic of one of the names, and the
// function instances that name a stale one. Instances of types stay: their
// values keep their type, and yaegi cannot change a type's methods.
func (g *cellGenerics) stale(names []string) map[string]bool {
	if g == nil || len(g.insts) == 0 {
		return nil
	}
	declared := map[string]bool{}
	for _, n := range names {
		declared[n] = true
	}
	gone := map[string]bool{}
	for n, x := range g.insts {
		if declared[n] || x.generic != "" && declared[x.generic] && !x.isType {
			gone[n] = true
		}
	}
	for changed := len(gone) > 0; changed; {
		changed = false
		for n, x := range g.insts {
			if gone[n] || x.isType {
				continue
			}
			if slices.ContainsFunc(x.uses, func(u string) bool { return gone[u] }) {
				gone[n], changed = true, true
			}
		}
	}
	return gone
}

// forget drops instances: a later cell that needs one makes it again.
func (g *cellGenerics) forget(gone map[string]bool) {
	if g == nil || len(gone) == 0 {
		return
	}
	for n := range gone {
		delete(g.insts, n)
	}
	for k, n := range g.done {
		if gone[n] {
			delete(g.done, k)
		}
	}
}

// identify keys the instances of the session's generic code by
// declaration, not by name: a redeclared generic type is a new type whose
// instances must not be taken for the old one's. A use, in older generic
// code, of a generic function redeclared since with the same signature
// for args stands for the new declaration, as a call would in a cell.
func (g *cellGenerics) identify(in *instantiator, s *Session, obj types.Object, args []types.Type, key string) (types.Object, string) {
	if !in.own(obj.Pkg()) {
		return obj, key
	}
	if fn, ok := obj.(*types.Func); ok {
		if live, ok := s.Lookup(fn.Name()).(*types.Func); ok && live != fn && in.generics[live] != nil && sameInstance(fn, live, args) {
			obj = live
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s#%d", obj.Name(), g.id(obj))
	for _, a := range args {
		fmt.Fprintf(&b, ";%s#%d", types.TypeString(a, nil), g.typeID(a))
	}
	return obj, b.String()
}

func (g *cellGenerics) id(obj types.Object) int {
	id, ok := g.ids[obj]
	if !ok {
		g.n++
		id = g.n
		g.ids[obj] = id
	}
	return id
}

func (g *cellGenerics) typeID(t types.Type) int {
	if id, ok := g.tids.At(t).(int); ok {
		return id
	}
	g.n++
	g.tids.Set(t, g.n)
	return g.n
}

// sameInstance reports whether two generic functions instantiated with
// args have identical signatures (and args satisfy both).
func sameInstance(a, b types.Object, args []types.Type) bool {
	x, err := types.Instantiate(nil, a.Type(), args, true)
	if err != nil {
		return false
	}
	y, err := types.Instantiate(nil, b.Type(), args, true)
	return err == nil && types.Identical(x, y)
}

// EvaluatorType writes t as the evaluator knows it: an instance of the
// cells' generic code by the name of its copy (Stack[int] is Stack__int),
// other packages' types qualified by their package's name. ok is false
// when t names an instance no cell made yet.
func (s *Session) EvaluatorType(t types.Type) (typ string, ok bool) {
	in := newInstantiator(s.fset, s.pkg)
	if g := s.gen; g != nil {
		maps.Copy(in.generics, g.decls)
		maps.Copy(in.done, g.done)
		in.identify = func(obj types.Object, args []types.Type, key string) (types.Object, string) {
			return g.identify(in, s, obj, args, key)
		}
	}
	typ = in.typeString(t, token.NoPos)
	return typ, in.err == nil && len(in.queue) == 0
}
