package complete_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/complete"
	"github.com/igolang/igo/internal/testsession"
	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
)

var (
	testImporter = testsession.Importer
	testPackages = testsession.Packages
)

// testMagics is a registry of a few magics shaped as the shell's.
func testMagics() *magics.Registry {
	run := func(context.Context, magics.Env, magics.Args) (any, error) { return nil, nil }
	return magics.NewRegistry(
		magics.New(magics.Usage{Name: "time", Line: true, Cell: true, Args: "STMT", Summary: "Time a statement."}, run),
		magics.New(magics.Usage{Name: "timeit", Line: true, Cell: true,
			Args: "[-n N] [-r R] [-q] STMT", CellArgs: "[-n N] [-r R] [-q] [SETUP]", Summary: "Time a statement, many times."}, run),
		magics.New(magics.Usage{Name: "run", Line: true, Args: "FILE [ARGS...]", Summary: "Run a file."}, run),
		magics.New(magics.Usage{Name: "cd", Line: true, Args: "[-q] [DIR]", Summary: "Change directory."}, run),
		magics.New(magics.Usage{Name: "writefile", Cell: true, CellArgs: "[-a] FILE", Summary: "Write a file."}, run),
		magics.New(magics.Usage{Name: "autoawait", Line: true, Args: "[on|off|RUNNER] [--timeout D]", Summary: "Await."}, run),
	)
}

// newConfig returns a completer over a new session after cells, which
// must all succeed.
func newConfig(t testing.TB, cells ...string) *complete.Config {
	t.Helper()
	cfg, err := sessionConfig(cells...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// sessionConfig returns a completer over a new session after cells.
func sessionConfig(cells ...string) (*complete.Config, error) {
	packages := func(name string) (string, bool) {
		p, ok := testPackages[name]
		return p, ok
	}
	s := rewrite.NewSession(rewrite.Config{Importer: testImporter, Packages: packages})
	for i, cell := range cells {
		if _, err := rewrite.Cell(s, cell, nil); err != nil {
			return nil, fmt.Errorf("cell %d %q: %v", i, cell, err)
		}
	}
	return &complete.Config{
		Session:  s,
		Importer: testImporter,
		Packages: packages,
		Paths:    testImporter.Paths,
		Magics:   testMagics(),
	}, nil
}

// texts completes line at its end and returns the candidates' texts and
// the start, as "line[:start]|".
func texts(cfg *complete.Config, line string) ([]string, string) {
	cands, start := complete.Complete(cfg, line, len(line))
	var out []string
	for _, c := range cands {
		out = append(out, c.Text)
	}
	return out, line[:start] + "|"
}

func TestComplete(t *testing.T) {
	cfg := newConfig(t,
		`import "net/http"`,
		`var resp *http.Response`,
		`type P struct{ Name string; Age int; nick string }`,
		`p := P{}`,
		`func (p *P) Rename(n string) { p.Name = n }`, // a method a later cell adds
		`count := 3`,
		`func countAll(xs []int) int { return len(xs) }`,
		`type E struct{ P; Note string }`,
		`e := E{}`,
		`var rd = strings.NewReader("x")`,
		`func mk() P { return P{} }`,
	)
	tests := []struct {
		name, line string
		want       []string
		start      string // the text before the replaced word, then |
	}{
		{"package member", `strings.Rep`, []string{"Repeat", "Replace", "ReplaceAll", "Replacer"}, "strings.|"},
		{"package member of a session import", `x := http.StatusNotF`, []string{"StatusNotFound"}, "x := http.|"},
		{"unexported members hidden", `strings.ind`, nil, "strings.|"},
		{"field of a pointer", `resp.Hea`, []string{"Header"}, "resp.|"},
		{"field of a session struct", `p.Na`, []string{"Name"}, "p.|"},
		{"unexported field of the session's own type", `p.ni`, []string{"nick"}, "p.|"},
		{"method added by a later cell", `p.Re`, []string{"Rename"}, "p.|"},
		{"promoted fields and methods", `e.`, []string{"Age", "Name", "Note", "P", "Rename", "nick"}, "e.|"},
		{"pointer method needs an addressable value", `mk().`, []string{"Age", "Name", "nick"}, "mk().|"},
		{"call result", `strings.NewReader("a").Re`, []string{"Read", "ReadAt", "ReadByte", "ReadRune", "Reset"}, `strings.NewReader("a").|`},
		{"chain", `resp.Request.UR`, []string{"URL"}, "resp.Request.|"},
		{"index", `[]P{}[0].A`, []string{"Age"}, "[]P{}[0].|"},
		{"conversion", `time.Duration(5).Mi`, []string{"Microseconds", "Milliseconds", "Minutes"}, "time.Duration(5).|"},
		{"method expression", `time.Duration.Ho`, []string{"Hours"}, "time.Duration.|"},
		{"session names", `cou`, []string{"count", "countAll"}, "|"},
		{"package and universe names", `stri`, []string{"string", "strings"}, "|"},
		{"universe and keywords", `fa`, []string{"fallthrough", "false"}, "|"},
		{"inside an expression", `fmt.Println(cou`, []string{"count", "countAll"}, "fmt.Println(|"},
		{"import path", `import "net/http/htt`, []string{"net/http/httptest", "net/http/httptrace", "net/http/httputil"}, `import "|`},
		{"import group", "import (\n\t\"fmt\"\n\t\"net/url", []string{"net/url"}, "import (\n\t\"fmt\"\n\t\"|"},
		{"after a blank", `x := `, nil, "x := |"},
		{"in a comment", `// stri`, nil, "// stri|"},
		{"in a string", `s := "stri`, nil, `s := "stri|`},
		{"unknown operand", `nosuch.X`, nil, "nosuch.|"},
		{"number", `3.`, nil, "3.|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, start := texts(cfg, tt.line)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Complete(%q) (-want +got):\n%s", tt.line, diff)
			}
			if start != tt.start {
				t.Errorf("Complete(%q) replaces from %q, want %q", tt.line, start, tt.start)
			}
		})
	}
}

