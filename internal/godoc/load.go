package godoc

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// pkg is the loaded, immutable documentation index of one package.
type pkg struct {
	name string
	doc  string
	fset *token.FileSet     // positions of declSrc ranges
	syms map[string]*symbol // "Name" and "Type.Method"

	members sync.Map // "Type.Member" -> *symbol: memoized fields and interface methods
}

// symbol is one documented name.
type symbol struct {
	kind string // "func", "type", "var", "const", "method", "field"
	doc  string
	src  declSrc
	typ  *ast.TypeSpec // for kind "type": its spec, to find fields and interface methods
}

// declSrc locates the source text of a declaration. Only positions and the
// doc comment are kept, so function bodies are not retained in memory; the
// text is read back from the file by Source.
type declSrc struct {
	comment    *ast.CommentGroup // doc comment shown before the declaration, or nil
	prefix     string            // "type " for a type spec taken out of a "type (...)" group
	start, end token.Pos
}

// loadPackage parses and indexes the package with the given import path.
// It returns nil if the directory does not exist or has no buildable,
// non-test .go files for this GOOS/GOARCH; that result is cached too.
func (ix *Index) loadPackage(importPath string) *pkg {
	dir := ix.dir(importPath)
	if dir == "" {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		// MatchFile applies GOOS/GOARCH file name suffixes and
		// //go:build constraints (including "ignore").
		if ok, err := ix.ctx.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil
	}

	fset := token.NewFileSet()
	files := onePackage(parseFiles(fset, dir, names), path.Base(importPath))
	if len(files) == 0 {
		return nil
	}
	// PreserveAST keeps function bodies and doc comments in the AST so
	// that declaration ranges for Source stay intact. Unexported
	// declarations are still filtered out, except for package builtin,
	// which documents lowercase names.
	mode := doc.AllMethods | doc.PreserveAST
	if importPath == "builtin" {
		mode |= doc.AllDecls
	}
	dp, err := doc.NewFromFiles(fset, files, importPath, mode)
	if err != nil {
		return nil
	}
	return newPkg(fset, dp)
}

