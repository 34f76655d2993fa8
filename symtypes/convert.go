package symtypes

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	byteType  = types.Universe.Lookup("byte").Type()
	errorType = types.Universe.Lookup("error").Type()
)

// typ converts t. ctx is the package on whose behalf the conversion is
// made: it owns the exported fields, methods and parameters of unnamed
// types (which carry no package in reflect).
func (im *Importer) typ(t reflect.Type, ctx *types.Package) types.Type {
	if tt, ok := im.types[t]; ok {
		return tt
	}
	var tt types.Type
	switch {
	case t.Kind() == reflect.UnsafePointer && t.PkgPath() == "unsafe" && t.Name() == "Pointer":
		tt = types.Typ[types.UnsafePointer]
	case t.Name() != "" && t.PkgPath() != "" && isInstance(t) && !hasMethods(t):
		tt = im.unnamed(t)
	case t.Name() != "" && t.PkgPath() != "":
		return im.named(t)
	case t.Name() == "error" && t.Kind() == reflect.Interface:
		tt = errorType
	default:
		tt = im.structural(t, ctx, nil)
	}
	im.types[t] = tt
	return tt
}

// structural converts the structure of t, ignoring its name. recv, if not
// nil, is the receiver type given to the methods of an interface.
func (im *Importer) structural(t reflect.Type, ctx *types.Package, recv types.Type) types.Type {
	switch t.Kind() {
	case reflect.Bool:
		return types.Typ[types.Bool]
	case reflect.Int:
		return types.Typ[types.Int]
	case reflect.Int8:
		return types.Typ[types.Int8]
	case reflect.Int16:
		return types.Typ[types.Int16]
	case reflect.Int32:
		return types.Typ[types.Int32]
	case reflect.Int64:
		return types.Typ[types.Int64]
	case reflect.Uint:
		return types.Typ[types.Uint]
	case reflect.Uint8:
		return byteType
	case reflect.Uint16:
		return types.Typ[types.Uint16]
	case reflect.Uint32:
		return types.Typ[types.Uint32]
	case reflect.Uint64:
		return types.Typ[types.Uint64]
	case reflect.Uintptr:
		return types.Typ[types.Uintptr]
	case reflect.Float32:
		return types.Typ[types.Float32]
	case reflect.Float64:
		return types.Typ[types.Float64]
	case reflect.Complex64:
		return types.Typ[types.Complex64]
	case reflect.Complex128:
		return types.Typ[types.Complex128]
	case reflect.String:
		return types.Typ[types.String]
	case reflect.UnsafePointer:
		return types.Typ[types.UnsafePointer]
	case reflect.Array:
		return types.NewArray(im.typ(t.Elem(), ctx), int64(t.Len()))
	case reflect.Slice:
		return types.NewSlice(im.typ(t.Elem(), ctx))
	case reflect.Pointer:
		return types.NewPointer(im.typ(t.Elem(), ctx))
	case reflect.Map:
		return types.NewMap(im.typ(t.Key(), ctx), im.typ(t.Elem(), ctx))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.RecvDir:
			dir = types.RecvOnly
		case reflect.SendDir:
			dir = types.SendOnly
		}
		return types.NewChan(dir, im.typ(t.Elem(), ctx))
	case reflect.Func:
		return im.signature(t, nil, 0, ctx)
	case reflect.Struct:
		return im.structType(t, ctx)
	case reflect.Interface:
		return im.interfaceType(t, ctx, recv)
	}
	panic(fmt.Sprintf("symtypes: unsupported kind %v of %v", t.Kind(), t))
}

// isInstance reports whether the defined type t is an instance of a
// generic type: reflect names iter.Seq[string] "Seq[string]".
func isInstance(t reflect.Type) bool { return strings.Contains(t.Name(), "[") }

func hasMethods(t reflect.Type) bool {
	return t.NumMethod() > 0 || t.Kind() != reflect.Interface && reflect.PointerTo(t).NumMethod() > 0
}

// unnamed converts t, an instance of a generic type without methods, to
// its underlying type: strings.Lines returns func(func(string) bool), not
// iter.Seq[string]. The table has no generic types, so code given to the
// evaluator (the rewrite writes the types of the values it declares) could
// not name the instance; the unnamed type loses nothing but the name. An
// instance that contains itself (type F[T any] func() F[T]) is a named
// type, as instances with methods are.
func (im *Importer) unnamed(t reflect.Type) types.Type {
	if im.unnaming[t] {
		return im.named(t) // reached from its own structure
	}
	im.unnaming[t] = true
	tt := im.structural(t, im.pkg(t.PkgPath()), nil)
	delete(im.unnaming, t)
	if n, ok := im.types[t]; ok {
		return n
	}
	return tt
}

