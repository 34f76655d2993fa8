// Package symtypes turns yaegi-style symbol tables into go/types packages.
//
// A symbol table (see [Symbols], the shape of yaegi's interp.Exports) maps
// keys of the form "importpath/pkgname" to the exported symbols of a
// package, each held as a reflect.Value. An [Importer] converts those values
// into go/types objects on demand, so that go/types can check code against
// the standard library without a Go toolchain, export data or source files
// at run time. Packages are built lazily on their first Import and cached;
// building net/http and everything it reaches takes a few milliseconds.
//
// # Encoding of the table
//
// The Importer understands the encoding written by yaegi's extract tool:
//
//   - functions: reflect.ValueOf(fmt.Println), a non-addressable Func value;
//   - variables: reflect.ValueOf(&os.Stdout).Elem(), an addressable value;
//   - types: reflect.ValueOf((*time.Duration)(nil)), a nil pointer whose
//     element type is the type;
//   - untyped constants: a value implementing go/constant.Value;
//   - typed constants: a non-addressable value of a boolean, numeric or
//     string kind, such as reflect.ValueOf(time.Nanosecond).
//
// Any other non-addressable value (a map or a struct, say) is exposed as a
// variable. Keys starting with "_" (yaegi's interface wrappers) and the
// special key "." are ignored.
//
// # Fidelity
//
// Types are rebuilt from reflect, which does not know everything the
// compiler knows. Users of the resulting packages should be aware that:
//
//   - Parameters and results have no names, and objects have no positions
//     (token.NoPos); there is no documentation.
//   - byte and uint8 are the same reflect type; both are reported as byte.
//     rune and int32 are both reported as int32. Both pairs are identical
//     for go/types, so only messages and printed types are affected.
//   - The empty interface is printed as interface{} rather than any.
//   - Untyped rune constants are recorded by yaegi as integer literals; the
//     exported untyped rune constants of the standard library (such as
//     utf8.RuneError and os.PathSeparator) are known to the package and
//     given the untyped rune type, any others become untyped integers.
//   - Untyped float constants have the value of yaegi's literal, a binary
//     approximation far more precise than float64 (math.Pi differs from
//     the compiler's decimal value beyond the 60th digit or so).
//   - Generic functions and types are not in yaegi's tables and so are
//     absent. An instance of a generic type reached through a field or a
//     signature that has no methods is its underlying type: strings.Lines
//     returns func(func(string) bool), not iter.Seq[string], so that code
//     written for the evaluator never names a type the table lacks. The
//     checker is thus more lenient than Go, which would not assign such a
//     result to a variable of another named func type.
//     An instance with methods, or one that contains itself, appears as
//     an ordinary named type called, for example, "Pointer[net/http.conn]";
//     it is not inserted in a scope.
//   - reflect does not expose the unexported methods of concrete types.
//     The Importer recovers the ones that matter for assignability: when a
//     type (or a pointer to it) implements an exported interface of its own
//     package that has unexported methods (ast.Expr, testing.TB,
//     constant.Value, ...), those methods are added to it. Other unexported
//     methods are absent, which is invisible to code outside the package.
//   - A method reported by reflect on a struct type is treated as promoted
//     (and left to go/types) when exactly one embedded field provides a
//     method of that name with the same signature at the same receiver
//     level; otherwise it is declared on the type itself. The method sets
//     are therefore exactly those of reflect.
//   - Type aliases are rebuilt as *types.Alias when the symbol name differs
//     from the type's own name or package; aliases of aliases collapse.
//   - The symbol table may substitute its own types: the restricted
//     log.Logger of yaegi's and igo's standard library tables, for example,
//     is an alias of an unexported wrapper type of the table's package, so
//     log.Default() (which returns the real *log.Logger) is not assignable
//     to a *log.Logger variable.
//   - Package.Imports() is empty, and a package that is only reached
//     through the types of another package (internal/poll, for example)
//     holds only the types reached so far and is not Complete.
//   - The "unsafe" import path always yields types.Unsafe.
package symtypes
