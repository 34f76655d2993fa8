package rewrite

import (
	"go/ast"
	"reflect"
)

// cloneNode copies a syntax tree. Positions are kept; orig maps every
// copied node to the node it copies, so that a pass can read the type
// checker's facts (recorded for the original) while it edits the copy.
func cloneNode(n ast.Node, orig map[ast.Node]ast.Node) ast.Node {
	v := cloneValue(reflect.ValueOf(n), orig)
	return v.Interface().(ast.Node)
}

var (
	objectType = reflect.TypeFor[*ast.Object]()
	scopeType  = reflect.TypeFor[*ast.Scope]()
)

func cloneValue(v reflect.Value, orig map[ast.Node]ast.Node) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == objectType || v.Type() == scopeType {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(cloneValue(v.Elem(), orig))
		if n, ok := v.Interface().(ast.Node); ok && orig != nil {
			orig[c.Interface().(ast.Node)] = n
		}
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := cloneValue(v.Elem(), orig)
		r := reflect.New(v.Type()).Elem()
		r.Set(c)
		return r
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(cloneValue(v.Index(i), orig))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(cloneValue(v.Field(i), orig))
			}
		}
		return c
	}
	return v
}