// signature converts the func type t, dropping its first skip parameters
// (the receiver of a method obtained from a concrete type).
func (im *Importer) signature(t reflect.Type, recv *types.Var, skip int, ctx *types.Package) *types.Signature {
	var params, results *types.Tuple
	if n := t.NumIn() - skip; n > 0 {
		vars := make([]*types.Var, n)
		for i := range vars {
			vars[i] = types.NewParam(token.NoPos, ctx, "", im.typ(t.In(skip+i), ctx))
		}
		params = types.NewTuple(vars...)
	}
	if n := t.NumOut(); n > 0 {
		vars := make([]*types.Var, n)
		for i := range vars {
			vars[i] = types.NewParam(token.NoPos, ctx, "", im.typ(t.Out(i), ctx))
		}
		results = types.NewTuple(vars...)
	}
	return types.NewSignatureType(recv, nil, nil, params, results, t.IsVariadic())
}

func (im *Importer) structType(t reflect.Type, ctx *types.Package) *types.Struct {
	n := t.NumField()
	fields := make([]*types.Var, n)
	var tags []string
	for i := range fields {
		f := t.Field(i)
		pkg := ctx
		if f.PkgPath != "" {
			pkg = im.pkg(f.PkgPath)
		}
		fields[i] = types.NewField(token.NoPos, pkg, f.Name, im.typ(f.Type, pkg), f.Anonymous)
		if f.Tag != "" {
			if tags == nil {
				tags = make([]string, n)
			}
			tags[i] = string(f.Tag)
		}
	}
	return types.NewStruct(fields, tags)
}

func (im *Importer) interfaceType(t reflect.Type, ctx *types.Package, recv types.Type) *types.Interface {
	methods := make([]*types.Func, t.NumMethod())
	for i := range methods {
		m := t.Method(i)
		pkg := ctx
		if m.PkgPath != "" {
			pkg = im.pkg(m.PkgPath)
		}
		var rv *types.Var
		if recv != nil {
			rv = types.NewVar(token.NoPos, pkg, "", recv)
		}
		methods[i] = types.NewFunc(token.NoPos, pkg, m.Name, im.signature(m.Type, rv, 0, pkg))
	}
	it := types.NewInterfaceType(methods, nil)
	im.ifaces = append(im.ifaces, it)
	return it
}

// named returns the *types.Named for the defined type t, creating it if
// needed. Its underlying type and methods are set by complete, called from
// flush, so that recursive types need no special care.
func (im *Importer) named(t reflect.Type) *types.Named {
	if tt, ok := im.types[t]; ok {
		return tt.(*types.Named)
	}
	p := t.PkgPath()
	pkg := im.pkg(p)
	obj := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	im.types[t] = n
	if im.insertable(p, t) {
		pkg.Scope().Insert(obj)
	}
	im.pending = append(im.pending, pendingNamed{t, n})
	return n
}

// insertable reports whether the TypeName of the defined type t may be
// inserted in the scope of its package p when t is first reached. Scopes
// of imported packages are never modified (they may be in use by a type
// checker); an exported name of a table package is inserted only if the
// table declares it as t (a type local to a function may share its name).
func (im *Importer) insertable(p string, t reflect.Type) bool {
	name := t.Name()
	if im.done[p] || !isIdent(name) {
		return false
	}
	e := im.index[p]
	if e == nil || !token.IsExported(name) {
		return true
	}
	for _, key := range e.keys {
		if v, ok := im.syms[key][name]; ok {
			return im.isTypeSym(v) && v.Type().Elem() == t
		}
	}
	return false
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != "" && utf8.ValidString(s)
}

// complete sets the underlying type and the methods of n, converted from t.
func (im *Importer) complete(t reflect.Type, n *types.Named) {
	pkg := n.Obj().Pkg()
	set := false
	defer func() {
		if r := recover(); r != nil {
			im.skip(pkg.Path(), t.Name(), fmt.Sprint("panic: ", r))
			if !set {
				n.SetUnderlying(types.Typ[types.Invalid])
			}
		}
	}()
	n.SetUnderlying(im.structural(t, pkg, n))
	set = true
	if t.Kind() == reflect.Interface {
		return
	}
	im.methods(t, n)
	im.privateMethods(t, n)
}
