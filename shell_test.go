package igo_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
)

func newShell(t *testing.T) (*igo.Shell, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	sh, err := igo.New(&igo.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	return sh, &out
}

// run runs cells and returns what a user sees of each: Out text, error,
// or "" for neither.
func run(t *testing.T, sh *igo.Shell, cells ...string) []string {
	t.Helper()
	var seen []string
	for _, c := range cells {
		res, err := sh.Run(context.Background(), c)
		switch {
		case err != nil:
			seen = append(seen, "error: "+err.Error())
		case res.HasValue:
			seen = append(seen, res.Text)
		default:
			seen = append(seen, "")
		}
	}
	return seen
}

func TestRun(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		want  []string
	}{
		{"redefine", []string{"x := 1", "x := \"s\"", "x + \"!\""}, []string{"", "", "s!"}},
		{"method later", []string{"type P struct{ X, Y int }", "func (p *P) Move(d int) { p.X += d }", "p := &P{1, 2}; p.Move(3); p.X"}, []string{"", "", "4"}},
		{"interface across cells", []string{"type S interface{ Area() float64 }", "type Sq float64", "func (s Sq) Area() float64 { return float64(s * s) }", "var s S = Sq(3); s.Area()"}, []string{"", "", "", "9"}},
		{"error keeps session", []string{"a := 5", "b := a + nope", "a * 2"}, []string{"", "error: In[2]:1:10: undefined: nope", "10"}},
		{"panic keeps session", []string{"a := 5", "var m map[string]int; m[\"x\"] = 1", "a"}, []string{"", "error: panic: assignment to entry in nil map", "5"}},
		{"typed history", []string{"time.Minute", "_1 / 2"}, []string{"1m0s // time.Duration", "30s // time.Duration"}},
		{"silenced", []string{"1 + 2;", "Out[1]"}, []string{"", "<nil> // any"}},
		{"no value", []string{"fmt.Sprint()", "strconv.Atoi(\"1\")"}, []string{"", ""}},
		{"named type shown", []string{"type Celsius float64", "Celsius(3)"}, []string{"", "3 // Celsius"}},
		{"String method", []string{"type P struct{ X, Y int }", "func (p P) String() string { return fmt.Sprintf(\"(%d,%d)\", p.X, p.Y) }", "P{1, 2}"}, []string{"", "", "(1,2) // P"}},
		{"interface of a cell type", []string{"type S interface{ Area() int }", "type Sq int", "func (q Sq) Area() int { return int(q * q) }", "var s S = Sq(2); s"}, []string{"", "", "", "2 // S"}},
		{"declared below", []string{"x := f()\nfunc f() int { return 3 }\nx"}, []string{"3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, _ := newShell(t)
			if diff := cmp.Diff(tt.want, run(t, sh, tt.cells...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestInterrupt: cancelling the context stops a blocked cell at once and
// keeps what earlier cells declared.
func TestInterrupt(t *testing.T) {
	for _, cell := range []string{"for {}", "select {}", "<-make(chan int)", "time.Sleep(time.Hour)"} {
		t.Run(cell, func(t *testing.T) {
			sh, _ := newShell(t)
			run(t, sh, "x := 41")
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				time.Sleep(20 * time.Millisecond)
				cancel()
			}()
			_, err := sh.Run(ctx, cell)
			if !errors.Is(err, igo.ErrInterrupted) {
				t.Fatalf("err = %v, want Interrupted", err)
			}
			if got := run(t, sh, "x + 1"); got[0] != "42" {
				t.Errorf("after the interrupt: %q, want 42", got[0])
			}
		})
	}
}

// TestGoroutinePanic: a panic in a goroutine of a cell is reported, and
// the shell goes on.
func TestGoroutinePanic(t *testing.T) {
	sh, out := newShell(t)
	run(t, sh, "done := make(chan bool)", "go func() { defer close(done); panic(\"in goroutine\") }()", "<-done")
	time.Sleep(10 * time.Millisecond)
	if !strings.Contains(out.String(), "panic in goroutine: in goroutine") {
		t.Errorf("output %q does not report the panic", out.String())
	}
	if got := run(t, sh, "1 + 1"); got[0] != "2" {
		t.Errorf("after the panic: %q", got[0])
	}
}

func TestDoc(t *testing.T) {
	sh, _ := newShell(t)
	run(t, sh, "type T struct{ Name string }", "v := T{}")
	for _, tt := range []struct{ name, want string }{
		{"strings.Repeat", "func strings.Repeat(s string, count int) string"},
		{"v", "var v T"},
		{"v.Name", "field Name string"},
		{"time.Duration.String", "func (time.Duration).String() string"},
		{"fmt", "package fmt"},
	} {
		doc, err := sh.Doc(tt.name, 1)
		if err != nil {
			t.Errorf("Doc(%q): %v", tt.name, err)
			continue
		}
		if !strings.Contains(doc, tt.want) {
			t.Errorf("Doc(%q) = %q, want it to contain %q", tt.name, doc, tt.want)
		}
	}
	if _, err := sh.Doc("nosuch", 1); err == nil || err.Error() != "Object `nosuch` not found." {
		t.Errorf("Doc(nosuch) error = %v", err)
	}
}

func TestIncomplete(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"", false},
		{"x := 1", false},
		{"x := 1 +", true},
		{"func f() {", true},
		{"func f() {\n}", false},
		{"s := `a", true},
		{"s := `a\nb`", false},
		{"/* comment", true},
		{"// doc comment", true},
		{"// doc comment\n", false},
		{"// doc comment\nfunc f() {}", false},
		{"x := )", false},
		{"%pwd", false},
		{"%%sh\necho hi", true},
		{"%%sh\necho hi\n", false},
		{"m := map[string]int{\n\"a\": 1,", true},
	} {
		if got := igo.Incomplete(tt.src); got != tt.want {
			t.Errorf("Incomplete(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestSplitCells: a file's cells end at "// %%" lines as the magics parser
// ends them (with or without the blank, with a title); without such lines
// each line, with its continuation lines, is a cell.
func TestSplitCells(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []igo.FileCell
	}{
		{"// %% setup\nx := 1\n//%%\ny := 2\n", []igo.FileCell{{Src: "x := 1", Line: 2}, {Src: "y := 2", Line: 4}}},
		{"x := 1\nfunc f() {\n}\n", []igo.FileCell{{Src: "x := 1", Line: 1}, {Src: "func f() {\n}", Line: 2}}},
	} {
		if diff := cmp.Diff(tt.want, igo.SplitCells(tt.text)); diff != "" {
			t.Errorf("SplitCells(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestComplete: the shell's completer knows the evaluator's packages, by
// path and by name, and hides igo's own.
func TestComplete(t *testing.T) {
	sh, _ := newShell(t)
	has := func(line, want string) {
		t.Helper()
		cands, _ := sh.Complete(line, len(line))
		for _, c := range cands {
			if c.Text == want || strings.HasSuffix(c.Text, want) {
				return
			}
		}
		t.Errorf("Complete(%q) = %v, want %s among them", line, cands, want)
	}
	has(`import "net/ht`, "net/http")
	has("strco", "strconv")
	if cands, _ := sh.Complete(`import "github.com/igolang/igo/auto`, 36); len(cands) != 0 {
		t.Errorf("igo's own packages are offered: %v", cands)
	}
}
