package rewrite

import (
	"go/token"
	"go/types"
	"sort"
)

// Config says where a session's packages come from.
type Config struct {
	// Importer supplies the types of imported packages. Required.
	Importer types.Importer
	// Packages resolves a package name used without an import
	// ("strings") to its import path; nil disables auto-import.
	Packages func(name string) (path string, ok bool)
}

// A Session is what earlier cells declared, as go/types sees it: one
// package, "main", that grows cell by cell. Checking a cell costs the same
// whatever the session's length; redefining a name, or a cell that fails to
// check after declaring names, rebuilds the package's scope (a map insert
// per live name).
//
// A Session is not safe for concurrent use.
type Session struct {
	conf    Config
	fset    *token.FileSet
	pkg     *types.Package
	objs    []types.Object    // live package-level objects, in declaration order
	imports map[string]string // name -> path, imported in the evaluator
	outs    []string          // display variables (_1, _4, ...), oldest first
	decls   map[string]DeclInfo
	types   map[string]string // type name -> definition the evaluator has; survives Reset
	lits    int               // function literals lifted to declarations so far
	gen     *cellGenerics     // generic code and its instances; nil until a cell has some
}

// NewSession returns an empty session.
func NewSession(conf Config) *Session {
	return &Session{
		conf:    conf,
		fset:    token.NewFileSet(),
		pkg:     types.NewPackage("main", "main"),
		imports: map[string]string{},
		decls:   map[string]DeclInfo{},
		types:   map[string]string{},
	}
}

// FileSet holds the positions of every cell rewritten in this session.
func (s *Session) FileSet() *token.FileSet { return s.fset }

// Scope is the session's package scope: every live name earlier cells
// declared (it is replaced when a name is redefined; do not keep it).
func (s *Session) Scope() *types.Scope { return s.pkg.Scope() }

// Package is the session's current package.
func (s *Session) Package() *types.Package { return s.pkg }

// Objects lists the live names in declaration order.
func (s *Session) Objects() []types.Object {
	return append([]types.Object(nil), s.objs...)
}

// Lookup finds a live name.
func (s *Session) Lookup(name string) types.Object { return s.pkg.Scope().Lookup(name) }

// Imports returns the session's imports, name to path.
func (s *Session) Imports() map[string]string {
	m := make(map[string]string, len(s.imports))
	for k, v := range s.imports {
		m[k] = v
	}
	return m
}

// Reset forgets every declaration. Imports are kept: the evaluator keeps
// them too.
func (s *Session) Reset() {
	s.pkg = types.NewPackage("main", "main")
	s.objs = nil
	s.outs = nil
	s.decls = map[string]DeclInfo{}
	s.gen.reset()
}

// Forget removes names from the session, e.g. after the evaluator failed
// before it reached them.
func (s *Session) Forget(names ...string) {
	drop := map[string]bool{}
	for _, n := range names {
		drop[n] = true
	}
	s.rebuild(drop)
	s.gen.forget(s.gen.stale(names))
}

// IsInstance reports whether name is an instance of generic code the
// evaluator was given (Max__int for Max[int]): no cell declares it, and
// forgetting it (Forget) makes the next cell that needs it give it again.
func (s *Session) IsInstance(name string) bool {
	return s.gen != nil && s.gen.insts[name] != nil
}

// rebuild makes a new package holding the live objects except drop.
// Objects keep their original package; go/types compares packages by path,
// so unexported names stay reachable.
func (s *Session) rebuild(drop map[string]bool) {
	pkg := types.NewPackage("main", "main")
	live := s.objs[:0:0]
	for _, o := range s.objs {
		if drop[o.Name()] {
			continue
		}
		pkg.Scope().Insert(o)
		live = append(live, o)
	}
	s.pkg, s.objs = pkg, live
	if len(drop) > 0 {
		outs := s.outs[:0:0]
		for _, o := range s.outs {
			if !drop[o] {
				outs = append(outs, o)
			}
		}
		s.outs = outs
	}
}

// declare records objects a successful check added to the scope.
func (s *Session) declare(objs []types.Object) {
	s.objs = append(s.objs, objs...)
}

// Outputs returns the names of the display variables, oldest first.
func (s *Session) Outputs() []string { return append([]string(nil), s.outs...) }

// ImportNames lists the names the session's imports bind, sorted.
func (s *Session) ImportNames() []string {
	names := make([]string, 0, len(s.imports))
	for n := range s.imports {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Clone returns a session that starts where s is and then goes its own
// way: a cell rewritten in one is unknown to the other. Declared types are
// shared, so a method a cell adds to a type of an earlier cell shows in
// both.
func (s *Session) Clone() *Session {
	c := &Session{
		conf:    s.conf,
		fset:    s.fset,
		objs:    append([]types.Object(nil), s.objs...),
		imports: s.Imports(),
		outs:    s.Outputs(),
		pkg:     s.pkg,
		decls:   map[string]DeclInfo{},
		types:   map[string]string{},
		lits:    s.lits,
		gen:     s.gen.clone(),
	}
	for k, v := range s.decls {
		c.decls[k] = v
	}
	for k, v := range s.types {
		c.types[k] = v
	}
	c.rebuild(nil)
	return c
}
