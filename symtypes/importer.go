package symtypes

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Symbols is the shape of yaegi's interp.Exports: keys are
// "importpath/pkgname" (for example "net/http/http" or "math/rand/v2/rand"),
// values map an exported symbol name to its reflect.Value.
type Symbols = map[string]map[string]reflect.Value

// Importer is a types.ImporterFrom over a symbol table.
//
// Packages are built on their first Import and cached, together with every
// type they reach. The Importer is safe for concurrent use; the packages it
// returns are fully built and, like those of the gc importer, may be shared
// by concurrent type checkers.
type Importer struct {
	syms  Symbols
	index map[string]*entry // import path -> table entry
	paths []string          // sorted import paths

	mu       sync.Mutex
	pkgs     map[string]*types.Package   // every package object, by path
	types    map[reflect.Type]types.Type // converted types
	unnaming map[reflect.Type]bool       // instances being converted by unnamed
	pending  []pendingNamed              // named types awaiting completion
	ifaces   []*types.Interface          // interfaces to Complete
	private  map[string][]reflect.Type   // path -> interfaces with unexported methods
	skipped  []string                    // "path.Name: reason"
	done     map[string]bool             // packages whose symbols are built
	runes    map[string]map[string]bool  // untyped rune constants, by path
	cvType   reflect.Type                // go/constant.Value
}

// entry describes one import path of the table.
type entry struct {
	name string   // package name
	keys []string // table keys for the path, sorted
}

type pendingNamed struct {
	t reflect.Type
	n *types.Named
}

// New returns an Importer over syms. It only indexes the keys of the table;
// no symbol is converted until its package is imported. syms must not be
// modified afterwards. Packages and types of different Importers are
// distinct (not identical), even over the same table.
func New(syms Symbols) *Importer {
	im := &Importer{
		syms:     syms,
		index:    make(map[string]*entry, len(syms)),
		pkgs:     make(map[string]*types.Package),
		types:    make(map[reflect.Type]types.Type),
		unnaming: make(map[reflect.Type]bool),
		private:  make(map[string][]reflect.Type),
		done:     make(map[string]bool),
		runes:    runeConsts,
		cvType:   reflect.TypeFor[constant.Value](),
	}
	for key := range syms {
		p, name := path.Dir(key), path.Base(key)
		if p == "." || p == "/" || name == "" {
			continue
		}
		e := im.index[p]
		if e == nil {
			e = &entry{}
			im.index[p] = e
			im.paths = append(im.paths, p)
		}
		e.keys = append(e.keys, key)
	}
	for _, e := range im.index {
		sort.Strings(e.keys)
		e.name = path.Base(e.keys[0])
	}
	sort.Strings(im.paths)
	return im
}

// Has reports whether path is a package of the table, without building it.
func (im *Importer) Has(path string) bool {
	_, ok := im.index[path]
	return ok
}

// Paths returns the import paths of the table, sorted.
func (im *Importer) Paths() []string {
	return append([]string(nil), im.paths...)
}

// Name returns the package name of path, taken from its table key
// ("rand" for "math/rand/v2", whose key is "math/rand/v2/rand").
func (im *Importer) Name(path string) (string, bool) {
	e, ok := im.index[path]
	if !ok {
		return "", false
	}
	return e.name, true
}

// Import returns the package for path, building it on first use.
func (im *Importer) Import(path string) (*types.Package, error) {
	return im.ImportFrom(path, "", 0)
}

// ImportFrom is Import; dir and mode are ignored (there is no vendoring).
func (im *Importer) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	e, ok := im.index[path]
	if !ok {
		return nil, fmt.Errorf("symtypes: package %q is not in the symbol table", path)
	}
	im.mu.Lock()
	defer im.mu.Unlock()
	pkg := im.pkg(path)
	if im.done[path] {
		return pkg, nil
	}
	im.populate(pkg, e)
	im.flush()
	im.done[path] = true
	pkg.MarkComplete()
	return pkg, nil
}

// pkg returns the package object for path, creating it if needed.
func (im *Importer) pkg(p string) *types.Package {
	if pkg := im.pkgs[p]; pkg != nil {
		return pkg
	}
	var name string
	if e := im.index[p]; e != nil {
		name = e.name
	} else {
		name = guessName(p)
	}
	pkg := types.NewPackage(p, name)
	im.pkgs[p] = pkg
	return pkg
}