func TestDetail(t *testing.T) {
	cfg := newConfig(t, `var resp *http.Response`, `type P struct{ Name string }`, `count := 3`)
	tests := []struct{ line, text, detail string }{
		{`strings.Repea`, "Repeat", "func(string, int) string"},
		{`resp.Heade`, "Header", "field http.Header"},
		{`resp.Writ`, "Write", "func(io.Writer) error"},
		{`coun`, "count", "var int"},
		{`P`, "P", "type struct"},
		{`time.Secon`, "Second", "const time.Duration = 1000000000"},
		{`http.Heade`, "Header", "type map[string][]string"},
		{`stri`, "strings", "package strings"},
		{`appen`, "append", "builtin"},
		{`%timei`, "%timeit", "%timeit [-n N] [-r R] [-q] STMT"},
	}
	for _, tt := range tests {
		cands, _ := complete.Complete(cfg, tt.line, len(tt.line))
		found := false
		for _, c := range cands {
			if c.Text == tt.text {
				found = true
				if c.Detail != tt.detail {
					t.Errorf("Complete(%q): %s has detail %q, want %q", tt.line, c.Text, c.Detail, tt.detail)
				}
			}
		}
		if !found {
			t.Errorf("Complete(%q) = %v, want %s among them", tt.line, cands, tt.text)
		}
	}
}

// TestCell completes inside a multi-line cell: the names the cell declares
// before the cursor have their types, though the cell has not run.
func TestCell(t *testing.T) {
	cfg := newConfig(t, `type P struct{ Name string }`, `p := P{}`, `count := 3`)
	tests := []struct {
		name, line string
		want       []string
	}{
		{"a local of the cell", "r := strings.NewReader(\"x\")\nr.Si", []string{"Size"}},
		{"a name of the cell hides a session name", "p := strings.NewReader(\"x\")\np.Si", []string{"Size"}},
		{"a name of the cell", "counter := 1\nfmt.Println(cou", []string{"count", "counter"}},
		{"a loop variable", "for i, word := range strings.Fields(\"a b\") {\n\tfmt.Println(i, wo", []string{"word"}},
		{"a loop variable's type", "for _, p := range []P{} {\n\tp.Na", []string{"Name"}},
		{"a parameter", "func greet(who P) string {\n\treturn who.Na", []string{"Name"}},
		{"a receiver of a session type", "func (q *P) Hello(n int) {\n\tq.Na", []string{"Name"}},
		{"a type of the cell", "type Q struct{ Size int }\nq := Q{}\nq.Si", []string{"Size"}},
		{"an import of the cell", "import u \"net/url\"\nx := u.Pars", []string{"Parse", "ParseQuery", "ParseRequestURI"}},
		{"after a magic line", "%time f()\nr := strings.NewReader(\"x\")\nr.Si", []string{"Size"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := texts(cfg, tt.line)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Complete(%q) (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func TestMagics(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"main.go", "notes.txt", "my file.go", ".hidden.go"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "sub", "deep"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "a.go"), nil, 0o666); err != nil {
		t.Fatal(err)
	}
	cfg := newConfig(t, `count := 3`)
	cfg.Dir = func() string { return dir }
	tests := []struct {
		name, line string
		want       []string
		start      string
	}{
		{"line magics", `%tim`, []string{"%time", "%timeit"}, "|"},
		{"a cell magic on the first line", `%wri`, []string{"%%writefile"}, "|"},
		{"no cell magic below the first line", "x := 1\n%wri", nil, "x := 1\n|"},
		{"cell magics", `%%t`, []string{"%%time", "%%timeit"}, "|"},
		{"an assigned magic", `d := %ti`, []string{"%time", "%timeit"}, "d := |"},
		{"flags", `%timeit -`, []string{"-n", "-q", "-r"}, "%timeit |"},
		{"a flag's value", `%timeit -n `, nil, "%timeit -n |"},
		{"flags of a cell magic", `%%writefile -`, []string{"-a"}, "%%writefile |"},
		{"files", `%run `, []string{"main.go", `my\ file.go`, "notes.txt", "sub/"}, "%run |"},
		{"files with a prefix", `%run m`, []string{"main.go", `my\ file.go`}, "%run |"},
		{"hidden files", `%run .h`, []string{".hidden.go"}, "%run |"},
		{"a quoted name", `%run "my`, []string{`"my file.go`}, "%run |"},
		{"a subdirectory", `%run sub/`, []string{"sub/a.go", "sub/deep/"}, "%run |"},
		{"directories only", `%cd `, []string{"sub/"}, "%cd |"},
		{"a cell magic's file", `%%writefile no`, []string{"notes.txt"}, "%%writefile |"},
		{"arguments", `%autoawait o`, []string{"off", "on"}, "%autoawait |"},
		{"Go after a timing magic", `%timeit -n 10 cou`, []string{"count"}, "%timeit -n 10 |"},
		{"Go selector after a magic", `%time strings.Rep`, []string{"Repeat", "Replace", "ReplaceAll", "Replacer"}, "%time strings.|"},
		{"a cell magic's Go body", "%%timeit -n 3\ncou", []string{"count"}, "%%timeit -n 3\n|"},
		{"a file body is not Go", "%%writefile x.go\ncou", nil, "%%writefile x.go\ncou|"},
		{"unknown magic", `%nosuch -`, nil, "%nosuch -|"},
		{"a shell command's arguments", `!cat sub/a`, []string{"sub/a.go"}, "!cat |"},
		{"not a shell command's name", `!ca`, nil, "!ca|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, start := texts(cfg, tt.line)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Complete(%q) (-want +got):\n%s", tt.line, diff)
			}
			if start != tt.start {
				t.Errorf("Complete(%q) replaces from %q, want %q", tt.line, start, tt.start)
			}
		})
	}
}

