package igo

import (
	"sort"

	"github.com/igolang/igo/complete"
)

// Complete returns the completions of the word ending at cursor (a byte
// offset into line) and where that word starts: session names, package
// members, fields and methods of any expression's type, import paths,
// magics and their flags, file names. Nothing runs.
func (sh *Shell) Complete(line string, cursor int) ([]complete.Candidate, int) {
	if sh.completer == nil {
		var paths []string
		for _, p := range visiblePackages() {
			paths = append(paths, p.path)
		}
		names := make([]string, 0, len(sh.packages))
		for n := range sh.packages {
			names = append(names, n)
		}
		sort.Strings(names)
		sh.completer = &complete.Config{
			Session:      sh.sess,
			Importer:     sh.imp,
			Packages:     sh.packagePath,
			PackageNames: func() []string { return names },
			Paths:        func() []string { return paths },
			Magics:       sh.reg,
		}
	}
	return complete.Complete(sh.completer, line, cursor)
}
