package symtypes_test

import (
	"go/token"
	"go/types"
	"path"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/stdlib/syscall"
	"github.com/traefik/yaegi/stdlib/unrestricted"
	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

// missingOK lists the table symbols that are allowed not to be in their
// package's scope, as "importpath.Name".
var missingOK = map[string]bool{}

func TestAllPackages(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	start := time.Now()
	paths := im.Paths()
	if !sort.StringsAreSorted(paths) {
		t.Errorf("Paths not sorted")
	}
	nsyms := 0
	for _, p := range paths {
		if !im.Has(p) {
			t.Errorf("Has(%q) = false", p)
		}
		pkg, err := im.Import(p)
		if err != nil {
			t.Errorf("Import(%q): %v", p, err)
			continue
		}
		if !pkg.Complete() {
			t.Errorf("%s: not complete", p)
		}
		if pkg.Path() != p {
			t.Errorf("%s: Path() = %q", p, pkg.Path())
		}
		if name, _ := im.Name(p); pkg.Name() != name {
			t.Errorf("%s: Name() = %q, want %q", p, pkg.Name(), name)
		}
		again, _ := im.Import(p)
		if again != pkg {
			t.Errorf("%s: second Import returned a different package", p)
		}
		for key, tab := range stdlib.Symbols {
			if path.Dir(key) != p {
				continue
			}
			for name := range tab {
				if strings.HasPrefix(name, "_") || !token.IsExported(name) {
					continue
				}
				nsyms++
				if pkg.Scope().Lookup(name) == nil && !missingOK[p+"."+name] {
					t.Errorf("%s.%s: missing from scope", p, name)
				}
			}
		}
	}
	skipped := symtypes.Skipped(im)
	t.Logf("%d packages, %d symbols in %v; %d skipped", len(paths), nsyms, time.Since(start), len(skipped))
	for _, s := range skipped {
		t.Logf("skipped %s", s)
	}
	if _, err := im.Import("no/such/pkg"); err == nil {
		t.Errorf("Import of unknown package succeeded")
	}
	if p, err := im.Import("unsafe"); err != nil || p != types.Unsafe {
		t.Errorf("Import(unsafe) = %v, %v", p, err)
	}
}

func TestNames(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	for p, want := range map[string]string{
		"math/rand":    "rand",
		"math/rand/v2": "rand",
		"crypto/rand":  "rand",
		"net/http":     "http",
		"go/types":     "types",
	} {
		if got, ok := im.Name(p); !ok || got != want {
			t.Errorf("Name(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
	if _, ok := im.Name("no/such"); ok {
		t.Errorf("Name(no/such) ok")
	}
	if im.Has(".") || im.Has("no/such") {
		t.Errorf("Has reports unknown packages")
	}
	a, _ := im.Import("math/rand")
	b, _ := im.Import("math/rand/v2")
	c, _ := im.Import("crypto/rand")
	if a == b || a == c || b == c {
		t.Errorf("rand packages are not distinct")
	}
}

func lookupType(t *testing.T, im *symtypes.Importer, p, name string) types.Type {
	t.Helper()
	pkg, err := im.Import(p)
	if err != nil {
		t.Fatal(err)
	}
	obj, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		t.Fatalf("%s.%s is not a type", p, name)
	}
	return obj.Type()
}

func TestIdentity(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	req := lookupType(t, im, "net/http", "Request")
	st := req.Underlying().(*types.Struct)
	var urlField types.Type
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == "URL" {
			urlField = st.Field(i).Type()
		}
	}
	urlT := lookupType(t, im, "net/url", "URL")
	if !types.Identical(urlField, types.NewPointer(urlT)) {
		t.Errorf("http.Request.URL is %v, not *url.URL", urlField)
	}
	urlPkg, _ := im.Import("net/url")
	if urlT.(*types.Named).Obj().Pkg() != urlPkg {
		t.Errorf("url.URL belongs to a different package object")
	}
	// Reached before being imported: the same package object.
	im2 := symtypes.New(stdlib.Symbols)
	req2 := lookupType(t, im2, "net/http", "Request")
	f := req2.Underlying().(*types.Struct).Field(1) // URL
	reached := f.Type().(*types.Pointer).Elem().(*types.Named).Obj().Pkg()
	if reached.Complete() {
		t.Errorf("net/url complete before being imported")
	}
	urlPkg2, _ := im2.Import("net/url")
	if reached != urlPkg2 || !urlPkg2.Complete() {
		t.Errorf("net/url package object differs or incomplete after import")
	}
	if urlPkg2.Scope().Lookup("URL") != f.Type().(*types.Pointer).Elem().(*types.Named).Obj() {
		t.Errorf("url.URL object differs")
	}
	// Aliases: os.FileMode = fs.FileMode.
	fm := lookupType(t, im, "os", "FileMode")
	if _, ok := fm.(*types.Alias); !ok {
		t.Errorf("os.FileMode is %T, want an alias", fm)
	}
	if !types.Identical(fm, lookupType(t, im, "io/fs", "FileMode")) {
		t.Errorf("os.FileMode != fs.FileMode")
	}
	// error is the universe's.
	pkg, _ := im.Import("errors")
	sig := pkg.Scope().Lookup("New").Type().(*types.Signature)
	if sig.Results().At(0).Type() != types.Universe.Lookup("error").Type() {
		t.Errorf("errors.New does not return the universe error")
	}
}

// methodNames returns the names of the methods declared on the named type.
func methodNames(n *types.Named) []string {
	var names []string
	for i := 0; i < n.NumMethods(); i++ {
		m := n.Method(i)
		if _, ptr := m.Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
			names = append(names, "*"+m.Name())
		} else {
			names = append(names, m.Name())
		}
	}
	sort.Strings(names)
	return names
}

func TestMethods(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	for _, tc := range []struct {
		path, name string
		want       string // declared methods, comma-separated; "-" for none
	}{
		{"bufio", "ReadWriter", "-"},
		{"time", "Duration", "Abs,Hours,Microseconds,Milliseconds,Minutes,Nanoseconds,Round,Seconds,String,Truncate"},
		{"strings", "Builder", "*Cap,*Grow,*Len,*Reset,*String,*Write,*WriteByte,*WriteRune,*WriteString"},
		{"go/ast", "Ident", "*End,*IsExported,*Pos,*String,*exprNode"},
		{"testing", "T", "*Chdir,*Deadline,*Parallel,*Run,*Setenv"},
	} {
		n := lookupType(t, im, tc.path, tc.name).(*types.Named)
		got := strings.Join(methodNames(n), ",")
		if got == "" {
			got = "-"
		}
		if got != tc.want {
			t.Errorf("%s.%s methods: got %s, want %s", tc.path, tc.name, got, tc.want)
		}
	}
	// text/template.Template declares Parse, shadowing the promoted
	// (*parse.Tree).Parse, but not Copy... which it does not have.
	tmpl := lookupType(t, im, "text/template", "Template").(*types.Named)
	if !strings.Contains(strings.Join(methodNames(tmpl), ","), "*Parse,") {
		t.Errorf("template.Template lacks Parse: %v", methodNames(tmpl))
	}
	// Promoted methods are in the method sets.
	rw := lookupType(t, im, "bufio", "ReadWriter")
	ms := types.NewMethodSet(types.NewPointer(rw))
	for _, m := range []string{"ReadString", "WriteString", "Flush", "Peek"} {
		if sel := ms.Lookup(nil, m); sel == nil || len(sel.Index()) != 2 {
			t.Errorf("(*bufio.ReadWriter).%s: not promoted: %v", m, sel)
		}
	}
	// testing.T implements testing.TB (unexported method private).
	tb := lookupType(t, im, "testing", "TB").Underlying().(*types.Interface)
	tt := lookupType(t, im, "testing", "T")
	if !types.Implements(types.NewPointer(tt), tb) {
		m, _ := types.MissingMethod(types.NewPointer(tt), tb, true)
		t.Errorf("*testing.T does not implement testing.TB: missing %v", m)
	}
	if types.Implements(tt, tb) {
		t.Errorf("testing.T implements testing.TB")
	}
}

// TestOtherTables imports every package of yaegi's other symbol tables.
func TestOtherTables(t *testing.T) {
	for name, syms := range map[string]symtypes.Symbols{
		"syscall":      syscall.Symbols,
		"unrestricted": unrestricted.Symbols,
		"unsafe":       unsafe.Symbols,
	} {
		im := symtypes.New(syms)
		for _, p := range im.Paths() {
			pkg, err := im.Import(p)
			if err != nil || (p != "unsafe" && !pkg.Complete()) {
				t.Errorf("%s: Import(%q): %v", name, p, err)
			}
		}
		t.Logf("%s: %d packages, %d skipped: %v", name, len(im.Paths()), len(symtypes.Skipped(im)), symtypes.Skipped(im))
	}
	// unrestricted's os/exec checks.
	im := symtypes.New(unrestricted.Symbols)
	if err := check(t, im, []string{"os/exec"}, `out, err := exec.Command("ls").Output(); _ = out; if ee, ok := err.(*exec.ExitError); ok { _ = ee.ExitCode(); _ = ee.Stderr; _ = ee.Pid() }`); err != nil {
		t.Error(err)
	}
}
