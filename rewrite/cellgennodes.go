package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
)

// declName is the top-level name d declares and its identifier; a method
// declares its receiver's.
func declName(d ast.Decl) (string, *ast.Ident) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			if b := recvBase(d.Recv.List[0].Type); b != nil {
				return b.Name, nil
			}
			return "", nil
		}
		return d.Name.Name, d.Name
	case *ast.GenDecl:
		if len(d.Specs) > 0 {
			if ts, ok := d.Specs[0].(*ast.TypeSpec); ok {
				return ts.Name.Name, ts.Name
			}
			if vs, ok := d.Specs[0].(*ast.ValueSpec); ok && len(vs.Names) > 0 {
				return vs.Names[0].Name, vs.Names[0]
			}
		}
	}
	return "", nil
}

// placeNames gives the names the instances declare a position of the
// session's (the checker needs one for a receiver's type): their generic's
// name, or the unit's that needs them.
func (st *state) placeNames(decls []ast.Decl, made []*instance, at token.Pos) {
	pos := map[string]token.Pos{}
	for _, x := range made {
		pos[x.name] = x.obj.Pos()
	}
	place := func(id *ast.Ident) {
		if id == nil || id.NamePos.IsValid() && st.s.fset.File(id.NamePos) != nil {
			return
		}
		id.NamePos = at
		if p, ok := pos[id.Name]; ok && p.IsValid() && st.s.fset.File(p) != nil {
			id.NamePos = p
		}
	}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			place(d.Name)
			if d.Recv != nil && len(d.Recv.List) == 1 {
				place(recvBase(d.Recv.List[0].Type))
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					place(sp.Name)
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						place(n)
					}
				}
			}
		}
	}
}

// placeTypes puts the type arguments the instantiator wrote (parsed on
// their own, with positions of no file of the session) where the type
// parameters they replace stood, so that a copy prints like its generic:
// func(a, b int) int, not func(a, b int,\n\n) int.
func placeTypes(decls []ast.Decl, in *instantiator, made []*instance) {
	var ranges [][2]token.Pos
	user := map[string]bool{}
	for _, x := range made {
		g := in.generics[x.obj]
		if g == nil || g.src != nil {
			continue // standard-library code: positions of its own files
		}
		user[x.name] = true
		for _, n := range []ast.Node{g.fn, g.spec} {
			if n != nil && !reflect.ValueOf(n).IsNil() {
				ranges = append(ranges, [2]token.Pos{n.Pos(), n.End()})
			}
		}
		for _, m := range g.methods {
			ranges = append(ranges, [2]token.Pos{m.Pos(), m.End()})
		}
	}
	own := func(p token.Pos) bool {
		return slices.ContainsFunc(ranges, func(r [2]token.Pos) bool { return r[0] <= p && p <= r[1] })
	}
	for _, d := range decls {
		if name, _ := declName(d); !user[name] {
			continue
		}
		anchor, stack := d.Pos(), []token.Pos{}
		ast.Inspect(d, func(n ast.Node) bool {
			if n == nil {
				anchor, stack = stack[len(stack)-1], stack[:len(stack)-1]
				return true
			}
			stack = append(stack, anchor)
			if p := n.Pos(); p.IsValid() && own(p) {
				anchor = p
			} else {
				setPos(n, anchor)
			}
			return true
		})
	}
}

var posType = reflect.TypeFor[token.Pos]()

// setPos moves the positions a node has to pos.
func setPos(n ast.Node, pos token.Pos) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return
	}
	v = v.Elem()
	for i := range v.NumField() {
		if f := v.Field(i); f.Type() == posType && f.Int() != 0 && f.CanSet() {
			f.SetInt(int64(pos))
		}
	}
}

// childMap records every node's children, to find those an in-place
// rewrite replaced.
func childMap(root ast.Node) map[ast.Node][]ast.Node {
	m := map[ast.Node][]ast.Node{}
	ast.Inspect(root, func(n ast.Node) bool {
		if n != nil {
			m[n] = children(n)
		}
		return true
	})
	return m
}

func children(n ast.Node) []ast.Node {
	var cs []ast.Node
	ast.Inspect(n, func(c ast.Node) bool {
		if c == n {
			return true
		}
		if c != nil {
			cs = append(cs, c)
		}
		return false
	})
	return cs
}

// fixReplaced gives the expressions an in-place rewrite put in the tree
// the facts of those they replaced (Max[int] => Max__int: the type of
// Max[int], the object of Max), for the passes that follow.
func fixReplaced(root ast.Node, before map[ast.Node][]ast.Node, info *types.Info) {
	ast.Inspect(root, func(n ast.Node) bool {
		old, ok := before[n]
		if !ok {
			return false // new: nothing below it was there
		}
		cur := children(n)
		if len(cur) != len(old) {
			return true
		}
		for i, c := range cur {
			if c == old[i] {
				continue
			}
			ce, ok1 := c.(ast.Expr)
			oe, ok2 := old[i].(ast.Expr)
			if !ok1 || !ok2 {
				continue
			}
			if tv, ok := info.Types[oe]; ok {
				info.Types[ce] = tv
			}
			if id, ok := ce.(*ast.Ident); ok {
				if ref := genericRef(oe); ref != nil {
					if obj := info.Uses[ref]; obj != nil {
						info.Uses[id] = obj
					}
				} else if ie, ok := oe.(*ast.IndexExpr); ok {
					if ref := genericRef(ie.X); ref != nil && info.Uses[ref] != nil {
						info.Uses[id] = info.Uses[ref]
					}
				} else if ie, ok := oe.(*ast.IndexListExpr); ok {
					if ref := genericRef(ie.X); ref != nil && info.Uses[ref] != nil {
						info.Uses[id] = info.Uses[ref]
					}
				}
			}
		}
		return true
	})
}
