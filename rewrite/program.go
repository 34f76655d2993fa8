package rewrite

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
)

// Program rewrites a Go program, one file of package main, into Go the
// evaluator runs as the Go toolchain would run the original: generic code
// is instantiated per type-argument list (see instantiate) and the
// lowering passes the cells get run over every function. name is the file
// name in positions; errors are in the file's coordinates.
//
// The result is the whole file, package clause and imports included.
func Program(conf Config, name string, src []byte) (string, error) {
	s := NewSession(conf)
	f, info, err := checkProgram(s, name, src)
	if err != nil {
		return "", err
	}
	if usesGenerics(f, info) {
		std, _ := conf.Importer.(*StdSource)
		if err := instantiate(s.fset, f, info, std); err != nil {
			return "", err
		}
		// The passes below need the types of the instantiated code.
		var b bytes.Buffer
		if err := format.Node(&b, s.fset, f); err != nil {
			return "", err
		}
		if f, info, err = checkProgram(s, name, b.Bytes()); err != nil {
			return "", &InstantiateError{Err: err, Src: b.String()}
		}
	}
	st := &state{s: s, opts: Options{Name: name, Line: 1}, src: src, info: info, evalImp: map[string]string{}}
	tf := s.fset.File(f.Pos())
	for _, d := range f.Decls {
		st.units = append(st.units, unit{decl: d, file: tf})
	}
	for _, ps := range programPasses {
		if err := ps.run(st); err != nil {
			return "", toError(err)
		}
	}
	f.Decls = f.Decls[:0]
	for _, u := range st.units {
		f.Decls = append(f.Decls, u.decl)
	}
	if st.needRT {
		st.evalImp["autoawait"] = RuntimePath
	}
	addImports(f, st.evalImp)
	var b bytes.Buffer
	if err := format.Node(&b, s.fset, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// programPasses are the passes of the pipeline that lower Go the evaluator
// lacks or gets wrong, in the pipeline's order; the others serve the
// prompt or a cell's session (promptPasses).
var programPasses = func() []pass {
	var ps []pass
	for _, p := range pipeline {
		if !promptPasses[p.name] {
			ps = append(ps, p)
		}
	}
	return ps
}()

// promptPasses are the passes of the pipeline a program does without:
// Program checks and instantiates it as a whole, and it has no display,
// await, history or chunks.
var promptPasses = map[string]bool{
	"retype": true, "collect": true, "history": true, "autoimport": true,
	"check": true, "instantiate": true, "display": true, "await": true,
	"goguard": true, "liftlits": true, "hoist": true, "blocks": true,
	"print": true,
}

// checkProgram parses and type-checks a program.
func checkProgram(s *Session, name string, src []byte) (*ast.File, *types.Info, error) {
	f, err := parser.ParseFile(s.fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, toError(err)
	}
	info := newInfo()
	var first error
	conf := types.Config{
		Importer:  s.conf.Importer,
		GoVersion: GoVersion,
		Error: func(e error) {
			if first == nil {
				first = e
			}
		},
	}
	types.NewChecker(&conf, s.fset, types.NewPackage("main", "main"), info).Files([]*ast.File{f})
	if first != nil {
		imports := map[string]string{}
		for _, is := range f.Imports {
			if pn := pkgNameOf(is, info); pn != nil {
				imports[pn.Name()] = pn.Imported().Path()
			}
		}
		return nil, nil, toError(explainUndefined(first, imports, s.conf.Importer))
	}
	return f, info, nil
}

// usesGenerics reports whether the program declares or uses generic code.
func usesGenerics(f *ast.File, info *types.Info) bool {
	if len(info.Instances) > 0 {
		return true
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Type.TypeParams != nil {
				return true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					return true
				}
			}
		}
	}
	return false
}

// An InstantiateError is a program that type-checks but whose
// instantiated form does not: a fault of igo, reported with the text it
// made.
type InstantiateError struct {
	Err error
	Src string
}

func (e *InstantiateError) Error() string {
	return "internal error: instantiated program does not type-check: " + e.Err.Error()
}

func (e *InstantiateError) Unwrap() error { return e.Err }

// addImports adds to f the imports the passes asked for (name -> path;
// see state.evalImp) that it does not have yet.
func addImports(f *ast.File, imps map[string]string) {
	have := map[string]bool{}
	for _, is := range f.Imports {
		have[is.Path.Value] = true
	}
	var specs []ast.Spec
	for _, name := range sortedKeys(imps) {
		path := imps[name]
		if have[strconv.Quote(path)] {
			continue
		}
		have[strconv.Quote(path)] = true
		sp := importSpec(name, path)
		if name == lastElem(path) {
			sp.Name = nil
		}
		specs = append(specs, sp)
	}
	if len(specs) > 0 {
		f.Decls = append([]ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Lparen: 1, Specs: specs}}, f.Decls...)
	}
}
