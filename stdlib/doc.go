// Package stdlib is the Go standard library for igo's evaluator: symbol
// tables in the form of yaegi's interp.Exports, generated for the Go
// toolchain igo is built with (yaegi's own stdlib stops at Go 1.22).
//
// Symbols maps "importpath/pkgname" to the exported symbols of a package,
// each a reflect.Value, and "." to MapTypes, the interfaces that values of
// interpreted types keep when passed to fmt.Println and the like:
//
//	i := interp.New(interp.Options{Stdout: os.Stdout})
//	if err := i.Use(stdlib.Symbols); err != nil { ... }
//	i.Eval(`import ("fmt"; "strings")`)
//	i.Eval(`strings.Lines("a\nb\n")(func(l string) bool { fmt.Print(l); return true })`)
//
// Package igo builds its evaluator and its type checker (package
// symtypes) from this table, so what type-checks can run.
//
// # Contents
//
// Every package of `go list std` is here but for those the rule in
// internal/pkgs leaves out: internal and vendored packages, unsafe,
// syscall, embed, plugin, runtime/cgo, runtime/race, time/tzdata, os/exec
// (igo takes yaegi's), and packages behind a GOEXPERIMENT. Generic
// functions and types are not: yaegi's extract, which writes the tables,
// skips them. os.Exit, log.Fatal and the Fatal methods of a log.New logger
// panic instead of ending the process; os.FindProcess refuses the
// process's own id.
//
// The tables are those of the platform that generated them (linux/amd64
// for the files in this directory): untyped constants such as os.DevNull
// and math.MaxInt hold that platform's values.
//
// # Regenerating
//
// After a change of the Go toolchain, with GOEXPERIMENT unset:
//
//	go generate github.com/igolang/igo/stdlib
//
// This runs internal/gen, which removes the files of the previous
// generation (go1_26_strings.go, ...) and writes one per package for the
// running toolchain, with yaegi's extract package. TestToolchain fails
// when the table and the toolchain disagree.
package stdlib
