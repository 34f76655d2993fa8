package igo

import (
	"fmt"
	"reflect"
	"sync"
)

// Values produced by compiled code (a magic's result, `v := !ls`) reach the
// session through this table: the shell stores the value under a number
// and evaluates `v := igobind.Value(7).([]string)`.
var (
	bindMu   sync.Mutex
	bindNext int
	bindVals = map[int]any{}
)

func bindStore(v any) int {
	bindMu.Lock()
	defer bindMu.Unlock()
	bindNext++
	bindVals[bindNext] = v
	return bindNext
}

// bindValue hands a stored value to the evaluator, once.
func bindValue(id int) any {
	bindMu.Lock()
	defer bindMu.Unlock()
	v := bindVals[id]
	delete(bindVals, id)
	return v
}

// formatValue is %v of a value the interpreter hands over: it converts
// values of interpreted types so that their methods (String, Error) count.
func formatValue(v any) string { return fmt.Sprintf("%v", v) }

const bindPath = "github.com/igolang/igo/internal/igobind"

// formatTypes are the interfaces yaegi makes an interpreted value
// implement when it passes it to formatValue, as it does for fmt.Sprint.
var formatTypes = map[reflect.Value][]reflect.Type{
	reflect.ValueOf(formatValue): {
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
	},
}

var bindSymbols = map[string]map[string]reflect.Value{
	bindPath + "/igobind": {
		"Value":  reflect.ValueOf(bindValue),
		"Format": reflect.ValueOf(formatValue),
	},
}
