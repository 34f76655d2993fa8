// Package godoc looks up Go doc comments and declaration sources for the
// igo shell's `name?` and `name??` help.
//
// An [Index] reads documentation straight from Go source files under a root
// directory, by default the Go toolchain's $GOROOT/src. It never runs the go
// command: if the sources are not installed, documentation is simply
// unavailable ([Index.Available] reports false and every lookup reports
// ok == false).
//
// Lookups are lazy and cached per package. The first lookup in a package
// parses that package's non-test .go files that match the current
// GOOS/GOARCH and build tags (go/build's [build.Context.MatchFile]) with
// comments, runs go/doc over them (exported declarations only) and builds a
// name index; later lookups in the same package are map hits.
//
// Signatures are not produced here: the shell renders them from go/types and
// combines them with the doc comment in a [Help] value.
package godoc

import (
	"go/build"
	"go/doc"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Index finds doc comments in Go sources under a root directory
// (GOROOT/src by default). Package directories are found as root/<path>,
// falling back to root/vendor/<path> (GOROOT's vendored golang.org/x
// packages).
//
// An Index is safe for concurrent use. Each package is loaded at most once;
// concurrent first lookups in the same package wait for a single load.
type Index struct {
	root string
	ctx  build.Context // build.Default; decides which files belong to a package

	mu   sync.Mutex
	pkgs map[string]*pkgEntry
}

// pkgEntry is the cache slot of one import path.
type pkgEntry struct {
	once sync.Once
	pkg  *pkg // nil if the package's sources were not found
}

// New returns an Index of the Go sources under root. If root is "", the
// standard library sources are used: <GOROOT>/src, where GOROOT is the
// first of these that has a src directory:
//
//  1. build.Default.GOROOT (the GOROOT environment variable at process
//     start, else the GOROOT the binary was built with);
//  2. the GOROOT environment variable as of now;
//  3. runtime.GOROOT() (same sources as 1; kept as a last resort because
//     it is deprecated).
//
// If none exists, the first non-empty candidate is used anyway and
// [Index.Available] reports false.
//
// New does no I/O beyond that directory check.
func New(root string) *Index {
	if root == "" {
		root = defaultRoot()
	}
	return &Index{
		root: root,
		ctx:  build.Default,
		pkgs: make(map[string]*pkgEntry),
	}
}

// defaultRoot implements the GOROOT search order documented on New.
func defaultRoot() string {
	candidates := []string{build.Default.GOROOT, os.Getenv("GOROOT"), runtime.GOROOT()}
	first := ""
	for _, goroot := range candidates {
		if goroot == "" {
			continue
		}
		src := filepath.Join(goroot, "src")
		if first == "" {
			first = src
		}
		if isDir(src) {
			return src
		}
	}
	return first
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// Root returns the directory the Index reads sources from.
func (ix *Index) Root() string { return ix.root }

// Available reports whether the root directory exists.
func (ix *Index) Available() bool {
	return ix.root != "" && isDir(ix.root)
}

// Package returns the package doc comment of the package with the given
// import path ("" if it has none) and whether the package's sources were
// found.
func (ix *Index) Package(path string) (doc string, ok bool) {
	p := ix.load(path)
	if p == nil {
		return "", false
	}
	return p.doc, true
}

// Symbol returns the doc comment of a package-level name (func, type, var,
// const) or of "Type.Method" / "Type.Field" in the package with import path
// path, and whether the name was found. Interface methods are found as
// "Type.Method" too, as are fields promoted from embedded types declared in
// the same package, and methods promoted from embedded types of the same
// package.
//
// For a const or var declared in a parenthesized group without a doc
// comment of its own, the group's doc comment is returned; a trailing line
// comment on the name's line is appended as a last paragraph. Struct fields
// likewise use their doc comment and/or line comment.
//
// Only exported names are indexed, except in package "builtin", whose
// lowercase names (len, append, ...) are documented there.
func (ix *Index) Symbol(path, name string) (doc string, ok bool) {
	s := ix.lookup(path, name)
	if s == nil {
		return "", false
	}
	return s.doc, true
}

// Source returns the Go source of the declaration of name in package path
// (for `name??`), gofmt'ed and preceded by its doc comment, and whether it
// was found. The source comes from the original file, so function bodies,
// unexported struct fields and comments are included.
//
// A const or var is shown with its whole declaration group; a type from a
// grouped "type (...)" declaration is shown as a single type declaration;
// for "Type.Field" and interface methods the enclosing type is shown.
func (ix *Index) Source(path, name string) (src string, ok bool) {
	p := ix.load(path)
	if p == nil {
		return "", false
	}
	s := p.lookup(name)
	if s == nil {
		return "", false
	}
	return p.source(s)
}

// Synopsis returns the first sentence of a doc comment, as
// (*doc.Package).Synopsis computes it: with line breaks turned into spaces
// and "" for comments starting with "Copyright" or similar boilerplate.
func Synopsis(text string) string {
	return new(doc.Package).Synopsis(text)
}

// lookup returns the symbol for name in package path, or nil.
func (ix *Index) lookup(path, name string) *symbol {
	p := ix.load(path)
	if p == nil {
		return nil
	}
	return p.lookup(name)
}

// load returns the cached package for path, loading it on first use.
// It returns nil if the package's sources are not available.
func (ix *Index) load(path string) *pkg {
	if !validPath(path) {
		return nil
	}
	ix.mu.Lock()
	e := ix.pkgs[path]
	if e == nil {
		e = new(pkgEntry)
		ix.pkgs[path] = e
	}
	ix.mu.Unlock()
	e.once.Do(func() {
		e.pkg = ix.loadPackage(path)
	})
	return e.pkg
}

// dir returns the source directory of the import path, or "".
func (ix *Index) dir(path string) string {
	if ix.root == "" {
		return ""
	}
	d := filepath.Join(ix.root, filepath.FromSlash(path))
	if isDir(d) {
		return d
	}
	if !strings.HasPrefix(path, "vendor/") {
		d = filepath.Join(ix.root, "vendor", filepath.FromSlash(path))
		if isDir(d) {
			return d
		}
	}
	return ""
}

// validPath reports whether path looks like an import path that cannot
// escape the root.
func validPath(path string) bool {
	return path != "" && path != "." && fs.ValidPath(path) &&
		!strings.ContainsAny(path, `\:`)
}
