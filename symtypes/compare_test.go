package symtypes_test

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

// TestCompareGC compares the packages built from stdlib.Symbols with those
// of the gc importer (export data from the Go toolchain). It is slow on a
// cold build cache and so only runs when SYMTYPES_COMPARE is set.
func TestCompareGC(t *testing.T) {
	if os.Getenv("SYMTYPES_COMPARE") == "" {
		t.Skip("set SYMTYPES_COMPARE=1 to compare with the gc importer")
	}
	im := symtypes.New(stdlib.Symbols)
	gc := importer.ForCompiler(token.NewFileSet(), "gc", nil)
	ndiff := 0
	for _, p := range im.Paths() {
		if strings.HasPrefix(p, "github.com/") {
			continue
		}
		ours, err := im.Import(p)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := gc.Import(p)
		if err != nil {
			t.Logf("gc: %v", err)
			continue
		}
		for _, d := range comparePkgs(ours, theirs) {
			ndiff++
			t.Logf("%s: %s", p, d)
		}
	}
	t.Logf("%d differences", ndiff)
}

func comparePkgs(ours, theirs *types.Package) []string {
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	for _, name := range ours.Scope().Names() {
		o := ours.Scope().Lookup(name)
		if !o.Exported() {
			continue
		}
		g := theirs.Scope().Lookup(name)
		if g == nil {
			add("%s: not in gc package", name)
			continue
		}
		if ok, ck := fmt.Sprintf("%T", o), fmt.Sprintf("%T", g); ok != ck {
			add("%s: object %s, gc %s", name, ok, ck)
			continue
		}
		if a, b := typeStr(o.Type()), typeStr(g.Type()); a != b {
			add("%s: type\n\t%s\ngc\t%s", name, a, b)
		}
		switch o := o.(type) {
		case *types.Const:
			gv := g.(*types.Const).Val()
			if o.Val().ExactString() != gv.ExactString() {
				add("%s: value %s, gc %s", name, o.Val().ExactString(), gv.ExactString())
			}
		case *types.TypeName:
			if o.IsAlias() != g.(*types.TypeName).IsAlias() {
				add("%s: alias %v, gc %v", name, o.IsAlias(), !o.IsAlias())
			}
			if o.IsAlias() {
				continue
			}
			if a, b := typeStr(o.Type().Underlying()), typeStr(g.Type().Underlying()); a != b {
				add("%s: underlying\n\t%s\ngc\t%s", name, a, b)
			}
			for _, ptr := range []bool{false, true} {
				ot, gt := o.Type(), g.Type()
				if ptr {
					if types.IsInterface(ot) {
						continue
					}
					ot, gt = types.NewPointer(ot), types.NewPointer(gt)
				}
				if a, b := msetStr(ot), msetStr(gt); a != b {
					add("%s: method set of %s\n\t%s\ngc\t%s", name, typeStr(ot), a, b)
				}
			}
			if a, b := declStr(o.Type()), declStr(g.Type()); a != b {
				add("%s: declared methods\n\t%s\ngc\t%s", name, a, b)
			}
		}
	}
	// Implements relations inside the package, which depend on unexported
	// methods for interfaces such as ast.Expr.
	var ifaces, concrete []string
	for _, name := range ours.Scope().Names() {
		if tn, ok := ours.Scope().Lookup(name).(*types.TypeName); ok && tn.Exported() && !tn.IsAlias() {
			if types.IsInterface(tn.Type()) {
				ifaces = append(ifaces, name)
			} else {
				concrete = append(concrete, name)
			}
		}
	}
	for _, in := range ifaces {
		oi := ours.Scope().Lookup(in).Type().Underlying().(*types.Interface)
		gobj := theirs.Scope().Lookup(in)
		if gobj == nil {
			continue
		}
		gi, ok := gobj.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for _, cn := range concrete {
			gc := theirs.Scope().Lookup(cn)
			if gc == nil {
				continue
			}
			ot, gt := ours.Scope().Lookup(cn).Type(), gc.Type()
			for _, ptr := range []bool{false, true} {
				if ptr {
					ot, gt = types.NewPointer(ot), types.NewPointer(gt)
				}
				if a, b := types.Implements(ot, oi), types.Implements(gt, gi); a != b {
					add("%s implements %s: %v, gc %v", typeStr(ot), in, a, b)
				}
			}
		}
	}
	return diffs
}

