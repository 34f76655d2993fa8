package rewrite_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/igolang/igo/rewrite"
)

// FuzzCell: rewriting any text never panics, a rewritten cell's chunks
// always parse, and Incomplete never panics. Seeded from the goldens.
func FuzzCell(f *testing.F) {
	files, _ := filepath.Glob("../testdata/rewrite/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, fl := range ar.Files {
			if fl.Name == "in.go" || fl.Name == "before.go" {
				f.Add(string(fl.Data))
			}
		}
	}
	for _, s := range []string{"", "{", "func", "func (", "`", "/*", "x := 1 +", "import (", "go f(", "__ + ___", "a, b = 1, nil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		rewrite.Incomplete(cell)
		s := newSession()
		r, err := rewrite.Cell(s, cell, &rewrite.Options{Name: "In[1]", Display: "_1"})
		if err != nil {
			return
		}
		for _, c := range r.Chunks {
			if err := chunkParses(c); err != nil {
				t.Fatalf("chunk does not parse: %v\ncell:\n%s\nchunk:\n%s", err, cell, c.Src)
			}
		}
		// The session must still work after any cell.
		if _, err := rewrite.Cell(s, "1 + 1", &rewrite.Options{Display: "_2"}); err != nil {
			t.Fatalf("session broken after %q: %v", cell, err)
		}
	})
}
