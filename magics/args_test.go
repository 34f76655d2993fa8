package magics_test

import (
	"errors"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

func TestFields(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{name: "empty", in: "", want: nil},
		{name: "blanks", in: "  a \t b  ", want: []string{"a", "b"}},
		{name: "single quotes", in: `'a b' 'it''s' '\n'`, want: []string{"a b", "its", `\n`}},
		{name: "double quotes", in: `"a b" "x\"y" "\\" "\n" "$"`, want: []string{"a b", `x"y`, `\`, `\n`, "$"}},
		{name: "empty quotes", in: `'' ""`, want: []string{"", ""}},
		{name: "backslash", in: `a\ b \'c\\`, want: []string{"a b", `'c\`}},
		{name: "trailing backslash", in: `a\`, want: []string{`a\`}},
		{name: "backslash newline", in: "a\\\nb", want: []string{"ab"}},
		{name: "joined", in: `a'b c'"d"e`, want: []string{"ab cde"}},
		{name: "unterminated single", in: `a 'b`, err: "%m: unterminated ' quote"},
		{name: "unterminated double", in: `a "b\"`, err: `%m: unterminated " quote`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := magics.Args{Name: "m", Line: tt.in}.Fields()
			if tt.err != "" {
				var ue *magics.UsageError
				if !errors.As(err, &ue) || err.Error() != tt.err {
					t.Fatalf("Fields(%q) error = %v, want *UsageError %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Fields(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	u := magics.Usage{Name: "m", Line: true, Cell: true, Args: "[-n N] [-q] ARG...", CellArgs: "[-q]"}
	tests := []struct {
		name string
		args magics.Args
		n    int
		q    bool
		rest []string
		err  string
	}{
		{name: "none", args: magics.Args{Name: "m"}, n: 1},
		{name: "flags and args", args: magics.Args{Name: "m", Line: "-n 3 -q 'a b' c"}, n: 3, q: true, rest: []string{"a b", "c"}},
		{name: "double dash", args: magics.Args{Name: "m", Line: "-- -q"}, n: 1, rest: []string{"-q"}},
		{name: "lone dash is an arg", args: magics.Args{Name: "m", Line: "-"}, n: 1, rest: []string{"-"}},
		{name: "unknown flag", args: magics.Args{Name: "m", Line: "-x"},
			err: "usage: %m [-n N] [-q] ARG...: flag provided but not defined: -x"},
		{name: "bad value", args: magics.Args{Name: "m", Line: "-n many"},
			err: `usage: %m [-n N] [-q] ARG...: invalid value "many" for flag -n: parse error`},
		{name: "cell synopsis", args: magics.Args{Name: "m", Line: "-x", Cell: true},
			err: "usage: %%m [-q]: flag provided but not defined: -x"},
		{name: "bad quote", args: magics.Args{Name: "m", Line: "'a"},
			err: "usage: %m [-n N] [-q] ARG...: unterminated ' quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := magics.NewFlagSet(u)
			n := fs.Int("n", 1, "")
			q := fs.Bool("q", false, "")
			rest, err := tt.args.Flags(u, fs)
			if tt.err != "" {
				var ue *magics.UsageError
				if !errors.As(err, &ue) || err.Error() != tt.err {
					t.Fatalf("Flags error = %v, want *UsageError %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.rest, rest); diff != "" || *n != tt.n || *q != tt.q {
				t.Errorf("Flags: -n %d -q %v, want -n %d -q %v; rest (-want +got):\n%s", *n, *q, tt.n, tt.q, diff)
			}
		})
	}
}

func TestFlagsHelp(t *testing.T) {
	u := magics.Usage{Name: "m", Line: true}
	_, err := magics.Args{Name: "m", Line: "-h"}.Flags(u, magics.NewFlagSet(u))
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("Flags(-h) error = %v, want one wrapping flag.ErrHelp", err)
	}
}
