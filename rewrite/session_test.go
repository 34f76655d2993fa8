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

// newSession is a session over yaegi's standard library, auto-importing a
// package by the last element of its path (math/rand for rand).
func newSession() *rewrite.Session {
	return rewrite.NewSession(rewrite.Config{
		Importer: testImporter,
		Packages: func(name string) (string, bool) {
			if name == "rand" {
				return "math/rand", true
			}
			for _, p := range testImporter.Paths() {
				if p == name || strings.HasSuffix(p, "/"+name) && strings.Count(p, "/") == 1 {
					if n, _ := testImporter.Name(p); n == name {
						return p, true
					}
				}
			}
			return "", false
		},
	})
}
