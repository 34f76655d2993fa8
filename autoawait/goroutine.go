package autoawait

import (
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
	"sync"
)

// A PanicHandler receives the value of a panic in a goroutine started
// through Go, and the goroutine's stack.
type PanicHandler func(value any, stack []byte)

var (
	mu      sync.Mutex
	handler PanicHandler = func(v any, stack []byte) {
		fmt.Fprintf(os.Stderr, "panic in goroutine: %v\n", v)
	}
)

// SetPanicHandler installs h for every later panic in a goroutine started
// through Go, and returns the handler it replaces.
func SetPanicHandler(h PanicHandler) PanicHandler {
	mu.Lock()
	defer mu.Unlock()
	old := handler
	handler = h
	return old
}

// Go runs f and reports a panic in it to the panic handler instead of
// letting it end the process. Rewritten `go` statements call it as
// `go autoawait.Go(func() { ... })`.
func Go(f func()) {
	defer func() {
		if r := recover(); r != nil {
			stack := debug.Stack()
			mu.Lock()
			h := handler
			mu.Unlock()
			h(Unwrap(r), stack)
		}
	}()
	f()
}

// report hands err, recovered from a panic, to the panic handler.
func report(err error) {
	mu.Lock()
	h := handler
	mu.Unlock()
	if pe, ok := err.(*PanicError); ok {
		h(pe.Value, pe.Stack)
		return
	}
	h(err, nil)
}

// Unwrap returns the value of a panic recovered in compiled code: an
// interpreter may deliver a panic of interpreted code as a reflect.Value.
func Unwrap(r any) any {
	if rv, ok := r.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		return rv.Interface()
	}
	return r
}
