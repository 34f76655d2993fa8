package igo_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/igolang/igo"
)

// TestProgramGoldens runs each testdata/program/*.txtar program (prog.go)
// with igo.RunProgram and with the Go toolchain: both must print the
// stdout section.
func TestProgramGoldens(t *testing.T) {
	files, err := filepath.Glob("testdata/program/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no program goldens: %v", err)
	}
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			for _, f := range ar.Files {
				sections[f.Name] = string(f.Data)
			}
			prog := filepath.Join(t.TempDir(), "prog.go")
			if err := os.WriteFile(prog, []byte(sections["prog.go"]), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errs bytes.Buffer
			if err := igo.RunProgram(context.Background(), prog, nil, strings.NewReader(""), &out, &errs); err != nil {
				lowered, _ := igo.LowerProgram(prog, []byte(sections["prog.go"]))
				t.Fatalf("igo: %v\n%s\nlowered:\n%s", err, errs.String(), lowered)
			}
			if diff := cmp.Diff(sections["stdout"], out.String()); diff != "" {
				t.Errorf("igo's output (-want +got):\n%s", diff)
			}
			goOut, err := exec.Command(gocmd, "run", prog).CombinedOutput()
			if err != nil {
				t.Fatalf("go run: %v\n%s", err, goOut)
			}
			if diff := cmp.Diff(sections["stdout"], string(goOut)); diff != "" {
				t.Errorf("Go's output (-want +got): the golden is wrong:\n%s", diff)
			}
		})
	}
}

// TestProgramErrors: what igo cannot run in a program is an error at the
// user's line and column, saying why.
func TestProgramErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"type", "package main\n\nfunc main() {\n\tx := 1\n\tx = \"s\"\n}\n",
			`prog.go:5:6: cannot use "s" (untyped string constant) as int value in assignment`},
		{"runtime-generic", "package main\n\nimport (\n\t\"iter\"\n\t\"slices\"\n)\n\nfunc main() {\n\tnext, stop := iter.Pull(slices.Values([]int{1}))\n\tdefer stop()\n\tnext()\n}\n",
			"prog.go:9:16: igo cannot run iter.newcoro (the runtime or assembly implements it), which generic code of package iter uses"},
		{"not-copied", "package main\n\nimport \"unique\"\n\nfunc main() {\n\t_ = unique.Make(1)\n}\n",
			"prog.go:6:13: undefined: unique.Make (unique.Make is generic code; igo copies generic code only from cmp, iter, maps, math/rand/v2, slices, sync)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			prog := filepath.Join(t.TempDir(), "prog.go")
			if err := os.WriteFile(prog, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			err := igo.RunProgram(context.Background(), prog, nil, strings.NewReader(""), &out, &out)
			if err == nil {
				t.Fatalf("ran; want error %q; output %q", c.want, out.String())
			}
			got := strings.ReplaceAll(err.Error(), filepath.Dir(prog)+string(filepath.Separator), "")
			if got != c.want {
				t.Errorf("error:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}
