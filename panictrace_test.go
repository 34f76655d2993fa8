package igo_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
)

// TestProgramPanicTrace checks what a program's panics write to stderr: a
// recovered panic nothing, as with Go; one that ends the program the
// functions it left, in the program's own file.
func TestProgramPanicTrace(t *testing.T) {
	tests := []struct {
		name, src string
		wantOut   string
		wantErr   bool     // the run ends with an error
		wantTrace []string // lines of stderr, with the file's base name
	}{
		{"recovered", `package main

import "fmt"

func f() { panic("boom") }

func main() {
	defer func() { fmt.Println("recovered", recover()) }()
	f()
}
`, "recovered boom\n", false, nil},
		{"recovered silently", `package main

func f() { panic("boom") }

func main() {
	for range 3 {
		func() {
			defer func() { recover() }()
			f()
		}()
	}
}
`, "", false, nil},
		{"fatal", `package main

func f() { panic("boom") }

func main() {
	f()
}
`, "", true, []string{"prog.go:3:12: panic: main.f(...)", "prog.go:6:2: panic: main.main(...)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog := filepath.Join(t.TempDir(), "prog.go")
			if err := os.WriteFile(prog, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errs bytes.Buffer
			err := igo.RunProgram(context.Background(), prog, nil, strings.NewReader(""), &out, &errs)
			if (err != nil) != tt.wantErr {
				t.Fatalf("RunProgram: %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.wantOut, out.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			var trace []string
			for _, l := range strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n") {
				if l != "" {
					trace = append(trace, strings.TrimPrefix(l, filepath.Dir(prog)+string(filepath.Separator)))
				}
			}
			if diff := cmp.Diff(tt.wantTrace, trace); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}
