package magics_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

func TestLsmagic(t *testing.T) {
	env := &fakeEnv{reg: magics.NewRegistry(append(magics.Builtins(),
		nop(magics.Usage{Name: "time", Line: true, Cell: true, Summary: "Time a statement."}),
	)...)}
	if _, err := env.run("%lsmagic"); err != nil {
		t.Fatal(err)
	}
	want := `Available line magics:
  %autoawait   Show or set how await runs: on or off, the runner, a timeout per cell.
  %bg          Run Go code as a background task; returns at once.
  %cd          Change the working directory.
  %doc         Show the documentation of a name, as NAME? does.
  %env         Show or set environment variables.
  %jobs        List the background tasks, or cancel one.
  %load        Load FILE into the next input, to edit and run it.
  %lsmagic     List the magics, one line each.
  %magic       Show the help of every magic.
  %pwd         Return the working directory, as a string.
  %quickref    Show a one-screen reference of igo's syntax and magics.
  %reset       Forget every name the session declared.
  %run         Run a Go program, or a file of cells in the session.
  %time        Time a statement.
  %who         Print the names the session declared.
  %who_ls      Return the names the session declared, as a sorted []string.
  %whos        Print a table of the names the session declared.

Available cell magics:
  %%bash       Run the cell with bash.
  %%bg         Run Go code as a background task; returns at once.
  %%capture    Run the cell, keeping its output rather than printing it.
  %%file       Write the cell to FILE, as %%writefile does.
  %%sh         Run the cell with sh.
  %%time       Time a statement.
  %%writefile  Write the cell to FILE; -a appends to it.

Type %name? for the help of a magic, %magic for the help of all.
`
	if diff := cmp.Diff(want, env.stdout()); diff != "" {
		t.Errorf("%%lsmagic (-want +got):\n%s", diff)
	}
}

func TestMagic(t *testing.T) {
	env := &fakeEnv{reg: magics.NewRegistry(
		nop(magics.Usage{Name: "bash", Cell: true, Summary: "Run the cell with bash."}),
		nop(magics.Usage{Name: "time", Line: true, Cell: true, Args: "STMT", Summary: "Time a statement."}),
		builtin(t, "magic"),
	)}
	if _, err := env.run("%magic"); err != nil {
		t.Fatal(err)
	}
	got := env.stdout()
	_, helps, _ := strings.Cut(got, "\nA % or ! on a line that continues an expression, or inside brackets, is Go.\n")
	want := `
%magic

Show the help of every magic.

Prints how magics are written, then the help of each line magic and
of each cell magic, as %name? shows it.

%time STMT
%%time

Time a statement.

%%bash

Run the cell with bash.
`
	if !strings.HasPrefix(got, "Magics are commands to igo") {
		t.Errorf("%%magic does not begin with the introduction:\n%s", got)
	}
	if diff := cmp.Diff(want, helps); diff != "" {
		t.Errorf("%%magic helps (-want +got):\n%s", diff)
	}
}

