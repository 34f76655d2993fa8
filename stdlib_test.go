package igo_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStdlib runs cells that use the standard library of the Go igo is
// built with (package stdlib), beyond yaegi's Go 1.22 tables: new
// functions, variables and packages type-check and run. Each case is a
// fresh shell; want is what the user sees of each cell, out what the
// cells print.
func TestStdlib(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "copy")
	tests := []struct {
		name  string
		cells []string
		want  []string
		out   string
	}{
		{"strings.Lines (Go 1.24)", []string{
			`strings.Lines("a\nb\n")(func(l string) bool { fmt.Print(l); return true })`,
		}, []string{""}, "a\nb\n"},
		{"strings.SplitSeq (Go 1.24)", []string{
			`var parts []string; strings.SplitSeq("a,b,c", ",")(func(p string) bool { parts = append(parts, p); return true }); strings.Join(parts, "+")`,
		}, []string{"a+b+c"}, ""},
		{"bytes.Lines (Go 1.24)", []string{
			`n := 0; bytes.Lines([]byte("x\ny\nz"))(func([]byte) bool { n++; return true }); n`,
		}, []string{"3"}, ""},
		// The checker gives strings.Lines the type func(func(string) bool),
		// which the rewrite can write for the evaluator (iter.Seq[string]
		// it could not).
		{"an iterator through await", []string{
			`s := await strings.Lines("a\nb\n")`,
			`s(func(l string) bool { fmt.Print(l); return true })`,
		}, []string{"", ""}, "a\nb\n"},
		{"crypto/sha3 (Go 1.24)", []string{
			`import "crypto/sha3"; fmt.Sprintf("%x", sha3.Sum256([]byte("abc")))[:16]`,
		}, []string{"3a985da74fe225b2"}, ""},
		{"os.CopyFS (Go 1.23)", []string{
			`fsys := fstest.MapFS{"a.txt": &fstest.MapFile{Data: []byte("hi")}}`,
			fmt.Sprintf(`os.CopyFS(%q, fsys)`, dir),
			fmt.Sprintf(`b, _ := os.ReadFile(%q); string(b)`, filepath.Join(dir, "a.txt")),
		}, []string{"", "<nil> // error", "hi"}, ""},
		{"math/rand/v2", []string{`import "math/rand/v2"; rand.IntN(1)`}, []string{"0"}, ""},
		{"errors.ErrUnsupported (Go 1.21)", []string{
			`errors.Is(fmt.Errorf("x: %w", errors.ErrUnsupported), errors.ErrUnsupported)`,
		}, []string{"true"}, ""},
		{"sync.WaitGroup.Go (Go 1.25)", []string{
			`var wg sync.WaitGroup; k := 0; wg.Go(func() { k = 1 }); wg.Wait(); k`,
		}, []string{"1"}, ""},
		{"testing/synctest (Go 1.25)", []string{
			`import "testing/synctest"; fmt.Sprintf("%T", synctest.Wait)`,
		}, []string{"func()"}, ""},
		{"new packages import", []string{
			`import ("iter"; "unique"; "weak"; "structs"; "crypto/hkdf"; "crypto/mlkem")`,
			`k, _ := mlkem.GenerateKey768(); len(k.EncapsulationKey().Bytes())`,
		}, []string{"", "1184"}, ""},

		// What the table's MapTypes and its restricted symbols do.
		{"fmt sees Error and String of a cell's type", []string{
			`type E struct{}; func (E) Error() string { return "boom" }`,
			`type B struct{}; func (B) Error() string { return "error first" }; func (B) String() string { return "str" }`,
			`type S struct{}; func (S) String() string { return "str" }`,
			`fmt.Sprint(E{}, " ", B{}, " ", S{})`,
			`fmt.Errorf("wrapped: %v", E{}).Error()`,
		}, []string{"", "", "", "boom error first str", "wrapped: boom"}, ""},
		{"io.Copy uses a cell type's WriteTo", []string{
			`type R struct{}; func (R) Read(p []byte) (int, error) { return 0, io.EOF }; func (R) WriteTo(w io.Writer) (int64, error) { n, err := io.WriteString(w, "via WriteTo"); return int64(n), err }`,
			`var sb strings.Builder; io.Copy(&sb, R{}); sb.String()`,
		}, []string{"", "via WriteTo"}, ""},
		{"os.Exit and Fatal panic", []string{
			`os.Exit(3)`,
			`l := log.New(io.Discard, "", 0); l.SetPrefix("p: "); l.Fatal("x")`,
			`1`,
		}, []string{"error: panic: os.Exit(3)", "error: panic: x", "1"}, ""},
		{"os.FindProcess refuses the shell", []string{
			`_, err := os.FindProcess(os.Getpid()); err != nil`,
		}, []string{"true"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, out := newShell(t)
			if diff := cmp.Diff(tt.want, run(t, sh, tt.cells...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got := out.String(); got != tt.out {
				t.Errorf("output %q, want %q", got, tt.out)
			}
		})
	}
}
