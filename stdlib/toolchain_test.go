package stdlib_test

import (
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"os/exec"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/stdlib/internal/pkgs"
)

// TestToolchain checks the table against the Go toolchain that runs the
// test: it holds the packages the rule chooses from `go list std`, and
// each holds exactly the exported symbols of the package's source but
// generic functions and types (and constraint interfaces). It fails when
// the toolchain changed and `go generate` was not run.
func TestToolchain(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	want, _, err := pkgs.List()
	if err != nil {
		t.Skip(err)
	}
	byPath := map[string]map[string]bool{}
	for key, syms := range stdlib.Symbols {
		if key == "." {
			continue
		}
		names := map[string]bool{}
		for name := range syms {
			if !strings.HasPrefix(name, "_") {
				names[name] = true
			}
		}
		byPath[path.Dir(key)] = names
	}
	var got []string
	for p := range byPath {
		got = append(got, p)
	}
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("packages of the table (-go list std +table):\n%s", diff)
	}

	if testing.Short() {
		want = []string{"bytes", "crypto/sha3", "iter", "os", "strings", "sync", "testing/synctest", "time"}
	}
	// The generator reads net and os/user without cgo, as here.
	build.Default.CgoEnabled = false
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	for _, p := range want {
		pkg, err := imp.Import(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		var exported []string
		for _, name := range pkg.Scope().Names() {
			if obj := pkg.Scope().Lookup(name); obj.Exported() && !generic(obj) {
				exported = append(exported, name)
			}
		}
		var table []string
		for name := range byPath[p] {
			table = append(table, name)
		}
		slices.Sort(table)
		if diff := cmp.Diff(exported, table); diff != "" {
			t.Errorf("%s: symbols (-toolchain +table):\n%s", p, diff)
		}
	}
}

// generic reports whether obj is left out of the table by yaegi's
// extract: a generic function or type, or an interface that only
// constrains type parameters.
func generic(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Type().(*types.Signature).TypeParams().Len() > 0
	case *types.TypeName:
		if n, ok := obj.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			return true
		}
		it, ok := obj.Type().Underlying().(*types.Interface)
		return ok && it.NumMethods() == 0 && it.NumEmbeddeds() > 0
	}
	return false
}
