package igo

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// bind gives the session a variable holding v, a value of compiled code:
//
//	v := igobind.Value(7).([]string)
//
// The variable's static type is v's dynamic type when Go can write it with
// the packages the evaluator has, and any otherwise.
func (sh *Shell) bind(ctx context.Context, name string, define bool, v any, cell string) error {
	id := bindStore(v)
	imports := map[string]string{"igobind": bindPath}
	typ := "any"
	if v != nil {
		if t, ok := sh.goType(reflect.TypeOf(v), imports); ok {
			typ = t
		}
	}
	var b strings.Builder
	names := make([]string, 0, len(imports))
	for n := range imports {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if sh.sess.Imports()[n] == "" {
			fmt.Fprintf(&b, "import %s %q\n", n, imports[n])
		}
	}
	op := "="
	if define {
		op = ":="
	}
	fmt.Fprintf(&b, "%s %s igobind.Value(%d).(%s)", name, op, id, typ)
	_, _, err := sh.runGo(ctx, b.String(), sh.count, 1, "", false)
	if err != nil {
		return fmt.Errorf("%s: cannot assign the value to %s: %w", cell, name, err)
	}
	return nil
}

// goType writes t as Go, collecting the imports it needs.
func (sh *Shell) goType(t reflect.Type, imports map[string]string) (string, bool) {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name(), true
		}
		pkg, err := sh.imp.Import(t.PkgPath())
		if err != nil || pkg.Scope().Lookup(t.Name()) == nil {
			return "", false
		}
		if old, ok := imports[pkg.Name()]; ok && old != t.PkgPath() {
			return "", false
		}
		if have, ok := sh.sess.Imports()[pkg.Name()]; ok && have != t.PkgPath() {
			return "", false
		}
		imports[pkg.Name()] = t.PkgPath()
		return pkg.Name() + "." + t.Name(), true
	}
	elem := func(prefix string) (string, bool) {
		e, ok := sh.goType(t.Elem(), imports)
		return prefix + e, ok
	}
	switch t.Kind() {
	case reflect.Slice:
		return elem("[]")
	case reflect.Array:
		return elem(fmt.Sprintf("[%d]", t.Len()))
	case reflect.Pointer:
		return elem("*")
	case reflect.Map:
		k, ok := sh.goType(t.Key(), imports)
		if !ok {
			return "", false
		}
		return elem("map[" + k + "]")
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any", true
		}
	case reflect.Func:
		var in, out []string
		for i := 0; i < t.NumIn(); i++ {
			p, ok := sh.goType(t.In(i), imports)
			if !ok {
				return "", false
			}
			if t.IsVariadic() && i == t.NumIn()-1 {
				p = "..." + strings.TrimPrefix(p, "[]")
			}
			in = append(in, p)
		}
		for i := 0; i < t.NumOut(); i++ {
			r, ok := sh.goType(t.Out(i), imports)
			if !ok {
				return "", false
			}
			out = append(out, r)
		}
		sig := "func(" + strings.Join(in, ", ") + ")"
		switch len(out) {
		case 0:
		case 1:
			sig += " " + out[0]
		default:
			sig += " (" + strings.Join(out, ", ") + ")"
		}
		return sig, true
	}
	return "", false
}
