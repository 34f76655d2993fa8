package rewrite_test

import (
	"reflect"
	"strings"

	"github.com/traefik/yaegi/stdlib"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/rewrite"
	"github.com/igolang/igo/symtypes"
)

var testSymbols = func() map[string]map[string]reflect.Value {
	m := map[string]map[string]reflect.Value{}
	for k, v := range stdlib.Symbols {
		m[k] = v
	}
	for k, v := range autoawait.Symbols {
		m[k] = v
	}
	return m
}()

var testImporter = symtypes.New(testSymbols)

// testPackages maps a package name to its path: the path whose last
// element is the name, math/rand for rand.
var testPackages = func() map[string]string {
	m := map[string]string{}
	for _, p := range testImporter.Paths() {
		name, _ := testImporter.Name(p)
		if old, ok := m[name]; !ok || strings.Count(p, "/") < strings.Count(old, "/") {
			m[name] = p
		}
	}
	m["rand"] = "math/rand"
	return m
}()

// newSession is a session over yaegi's standard library and the runtime.
func newSession() *rewrite.Session {
	return rewrite.NewSession(rewrite.Config{
		Importer: testImporter,
		Packages: func(name string) (string, bool) {
			p, ok := testPackages[name]
			return p, ok
		},
	})
}
