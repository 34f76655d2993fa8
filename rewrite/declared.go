package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// Declared lists the variables that code, a run of statements, declares
// at its top level (with := or var), in order; nil when code does not
// parse. Magics that wrap code in a function use it: those names become
// the function's own.
func Declared(code string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", stmtPrefix+code+stmtSuffix, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var names []string
	add := func(id *ast.Ident) {
		if id != nil && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	for _, s := range f.Decls[0].(*ast.FuncDecl).Body.List {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, l := range s.Lhs {
					id, _ := l.(*ast.Ident)
					add(id)
				}
			}
		case *ast.DeclStmt:
			if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, sp := range gd.Specs {
					for _, id := range sp.(*ast.ValueSpec).Names {
						add(id)
					}
				}
			}
		}
	}
	return names
}
