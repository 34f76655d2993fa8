package rewrite_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/igolang/igo/internal/testsession"
	"github.com/igolang/igo/rewrite"
)

// TestAwaitGoldensCompile checks that rewritten source is ordinary Go: each
// await, lowering and generic golden that rewrites, with its earlier
// cells, becomes a program (declarations at package level, statements in
// main) that the Go compiler builds against the autoawait runtime;
// await-print runs and prints the awaited value, and a golden with a
// stdout section (what Go prints for the cells as written) runs and
// prints it.
func TestAwaitGoldensCompile(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the go command is needed to compile the goldens: %v", err)
		}
		t.Skipf("no go command: %v", err)
	}
	files, err := filepath.Glob("../testdata/rewrite/await-*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no await goldens: %v", err)
	}
	lowered, err := filepath.Glob("../testdata/rewrite/lower-*.txtar")
	if err != nil || len(lowered) == 0 {
		t.Fatalf("no lowering goldens: %v", err)
	}
	files = append(files, lowered...)
	generic, err := filepath.Glob("../testdata/rewrite/generic-*.txtar")
	if err != nil || len(generic) == 0 {
		t.Fatalf("no generic goldens: %v", err)
	}
	files = append(files, generic...)
	stdouts := map[string]string{} // program -> what it must print
	// Inside the module, so that github.com/igolang/igo/autoawait resolves;
	// a dot directory, so that ./... leaves it out.
	root, err := os.MkdirTemp("..", ".compiletest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	programs := map[string][]byte{}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c := parseCase(t, ar)
		if c.wantErr != "" {
			continue
		}
		src, err := c.program()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		programs[name] = src
		if c.stdout != "" {
			stdouts[name] = c.stdout
		}
		dir := filepath.Join(root, name)
		if err := os.Mkdir(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if programs["await-print"] == nil {
		t.Fatal("no program for await-print")
	}

	// One go build for all: ./... skips dot directories, so each is named.
	bin := t.TempDir()
	args := []string{"build", "-o", bin + string(filepath.Separator)}
	for _, name := range slices.Sorted(maps.Keys(programs)) {
		args = append(args, "./"+filepath.Base(root)+"/"+name)
	}
	start := time.Now()
	cmd := exec.Command(gobin, args...)
	cmd.Dir = ".."
	out, err := cmd.CombinedOutput()
	t.Logf("go build of %d programs: %v", len(programs), time.Since(start).Round(time.Millisecond))
	if err != nil {
		for _, name := range slices.Sorted(maps.Keys(programs)) {
			if bytes.Contains(out, []byte("/"+name+"/")) {
				t.Errorf("%s does not compile:\n%s", name, numbered(programs[name]))
			}
		}
		t.Fatalf("go build: %v\n%s", err, out)
	}

	got, err := exec.Command(filepath.Join(bin, "await-print")).CombinedOutput()
	if err != nil {
		t.Fatalf("await-print: %v\n%s", err, got)
	}
	if string(got) != "got 42\n" {
		t.Errorf("await-print printed %q, want %q", got, "got 42\n")
	}
	if len(stdouts) == 0 {
		t.Error("no golden with a stdout section")
	}
	for _, name := range slices.Sorted(maps.Keys(stdouts)) {
		got, err := exec.Command(filepath.Join(bin, name)).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, got)
			continue
		}
		if diff := cmp.Diff(stdouts[name], string(got)); diff != "" {
			t.Errorf("%s printed (-want +got):\n%s\nprogram:\n%s", name, diff, numbered(programs[name]))
		}
	}
}

// program rewrites the case's cells in one session, as run does, and
// assembles them as a Go program: the declaration chunks at package level,
// the statement chunks in main, and the imports the code uses. The
// evaluator keeps a cell's variables at the top level, where the functions
// of later cells see them; so does the program: `x := e` in a statement
// chunk becomes `var x T` at package level and `x = e` in main, T being
// the session's type for x. The rest of the source is compiled as written.
func (c *goldenCase) program() ([]byte, error) {
	s := newSession()
	p := &program{vars: map[string]string{}, pkgs: map[string]string{}}
	cells := append(append([]string(nil), c.before...), c.in)
	for i, cell := range cells {
		opts := &rewrite.Options{Name: "Before", Display: "_b" + string(rune('0'+i))}
		if i == len(cells)-1 {
			opts = &rewrite.Options{Name: "In[1]", Display: "_1"}
		}
		res, err := rewrite.Cell(s, cell, opts)
		if err != nil {
			return nil, err
		}
		for _, ch := range res.Chunks {
			if err := p.add(s, ch); err != nil {
				return nil, err
			}
		}
	}
	return p.source()
}

