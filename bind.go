package igo

import (
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

const bindPath = "github.com/igolang/igo/internal/igobind"

var bindSymbols = map[string]map[string]reflect.Value{
	bindPath + "/igobind": {"Value": reflect.ValueOf(bindValue)},
}
