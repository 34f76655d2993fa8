// Package autoawait is the runtime that code rewritten by igo calls.
//
// Today it carries the panics of goroutines a cell starts back to the
// shell, so that a panic in `go f()` is reported instead of ending the
// process. The rewrite turns
//
//	go f(x)
//
// into
//
//	{ igo_a0 := x; go autoawait.Go(func() { f(igo_a0) }) }
//
// The await runtime (cell contexts, tasks, runners) grows here.
//
// Symbols exports the package to an interpreter such as yaegi:
//
//	i.Use(autoawait.Symbols)
package autoawait
