package highlight

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzCode: colouring any text never panics and only inserts escape codes,
// so the text a terminal shows is the input (Visible(Code(s)) == s), and no
// colour runs past the end of a line; input with escape codes of its own is
// left alone. Seeded from the goldens and the corpus.
func FuzzCode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, fl := range ar.Files {
			if fl.Name == "in.go" {
				f.Add(string(fl.Data))
			}
		}
	}
	for _, tc := range corpus {
		f.Add(tc.in)
	}
	f.Add(ordinary)
	f.Add("x := \x1b[31m1")
	var schemes []*Scheme
	for _, name := range Schemes() {
		s, _ := Lookup(name)
		schemes = append(schemes, s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, s := range schemes {
			out := s.Code(src)
			if strings.Contains(src, "\x1b") {
				if out != src {
					t.Fatalf("%s: Code(%q) = %q, want the input", s.Name(), src, out)
				}
				continue
			}
			if got := Visible(out); got != src {
				t.Fatalf("%s: Visible(Code(%q)) = %q", s.Name(), src, got)
			}
			checkLinesStandAlone(t, s.Name(), out)
		}
	})
}
