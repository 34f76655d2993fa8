// Package testsession builds, for tests, a rewrite.Session over igo's
// standard library (package stdlib) and the autoawait runtime, as the shell builds its own.
package testsession

import (
	"reflect"
	"strings"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/geninst"
	"github.com/igolang/igo/rewrite"
	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

// Symbols is igo's standard library plus the autoawait runtime and the
// compiled generic instances.
var Symbols = func() map[string]map[string]reflect.Value {
	m := map[string]map[string]reflect.Value{}
	for k, v := range stdlib.Symbols {
		m[k] = v
	}
	for k, v := range autoawait.Symbols {
		m[k] = v
	}
	for k, v := range geninst.Symbols {
		m[k] = v
	}
	return m
}()

// Importer gives the types of Symbols.
var Importer = symtypes.New(Symbols)

// Packages maps a package name to its path: the path whose last element
// is the name, the shortest when several are, math/rand for rand.
var Packages = func() map[string]string {
	m := map[string]string{}
	for _, p := range Importer.Paths() {
		name, _ := Importer.Name(p)
		if old, ok := m[name]; !ok || strings.Count(p, "/") < strings.Count(old, "/") {
			m[name] = p
		}
	}
	m["rand"] = "math/rand"
	return m
}()

// New returns an empty session over Symbols that imports packages by name.
func New() *rewrite.Session {
	return rewrite.NewSession(rewrite.Config{
		Importer: Importer,
		Packages: func(name string) (string, bool) {
			p, ok := Packages[name]
			return p, ok
		},
	})
}
