package display

import (
	"encoding"
	"encoding/json"
	"fmt"
	"image"
	"reflect"
)

// Symbols exports this package to an interpreter, in the form yaegi's
// interp.Use takes: keys are "importpath/name".
var Symbols = map[string]map[string]reflect.Value{
	"github.com/igolang/igo/display/display": {
		"Bundle":       reflect.ValueOf((*Bundle)(nil)),
		"Displayer":    reflect.ValueOf((*Displayer)(nil)),
		"HTML":         reflect.ValueOf(HTML),
		"Markdown":     reflect.ValueOf(Markdown),
		"SVG":          reflect.ValueOf(SVG),
		"PNG":          reflect.ValueOf(PNG),
		"JPEG":         reflect.ValueOf(JPEG),
		"JSON":         reflect.ValueOf(JSON),
		"Text":         reflect.ValueOf(Text),
		"Value":        reflect.ValueOf(Value),
		"Of":           reflect.ValueOf(Of),
		"Publish":      reflect.ValueOf(Publish),
		"SetPublisher": reflect.ValueOf(SetPublisher),

		// interface wrappers, for interpreted types that implement them
		"_Displayer": reflect.ValueOf((*_github_com_igolang_igo_display_Displayer)(nil)),
	},
}

// MapTypes tell yaegi which interfaces an interpreted value passed to a
// func of this package as an `any` must keep implementing (yaegi's
// interp.Exports "." entry, as fmt.Println has fmt.Stringer): without
// them, Value and Of would not see a Display method a cell declared.
var MapTypes = map[reflect.Value][]reflect.Type{
	reflect.ValueOf(Value): valueTypes,
	reflect.ValueOf(Of):    valueTypes,
	reflect.ValueOf(JSON): {
		reflect.TypeFor[json.Marshaler](),
		reflect.TypeFor[encoding.TextMarshaler](),
	},
}

// valueTypes are the interfaces Of looks for, then those fmt's %v does, in
// the order yaegi tries them: an interpreted value implementing several is
// passed as the first.
var valueTypes = []reflect.Type{
	reflect.TypeFor[Displayer](),
	reflect.TypeFor[image.Image](),
	reflect.TypeFor[fmt.Formatter](),
	reflect.TypeFor[error](),
	reflect.TypeFor[fmt.Stringer](),
}

// _github_com_igolang_igo_display_Displayer lets a type declared in
// interpreted code implement Displayer, in the form yaegi's extract
// generates.
type _github_com_igolang_igo_display_Displayer struct {
	IValue   any
	WDisplay func() Bundle
}

func (W _github_com_igolang_igo_display_Displayer) Display() Bundle {
	if W.WDisplay == nil {
		return Bundle{}
	}
	return W.WDisplay()
}
