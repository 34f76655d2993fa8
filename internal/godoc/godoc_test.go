package godoc

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stdIndex returns an Index of the toolchain's sources, skipping the test
// if they are not installed.
func stdIndex(t testing.TB) *Index {
	t.Helper()
	ix := New("")
	if !ix.Available() {
		t.Skipf("GOROOT sources not found at %q", ix.Root())
	}
	return ix
}

func TestStdSymbol(t *testing.T) {
	ix := stdIndex(t)
	tests := []struct {
		path, name string
		kind       string
		want       string // substring of the doc
	}{
		{"strings", "Repeat", "func", "Repeat returns a new string"},
		{"net/http", "Get", "func", "Get issues a GET to the specified URL."},
		{"net/http", "NewRequest", "func", "NewRequest wraps [NewRequestWithContext]"}, // a constructor, filed under Request by go/doc
		{"time", "Duration", "type", "A Duration represents the elapsed time"},
		{"time", "Duration.String", "method", "String returns a string representing the duration"},
		{"time", "Nanosecond", "const", "Common durations."}, // a typed const, group doc
		{"net/http", "Request.Header", "field", "Header contains the request header fields"},
		{"math", "Pi", "const", "Mathematical constants."}, // group doc
		{"os", "Args", "var", "Args hold the command-line arguments"},
		{"io", "Reader.Read", "method", ""},                                    // interface method without a doc comment
		{"bufio", "ReadWriter.ReadString", "method", "ReadString reads until"}, // promoted from *Reader
		{"builtin", "len", "func", "The len built-in function"},
		{"golang.org/x/net/http/httpguts", "ValidHeaderFieldName", "func", "ValidHeaderFieldName"}, // GOROOT/src/vendor
	}
	for _, tt := range tests {
		s := ix.lookup(tt.path, tt.name)
		if s == nil {
			t.Errorf("lookup(%q, %q) not found", tt.path, tt.name)
			continue
		}
		if s.kind != tt.kind {
			t.Errorf("lookup(%q, %q).kind = %q, want %q", tt.path, tt.name, s.kind, tt.kind)
		}
		doc, ok := ix.Symbol(tt.path, tt.name)
		if !ok || !strings.Contains(doc, tt.want) {
			t.Errorf("Symbol(%q, %q) = %q, %v; want doc containing %q", tt.path, tt.name, doc, ok, tt.want)
		}
	}

	// math.Pi: the group doc is followed by the line comment.
	doc, _ := ix.Symbol("math", "Pi")
	if diff := cmp.Diff("Mathematical constants.\n\nhttps://oeis.org/A000796\n", doc); diff != "" {
		t.Errorf("Symbol(math, Pi) mismatch (-want +got):\n%s", diff)
	}
}

func TestStdNotFound(t *testing.T) {
	ix := stdIndex(t)
	tests := []struct{ path, name string }{
		{"strings", "NoSuchName"},
		{"strings", "repeat"}, // unexported names are not indexed
		{"strings", "Builder.nope"},
		{"strings", "Builder.addr"}, // unexported field
		{"strings", "Repeat.X"},     // not a type
		{"strings", "Builder."},
		{"strings", ".Builder"},
		{"strings", "A.B.C"},
		{"strings", ""},
		{"no/such/pkg", "X"},
		{"", "X"},
		{"../src/strings", "Repeat"},
		{"/strings", "Repeat"},
		{"syscall/js", "Value"}, // no files for this GOOS (unless js/wasm)
	}
	for _, tt := range tests {
		if tt.path == "syscall/js" && runtime.GOOS == "js" {
			continue
		}
		if doc, ok := ix.Symbol(tt.path, tt.name); ok {
			t.Errorf("Symbol(%q, %q) = %q, true; want not found", tt.path, tt.name, doc)
		}
		if src, ok := ix.Source(tt.path, tt.name); ok {
			t.Errorf("Source(%q, %q) = %q, true; want not found", tt.path, tt.name, src)
		}
	}
}

func TestStdPackage(t *testing.T) {
	ix := stdIndex(t)
	doc, ok := ix.Package("fmt")
	if !ok || !strings.HasPrefix(doc, "Package fmt ") {
		t.Errorf("Package(fmt) = %.40q..., %v; want doc starting with %q", doc, ok, "Package fmt")
	}
	if got, want := Synopsis(doc), "Package fmt implements formatted I/O with functions analogous to C's printf and scanf."; got != want {
		t.Errorf("Synopsis(fmt doc) = %q, want %q", got, want)
	}
	if _, ok := ix.Package("no/such/pkg"); ok {
		t.Errorf("Package(no/such/pkg) ok = true")
	}
}

