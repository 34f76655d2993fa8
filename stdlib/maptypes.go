package stdlib

import (
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"reflect"
)

// The interfaces that the functions below look for in their interface{}
// arguments, in the order yaegi tries them: a value of an interpreted type
// implementing several is passed as the first it implements, so the order
// is fmt's (Format, then Error, then String).
var (
	printTypes = []reflect.Type{
		reflect.TypeFor[fmt.Formatter](),
		reflect.TypeFor[error](),
		reflect.TypeFor[fmt.Stringer](),
	}
	scanTypes     = []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	jsonMarshal   = []reflect.Type{reflect.TypeFor[json.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
	jsonUnmarshal = []reflect.Type{reflect.TypeFor[json.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
	xmlMarshal    = []reflect.Type{reflect.TypeFor[xml.Marshaler](), reflect.TypeFor[encoding.TextMarshaler]()}
	xmlUnmarshal  = []reflect.Type{reflect.TypeFor[xml.Unmarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()}
)

func init() {
	for _, e := range []struct {
		funcs []any
		types []reflect.Type
	}{
		{[]any{
			fmt.Append, fmt.Appendf, fmt.Appendln, fmt.Errorf,
			fmt.Fprint, fmt.Fprintf, fmt.Fprintln,
			fmt.Print, fmt.Printf, fmt.Println,
			fmt.Sprint, fmt.Sprintf, fmt.Sprintln,
			// yaegi's interp.Use gives the wrappers of these to log's
			// functions bound to the shell's stderr.
			log.Print, log.Printf, log.Println,
			log.Panic, log.Panicf, log.Panicln,
		}, printTypes},
		{[]any{
			fmt.Fscan, fmt.Fscanf, fmt.Fscanln,
			fmt.Scan, fmt.Scanf, fmt.Scanln,
			fmt.Sscan, fmt.Sscanf, fmt.Sscanln,
		}, scanTypes},
		{[]any{json.Marshal, json.MarshalIndent}, jsonMarshal},
		{[]any{json.Unmarshal}, jsonUnmarshal},
		{[]any{xml.Marshal, xml.MarshalIndent}, xmlMarshal},
		{[]any{xml.Unmarshal}, xmlUnmarshal},
	} {
		for _, f := range e.funcs {
			MapTypes[reflect.ValueOf(f)] = e.types
		}
	}
}