// msetStr describes the exported part of the method set of t.
func msetStr(t types.Type) string {
	ms := types.NewMethodSet(t)
	var l []string
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		if !sel.Obj().Exported() {
			continue
		}
		l = append(l, fmt.Sprintf("%s/%d%s", sel.Obj().Name(), len(sel.Index()), typeStr(sel.Type())[4:]))
	}
	return strings.Join(l, "; ")
}

// declStr lists the exported methods declared on t.
func declStr(t types.Type) string {
	n, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	var l []string
	for i := 0; i < n.NumMethods(); i++ {
		m := n.Method(i)
		if !m.Exported() {
			continue
		}
		_, ptr := m.Type().(*types.Signature).Recv().Type().(*types.Pointer)
		s := m.Name()
		if ptr {
			s = "*" + s
		}
		l = append(l, s)
	}
	sort.Strings(l)
	return strings.Join(l, ",")
}

// typeStr prints t without parameter names, with byte and rune spelt
// uint8 and int32, and any spelt interface{}.
func typeStr(t types.Type) string {
	var b strings.Builder
	writeType(&b, t)
	return b.String()
}

func writeType(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Alias:
		writeType(b, types.Unalias(t))
	case *types.Basic:
		switch t.Kind() {
		case types.Byte:
			b.WriteString("uint8")
		case types.Rune:
			b.WriteString("int32")
		default:
			b.WriteString(t.Name())
		}
	case *types.Named:
		if t.Obj().Pkg() != nil {
			b.WriteString(t.Obj().Pkg().Path() + ".")
		}
		b.WriteString(t.Obj().Name())
		if ta := t.TypeArgs(); ta != nil {
			b.WriteString("[")
			for i := 0; i < ta.Len(); i++ {
				if i > 0 {
					b.WriteString(",")
				}
				writeType(b, ta.At(i))
			}
			b.WriteString("]")
		}
	case *types.Pointer:
		b.WriteString("*")
		writeType(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		writeType(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		writeType(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		writeType(b, t.Key())
		b.WriteString("]")
		writeType(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		writeType(b, t.Elem())
	case *types.Signature:
		b.WriteString("func(")
		writeTuple(b, t.Params(), t.Variadic())
		b.WriteString(")")
		if t.Results().Len() > 0 {
			b.WriteString(" (")
			writeTuple(b, t.Results(), false)
			b.WriteString(")")
		}
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if i > 0 {
				b.WriteString("; ")
			}
			if f.Embedded() {
				b.WriteString("embedded ")
			}
			if !f.Exported() && f.Pkg() != nil {
				b.WriteString(f.Pkg().Path() + ".")
			}
			b.WriteString(f.Name() + " ")
			writeType(b, f.Type())
			if tag := t.Tag(i); tag != "" {
				fmt.Fprintf(b, " %q", tag)
			}
		}
		b.WriteString("}")
	case *types.Interface:
		b.WriteString("interface{")
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			if i > 0 {
				b.WriteString("; ")
			}
			if !m.Exported() {
				b.WriteString(m.Pkg().Path() + ".")
			}
			b.WriteString(m.Name())
			writeType(b, m.Type())
		}
		b.WriteString("}")
	default:
		fmt.Fprintf(b, "%T", t)
	}
}

func writeTuple(b *strings.Builder, tup *types.Tuple, variadic bool) {
	for i := 0; i < tup.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		if variadic && i == tup.Len()-1 {
			b.WriteString("...")
			writeType(b, tup.At(i).Type().(*types.Slice).Elem())
			continue
		}
		writeType(b, tup.At(i).Type())
	}
}