func TestStdSource(t *testing.T) {
	ix := stdIndex(t)
	src, ok := ix.Source("strings", "Repeat")
	if !ok || !strings.HasPrefix(src, "// Repeat returns a new string") ||
		!strings.Contains(src, "\nfunc Repeat(s string, count int) string {\n") ||
		!strings.HasSuffix(src, "\n}\n") {
		t.Errorf("Source(strings, Repeat) = %q, %v", src, ok)
	}
	// Unexported fields are in the source even though go/doc hides them.
	src, ok = ix.Source("strings", "Builder")
	if !ok || !strings.Contains(src, "type Builder struct {") || !strings.Contains(src, "\taddr ") {
		t.Errorf("Source(strings, Builder) = %q, %v", src, ok)
	}
}

func TestMissingRoot(t *testing.T) {
	ix := New(filepath.Join(t.TempDir(), "nonexistent"))
	if ix.Available() {
		t.Errorf("Available() = true for a missing root")
	}
	if doc, ok := ix.Package("fmt"); ok || doc != "" {
		t.Errorf("Package(fmt) = %q, %v", doc, ok)
	}
	if doc, ok := ix.Symbol("strings", "Repeat"); ok || doc != "" {
		t.Errorf("Symbol(strings, Repeat) = %q, %v", doc, ok)
	}
	if src, ok := ix.Source("strings", "Repeat"); ok || src != "" {
		t.Errorf("Source(strings, Repeat) = %q, %v", src, ok)
	}
}

func TestDefaultRoot(t *testing.T) {
	ix := New("")
	if ix.Root() == "" || filepath.Base(ix.Root()) != "src" {
		t.Errorf("New(\"\").Root() = %q, want <GOROOT>/src", ix.Root())
	}
}

// writeTree creates files (slash-separated relative names) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeRoot builds a small source tree exercising the lookup rules.
func fakeRoot(t *testing.T) string {
	otherOS := "plan9"
	if runtime.GOOS == otherOS {
		otherOS = "linux"
	}
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"example.com/p/p.go": `// Package p is a test package.
package p

// Group doc.
const (
	A = 1 // line A
	// B doc.
	B = 2
	c = 3
)

// V is a var.
var V, W int

// T is a type.
type T struct {
	// F doc.
	F int
	G string // G line
	h int
	Embedded
}

// M is a method.
func (T) M() {}

// Embedded is embedded.
type Embedded struct {
	// Inner doc.
	Inner int
}

// EM is promoted.
func (*Embedded) EM() {}

// Types group doc.
type (
	// U doc.
	U int
	W2 struct {
		x int
	}
)

// I is an interface.
type I interface {
	// IM doc.
	IM()
	J
}

// J is embedded in I.
type J interface {
	JM() // JM line.
}

// NewT constructs a T.
func NewT() *T { return nil }

func unexported() {}
`,
		"example.com/p/ignored.go":           "//go:build ignore\n\npackage main\n\n// Ignored doc.\nfunc Ignored() {}\n",
		"example.com/p/p_" + otherOS + ".go": "package p\n\n// OtherOS doc.\nfunc OtherOS() {}\n",
		"example.com/p/p_test.go":            "package p\n\n// InTest doc.\nfunc InTest() {}\n",
		"example.com/p/q.go":                 "package q\n\n// Q doc.\nfunc Q() {}\n", // loses the tie to p
		"example.com/p/sub/README":           "not go",
		"example.com/nogo/README":            "no Go files",
		"vendor/example.org/v/v.go":          "// Package v is vendored.\npackage v\n\n// X doc.\nfunc X() {}\n",
	})
	return root
}

