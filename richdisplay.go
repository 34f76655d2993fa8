package igo

import (
	"context"
	"fmt"
	"go/types"
	"io"
	"maps"
	"reflect"
	"sync"

	"github.com/igolang/igo/display"
)

// displayPath is the import path of package display, which cells use
// without an import: display.HTML("<b>hi</b>").
const displayPath = "github.com/igolang/igo/display"

// addDisplaySymbols adds package display to the evaluator's symbols, and
// igobind.Display, with the interfaces yaegi must keep for values of the
// cells' types passed to them.
func addDisplaySymbols(symbols map[string]map[string]reflect.Value, mapTypes map[reflect.Value][]reflect.Type) {
	maps.Copy(symbols, display.Symbols)
	bind := maps.Clone(symbols[bindPath+"/igobind"])
	bind["Display"] = reflect.ValueOf(displayOf)
	symbols[bindPath+"/igobind"] = bind
	maps.Copy(mapTypes, display.MapTypes)
	mapTypes[reflect.ValueOf(displayOf)] = display.MapTypes[reflect.ValueOf(display.Of)]
}

// displayOf is display.Of for the shell, called in the interpreter as
// igobind.Display(_3), so that a Display method a cell declared counts:
// the bundle, or one with nil Data when v has no rich form.
func displayOf(v any) display.Bundle {
	if b, ok := display.Of(v); ok {
		return b
	}
	return display.Bundle{}
}

// publish is the Shell's display publisher: bundles go to
// Options.Display, one call at a time, or else their text to the cell's
// standard output, the writer %%capture swaps.
func (sh *Shell) publish(b display.Bundle) {
	if f := sh.opts.Display; f != nil {
		displayMu.Lock()
		defer displayMu.Unlock()
		f(b)
		return
	}
	text, _ := b.Data["text/plain"].(string)
	io.WriteString(sh.stdout, text+"\n")
}

// displayMu serialises the calls of Options.Display.
var displayMu sync.Mutex

// richDisplay is the rich form of the value of cell n, held by _n; Data
// is nil when it has none. A compiled value is asked directly; the
// interpreter is asked only when _n's type may have methods a cell
// declared. A Display method that panics counts as none.
func (sh *Shell) richDisplay(ctx context.Context, res *Result, n int) display.Bundle {
	if b, ok := compiledDisplay(res.Value); ok {
		return b
	}
	name := fmt.Sprintf("_%d", n)
	if res.Value == nil || !sh.cellMethods(name) || sh.sess.Imports()["igobind"] != bindPath {
		return display.Bundle{}
	}
	v, err := sh.eval.Eval(ctx, "igobind.Display("+name+")")
	if err != nil || !v.IsValid() || !v.CanInterface() {
		return display.Bundle{}
	}
	b, _ := v.Interface().(display.Bundle)
	return b
}

// cellMethods says whether the value of the session variable name may
// have methods a cell declared: its type is an interface, or a type of the
// cells, or a pointer to one.
func (sh *Shell) cellMethods(name string) bool {
	obj := sh.sess.Lookup(name)
	if obj == nil {
		return true // unknown: ask
	}
	t := obj.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if types.IsInterface(t) {
		return true
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() == sh.sess.Package()
}

// compiledDisplay is display.Of, false when a Display method panics.
func compiledDisplay(v any) (b display.Bundle, ok bool) {
	defer func() {
		if recover() != nil {
			b, ok = display.Bundle{}, false
		}
	}()
	return display.Of(v)
}