// guessName derives a package name from an import path that is not in the
// table: the last element, skipping a major version suffix, cut at the
// first dot and with other non-identifier characters replaced by '_'.
func guessName(p string) string {
	elems := strings.Split(p, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(name) {
		name = elems[len(elems)-2]
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	b := []byte(name)
	for i, c := range b {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' && i > 0) {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// skip records a symbol that could not be converted.
func (im *Importer) skip(p, name, reason string) {
	im.skipped = append(im.skipped, p+"."+name+": "+reason)
}

// populate inserts the exported symbols of e into pkg's scope.
func (im *Importer) populate(pkg *types.Package, e *entry) {
	p := pkg.Path()
	for _, key := range e.keys {
		tab := im.syms[key]
		names := make([]string, 0, len(tab))
		for name := range tab {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if strings.HasPrefix(name, "_") {
				continue // yaegi interface wrapper
			}
			if !token.IsExported(name) {
				im.skip(p, name, "not exported")
				continue
			}
			if pkg.Scope().Lookup(name) != nil && !im.isTypeSym(tab[name]) {
				im.skip(p, name, "duplicate symbol")
				continue
			}
			im.symbol(pkg, name, tab[name])
		}
	}
}

func (im *Importer) isTypeSym(v reflect.Value) bool {
	return v.IsValid() && !v.CanAddr() && v.Kind() == reflect.Pointer && v.IsNil()
}

// symbol converts one table entry and inserts it into pkg's scope.
func (im *Importer) symbol(pkg *types.Package, name string, v reflect.Value) {
	p := pkg.Path()
	defer func() {
		if r := recover(); r != nil {
			im.skip(p, name, fmt.Sprint("panic: ", r))
		}
	}()
	var obj types.Object
	switch {
	case !v.IsValid():
		im.skip(p, name, "invalid value")
		return
	case v.CanAddr():
		obj = types.NewVar(token.NoPos, pkg, name, im.typ(v.Type(), pkg))
	case v.Kind() == reflect.Func:
		sig, _ := im.typ(v.Type(), pkg).(*types.Signature)
		obj = types.NewFunc(token.NoPos, pkg, name, sig)
	case v.Kind() == reflect.Pointer && v.IsNil():
		obj = im.typeSym(pkg, name, v.Type().Elem())
		if obj == nil {
			return // already in scope
		}
	case v.Type().Implements(im.cvType) && v.CanInterface():
		obj = im.untypedConst(pkg, name, v.Interface().(constant.Value))
	default:
		if val := typedValue(v); val != nil {
			obj = types.NewConst(token.NoPos, pkg, name, im.typ(v.Type(), pkg), val)
		} else {
			// A non-addressable value of a composite kind: the best
			// approximation is a variable.
			obj = types.NewVar(token.NoPos, pkg, name, im.typ(v.Type(), pkg))
		}
	}
	if obj == nil {
		return
	}
	if alt := pkg.Scope().Insert(obj); alt != nil && alt != obj {
		im.skip(p, name, "name already declared")
	}
}

// typeSym returns the TypeName for the type symbol name of pkg, or nil if
// the defined type is already in pkg's scope.
func (im *Importer) typeSym(pkg *types.Package, name string, t reflect.Type) types.Object {
	typ := im.typ(t, pkg)
	if n, ok := typ.(*types.Named); ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name {
		if pkg.Scope().Lookup(name) == n.Obj() {
			return nil
		}
		return n.Obj()
	}
	obj := types.NewTypeName(token.NoPos, pkg, name, nil)
	types.NewAlias(obj, typ)
	return obj
}

// untypedConst returns an untyped constant for val.
func (im *Importer) untypedConst(pkg *types.Package, name string, val constant.Value) types.Object {
	var kind types.BasicKind
	switch val.Kind() {
	case constant.Bool:
		kind = types.UntypedBool
	case constant.String:
		kind = types.UntypedString
	case constant.Int:
		kind = types.UntypedInt
		if im.runes[pkg.Path()][name] {
			kind = types.UntypedRune
		}
	case constant.Float:
		kind = types.UntypedFloat
	case constant.Complex:
		kind = types.UntypedComplex
	default:
		im.skip(pkg.Path(), name, "unknown constant")
		return nil
	}
	return types.NewConst(token.NoPos, pkg, name, types.Typ[kind], val)
}

// typedValue returns the constant value of v, or nil if v's kind is not
// one of a constant.
func typedValue(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(c)), token.ADD,
			constant.MakeImag(constant.MakeFloat64(imag(c))))
	case reflect.String:
		return constant.MakeString(v.String())
	}
	return nil
}

// flush completes the pending named types and interfaces.
func (im *Importer) flush() {
	for len(im.pending) > 0 {
		pn := im.pending[len(im.pending)-1]
		im.pending = im.pending[:len(im.pending)-1]
		im.complete(pn.t, pn.n)
	}
	for _, it := range im.ifaces {
		it.Complete()
	}
	im.ifaces = im.ifaces[:0]
}
