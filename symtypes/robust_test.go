package symtypes_test

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/igolang/igo/symtypes"
)

// Types of a hand-made table (their PkgPath is this test package's).

type Node struct {
	Next  *Node
	Kids  []Node
	ByKey map[string]*Node
	Other *Other
	self  *Node
	p     unsafe.Pointer
}

type Other struct {
	Back *Node
	C    <-chan *Other
	S    chan<- int
	F    func(*Other, ...string) (*Node, error)
}

func (o *Other) Walk(f func(*Node) bool) *Other { return o }
func (n Node) Len() int                         { return len(n.Kids) }

type Visitor interface {
	Visit(n *Node) Visitor
	seal()
}

type impl struct{ Visitor }

type Leaf struct{}

func (Leaf) Visit(*Node) Visitor { return nil }
func (Leaf) seal()               {}

type Box[T any] struct{ V T }

type MBox[T any] struct{ V T }

func (b MBox[T]) Get() T { return b.V }

type Chain[T any] func(T) Chain[T]

type Foo struct{ A int }

type Kind uint8

type Flt float32

type Cpx complex128

type Str string

type Self struct{ *Self }

func (s *Self) M() {}

func localFoo() any {
	type Foo struct{ B string }
	return Foo{}
}

func testSymbols() symtypes.Symbols {
	var visitor Visitor
	var vfunc func(int) string
	const p = "github.com/igolang/igo/symtypes_test"
	return symtypes.Symbols{
		p + "/x": {
			"AFunc":     reflect.ValueOf(func() {}),
			"ALocal":    reflect.New(reflect.PointerTo(reflect.TypeOf(localFoo()))).Elem(),
			"Foo":       reflect.ValueOf((*Foo)(nil)),
			"Node":      reflect.ValueOf((*Node)(nil)),
			"Other":     reflect.ValueOf((*Other)(nil)),
			"Visitor":   reflect.ValueOf((*Visitor)(nil)),
			"Leaf":      reflect.ValueOf((*Leaf)(nil)),
			"Self":      reflect.ValueOf((*Self)(nil)),
			"Kind":      reflect.ValueOf((*Kind)(nil)),
			"NodeAlias": reflect.ValueOf((*Node)(nil)),
			"IntSlice":  reflect.ValueOf((*[]int)(nil)),
			"MakeBox":   reflect.ValueOf(func() Box[int] { return Box[int]{} }),
			"MakeMBox":  reflect.ValueOf(func() MBox[int] { return MBox[int]{} }),
			"MakeChain": reflect.ValueOf(func() Chain[int] { return nil }),
			"V":         reflect.ValueOf(&visitor).Elem(),
			"VFunc":     reflect.ValueOf(&vfunc).Elem(),
			"Map":       reflect.ValueOf(map[string]int{}),
			"K":         reflect.ValueOf(Kind(7)),
			"F":         reflect.ValueOf(Flt(1.5)),
			"C":         reflect.ValueOf(Cpx(1 + 2i)),
			"S":         reflect.ValueOf(Str("s")),
			"B":         reflect.ValueOf(true),
			"U":         reflect.ValueOf(constant.MakeUnknown()),
			"UC":        reflect.ValueOf(constant.MakeImag(constant.MakeInt64(2))),
			"UB":        reflect.ValueOf(constant.MakeBool(true)),
			"US":        reflect.ValueOf(constant.MakeFromLiteral(`"hi"`, token.STRING, 0)),
			"Invalid":   {},
			"lower":     reflect.ValueOf(1),
			"_wrapper":  reflect.ValueOf((*impl)(nil)),
		},
		p + "/y":     {"Y": reflect.ValueOf(1)}, // second key for the same path
		".":          {"MapTypes": reflect.ValueOf(1)},
		"":           {"X": reflect.ValueOf(1)},
		"nodir":      {"X": reflect.ValueOf(1)},
		"/abs":       {"X": reflect.ValueOf(1)},
		"empty/pkg":  nil,
		"bad/values": {"Nil": reflect.ValueOf(nil), "Iface": reflect.ValueOf(struct{ V constant.Value }{}).Field(0)},
	}
}

