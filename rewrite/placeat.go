package rewrite

import (
	"go/ast"
	"go/token"
)

// placeAt moves every position of a syntax tree the rewrite made (as
// typeExpr parses it, its positions are in no file of the session) to
// pos, so that the printer writes it where it goes, on one line. It
// returns n.
func placeAt[N ast.Node](n N, pos token.Pos) N {
	ast.Inspect(n, func(m ast.Node) bool {
		if m != nil {
			setPos(m, pos)
		}
		return true
	})
	return n
}