// A program is a golden's chunks as one Go file.
type program struct {
	imports []*ast.ImportSpec
	pkgs    map[string]string // name -> path, for the types of vars
	vars    map[string]string // name -> type, at package level
	order   []string          // vars in order
	decls   bytes.Buffer
	body    bytes.Buffer
}

func (p *program) add(s *rewrite.Session, ch rewrite.Chunk) error {
	if ch.Decl {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+ch.Src, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("declaration chunk: %v\n%s", err, ch.Src)
		}
		if len(f.Imports) == 0 {
			fmt.Fprintln(&p.decls, ch.Src)
			return nil
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); !ok || gd.Tok != token.IMPORT {
				return fmt.Errorf("a chunk mixes imports and declarations:\n%s", ch.Src)
			}
		}
		p.imports = append(p.imports, f.Imports...)
		return nil
	}
	// x := e  =>  var x T (package level); x = e
	const head = "package main\nfunc _() {\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", head+ch.Src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("statement chunk: %v\n%s", err, ch.Src)
	}
	src := []byte(ch.Src)
	defined := map[string]bool{}
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			continue
		}
		off := fset.Position(as.TokPos).Offset - len(head)
		copy(src[off:], " =")
		for _, lhs := range as.Lhs {
			if id := lhs.(*ast.Ident); id.Name != "_" {
				defined[id.Name] = true
			}
		}
	}
	for _, name := range ch.Names {
		v, ok := s.Lookup(name).(*types.Var)
		if !ok || !defined[name] {
			return fmt.Errorf("%s is not a variable the chunk defines at its top level:\n%s", name, ch.Src)
		}
		typ := types.TypeString(v.Type(), func(pkg *types.Package) string {
			if pkg == s.Package() || pkg.Path() == "main" {
				return ""
			}
			p.pkgs[pkg.Name()] = pkg.Path()
			return pkg.Name()
		})
		if et, ok := s.EvaluatorType(v.Type()); ok {
			typ = et // Stack__int for Stack[int]
		}
		switch old, ok := p.vars[name]; {
		case !ok:
			p.vars[name] = typ
			p.order = append(p.order, name)
		case old != typ:
			return fmt.Errorf("%s is %s, then %s: one package-level variable cannot be both", name, old, typ)
		}
	}
	fmt.Fprintf(&p.body, "%s\n", src)
	return nil
}

// source is the program, with only the imports its code names: an import a
// cell added need not be used by the chunks that end up in the program.
func (p *program) source() ([]byte, error) {
	var code bytes.Buffer
	for _, name := range p.order {
		fmt.Fprintf(&code, "var %s %s\n", name, p.vars[name])
	}
	fmt.Fprintf(&code, "%s\nfunc main() {\n%s}\n", p.decls.Bytes(), p.body.Bytes())
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+code.String(), parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("program: %v\n%s", err, code.Bytes())
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	paths := map[string]string{} // name -> path
	for _, sp := range p.imports {
		path, err := strconv.Unquote(sp.Path.Value)
		if err != nil {
			return nil, err
		}
		name, ok := testsession.Importer.Name(path)
		if sp.Name != nil {
			name, ok = sp.Name.Name, true
		}
		if !ok {
			return nil, fmt.Errorf("unknown package %s", path)
		}
		paths[name] = path
	}
	for name, path := range p.pkgs {
		if old, ok := paths[name]; ok && old != path {
			return nil, fmt.Errorf("two packages named %s: %s and %s", name, old, path)
		}
		paths[name] = path
	}
	var b bytes.Buffer
	b.WriteString("package main\n\n")
	for _, name := range slices.Sorted(maps.Keys(paths)) {
		switch path := paths[name]; {
		case !used[name]:
		case name == pathpkg.Base(path):
			fmt.Fprintf(&b, "import %q\n", path)
		default:
			fmt.Fprintf(&b, "import %s %q\n", name, path)
		}
	}
	b.Write(code.Bytes())
	return format.Source(b.Bytes())
}

// numbered prefixes src's lines with their numbers, to read a compiler
// error against.
func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSuffix(string(src), "\n"), "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, l)
	}
	return b.String()
}
