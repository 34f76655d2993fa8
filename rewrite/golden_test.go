package rewrite_test

import (
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/igolang/igo/rewrite"
)

var update = flag.Bool("update", false, "rewrite the output sections of testdata/rewrite/*.txtar")

// TestGolden runs every testdata/rewrite/*.txtar case: the `before.go`
// sections are earlier cells, `in.go` the cell rewritten; `out.go` is the
// expected evaluator source, or `error` the expected error. A `stdout`
// section is what the cells print (see TestAwaitGoldensCompile).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/rewrite/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := parseCase(t, ar)
			res, gotErr := c.run(t, c.in)
			got := ""
			if gotErr == nil {
				got = res.Source() + "\n"
			}
			if *update {
				c.write(t, file, ar, got, gotErr)
				return
			}
			if c.wantErr != "" {
				if gotErr == nil {
					t.Fatalf("rewrite succeeded, want error %q; output:\n%s", c.wantErr, got)
				}
				if diff := cmp.Diff(c.wantErr, gotErr.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
				return
			}
			if gotErr != nil {
				t.Fatalf("rewrite: %v", gotErr)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("out.go (-want +got):\n%s", diff)
			}
			checkParses(t, res)
			again, err := c.run(t, got)
			if err != nil {
				t.Fatalf("rewriting the output again: %v\n%s", err, got)
			}
			if diff := cmp.Diff(got, again.Source()+"\n"); diff != "" {
				t.Errorf("rewriting the output again changed it (-first +second):\n%s", diff)
			}
		})
	}
}

type goldenCase struct {
	before  []string
	in      string
	want    string
	wantErr string
	stdout  string
}

func parseCase(t *testing.T, ar *txtar.Archive) *goldenCase {
	c := &goldenCase{}
	for _, f := range ar.Files {
		switch f.Name {
		case "before.go":
			c.before = append(c.before, string(f.Data))
		case "in.go":
			c.in = string(f.Data)
		case "out.go":
			c.want = string(f.Data)
		case "error":
			c.wantErr = strings.TrimSpace(string(f.Data))
		case "stdout":
			c.stdout = string(f.Data)
		default:
			t.Fatalf("unknown section %q", f.Name)
		}
	}
	return c
}

// run rewrites cell in a new session after the earlier cells.
func (c *goldenCase) run(t *testing.T, cell string) (*rewrite.Result, error) {
	s := newSession()
	for i, b := range c.before {
		if _, err := rewrite.Cell(s, b, &rewrite.Options{Name: "Before", Display: "_b" + string(rune('0'+i))}); err != nil {
			t.Fatalf("earlier cell %d: %v", i+1, err)
		}
	}
	return rewrite.Cell(s, cell, &rewrite.Options{Name: "In[1]", Display: "_1"})
}

func (c *goldenCase) write(t *testing.T, file string, ar *txtar.Archive, got string, gotErr error) {
	var files []txtar.File
	for _, f := range ar.Files {
		if f.Name != "out.go" && f.Name != "error" {
			files = append(files, f)
		}
	}
	if gotErr != nil {
		files = append(files, txtar.File{Name: "error", Data: []byte(gotErr.Error() + "\n")})
	} else {
		files = append(files, txtar.File{Name: "out.go", Data: []byte(got)})
	}
	ar.Files = files
	if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}

// checkParses asserts that every chunk is Go an evaluator accepts:
// declarations parse as a file, statements as a function body.
func checkParses(t *testing.T, r *rewrite.Result) {
	t.Helper()
	for _, c := range r.Chunks {
		if err := chunkParses(c); err != nil {
			t.Errorf("chunk does not parse: %v\n%s", err, c.Src)
		}
	}
}

func chunkParses(c rewrite.Chunk) error {
	src := "package p\nfunc _() {\n" + c.Src + "\n}"
	if c.Decl {
		src = "package p\n" + c.Src
	}
	_, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	return err
}
