package complete

import (
	"go/constant"
	"go/types"
	"strings"
)

// members lists what can follow op and a dot, starting with prefix: the
// exported members of a package; the fields, promoted ones included, and
// methods of a value; the methods of a type (method expressions).
func (c *call) members(op operand, prefix string) []Candidate {
	var s set
	if op.pkg != nil {
		for _, n := range withPrefix(c.cfg.exported(op.pkg), prefix) {
			s.add(n, c.detail(op.pkg.Scope().Lookup(n)))
		}
		return s.sorted()
	}
	t := op.tv.Type
	if _, ok := t.(*types.Tuple); ok || !valid(t) {
		return nil
	}
	addressable := op.tv.Addressable()
	var names []string
	if op.tv.IsValue() {
		names = fieldNames(t)
	}
	names = append(names, methodNames(t)...)
	if !op.tv.IsType() && !isPointer(t) && !types.IsInterface(t) {
		names = append(names, methodNames(types.NewPointer(t))...)
	}
	for _, n := range names {
		if n == "_" || !strings.HasPrefix(n, prefix) || s.seen[n] {
			continue
		}
		// The lookup settles what the name selects: a shallower field
		// hides a deeper one, two at the same depth hide each other, a
		// pointer method needs an addressable value.
		obj, _, _ := types.LookupFieldOrMethod(t, addressable, c.pkg, n)
		if obj == nil || !c.visible(obj) {
			continue
		}
		s.add(n, c.detail(obj))
	}
	return s.sorted()
}

// fieldNames returns the names of t's fields and of the fields of its
// embedded structs, at any depth; t may be a pointer to a struct.
func fieldNames(t types.Type) []string {
	var names []string
	seen := map[*types.Struct]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || seen[st] {
			return
		}
		seen[st] = true
		for f := range st.Fields() {
			names = append(names, f.Name())
			if f.Embedded() {
				walk(f.Type())
			}
		}
	}
	walk(t)
	return names
}

// methodNames returns the names in t's method set.
func methodNames(t types.Type) []string {
	ms := types.NewMethodSet(t)
	names := make([]string, ms.Len())
	for i := range names {
		names[i] = ms.At(i).Obj().Name()
	}
	return names
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// visible reports whether the session's code may use obj: it is exported
// or the session's own.
func (c *call) visible(obj types.Object) bool {
	return obj.Exported() || obj.Pkg() == nil || obj.Pkg().Path() == c.pkg.Path()
}

// detail describes obj for a list of candidates.
func (c *call) detail(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Func:
		return types.TypeString(o.Type(), c.qual)
	case *types.Var:
		if o.IsField() {
			return "field " + types.TypeString(o.Type(), c.qual)
		}
		return "var " + types.TypeString(o.Type(), c.qual)
	case *types.Const:
		d := "const " + types.TypeString(o.Type(), c.qual)
		if v := o.Val(); v.Kind() != constant.Unknown {
			if s := v.ExactString(); len(s) <= 24 {
				d += " = " + s
			}
		}
		return d
	case *types.TypeName:
		return "type " + kind(o.Type(), c.qual)
	case *types.PkgName:
		return "package " + o.Imported().Path()
	case *types.Builtin:
		return "builtin"
	case *types.Nil:
		return "nil"
	}
	return ""
}

// kind is a type's underlying type, short: "struct", "interface",
// "int64", "map[string][]string".
func kind(t types.Type, q types.Qualifier) string {
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return "struct"
	case *types.Interface:
		return "interface"
	case *types.Signature:
		return "func"
	default:
		return types.TypeString(u, q)
	}
}
