package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
)

// The checker sees an await through a helper of a package that exists
// only for it: the helper gives the await its value's type. The evaluator
// never sees these names.
const (
	awaitPkgPath = "igo.invalid/await"
	awaitPkgName = "igo_await"
)

var awaitPkgSrc = func() string {
	var b strings.Builder
	b.WriteString(`package await
// Value is await of a call returning T or (T, error).
func Value[T any](v T, _ ...error) T { return v }
// Void is await of a call returning an error: no value.
func Void(error) {}
// Done is await of a context: no value.
func Done(interface{ Done() <-chan struct{} }) {}
`)
	for n := 2; n <= 8; n++ {
		var tp, ps, rs []string
		for i := 0; i < n; i++ {
			tp = append(tp, fmt.Sprintf("T%d", i))
			ps = append(ps, fmt.Sprintf("v%d T%d", i, i))
			rs = append(rs, fmt.Sprintf("v%d", i))
		}
		fmt.Fprintf(&b, "func Multi%d[%s any](%s, _ error) (%s) { return %s }\n",
			n, strings.Join(tp, ", "), strings.Join(ps, ", "), strings.Join(tp, ", "), strings.Join(rs, ", "))
	}
	return b.String()
}()

var (
	awaitPkgOnce sync.Once
	awaitPkg     *types.Package
)

func awaitPackage() *types.Package {
	awaitPkgOnce.Do(func() {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "await.go", awaitPkgSrc, 0)
		if err != nil {
			panic(err)
		}
		conf := types.Config{}
		awaitPkg, err = conf.Check(awaitPkgPath, fset, []*ast.File{f}, nil)
		if err != nil {
			panic(err)
		}
	})
	return awaitPkg
}

// awaitImporter adds the helper package to the session's importer.
type awaitImporter struct{ types.Importer }

func (im awaitImporter) Import(path string) (*types.Package, error) {
	if path == awaitPkgPath {
		return awaitPackage(), nil
	}
	return im.Importer.Import(path)
}
