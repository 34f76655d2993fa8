package igo

import (
	"fmt"
	"go/types"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// show records v as the cell's value. The text is v formatted with %v and,
// unless the static type is a plain int, float64, string or bool, a
// comment naming it: `1.5s // time.Duration`.
func (sh *Shell) show(res *Result, v reflect.Value, t types.Type) {
	res.HasValue = true
	if v.IsValid() && v.CanInterface() {
		res.Value = v.Interface()
	}
	typ := ""
	if t != nil {
		typ = types.TypeString(t, func(p *types.Package) string {
			if p.Path() == sh.sess.Package().Path() {
				return ""
			}
			return p.Name()
		})
	} else if v.IsValid() {
		typ = v.Type().String()
	}
	res.Type = typ
	res.Text = fmt.Sprintf("%v", res.Value)
	switch typ {
	case "int", "float64", "string", "bool", "untyped int", "untyped float", "untyped string", "untyped bool":
	default:
		res.Text += " // " + typ
	}
}

func panicOf(err error) (*PanicError, bool) {
	p, ok := err.(interp.Panic)
	if !ok {
		return nil, false
	}
	v := p.Value
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		v = rv.Interface()
	}
	return &PanicError{Value: v, Stack: p.Stack}, true
}