func TestFakeSymbols(t *testing.T) {
	ix := New(fakeRoot(t))
	type result struct {
		Kind, Doc string
	}
	want := map[string]result{
		"A":          {"const", "Group doc.\n\nline A\n"},
		"B":          {"const", "B doc.\n"},
		"V":          {"var", "V is a var.\n"},
		"W":          {"var", "V is a var.\n"},
		"T":          {"type", "T is a type.\n"},
		"T.F":        {"field", "F doc.\n"},
		"T.G":        {"field", "G line\n"},
		"T.Embedded": {"field", ""},
		"T.Inner":    {"field", "Inner doc.\n"}, // promoted field
		"T.M":        {"method", "M is a method.\n"},
		"T.EM":       {"method", "EM is promoted.\n"}, // promoted method
		"Embedded":   {"type", "Embedded is embedded.\n"},
		"U":          {"type", "U doc.\n"},
		"W2":         {"type", "Types group doc.\n"},
		"I":          {"type", "I is an interface.\n"},
		"I.IM":       {"method", "IM doc.\n"},
		"I.JM":       {"method", "JM line.\n"}, // from the embedded interface
		"J":          {"type", "J is embedded in I.\n"},
		"NewT":       {"func", "NewT constructs a T.\n"},
	}
	names := []string{"c", "T.h", "I.J", "unexported", "Ignored", "OtherOS", "InTest", "Q", "Nope", "T.Nope", "U.X"}
	for name := range want {
		names = append(names, name)
	}
	got := make(map[string]result)
	for _, name := range names {
		doc, ok := ix.Symbol("example.com/p", name)
		if s := ix.lookup("example.com/p", name); ok && s != nil {
			got[name] = result{s.kind, doc}
		} else if ok != (s != nil) {
			t.Errorf("Symbol(%q) ok = %v, but lookup = %v", name, ok, s)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("symbols mismatch (-want +got):\n%s", diff)
	}

	if doc, ok := ix.Package("example.com/p"); !ok || doc != "Package p is a test package.\n" {
		t.Errorf("Package(example.com/p) = %q, %v", doc, ok)
	}
	if doc, ok := ix.Symbol("example.org/v", "X"); !ok || doc != "X doc.\n" {
		t.Errorf("Symbol(example.org/v, X) (vendored) = %q, %v", doc, ok)
	}
	for _, path := range []string{"example.com/nogo", "example.com/p/sub", "example.com"} {
		if _, ok := ix.Package(path); ok {
			t.Errorf("Package(%q) ok = true for a directory without Go files", path)
		}
	}
}

func TestFakeSource(t *testing.T) {
	ix := New(fakeRoot(t))
	tests := map[string]string{
		"NewT": "// NewT constructs a T.\nfunc NewT() *T { return nil }\n",
		"T.M":  "// M is a method.\nfunc (T) M() {}\n",
		"U":    "// U doc.\ntype U int\n",
		"W2":   "// Types group doc.\ntype W2 struct {\n\tx int\n}\n",
		"B":    "// Group doc.\nconst (\n\tA = 1 // line A\n\t// B doc.\n\tB = 2\n\tc = 3\n)\n",
		"V":    "// V is a var.\nvar V, W int\n",
		"I.JM": "// J is embedded in I.\ntype J interface {\n\tJM() // JM line.\n}\n",
		"T.F": `// T is a type.
type T struct {
	// F doc.
	F int
	G string // G line
	h int
	Embedded
}
`,
	}
	for name, want := range tests {
		got, ok := ix.Source("example.com/p", name)
		if !ok {
			t.Errorf("Source(%q) not found", name)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Source(%q) mismatch (-want +got):\n%s", name, diff)
		}
	}
}

func TestConcurrent(t *testing.T) {
	ix := New(fakeRoot(t))
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if i%2 == 0 {
				if doc, ok := ix.Symbol("example.com/p", "T.Inner"); !ok || doc != "Inner doc.\n" {
					t.Errorf("Symbol(T.Inner) = %q, %v", doc, ok)
				}
			} else if _, ok := ix.Source("example.org/v", "X"); !ok {
				t.Errorf("Source(example.org/v, X) not found")
			}
		})
	}
	wg.Wait()
	if n := len(ix.pkgs); n != 2 {
		t.Errorf("%d cached packages, want 2", n)
	}
}

func TestSynopsis(t *testing.T) {
	tests := map[string]string{
		"Repeat returns a new string consisting of count copies of the string s.\nIt panics if count is negative.\n": "Repeat returns a new string consisting of count copies of the string s.",
		"A Duration represents\nthe elapsed time. More.":                                                             "A Duration represents the elapsed time.",
		"": "",
	}
	for in, want := range tests {
		if got := Synopsis(in); got != want {
			t.Errorf("Synopsis(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkFirstLookupNetHTTP measures a lookup in a fresh Index: it
// parses and indexes all of net/http.
func BenchmarkFirstLookupNetHTTP(b *testing.B) {
	benchFirst(b, "net/http", "Get")
}

// BenchmarkFirstLookupStrings measures a lookup in a fresh Index: it
// parses and indexes all of strings.
func BenchmarkFirstLookupStrings(b *testing.B) {
	benchFirst(b, "strings", "Repeat")
}

func benchFirst(b *testing.B, path, name string) {
	stdIndex(b)
	for b.Loop() {
		if _, ok := New("").Symbol(path, name); !ok {
			b.Fatalf("%s.%s not found", path, name)
		}
	}
}

// BenchmarkCachedLookup measures lookups in an already loaded package.
func BenchmarkCachedLookup(b *testing.B) {
	ix := stdIndex(b)
	for _, name := range []string{"Get", "Request.Header"} {
		b.Run(name, func(b *testing.B) {
			ix.Symbol("net/http", name)
			for b.Loop() {
				if _, ok := ix.Symbol("net/http", name); !ok {
					b.Fatal("not found")
				}
			}
		})
	}
}
