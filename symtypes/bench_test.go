package symtypes_test

import (
	"testing"
	"time"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

func benchImport(b *testing.B, path string) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		im := symtypes.New(stdlib.Symbols)
		if _, err := im.Import(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportNetHTTP(b *testing.B) { benchImport(b, "net/http") }
func BenchmarkImportFmt(b *testing.B)     { benchImport(b, "fmt") }

func BenchmarkImportAll(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		im := symtypes.New(stdlib.Symbols)
		for _, p := range im.Paths() {
			if _, err := im.Import(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		symtypes.New(stdlib.Symbols)
	}
}

// TestColdImport logs the time of a first import in the process, when
// reflect's caches are cold (run it alone: go test -run ColdImport -v).
func TestColdImport(t *testing.T) {
	start := time.Now()
	im := symtypes.New(stdlib.Symbols)
	pkg, err := im.Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first New+Import(%q): %v", pkg.Path(), time.Since(start))
}
