package autoawait

import "reflect"

// Symbols exports this package to an interpreter, in the form yaegi's
// interp.Use takes: keys are "importpath/name".
var Symbols = map[string]map[string]reflect.Value{
	"github.com/igolang/igo/autoawait/autoawait": {
		"Go":              reflect.ValueOf(Go),
		"SetPanicHandler": reflect.ValueOf(SetPanicHandler),
		"Unwrap":          reflect.ValueOf(Unwrap),
		"PanicHandler":    reflect.ValueOf((*PanicHandler)(nil)),
	},
}
