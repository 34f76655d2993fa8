package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// unsafeConsts writes unsafe.Offsetof as the constant it is: the
// evaluator (yaegi v0.16.1) gives an invalid value, or fails compiling
// ("CFG post-order panic") when the field is reached through a pointer.
// Go never evaluates the argument. unsafe.Sizeof and unsafe.Alignof are
// right, but for a result of a return, which the evaluator makes 0; it is
// parenthesized.
//
//	unsafe.Offsetof(p.f)     =>  uintptr(8)
//	return unsafe.Sizeof(x)  =>  return (unsafe.Sizeof(x))
//
// The offsets are the type checker's (for gc on amd64), which are the
// evaluator's but for fields after an interface of the program, which it
// stores wider. An Offsetof whose value depends on a type parameter is
// left alone, as is every one when the program declares a name uintptr.
// An import of unsafe that the program no longer uses becomes a blank
// import.
func (st *state) unsafeConsts() error {
	if st.s.Lookup("uintptr") != nil {
		return nil
	}
	for _, o := range st.info.Defs {
		if o != nil && o.Name() == "uintptr" {
			return nil
		}
	}
	replaced := false
	for i := range st.units {
		u := &st.units[i]
		root := astutil.Apply(u.node(), nil, func(c *astutil.Cursor) bool {
			if ret, ok := c.Node().(*ast.ReturnStmt); ok {
				for i, r := range ret.Results {
					if call, ok := r.(*ast.CallExpr); ok && st.isUnsafe(call.Fun) != "" {
						ret.Results[i] = &ast.ParenExpr{Lparen: r.Pos(), X: r, Rparen: r.End()}
					}
				}
				return true
			}
			call, ok := c.Node().(*ast.CallExpr)
			if !ok || st.isUnsafe(call.Fun) != "Offsetof" {
				return true
			}
			tv := st.info.Types[call]
			if tv.Value == nil {
				return true
			}
			c.Replace(&ast.CallExpr{
				Fun:    &ast.Ident{NamePos: call.Pos(), Name: "uintptr"},
				Lparen: call.Lparen,
				Args:   []ast.Expr{&ast.BasicLit{ValuePos: call.Lparen + 1, Kind: token.INT, Value: tv.Value.ExactString()}},
				Rparen: call.Rparen,
			})
			replaced = true
			return true
		})
		if u.stmt != nil {
			u.stmt = root.(ast.Stmt)
		} else {
			u.decl = root.(ast.Decl)
		}
	}
	if replaced {
		st.blankUnusedUnsafe()
	}
	return nil
}

// isUnsafe is the name of the function of unsafe that fun is, if it is
// Sizeof, Alignof or Offsetof.
func (st *state) isUnsafe(fun ast.Expr) string {
	s, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	id, ok := s.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pn, ok := st.info.Uses[id].(*types.PkgName)
	if !ok || pn.Imported().Path() != "unsafe" {
		return ""
	}
	switch s.Sel.Name {
	case "Sizeof", "Alignof", "Offsetof":
		return s.Sel.Name
	}
	return ""
}

// blankUnusedUnsafe makes the program's imports of unsafe blank when
// nothing uses them.
func (st *state) blankUnusedUnsafe() {
	used := false
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := s.X.(*ast.Ident); ok {
					if pn, ok := st.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == "unsafe" {
						used = true
					}
				}
			}
			return !used
		})
	}
	if used {
		return
	}
	for _, u := range st.units {
		gd, ok := u.decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, sp := range gd.Specs {
			is := sp.(*ast.ImportSpec)
			if p, err := strconv.Unquote(is.Path.Value); err == nil && p == "unsafe" && (is.Name == nil || is.Name.Name != "_" && is.Name.Name != ".") {
				is.Name = &ast.Ident{NamePos: is.Pos(), Name: "_"}
			}
		}
	}
}