// parseFiles parses dir/names with comments, in parallel. Files that
// cannot be read or have no package clause are dropped; files with syntax
// errors keep what the parser recovered.
func parseFiles(fset *token.FileSet, dir string, names []string) []*ast.File {
	files := make([]*ast.File, len(names))
	const mode = parser.ParseComments | parser.SkipObjectResolution
	parse := func(i int) {
		f, _ := parser.ParseFile(fset, filepath.Join(dir, names[i]), nil, mode)
		if f != nil && f.Name != nil {
			files[i] = f
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(names))
	if workers <= 1 {
		for i := range names {
			parse(i)
		}
	} else {
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range next {
					parse(i)
				}
			})
		}
		for i := range names {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	out := files[:0]
	for _, f := range files {
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// onePackage keeps the files of the directory's main package: the package
// name used by most files, preferring the last import path element on a tie.
// (go/doc assumes all files belong to one package.)
func onePackage(files []*ast.File, base string) []*ast.File {
	count := make(map[string]int)
	best := ""
	for _, f := range files {
		name := f.Name.Name
		count[name]++
		if best == "" || count[name] > count[best] || (count[name] == count[best] && name == base) {
			best = name
		}
	}
	out := files[:0]
	for _, f := range files {
		if f.Name.Name == best {
			out = append(out, f)
		}
	}
	return out
}

// newPkg indexes the exported names of a go/doc package.
func newPkg(fset *token.FileSet, dp *doc.Package) *pkg {
	p := &pkg{
		name: dp.Name,
		doc:  dp.Doc,
		fset: fset,
		syms: make(map[string]*symbol),
	}
	p.addFuncs(dp.Funcs)
	p.addValues(dp.Consts, "const")
	p.addValues(dp.Vars, "var")
	for _, t := range dp.Types {
		spec, ok := typeSpec(t.Decl)
		if !ok {
			continue
		}
		p.syms[t.Name] = &symbol{kind: "type", doc: t.Doc, src: typeSrc(t.Decl, spec), typ: spec}
		// go/doc files constructors, typed constants and variables
		// under their type; they are package-level names all the same.
		p.addFuncs(t.Funcs)
		p.addValues(t.Consts, "const")
		p.addValues(t.Vars, "var")
		for _, m := range t.Methods {
			// With doc.AllMethods, Methods includes methods promoted
			// from embedded types of this package; their Decl is the
			// original method.
			p.syms[t.Name+"."+m.Name] = &symbol{kind: "method", doc: m.Doc, src: funcSrc(m.Decl)}
		}
	}
	return p
}

func (p *pkg) addFuncs(funcs []*doc.Func) {
	for _, f := range funcs {
		p.syms[f.Name] = &symbol{kind: "func", doc: f.Doc, src: funcSrc(f.Decl)}
	}
}

// addValues indexes each name of each const or var declaration. A name's
// doc is its spec's own doc comment, else the declaration (group) doc,
// followed by the spec's line comment, if any.
func (p *pkg) addValues(values []*doc.Value, kind string) {
	for _, v := range values {
		src := declSrc{comment: v.Decl.Doc, start: v.Decl.Pos(), end: v.Decl.End()}
		for _, s := range v.Decl.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok {
				continue
			}
			text := v.Doc
			if vs.Doc != nil {
				text = vs.Doc.Text()
			}
			text = joinDocs(text, vs.Comment.Text())
			for _, id := range vs.Names {
				if id.Name == "_" {
					continue
				}
				p.syms[id.Name] = &symbol{kind: kind, doc: text, src: src}
			}
		}
	}
}

// typeSpec returns the single type spec of a go/doc type declaration.
func typeSpec(decl *ast.GenDecl) (*ast.TypeSpec, bool) {
	if decl == nil || len(decl.Specs) != 1 {
		return nil, false
	}
	spec, ok := decl.Specs[0].(*ast.TypeSpec)
	return spec, ok
}

func funcSrc(decl *ast.FuncDecl) declSrc {
	if decl == nil {
		return declSrc{}
	}
	return declSrc{comment: decl.Doc, start: decl.Pos(), end: decl.End()}
}

// typeSrc returns the range of a type declaration. For a type from a
// "type (...)" group, go/doc makes a fake declaration starting at the spec
// (carrying the group doc); the source then is "type " + the spec.
func typeSrc(decl *ast.GenDecl, spec *ast.TypeSpec) declSrc {
	if decl.TokPos == spec.Pos() {
		comment := spec.Doc
		if comment == nil {
			comment = decl.Doc
		}
		return declSrc{comment: comment, prefix: "type ", start: spec.Pos(), end: spec.End()}
	}
	return declSrc{comment: decl.Doc, start: decl.Pos(), end: decl.End()}
}

// joinDocs joins doc comment texts as paragraphs, skipping empty ones.
func joinDocs(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	if b.Len() == 0 {
		return ""
	}
	b.WriteString("\n")
	return b.String()
}

// lookup returns the symbol for "Name", "Type.Method" or "Type.Field".
func (p *pkg) lookup(name string) *symbol {
	if s := p.syms[name]; s != nil {
		return s
	}
	typeName, member, ok := strings.Cut(name, ".")
	if !ok || typeName == "" || member == "" || strings.Contains(member, ".") {
		return nil
	}
	if s, ok := p.members.Load(name); ok {
		return s.(*symbol)
	}
	s := p.member(typeName, member)
	if s != nil {
		p.members.Store(name, s)
	}
	return s
}

// member finds a struct field or interface method named name in the type
// typeName, following embedded types of this package breadth-first (a
// shallower member wins, as in Go's selector rules; ambiguity at one depth
// is not reported, the first one in declaration order wins).
func (p *pkg) member(typeName, name string) *symbol {
	seen := make(map[string]bool)
	level := []string{typeName}
	for len(level) > 0 {
		var next []string
		for _, tn := range level {
			if seen[tn] {
				continue
			}
			seen[tn] = true
			t := p.syms[tn]
			if t == nil || t.kind != "type" {
				continue
			}
			var list *ast.FieldList
			kind := "field"
			switch typ := t.typ.Type.(type) {
			case *ast.StructType:
				list = typ.Fields
			case *ast.InterfaceType:
				list, kind = typ.Methods, "method"
			}
			if list == nil {
				continue
			}
			for _, f := range list.List {
				found := false
				if len(f.Names) == 0 {
					// An embedded struct field is named after its
					// type; an embedded interface only contributes
					// its methods.
					embedded, local := embeddedName(f.Type)
					found = kind == "field" && embedded == name
					if local {
						next = append(next, embedded)
					}
				}
				for _, id := range f.Names {
					found = found || id.Name == name
				}
				if found {
					return &symbol{kind: kind, doc: joinDocs(f.Doc.Text(), f.Comment.Text()), src: t.src}
				}
			}
		}
		level = next
	}
	return nil
}

// embeddedName returns the field name of an embedded type expression
// (T, *T, pkg.T, T[X]) and whether the type is declared in this package.
func embeddedName(x ast.Expr) (name string, local bool) {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.Ident:
			return t.Name, true
		case *ast.SelectorExpr:
			return t.Sel.Name, false
		default:
			return "", false
		}
	}
}