// TestCursor completes at a cursor inside the line: only the text before
// it counts.
func TestCursor(t *testing.T) {
	cfg := newConfig(t)
	line := `strings.Rep("a", 3) + "b"`
	cands, start := complete.Complete(cfg, line, len("strings.Rep"))
	if start != len("strings.") || len(cands) != 4 || cands[0].Text != "Repeat" {
		t.Errorf("Complete at 11 = %v, %d; want Repeat... from 8", cands, start)
	}
}

// TestSessionUnchanged checks that completing does not change what the
// session knows.
func TestSessionUnchanged(t *testing.T) {
	cfg := newConfig(t, `type P struct{ Name string }`, `p := P{}`)
	before := cfg.Session.Scope().Names()
	for _, line := range []string{"p.Na", "x := 1\ny := x + p.", "func(){ q := 1; q.", "strings.Rep", "cou"} {
		complete.Complete(cfg, line, len(line))
	}
	if diff := cmp.Diff(before, cfg.Session.Scope().Names()); diff != "" {
		t.Errorf("session names changed (-want +got):\n%s", diff)
	}
	if _, err := rewrite.Cell(cfg.Session, `x := 1; y := p.Name + "!"`, nil); err != nil {
		t.Errorf("a cell after completion: %v", err)
	}
}

// TestNilConfig: every source may be missing.
func TestNilConfig(t *testing.T) {
	if cands, start := complete.Complete(nil, "fa", 2); len(cands) != 2 || start != 0 {
		t.Errorf("Complete(nil, fa) = %v, %d; want false, fallthrough from 0", cands, start)
	}
	cfg := &complete.Config{}
	for _, line := range []string{"strings.Rep", "cou", "%tim", "%run ", `import "ne`, "x.y", "fa"} {
		complete.Complete(cfg, line, len(line))
	}
	got, _ := texts(cfg, "fa")
	if diff := cmp.Diff([]string{"fallthrough", "false"}, got); diff != "" {
		t.Errorf("Complete(fa) without a session (-want +got):\n%s", diff)
	}
}

// FuzzComplete: any input, any cursor, no panic, and start <= cursor.
func FuzzComplete(f *testing.F) {
	for _, s := range []string{"strings.Rep", "p.Na", "%timeit -n 3 x.", "%run sub/", "import (\n\"fmt", "for i := range 3 {\n\ti.", "x.(T).", "func (r R) M() {\nr.", "`raw\n", "/* c"} {
		f.Add(s, len(s))
	}
	cfg := newConfig(f, `type P struct{ Name string }`, `p := P{}`)
	dir := f.TempDir()
	cfg.Dir = func() string { return dir }
	f.Fuzz(func(t *testing.T, line string, cursor int) {
		cands, start := complete.Complete(cfg, line, cursor)
		c := max(0, min(cursor, len(line)))
		if start < 0 || start > c {
			t.Fatalf("Complete(%q, %d) start %d outside [0, %d]", line, cursor, start, c)
		}
		_ = cands
	})
}
