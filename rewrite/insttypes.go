package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// The types an instance writes: type arguments put in place of type
// parameters, and types written as Go valid at the top level.

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
