package rewrite_test

import (
	"strings"
	"testing"

	"github.com/igolang/igo/internal/testsession"
	"github.com/igolang/igo/rewrite"
)

// TestStdSourceProgram: a program's use of slices.Sort becomes a call of
// a copy of the toolchain's code, or of a compiled instance.
func TestStdSourceProgram(t *testing.T) {
	src := "package main\n\nimport \"slices\"\n\ntype ids []int\n\nfunc main() {\n\tx := ids{2, 1}\n\tslices.Sort(x)\n\ty := []int{2, 1}\n\tslices.Sort(y)\n}\n"
	out, err := rewrite.Program(rewrite.Config{Importer: rewrite.NewStdSource(testsession.Importer)}, "prog.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"slices_Sort__ids__int(x)", // a copy for the program's own type
		"func slices_pdqsortOrdered__int(",
		"igo_geninst.Slices_Sort__Sint__int(y)", // compiled
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lowered program lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `"slices"`) {
		t.Errorf("the lowered program still imports slices:\n%s", out)
	}
}

// TestStdSourceMissing: without the toolchain's sources, generic code of
// slices is undefined, and the error says why.
func TestStdSourceMissing(t *testing.T) {
	std := rewrite.NewStdSource(testsession.Importer)
	std.GOROOT = t.TempDir()
	src := "package main\n\nimport \"slices\"\n\nfunc main() {\n\tx := []int{2, 1}\n\tslices.Sort(x)\n}\n"
	_, err := rewrite.Program(rewrite.Config{Importer: std}, "prog.go", []byte(src))
	if err == nil {
		t.Fatal("rewrote a program using slices.Sort with no GOROOT/src")
	}
	want := "prog.go:7:9: undefined: slices.Sort (igo reads the generic code of slices from the toolchain's sources, and " + std.GOROOT + "/src/slices is not on this machine)"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}