func TestRobust(t *testing.T) {
	im := symtypes.New(testSymbols())
	const p = "github.com/igolang/igo/symtypes_test"
	want := []string{"bad", "empty", p}
	if got := im.Paths(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Paths() = %v, want %v", got, want)
	}
	if name, _ := im.Name(p); name != "x" {
		t.Errorf("Name = %q, want x (first key)", name)
	}
	for _, path := range im.Paths() {
		if _, err := im.Import(path); err != nil {
			t.Fatal(err)
		}
	}
	pkg, _ := im.Import(p)
	scope := pkg.Scope()
	for _, name := range []string{"AFunc", "Foo", "Node", "Other", "Visitor", "Leaf", "Self", "Kind", "NodeAlias", "IntSlice", "MakeBox", "MakeMBox", "MakeChain", "V", "VFunc", "Map", "K", "F", "C", "S", "B", "UC", "UB", "US", "Y"} {
		if scope.Lookup(name) == nil {
			t.Errorf("%s missing", name)
		}
	}
	for _, name := range []string{"U", "Invalid", "lower", "_wrapper"} {
		if scope.Lookup(name) != nil {
			t.Errorf("%s unexpectedly in scope", name)
		}
	}
	skipped := strings.Join(symtypes.Skipped(im), "\n")
	for _, s := range []string{p + ".U:", p + ".Invalid:", p + ".lower:", "bad.Nil:", "bad.Iface:"} {
		if !strings.Contains(skipped, s) {
			t.Errorf("%s not recorded as skipped in\n%s", s, skipped)
		}
	}
	// The package-level Foo, not the local one.
	foo := scope.Lookup("Foo").Type().Underlying().(*types.Struct)
	if foo.NumFields() != 1 || foo.Field(0).Name() != "A" {
		t.Errorf("Foo is %v", foo)
	}
	local := scope.Lookup("ALocal").Type().(*types.Pointer).Elem().(*types.Named)
	if local.Obj().Name() != "Foo" || local == scope.Lookup("Foo").Type() {
		t.Errorf("local Foo: %v", local)
	}
	// Constants.
	for name, want := range map[string]string{
		"K":  p + ".Kind 7",
		"F":  p + ".Flt 1.5",
		"C":  p + ".Cpx (1 + 2i)",
		"S":  p + `.Str "s"`,
		"B":  "bool true",
		"UC": "untyped complex (0 + 2i)",
		"UB": "untyped bool true",
		"US": `untyped string "hi"`,
	} {
		c := scope.Lookup(name).(*types.Const)
		if got := c.Type().String() + " " + c.Val().String(); got != want {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
	// Aliases.
	if tn := scope.Lookup("NodeAlias").(*types.TypeName); !tn.IsAlias() || types.Unalias(tn.Type()) != scope.Lookup("Node").Type() {
		t.Errorf("NodeAlias: %v", tn)
	}
	if tn := scope.Lookup("IntSlice").(*types.TypeName); !tn.IsAlias() || types.Unalias(tn.Type()).String() != "[]int" {
		t.Errorf("IntSlice: %v", tn)
	}
	// Instances of generic types: without methods, the underlying type
	// (the table cannot name Box[int]); with methods or containing
	// themselves, a named type outside any scope.
	result := func(name string) types.Type {
		return scope.Lookup(name).Type().(*types.Signature).Results().At(0).Type()
	}
	if box := result("MakeBox"); box.String() != "struct{V int}" {
		t.Errorf("Box[int] is %v, want struct{V int}", box)
	}
	if mbox, ok := result("MakeMBox").(*types.Named); !ok || !strings.HasPrefix(mbox.Obj().Name(), "MBox[") || mbox.Obj().Parent() != nil || mbox.NumMethods() != 1 {
		t.Errorf("MBox[int] is %v (%T), want a named type with method Get", result("MakeMBox"), result("MakeMBox"))
	}
	if chain, ok := result("MakeChain").(*types.Named); !ok || !strings.HasPrefix(chain.Obj().Name(), "Chain[") ||
		chain.Underlying().(*types.Signature).Results().At(0).Type() != chain {
		t.Errorf("Chain[int] is %v (%T), want a named type returning itself", result("MakeChain"), result("MakeChain"))
	}
	// Recursive types and type checking against them.
	src := `package q

import x "` + p + `"

func f() {
	var n x.Node
	n.Next = &n
	n.Kids = append(n.Kids, n)
	_ = n.Next.Next.Kids[0].ByKey["a"].Other.Back.Len()
	o := n.Other.Walk(func(*x.Node) bool { return true })
	_ = <-o.C
	o.S <- 1
	m, err := o.F(o, "a", "b")
	_, _ = m, err
	var v x.Visitor = x.Leaf{}
	v = v.Visit(&n)
	var s x.Self
	s.M()
	s.Self.M()
	var k x.Kind = x.K
	_ = k
	x.VFunc = func(int) string { return "" }
	x.Map["a"]++
	_ = x.MakeBox().V + 1
	var b struct{ V int } = x.MakeBox()
	_ = b.V + x.MakeMBox().Get()
	x.MakeChain()(1)(2)
	var c complex128 = x.UC
	_ = c
}
`
	if err := checkSrc(t, im, src); err != nil {
		t.Errorf("check: %v", err)
	}
	bad := strings.Replace(src, "_ = k\n", "_ = k\n\t_ = n.self\n\tvar _ x.Visitor = &x.Node{}\n", 1)
	if err := checkSrc(t, im, bad); err == nil || !strings.Contains(err.Error(), "unexported field") {
		t.Errorf("check of unexported field: %v", err)
	}
}
