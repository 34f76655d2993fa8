package rewrite

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// StdSource is an importer for the type checker that reads the standard
// packages with generic code igo copies (sourcePackages) from the
// toolchain's sources, GOROOT/src, and every other package from Base.
// The evaluator has no generic code of its own: the instantiate pass copies
// the generic functions a program or cell uses out of these sources, and
// StdSource keeps the syntax and the type checker's facts for it.
//
// Without the sources (no GOROOT/src on this machine), those packages come
// from Base, which lists their non-generic API only; a use of their
// generic code is then undefined, and the error says why (see Missing).
type StdSource struct {
	Base   types.Importer
	GOROOT string // empty: go/build's default

	mu   sync.Mutex
	pkgs map[string]*srcPackage
	fset *token.FileSet
}

// sourcePackages are the standard packages read from source: those with
// generic API (sync: OnceValue, OnceValues) whose generic code needs
// nothing the evaluator lacks, or has an overlay. The internal/ packages
// they import come from source too (the evaluator's tables have none).
// Reading one costs once per process (sync and what it imports: ~30 ms).
var sourcePackages = []string{"cmp", "iter", "maps", "math/rand/v2", "slices", "sync"}

// A srcPackage is a standard package checked from its sources.
type srcPackage struct {
	pkg   *types.Package
	files []*ast.File
	info  *types.Info
	fset  *token.FileSet
	err   error
}

// NewStdSource returns an importer reading sourcePackages from GOROOT/src.
func NewStdSource(base types.Importer) *StdSource {
	return &StdSource{Base: base, pkgs: map[string]*srcPackage{}, fset: token.NewFileSet()}
}

// Import implements types.Importer.
func (s *StdSource) Import(path string) (*types.Package, error) {
	if !fromSource(path) {
		return s.Base.Import(path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.load(path)
	if err != nil {
		if strings.HasPrefix(path, "internal/") {
			return nil, err
		}
		return s.Base.Import(path)
	}
	return p.pkg, nil
}

// context finds the files of a standard package: go/build's default
// context, under s.GOROOT if set, without cgo (the evaluator has none).
func (s *StdSource) context() *build.Context {
	ctx := build.Default
	if s.GOROOT != "" {
		ctx.GOROOT = s.GOROOT
	}
	ctx.CgoEnabled = false
	return &ctx
}

// fromSource reports whether StdSource reads path from GOROOT/src: one
// of sourcePackages, or an internal package one of them imports.
func fromSource(path string) bool {
	return slices.Contains(sourcePackages, path) || strings.HasPrefix(path, "internal/")
}

// load checks a package from source; s.mu is held.
func (s *StdSource) load(path string) (*srcPackage, error) {
	if p, ok := s.pkgs[path]; ok {
		return p, p.err
	}
	p := &srcPackage{fset: s.fset}
	s.pkgs[path] = p // a cycle ends here, as an error
	p.err = fmt.Errorf("import cycle through %s", path)
	bp, err := s.context().Import(path, "", 0)
	if err != nil {
		p.err = err
		return nil, err
	}
	over := overlays[path]
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(s.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			p.err = err
			return nil, err
		}
		if over != "" {
			f.Decls = slices.DeleteFunc(f.Decls, func(d ast.Decl) bool {
				fd, ok := d.(*ast.FuncDecl)
				return ok && fd.Recv == nil && strings.Contains(over, "\nfunc "+fd.Name.Name+"[")
			})
		}
		p.files = append(p.files, f)
	}
	if over != "" {
		f, err := parser.ParseFile(s.fset, "igo-overlay-"+filepath.Base(path)+".go", over, parser.SkipObjectResolution)
		if err != nil {
			panic(err) // ours
		}
		p.files = append(p.files, f)
	}
	p.info = newInfo()
	conf := types.Config{
		Importer: lockedImporter{s},
		// Bodies may use what this checker cannot see (assembly,
		// linknames); the declarations are what matters.
		Error:     func(error) {},
		GoVersion: GoVersion,
	}
	p.pkg, _ = conf.Check(path, s.fset, p.files, p.info)
	p.err = nil
	return p, nil
}

// lockedImporter imports for a check StdSource runs under its lock.
type lockedImporter struct{ s *StdSource }

func (l lockedImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if !fromSource(path) {
		return l.s.Base.Import(path)
	}
	p, err := l.s.load(path)
	if err != nil {
		return nil, err
	}
	return p.pkg, nil
}

// source returns the checked sources of a package StdSource read, or nil.
func (s *StdSource) source(pkg *types.Package) *srcPackage {
	if s == nil || pkg == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pkgs[pkg.Path()]
	if p == nil || p.pkg != pkg {
		return nil
	}
	return p
}

// decl finds the declaration of a package-level object of p: a FuncDecl,
// or the GenDecl and spec that declare it.
func (p *srcPackage) decl(obj types.Object) (ast.Decl, ast.Spec) {
	pos := obj.Pos()
	for _, f := range p.files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if pos < d.Pos() || pos > d.End() {
				continue
			}
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.Pos() == pos {
					return d, nil
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						if sp.Name.Pos() == pos {
							return d, sp
						}
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							if n.Pos() == pos {
								return d, sp
							}
						}
					}
				}
			}
		}
	}
	return nil, nil
}

