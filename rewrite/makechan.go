package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// makeChans lowers make of a receive-only or send-only channel type, which
// the evaluator (yaegi v0.16.1) refuses ("reflect.MakeChan: unidirectional
// channel type"): the channel is made both ways and converted, as Go
// allows.
//
//	make(<-chan int)  =>  (<-chan int)(make(chan int))
//	make(Recv, 4)     =>  Recv(make(chan int, 4))        (type Recv <-chan int)
func (st *state) makeChans() error {
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || st.builtinName(call) != "make" {
				return true
			}
			t := st.info.TypeOf(call.Args[0])
			if t == nil || isTypeParam(t) {
				return true
			}
			ch, ok := t.Underlying().(*types.Chan)
			if !ok || ch.Dir() == types.SendRecv {
				return true
			}
			pos := call.Args[0].Pos()
			var elem ast.Expr
			if ct, ok := ast.Unparen(call.Args[0]).(*ast.ChanType); ok {
				elem = ct.Value
			} else if elem = st.typeExpr(ch.Elem()); elem == nil {
				return true
			} else {
				elem = placeAt(elem, pos)
			}
			both := &ast.ChanType{Begin: pos, Arrow: token.NoPos, Dir: ast.SEND | ast.RECV, Value: elem}
			made := &ast.CallExpr{Fun: call.Fun, Lparen: pos, Args: append([]ast.Expr{both}, call.Args[1:]...), Rparen: pos}
			conv := conversion(call.Args[0], made).(*ast.CallExpr)
			call.Fun, call.Args = conv.Fun, conv.Args
			return false
		})
	}
	return nil
}
