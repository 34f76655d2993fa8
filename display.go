package igo

import (
	"context"
	"fmt"
	"github.com/igolang/igo/autoawait"
	"go/types"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// show records v as the cell's value. The text is v formatted with %v and,
// unless the static type is a plain int, float64, string or bool, a
// comment naming it: `1.5s // time.Duration`. name is the session
// variable holding v, when there is one: the interpreter formats it then,
// so that String methods and interface values of the cell's own types
// print as fmt.Println prints them.
func (sh *Shell) show(ctx context.Context, res *Result, v reflect.Value, t types.Type, name string) {
	res.HasValue = true
	if v.IsValid() && v.CanInterface() {
		res.Value = v.Interface()
	}
	res.Text = fmt.Sprintf("%v", res.Value)
	if name != "" {
		if text, ok := sh.format(ctx, name); ok {
			res.Text = text
		}
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
	if typ == "interface{}" {
		typ = "any"
	}
	res.Type = typ
	switch typ {
	case "int", "float64", "string", "bool", "untyped int", "untyped float", "untyped string", "untyped bool":
	default:
		res.Text += " // " + typ
	}
}

// format prints the value of a session variable with %v, in the
// interpreter.
func (sh *Shell) format(ctx context.Context, name string) (string, bool) {
	if sh.sess.Imports()["igobind"] != bindPath {
		return "", false
	}
	v, err := sh.eval.Eval(ctx, "igobind.Format("+name+")")
	if err != nil || !v.IsValid() || v.Kind() != reflect.String {
		return "", false
	}
	return v.String(), true
}

func panicOf(err error) (*PanicError, bool) {
	p, ok := err.(interp.Panic)
	if !ok {
		return nil, false
	}
	return &PanicError{Value: autoawait.Unwrap(p.Value), Stack: p.Stack}, true
}
