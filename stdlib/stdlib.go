package stdlib

import "reflect"

//go:generate go run ./internal/gen

// Symbols are the exported symbols of the standard library, keyed
// "importpath/pkgname" as in yaegi's interp.Exports, plus the "." entry
// holding MapTypes.
var Symbols = map[string]map[string]reflect.Value{}

// MapTypes tell yaegi, for a compiled function with an interface{}
// parameter (fmt.Println's ...any) or for an interface (io.Reader), which
// richer interfaces a value of an interpreted type must keep implementing
// when it is passed: without them fmt would not see a String method a cell
// declared. It is the "." entry of Symbols.
var MapTypes = map[reflect.Value][]reflect.Type{}

func init() {
	Symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(MapTypes)}
}