// methods lists the method declarations of a type of p.
func (p *srcPackage) methods(tn *types.TypeName) []*ast.FuncDecl {
	var ms []*ast.FuncDecl
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil {
				continue
			}
			if n := recvNamed(p.info.Defs[fd.Name]); n != nil && n.Obj() == tn {
				ms = append(ms, fd)
			}
		}
	}
	return ms
}

// overlays replace generic functions whose code in GOROOT/src calls into
// the runtime (which the evaluator cannot) with Go that means the same.
var overlays = map[string]string{
	"math/rand/v2": `package rand

// N: the original draws from the unexported global source, which the
// runtime seeds; Uint64N draws from the same.
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(Uint64N(uint64(n)))
}
`,
	"maps": `package maps

// Clone: the original calls the runtime's map clone.
func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}
`,
}

// explainUndefined adds to a checker's "undefined: pkg.Name" the reason
// when Name is generic code of a standard package igo does not copy, or
// of one whose sources are not on this machine. imports maps the names
// in scope to import paths.
func explainUndefined(err error, imports map[string]string, imp types.Importer) error {
	te, ok := err.(types.Error)
	if !ok || !strings.HasPrefix(te.Msg, "undefined: ") {
		return err
	}
	q, name, ok := strings.Cut(strings.TrimPrefix(te.Msg, "undefined: "), ".")
	path := imports[q]
	s, isStd := imp.(*StdSource)
	if !ok || path == "" || !isStd {
		return err
	}
	ctx := s.context()
	bp, berr := ctx.Import(path, "", 0)
	switch {
	case berr != nil && slices.Contains(sourcePackages, path):
		te.Msg += fmt.Sprintf(" (igo reads the generic code of %s from the toolchain's sources, and %s is not on this machine)", path, filepath.Join(ctx.GOROOT, "src", path))
	case berr == nil && bp.Goroot && genericIn(bp, name):
		te.Msg += fmt.Sprintf(" (%s.%s is generic code; igo copies generic code only from %s)", path, name, strings.Join(sourcePackages, ", "))
	}
	return te
}

// genericIn reports whether package bp declares name with type
// parameters.
func genericIn(bp *build.Package, name string) bool {
	fset := token.NewFileSet()
	for _, fn := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, fn), nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name && d.Type.TypeParams != nil {
					return true
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					if ts, ok := sp.(*ast.TypeSpec); ok && ts.Name.Name == name && ts.TypeParams != nil {
						return true
					}
				}
			}
		}
	}
	return false
}
