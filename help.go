package igo

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/igolang/igo/internal/godoc"
)

// Doc is what `name?` shows: the signature from the session's types and,
// where the Go toolchain's sources are present, the doc comment. name is a
// session name ("x", "T.M", "x.Field"), a package ("strings") or a package
// member ("strings.Repeat", "http.Request.Header"). detail 2 adds source.
func (sh *Shell) Doc(name string, detail int) (string, error) {
	parts := strings.Split(strings.TrimSpace(name), ".")
	q := sh.qualifier()
	notFound := fmt.Errorf("Object `%s` not found.", name)
	if o := sh.sess.Lookup(parts[0]); o != nil {
		h := godoc.Help{Name: name, Kind: kindOf(o), Signature: types.ObjectString(o, q)}
		if len(parts) > 1 {
			m := member(o, parts[1:])
			if m == nil {
				return "", notFound
			}
			h = sh.memberHelp(name, m, q, detail)
		}
		if d, ok := sh.sess.Decl(name); ok {
			// Declared by a cell: its own doc comment and source.
			h.Doc = d.Doc
			if detail > 1 {
				h.Source = d.Source
			}
		}
		return h.String(), nil
	}
	path, ok := sh.sess.Imports()[parts[0]]
	if !ok {
		path, ok = sh.packages[parts[0]]
	}
	if !ok {
		return "", notFound
	}
	pkg, err := sh.imp.Import(path)
	if err != nil {
		return "", notFound
	}
	if len(parts) == 1 {
		doc, _ := sh.docs.Package(path)
		return godoc.Help{Name: path, Kind: "package", Signature: "package " + pkg.Name() + ` // import "` + path + `"`, Doc: doc}.String(), nil
	}
	o := pkg.Scope().Lookup(parts[1])
	if o == nil || !o.Exported() {
		return "", notFound
	}
	if len(parts) > 2 {
		m := member(o, parts[2:])
		if m == nil {
			return "", notFound
		}
		return sh.memberHelp(name, m, q, detail).String(), nil
	}
	h := godoc.Help{Name: name, Kind: kindOf(o), Signature: types.ObjectString(o, q)}
	h.Doc, _ = sh.docs.Symbol(path, parts[1])
	src, ok := sh.docs.Source(path, parts[1])
	if _, isFunc := o.(*types.Func); isFunc && ok {
		// The sources name the parameters; the evaluator's tables do not.
		if sig := funcHeader(src, parts[1]); sig != "" {
			h.Signature = "func " + pkg.Name() + "." + sig
		}
	}
	if detail > 1 {
		h.Source = src
	}
	return h.String(), nil
}

// member follows field and method names from o.
func member(o types.Object, sels []string) types.Object {
	for _, sel := range sels {
		t := o.Type()
		if _, isType := o.(*types.TypeName); isType {
			t = types.NewPointer(t)
		}
		m, _, _ := types.LookupFieldOrMethod(t, true, o.Pkg(), sel)
		if m == nil {
			return nil
		}
		o = m
	}
	return o
}

// memberHelp documents a field or method, with the doc comment of the type
// that declares it.
func (sh *Shell) memberHelp(name string, m types.Object, q types.Qualifier, detail int) godoc.Help {
	h := godoc.Help{Name: name, Kind: "field", Signature: types.ObjectString(m, q)}
	var owner *types.Named
	if fn, ok := m.(*types.Func); ok {
		h.Kind = "method"
		if recv := fn.Signature().Recv(); recv != nil {
			owner = namedOf(recv.Type())
		}
	}
	if owner == nil && m.Pkg() != nil {
		owner = fieldOwner(m)
	}
	if owner != nil && m.Pkg() != nil {
		key := owner.Obj().Name() + "." + m.Name()
		h.Doc, _ = sh.docs.Symbol(m.Pkg().Path(), key)
		if detail > 1 {
			h.Source, _ = sh.docs.Source(m.Pkg().Path(), key)
		}
	}
	return h
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	return n
}

// fieldOwner finds the named struct type of m's package that declares
// field m.
func fieldOwner(m types.Object) *types.Named {
	scope := m.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == m {
				return namedOf(tn.Type())
			}
		}
	}
	return nil
}

func kindOf(o types.Object) string {
	switch o.(type) {
	case *types.Func:
		return "func"
	case *types.TypeName:
		return "type"
	case *types.Const:
		return "const"
	case *types.PkgName:
		return "package"
	}
	return "var"
}

// funcHeader finds "Name(params) results" in the source of func Name.
func funcHeader(src, name string) string {
	for _, line := range strings.Split(src, "\n") {
		if rest, ok := strings.CutPrefix(line, "func "+name); ok && (strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[")) {
			return name + strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "{"))
		}
	}
	return ""
}
