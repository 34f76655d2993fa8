package magics

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// A Magic is a command to the shell, called as %name (a line magic) or
// %%name (a cell magic), as its Usage says.
//
// Run does the work. It prints what the user sees to env.Stdout() and
// returns what the shell shows as Out[n], or binds to v in
// `v := %name args`; nil shows nothing. A magic that runs Go, such as a
// timer, hands a.Line or a.Body to env.Eval. Errors about the arguments
// are *UsageError (see [Args.Flags] and [Args.Errorf]).
type Magic interface {
	Run(ctx context.Context, env Env, a Args) (any, error)
	Usage() Usage
}

// New returns a Magic with usage u that calls run.
func New(u Usage, run func(ctx context.Context, env Env, a Args) (any, error)) Magic {
	return &funcMagic{u, run}
}

type funcMagic struct {
	u   Usage
	run func(context.Context, Env, Args) (any, error)
}

func (m *funcMagic) Run(ctx context.Context, env Env, a Args) (any, error) {
	return m.run(ctx, env, a)
}

func (m *funcMagic) Usage() Usage { return m.u }

// ErrExists is wrapped by the error of [Registry.Register] when a magic of
// the same name and form is registered already.
var ErrExists = errors.New("magic already registered")

// A Registry maps names to magics, one map for line magics and one for
// cell magics. A magic whose Usage has both Line and Cell is in both. A
// Registry is safe for concurrent use.
type Registry struct {
	mu   sync.RWMutex
	line map[string]Magic
	cell map[string]Magic
}

// NewRegistry returns a registry of ms. It panics when two of them clash
// or a Usage is invalid, as [Registry.Register] would return an error.
func NewRegistry(ms ...Magic) *Registry {
	r := &Registry{line: map[string]Magic{}, cell: map[string]Magic{}}
	for _, m := range ms {
		if err := r.Register(m); err != nil {
			panic(err)
		}
	}
	return r
}

// Register adds m under its Usage's name, as a line magic, a cell magic or
// both. It returns an error, and changes nothing, when the name is not a
// Go-style identifier, when the Usage is neither Line nor Cell, or when a
// magic of the same name is registered in a form m has (wrapping
// [ErrExists]): use [Registry.Replace] to override a magic.
func (r *Registry) Register(m Magic) error {
	return r.add(m, false)
}

// Replace adds m as Register does, replacing any magic of the same name in
// the forms m has. A magic registered in the other form stays.
func (r *Registry) Replace(m Magic) error {
	return r.add(m, true)
}

func (r *Registry) add(m Magic, replace bool) error {
	u := m.Usage()
	switch {
	case u.Name == "" || identLen(u.Name) != len(u.Name):
		return fmt.Errorf("magics: bad magic name %q", u.Name)
	case !u.Line && !u.Cell:
		return fmt.Errorf("magics: %%%s is neither a line nor a cell magic", u.Name)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !replace {
		if _, ok := r.line[u.Name]; ok && u.Line {
			return fmt.Errorf("magics: %%%s: %w", u.Name, ErrExists)
		}
		if _, ok := r.cell[u.Name]; ok && u.Cell {
			return fmt.Errorf("magics: %%%%%s: %w", u.Name, ErrExists)
		}
	}
	if u.Line {
		r.line[u.Name] = m
	}
	if u.Cell {
		r.cell[u.Name] = m
	}
	return nil
}

// Lookup returns the line magic name, or the cell magic when cell is true.
// When there is none, the error is a *NotFoundError that suggests the
// magic of the other form with the same name, or else a close name.
func (r *Registry) Lookup(name string, cell bool) (Magic, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	same, other, sigil, otherSigil := r.line, r.cell, "%", "%%"
	if cell {
		same, other, sigil, otherSigil = r.cell, r.line, "%%", "%"
	}
	if m, ok := same[name]; ok {
		return m, nil
	}
	err := &NotFoundError{Name: name, Cell: cell}
	if _, ok := other[name]; ok {
		err.Suggestion = otherSigil + name
	} else if s := suggest(name, slices.Sorted(maps.Keys(same))); s != "" {
		err.Suggestion = sigil + s
	}
	return nil, err
}

// Names returns the name of every magic, line or cell, once, sorted.
func (r *Registry) Names() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	set := maps.Clone(r.line)
	maps.Copy(set, r.cell)
	return slices.Sorted(maps.Keys(set))
}

// Clone returns a registry with the same magics, which can change without
// changing r.
func (r *Registry) Clone() *Registry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return &Registry{line: maps.Clone(r.line), cell: maps.Clone(r.cell)}
}

var (
	defaultOnce     sync.Once
	defaultRegistry *Registry
)

// Default returns the package's registry: the built-in magics and those
// registered with the package's [Register]. A shell clones it
// ([Registry.Clone]) to add magics of its own to one session.
func Default() *Registry {
	defaultOnce.Do(func() { defaultRegistry = NewRegistry(Builtins()...) })
	return defaultRegistry
}

// Register adds m to the [Default] registry, as [Registry.Register] does.
// An embedder calls it from an init function, so that every shell created
// after has m.
func Register(m Magic) error { return Default().Register(m) }

// Builtins returns new instances of the magics this package defines, the
// contents of [Default] before any Register: %autoawait, %%bash, %bg,
// %%capture, %cd, %doc, %env, %%file, %jobs, %load, %lsmagic, %magic, %pwd,
// %quickref, %reset, %run, %%sh, %who, %who_ls, %whos, %%writefile.
func Builtins() []Magic {
	return []Magic{
		newAutoawait(), newScript("bash", "bash"), newBg(), newCapture(), newCd(), newDoc(), newEnvMagic(),
		newWritefile("file"), newJobs(), newLoad(), newLsmagic(), newMagic(), newPwd(), newQuickref(),
		newReset(), newRun(), newScript("sh", "sh"), newWho(), newWhoLs(), newWhos(), newWritefile("writefile"),
	}
}
