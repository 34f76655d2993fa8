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

// packageNames maps a package name to the import path a cell means when it
// uses the name without an import: the preferred one, else the shortest
// path, else the first in order. Internal and vendored packages never
// qualify.
func packageNames(keys []string) map[string]string {
	byName := map[string][]string{}
	for _, key := range keys {
		i := strings.LastIndex(key, "/")
		if i < 0 {
			continue
		}
		path, name := key[:i], key[i+1:]
		if hidden(path) {
			continue
		}
		byName[name] = append(byName[name], path)
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
	return strings.HasPrefix(path, "github.com/igolang/igo/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
