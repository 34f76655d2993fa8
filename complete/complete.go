package complete

import (
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"

	"github.com/igolang/igo/magics"
	"github.com/igolang/igo/rewrite"
)

// Config says where candidates come from. Every field may be nil; a part
// whose source is nil completes nothing. A Config is used by pointer and
// keeps a cache: do not copy it after the first [Complete]. It is safe for
// concurrent use as far as its sources are.
type Config struct {
	// Session is the typed session: its names, and the package that
	// expressions are checked in.
	Session *rewrite.Session
	// Importer is the session's importer, for package members.
	Importer types.Importer
	// Packages resolves a package name used without an import
	// ("strings") to its path, as rewrite.Config.Packages does.
	Packages func(name string) (path string, ok bool)
	// PackageNames lists the names Packages resolves, for completing a
	// bare name ("stri" → strings). Nil means the last elements of Paths
	// that Packages resolves to those same paths.
	PackageNames func() []string
	// Paths lists every import path, for `import "`.
	Paths func() []string
	// Magics is the registry of %names and their flags.
	Magics *magics.Registry
	// Dir is the directory file names are relative to; nil means the
	// process's working directory.
	Dir func() string

	mu    sync.Mutex
	cache cache
}

// cache holds what does not change from one Tab to the next.
type cache struct {
	scope    *types.Scope // the session scope names came from
	scopeLen int
	names    []string // the session's names, sorted

	pkgNames []string // auto-import names, sorted; computed once
	pkgDone  bool

	members map[*types.Package][]string // exported names of a package, sorted
}

// A Candidate is one completion.
type Candidate struct {
	// Text replaces the text from the start [Complete] returns to the
	// cursor: "Repeat", "%timeit", "net/http", "testdata/".
	Text string
	// Detail says what it is, for a list: the signature of a function or
	// method ("func(string, int) string"), "field http.Header",
	// "var int", "const time.Duration = 1000000000", "type struct",
	// "package strings", "keyword", a magic's synopsis, "flag -n N",
	// "file", "dir".
	Detail string
}

// Complete returns the candidates for the word that ends at cursor, a byte
// offset into line, and the offset where that word starts: the front end
// replaces line[start:cursor] with a candidate's Text. A nil cfg is an
// empty Config: predeclared names and keywords only. line is the whole
// input so far, possibly several lines; only the text before the cursor
// is read. Candidates are sorted by Text. There are none after a blank
// (Tab then indents), inside a comment or a string other than an import
// path, and where a name cannot be typed.
//
// Nothing runs: names and types come from the session and from
// type-checking the input before the cursor, so the names a multi-line
// cell declares before the cursor complete too, with their types.
func Complete(cfg *Config, line string, cursor int) (cands []Candidate, start int) {
	if cfg == nil {
		cfg = &Config{}
	}
	cursor = max(0, min(cursor, len(line)))
	in := line[:cursor]
	c := newCall(cfg)
	ls := strings.LastIndexByte(in, '\n') + 1

	// A cell magic: its first line, then a body.
	if fs, fe := firstLine(in); fs >= 0 {
		if sig, ok := magicSigil(in[fs:fe]); ok && strings.HasPrefix(in[fs+sig:], "%%") {
			if fs == ls {
				return c.magic(in, fs+sig, true)
			}
			if !goBody(magicName(in[fs+sig+2:])) {
				return nil, cursor
			}
			src := []byte(in)
			blank(src, 0, fe)
			return c.goComplete(string(blankSpecial(src, fe)))
		}
	}
	if sig, ok := magicSigil(in[ls:]); ok {
		return c.magic(in, ls+sig, onlyBlanks(in[:ls]))
	}
	if text := strings.TrimLeft(in[ls:], " \t"); strings.HasPrefix(text, "!") {
		return c.shellArgs(in, len(in)-len(text)+1)
	}
	return c.goComplete(string(blankSpecial([]byte(in), 0)))
}

// call is one Complete: the session as it is now.
type call struct {
	cfg     *Config
	pkg     *types.Package    // the session's package
	imports map[string]string // the session's imports, name -> path
}

func newCall(cfg *Config) *call {
	c := &call{cfg: cfg}
	if cfg.Session != nil {
		c.pkg = cfg.Session.Package()
		c.imports = cfg.Session.Imports()
	} else {
		c.pkg = types.NewPackage("main", "main")
	}
	return c
}

// lookup finds a session name.
func (c *call) lookup(name string) types.Object {
	return c.pkg.Scope().Lookup(name)
}

