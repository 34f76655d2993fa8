package magics_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

func sessionVars() []magics.Var {
	long := make([]int, 30)
	for i := range long {
		long[i] = i
	}
	return []magics.Var{
		{Name: "n", Kind: "var", Type: "int", Value: 1},
		{Name: "d", Kind: "var", Type: "time.Duration", Value: 1500 * time.Millisecond},
		{Name: "greet", Kind: "func", Type: "func(name string) string"},
		{Name: "T", Kind: "type", Type: "struct{ X int }"},
		{Name: "long", Kind: "var", Type: "[]int", Value: long},
		{Name: "s", Kind: "const", Type: "string", Value: "a\nb"},
		{Name: "_1", Kind: "var", Type: "int", Value: 7},
		{Name: "n", Kind: "var", Type: "int", Value: 42}, // declared again
	}
}

func TestWho(t *testing.T) {
	tests := []struct {
		name, in string
		vars     []magics.Var
		stdout   string
		value    any
	}{
		{name: "who", in: "%who", vars: sessionVars(), stdout: "T\td\tgreet\tlong\tn\ts\n"},
		{name: "who type", in: "%who int string", vars: sessionVars(), stdout: "n\ts\n"},
		{name: "who kind", in: "%who func", vars: sessionVars(), stdout: "greet\n"},
		{name: "who no match", in: "%who float64", vars: sessionVars(), stdout: "No variables match your requested type.\n"},
		{name: "who empty", in: "%who", stdout: "Interactive namespace is empty.\n"},
		{name: "who hidden only", in: "%who", vars: []magics.Var{{Name: "_", Kind: "var", Type: "int"}}, stdout: "Interactive namespace is empty.\n"},
		{name: "who_ls", in: "names := %who_ls", vars: sessionVars(), value: []string{"T", "d", "greet", "long", "n", "s"}},
		{name: "who_ls type", in: "%who_ls []int", vars: sessionVars(), value: []string{"long"}},
		{name: "who_ls empty", in: "%who_ls", value: []string{}},
		{name: "whos", in: "%whos", vars: sessionVars(), stdout: `Variable   Type             Data/Info
-------------------------------------
T          type             struct{ X int }
d          time.Duration    1.5s
greet      func             func(name string) string
long       []int            [0 1 2 3 4 5 6 7 8 9 10 1<...> 22 23 24 25 26 27 28 29]
n          int              42
s          string           a\nb
`},
		{name: "whos narrow", in: "%whos int", vars: sessionVars(), stdout: `Variable   Type    Data/Info
----------------------------
n          int     42
`},
		{name: "whos empty", in: "%whos", stdout: "Interactive namespace is empty.\n"},
		{name: "whos no match", in: "%whos bool", vars: sessionVars(), stdout: "No variables match your requested type.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv()
			env.vars = tt.vars
			v, err := env.run(tt.in)
			if err != nil {
				t.Fatalf("%s: %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.value, v); diff != "" {
				t.Errorf("%s: value (-want +got):\n%s", tt.in, diff)
			}
			if diff := cmp.Diff(tt.stdout, env.stdout()); diff != "" {
				t.Errorf("%s: stdout (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestReset(t *testing.T) {
	tests := []struct {
		name, in    string
		interactive bool
		answer      bool
		asked       []string
		resets      int
		stdout      string
	}{
		{name: "asks yes", in: "%reset", interactive: true, answer: true, asked: []string{magics.ResetQuestion}, resets: 1},
		{name: "asks no", in: "%reset", interactive: true, answer: false, asked: []string{magics.ResetQuestion}, stdout: "Nothing done.\n"},
		{name: "force", in: "%reset -f", interactive: true, resets: 1},
		{name: "not interactive", in: "%reset", resets: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv()
			env.interactive, env.answer = tt.interactive, tt.answer
			if _, err := env.run(tt.in); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.asked, env.asked); diff != "" {
				t.Errorf("questions (-want +got):\n%s", diff)
			}
			if env.resets != tt.resets {
				t.Errorf("Reset called %d times, want %d", env.resets, tt.resets)
			}
			if diff := cmp.Diff(tt.stdout, env.stdout()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}
	if ResetQuestion := "Once deleted, variables cannot be recovered. Proceed (y/[n])?"; magics.ResetQuestion != ResetQuestion {
		t.Errorf("ResetQuestion = %q, want IPython's %q", magics.ResetQuestion, ResetQuestion)
	}
}
