package igo

import (
	"sort"
	"strings"
)

// preferred settles names that several standard packages share.
var preferred = map[string]string{
	"rand":     "math/rand",
	"template": "text/template",
	"scanner":  "text/scanner",
	"pprof":    "runtime/pprof",
}

// A pkgKey is a package of a symbol table: "math/rand/rand" is path
// math/rand, name rand.
type pkgKey struct{ path, name string }

// visiblePackages lists the packages of Symbols a user imports by path,
// sorted by path: not internal, vendored or igo's own, except display.
func visiblePackages() []pkgKey {
	var pkgs []pkgKey
	for key := range Symbols() {
		i := strings.LastIndex(key, "/")
		if i < 0 || hidden(key[:i]) {
			continue
		}
		pkgs = append(pkgs, pkgKey{key[:i], key[i+1:]})
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].path < pkgs[j].path })
	return pkgs
}

// packageNames maps a package name to the import path a cell means when it
// uses the name without an import: the preferred one, else the shortest
// path, else the first in order.
func packageNames(pkgs []pkgKey) map[string]string {
	byName := map[string][]string{}
	for _, p := range pkgs {
		byName[p.name] = append(byName[p.name], p.path)
	}
	names := map[string]string{}
	for name, paths := range byName {
		if p, ok := preferred[name]; ok && contains(paths, p) {
			names[name] = p
			continue
		}
		sort.Slice(paths, func(i, j int) bool {
			ci, cj := strings.Count(paths[i], "/"), strings.Count(paths[j], "/")
			if ci != cj {
				return ci < cj
			}
			return paths[i] < paths[j]
		})
		names[name] = paths[0]
	}
	return names
}

func hidden(path string) bool {
	for _, el := range strings.Split(path, "/") {
		if el == "internal" || el == "vendor" {
			return true
		}
	}
	return strings.HasPrefix(path, "github.com/igolang/igo/") && path != displayPath
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