// pkgPath resolves name as the base of a selector: an import of the
// session or an auto-imported package, unless a session or universe name
// hides it.
func (c *call) pkgPath(name string) (string, bool) {
	if c.lookup(name) != nil || types.Universe.Lookup(name) != nil {
		return "", false
	}
	if p, ok := c.imports[name]; ok {
		return p, true
	}
	if c.cfg.Packages != nil {
		return c.cfg.Packages(name)
	}
	return "", false
}

// importPkg imports path with the session's importer.
func (c *call) importPkg(path string) *types.Package {
	if c.cfg.Importer == nil {
		return nil
	}
	p, err := c.cfg.Importer.Import(path)
	if err != nil {
		return nil
	}
	return p
}

// qual writes the session's own types unqualified and others by package
// name: "P", "http.Header".
func (c *call) qual(p *types.Package) string {
	if p == nil || p.Path() == c.pkg.Path() {
		return ""
	}
	return p.Name()
}

// sessionNames returns the session's names, sorted, from the cache while
// the session's scope has not changed.
func (cfg *Config) sessionNames(s *types.Scope) []string {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	if cfg.cache.scope != s || cfg.cache.scopeLen != s.Len() {
		cfg.cache.scope, cfg.cache.scopeLen, cfg.cache.names = s, s.Len(), s.Names()
	}
	return cfg.cache.names
}

// packageNames returns the auto-import names, sorted.
func (cfg *Config) packageNames() []string {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	if cfg.cache.pkgDone {
		return cfg.cache.pkgNames
	}
	cfg.cache.pkgDone = true
	var names []string
	switch {
	case cfg.PackageNames != nil:
		names = append(names, cfg.PackageNames()...)
	case cfg.Paths != nil && cfg.Packages != nil:
		for _, p := range cfg.Paths() {
			name := p[strings.LastIndexByte(p, '/')+1:]
			if q, ok := cfg.Packages(name); ok && q == p {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	cfg.cache.pkgNames = dedupe(names)
	return cfg.cache.pkgNames
}

// exported returns the exported names of pkg, sorted.
func (cfg *Config) exported(pkg *types.Package) []string {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	if names, ok := cfg.cache.members[pkg]; ok {
		return names
	}
	var names []string
	for _, n := range pkg.Scope().Names() {
		if token.IsExported(n) {
			names = append(names, n)
		}
	}
	if cfg.cache.members == nil {
		cfg.cache.members = map[*types.Package][]string{}
	}
	cfg.cache.members[pkg] = names
	return names
}

// withPrefix returns the names of sorted that start with prefix.
func withPrefix(sorted []string, prefix string) []string {
	i := sort.SearchStrings(sorted, prefix)
	j := i
	for j < len(sorted) && strings.HasPrefix(sorted[j], prefix) {
		j++
	}
	return sorted[i:j]
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// set collects candidates: the first of a name wins, so that a nearer
// name hides a farther one.
type set struct {
	seen  map[string]bool
	cands []Candidate
}

func (s *set) add(text, detail string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if s.seen[text] {
		return
	}
	s.seen[text] = true
	s.cands = append(s.cands, Candidate{Text: text, Detail: detail})
}

// sorted returns the candidates by Text.
func (s *set) sorted() []Candidate {
	sort.Slice(s.cands, func(i, j int) bool { return s.cands[i].Text < s.cands[j].Text })
	return s.cands
}

// firstLine returns the bounds of the first non-blank line of s, or -1.
func firstLine(s string) (start, end int) {
	for start < len(s) {
		end = strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if strings.TrimSpace(s[start:end]) != "" {
			return start, end
		}
		start = end + 1
	}
	return -1, -1
}

// onlyBlanks reports whether s, the lines before the cursor's line,
// holds only blanks: the cursor's line is the cell's first.
func onlyBlanks(s string) bool { return strings.TrimSpace(s) == "" }

// blank replaces the bytes of b[from:to] with spaces, keeping newlines,
// so that offsets stay.
func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// blankSpecial blanks the lines of b from offset from on that are not Go:
// magics and shell commands.
func blankSpecial(b []byte, from int) []byte {
	for start := from; start < len(b); {
		end := start
		for end < len(b) && b[end] != '\n' {
			end++
		}
		line := strings.TrimLeft(string(b[start:end]), " \t")
		if _, ok := magicSigil(string(b[start:end])); ok || strings.HasPrefix(line, "!") {
			blank(b, start, end)
		}
		start = end + 1
	}
	return b
}
