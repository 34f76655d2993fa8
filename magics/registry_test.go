package magics_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

func nop(u magics.Usage) magics.Magic {
	return magics.New(u, func(context.Context, magics.Env, magics.Args) (any, error) { return nil, nil })
}

func testRegistry() *magics.Registry {
	return magics.NewRegistry(
		nop(magics.Usage{Name: "name", Line: true}),
		nop(magics.Usage{Name: "time", Line: true, Cell: true}),
		nop(magics.Usage{Name: "timeit", Line: true, Cell: true}),
		nop(magics.Usage{Name: "writefile", Cell: true}),
		nop(magics.Usage{Name: "who", Line: true}),
		nop(magics.Usage{Name: "who_ls", Line: true}),
		nop(magics.Usage{Name: "whos", Line: true}),
		nop(magics.Usage{Name: "lsmagic", Line: true}),
		nop(magics.Usage{Name: "pwd", Line: true}),
		nop(magics.Usage{Name: "cd", Line: true}),
		nop(magics.Usage{Name: "autoawait", Line: true}),
		nop(magics.Usage{Name: "autocall", Line: true}),
	)
}

func TestLookupNotFound(t *testing.T) {
	tests := []struct {
		name string
		cell bool
		want string
	}{
		{"nme", false, "Line magic function %nme not found. Did you mean %name?"},
		{"tiem", false, "Line magic function %tiem not found. Did you mean %time?"},
		{"timit", true, "Cell magic function %%timit not found. Did you mean %%timeit?"},
		{"pdw", false, "Line magic function %pdw not found. Did you mean %pwd?"},
		{"lsm", false, "Line magic function %lsm not found. Did you mean %lsmagic?"},
		{"writefile", false, "Line magic function %writefile not found. Did you mean %%writefile?"},
		{"who", true, "Cell magic function %%who not found. Did you mean %who?"},
		{"wh", false, "Line magic function %wh not found. Did you mean %who?"},
		{"auto", false, "Line magic function %auto not found."},     // a prefix of two names
		{"x", false, "Line magic function %x not found."},           // too short to guess
		{"zzzzzz", false, "Line magic function %zzzzzz not found."}, // nothing close
		{"nme", true, "Cell magic function %%nme not found."},       // name is a line magic
	}
	r := testRegistry()
	for _, tt := range tests {
		m, err := r.Lookup(tt.name, tt.cell)
		var nf *magics.NotFoundError
		if m != nil || !errors.As(err, &nf) || err.Error() != tt.want {
			t.Errorf("Lookup(%q, %v) = %v, %v; want *NotFoundError %q", tt.name, tt.cell, m, err, tt.want)
		}
	}
}

func TestRegister(t *testing.T) {
	r := magics.NewRegistry(nop(magics.Usage{Name: "time", Line: true}))
	if err := r.Register(nop(magics.Usage{Name: "time", Line: true, Cell: true})); !errors.Is(err, magics.ErrExists) {
		t.Errorf("Register of a clashing line magic: %v, want ErrExists", err)
	}
	if _, err := r.Lookup("time", true); err == nil {
		t.Errorf("a failed Register registered the cell form")
	}
	if err := r.Register(nop(magics.Usage{Name: "time", Cell: true})); err != nil {
		t.Errorf("Register of a cell magic named as a line magic: %v", err)
	}
	for _, u := range []magics.Usage{{Name: "", Line: true}, {Name: "a-b", Line: true}, {Name: "x"}} {
		if err := r.Register(nop(u)); err == nil {
			t.Errorf("Register(%+v) succeeded, want an error", u)
		}
	}

	mine := nop(magics.Usage{Name: "time", Line: true, Summary: "mine"})
	if err := r.Replace(mine); err != nil {
		t.Fatal(err)
	}
	if m, _ := r.Lookup("time", false); m.Usage().Summary != "mine" {
		t.Errorf("Replace did not replace %%time")
	}
	if diff := cmp.Diff([]string{"time"}, r.Names()); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
}

func TestClone(t *testing.T) {
	r := testRegistry()
	c := r.Clone()
	if err := c.Register(nop(magics.Usage{Name: "extra", Line: true})); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Lookup("extra", false); err == nil {
		t.Errorf("registering in a clone changed the original")
	}
	if len(c.Names()) != len(r.Names())+1 {
		t.Errorf("clone has %d names, want %d", len(c.Names()), len(r.Names())+1)
	}
}

func TestDefault(t *testing.T) {
	want := []string{
		"autoawait", "bash", "bg", "capture", "cd", "doc", "env", "file", "jobs", "load", "lsmagic",
		"magic", "pwd", "quickref", "reset", "run", "sh", "who", "who_ls", "whos", "writefile",
	}
	if diff := cmp.Diff(want, magics.NewRegistry(magics.Builtins()...).Names()); diff != "" {
		t.Errorf("built-in names (-want +got):\n%s", diff)
	}
	if err := magics.Register(nop(magics.Usage{Name: "registered_by_test", Line: true})); err != nil {
		t.Fatal(err)
	}
	if _, err := magics.Default().Lookup("registered_by_test", false); err != nil {
		t.Errorf("Register did not add to Default: %v", err)
	}
	for _, m := range magics.Builtins() {
		u := m.Usage()
		if u.Summary == "" || u.Doc == "" {
			t.Errorf("%%%s has no summary or doc", u.Name)
		}
	}
}

func TestHelp(t *testing.T) {
	u := magics.Usage{
		Name: "timeit", Line: true, Cell: true,
		Args: "[-n N] STMT", CellArgs: "[SETUP]",
		Summary: "Time a statement.",
		Doc:     "\nRuns it many times.\n\n    %timeit f()\n",
	}
	want := `%timeit [-n N] STMT
%%timeit [SETUP]

Time a statement.

Runs it many times.

    %timeit f()
`
	if diff := cmp.Diff(want, magics.Help(u)); diff != "" {
		t.Errorf("Help (-want +got):\n%s", diff)
	}
	if got, want := magics.Help(magics.Usage{Name: "pwd", Line: true}), "%pwd\n"; got != want {
		t.Errorf("Help of a bare usage = %q, want %q", got, want)
	}
}
