package rewrite

import (
	"go/ast"
	"go/types"
)

// autoImport settles the cell's imports. An import the session already has
// is not imported again (the evaluator would reject it); a standard package
// used as `name.X` without an import, and not shadowed by a session name,
// is imported:
//
//	strings.Repeat("a", 3)  =>  import "strings"; strings.Repeat("a", 3)
func (st *state) autoImport() error {
	st.checkImp = map[string]string{}
	st.evalImp = map[string]string{}
	byPath := map[string]string{}
	for n, p := range st.s.imports {
		byPath[p] = n
	}
	for _, sp := range st.userSpecs {
		name, path, err := st.importName(sp)
		if err != nil {
			return err
		}
		if name == "_" || name == "." {
			st.evalImp[name+path] = path
			continue
		}
		if old, ok := st.s.imports[name]; ok && old != path {
			return st.errorf(sp.Pos(), "%s is already imported from %q; import this one under another name", name, old)
		}
		if old, ok := byPath[path]; ok && old != name {
			return st.errorf(sp.Pos(), "%q is already imported as %s", path, old)
		}
		st.checkImp[name] = path
		if _, ok := st.s.imports[name]; !ok {
			st.evalImp[name] = path
		}
	}
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			id, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			st.resolvePackage(id.Name)
			return true
		})
	}
	return nil
}

// resolvePackage makes name, used as a selector's base, visible to the
// checker when it names a session import or a standard package.
func (st *state) resolvePackage(name string) {
	if _, ok := st.checkImp[name]; ok || st.declared[name] {
		return
	}
	if st.s.Lookup(name) != nil || types.Universe.Lookup(name) != nil {
		return
	}
	if path, ok := st.s.imports[name]; ok {
		st.checkImp[name] = path
		return
	}
	if st.s.conf.Packages == nil {
		return
	}
	if path, ok := st.s.conf.Packages(name); ok {
		st.checkImp[name] = path
		st.evalImp[name] = path
	}
}

// importDecl is the import declaration the checker sees: the user's own
// specs, with their positions, then the session's and automatic ones.
func (st *state) importDecl() *ast.GenDecl {
	d := &ast.GenDecl{Tok: importTok}
	user := map[string]bool{}
	for _, sp := range st.userSpecs {
		d.Specs = append(d.Specs, sp)
		if sp.Name != nil {
			user[sp.Name.Name] = true
		}
	}
	for _, sp := range st.userSpecs {
		if sp.Name == nil {
			if name, _, err := st.importName(sp); err == nil {
				user[name] = true
			}
		}
	}
	for _, name := range sortedKeys(st.checkImp) {
		if user[name] {
			continue
		}
		d.Specs = append(d.Specs, importSpec(name, st.checkImp[name]))
	}
	if len(st.awaits) > 0 {
		d.Specs = append(d.Specs, importSpec(awaitPkgName, awaitPkgPath))
	}
	return d
}