func TestHelpRequests(t *testing.T) {
	tests := []struct {
		in, stdout, err string
	}{
		{in: "x?", stdout: "var x int\n"},
		{in: "strings.Repeat??", stdout: "func Repeat(s string, count int) string\n\nsource\n"},
		{in: "%doc x", stdout: "var x int\n"},
		{in: "%doc %pwd", stdout: "%pwd\n\nReturn the working directory, as a string.\n\nThe shell shows it as Out[n]; d := %pwd binds it.\n"},
		{in: "%pwd?", stdout: "%pwd\n\nReturn the working directory, as a string.\n\nThe shell shows it as Out[n]; d := %pwd binds it.\n"},
		{in: "%html?", stdout: "%%html\n\nRender the cell as HTML.\n"}, // a cell magic, asked as %
		{in: "%%html?", stdout: "%%html\n\nRender the cell as HTML.\n"},
		{in: "y?", err: "no documentation for y"},
		{in: "%nope?", err: "Line magic function %nope not found."},
		{in: "%%pwd?", err: "Cell magic function %%pwd not found. Did you mean %pwd?"},
		{in: "%doc", err: "usage: %doc NAME: want one NAME, have 0 arguments"},
	}
	for _, tt := range tests {
		env := newEnv()
		if err := env.reg.Register(nop(magics.Usage{Name: "html", Cell: true, Summary: "Render the cell as HTML."})); err != nil {
			t.Fatal(err)
		}
		env.docs = map[string]string{"x?": "var x int", "strings.Repeat??": "func Repeat(s string, count int) string\n\nsource\n"}
		_, err := env.run(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.stdout, env.stdout()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestRunMagic(t *testing.T) {
	var got magics.Args
	rec := magics.New(magics.Usage{Name: "rec", Line: true, Cell: true, Summary: "Record."},
		func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
			got = a
			return 42, nil
		})
	env := newEnv()
	env.reg.Register(rec)
	tests := []struct {
		in   string
		want magics.Args
	}{
		{"%rec  a  b ", magics.Args{Name: "rec", Line: "a  b"}},
		{"v := %rec x", magics.Args{Name: "rec", Line: "x", Assigned: true}},
		{"//igo:rec y", magics.Args{Name: "rec", Line: "y"}},
		{"%%rec -q\nline 1\nline 2", magics.Args{Name: "rec", Line: "-q", Body: "line 1\nline 2", Cell: true}},
	}
	for _, tt := range tests {
		v, err := env.run(tt.in)
		if err != nil || v != 42 {
			t.Errorf("%q = %v, %v; want 42, nil", tt.in, v, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: Args (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct{ in, err string }{
		{"%nme", "Line magic function %nme not found."},
		{"%whoo", "Line magic function %whoo not found. Did you mean %who?"},
		{"%%who", "Cell magic function %%who not found. Did you mean %who?"},
		{"%reset -x", "usage: %reset [-f]: flag provided but not defined: -x"},
		{"%reset now", `usage: %reset [-f]: unexpected argument "now"`},
		{"%who 'int", "%who: unterminated ' quote"},
		{"%lsmagic x", `usage: %lsmagic: unexpected argument "x"`},
	}
	for _, tt := range tests {
		_, err := newEnv().run(tt.in)
		if err == nil || err.Error() != tt.err {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		}
	}
	var ue *magics.UsageError
	if _, err := newEnv().run("%reset -x"); !errors.As(err, &ue) || ue.Magic != "%reset" || ue.Usage != "%reset [-f]" {
		t.Errorf("%%reset -x: error %#v, want a *UsageError of %%reset", err)
	}
	if _, err := magics.Run(context.Background(), newEnv(), magics.Segment{Kind: magics.GoCode, Text: "x"}); err == nil {
		t.Errorf("Run of a Go segment succeeded")
	}
}

func TestRunHelpFlag(t *testing.T) {
	env := newEnv()
	env.interactive = true
	if _, err := env.run("%reset -h"); err != nil {
		t.Fatal(err)
	}
	out := env.stdout()
	if !strings.HasPrefix(out, "%reset [-f]\n\nForget every name the session declared.\n") {
		t.Errorf("%%reset -h printed %q, want the help of %%reset", out)
	}
	if env.resets != 0 || len(env.asked) != 0 {
		t.Errorf("%%reset -h reset the session")
	}
}

func TestRunDefaultRegistry(t *testing.T) {
	env := newEnv()
	env.reg = nil // Magics() returns nil: Run uses Default
	v, err := env.run("%who_ls")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{}, v); diff != "" {
		t.Errorf("%%who_ls (-want +got):\n%s", diff)
	}
}

func builtin(t *testing.T, name string) magics.Magic {
	for _, m := range magics.Builtins() {
		if m.Usage().Name == name {
			return m
		}
	}
	t.Fatalf("no built-in %%%s", name)
	return nil
}
