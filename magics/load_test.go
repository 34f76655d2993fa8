package magics_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/igolang/igo/magics"
)

// inputEnv is a fakeEnv whose front end can fill in the next input.
type inputEnv struct {
	*fakeEnv
	next []string // what SetNextInput was given
}

var _ magics.InputSetter = (*inputEnv)(nil)

func (e *inputEnv) SetNextInput(text string) { e.next = append(e.next, text) }

const loadNote = "(%load: this front end cannot prefill the next input; the file's contents are above)\n"

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	file := filepath.Join(dir, "snippet.igo")
	const text = "x := 1\n%time f(x)" // no final newline
	if err := os.WriteFile(file, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}

	env := &inputEnv{fakeEnv: newEnv()}
	segs, err := magics.Parse("%load ~/snippet.igo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := magics.Run(context.Background(), env, segs[0]); v != nil || err != nil {
		t.Fatalf("%%load = %v, %v", v, err)
	}
	if len(env.next) != 1 || env.next[0] != text {
		t.Errorf("SetNextInput got %q, want [%q]", env.next, text)
	}
	if out := env.stdout(); out != "" {
		t.Errorf("%%load with an InputSetter printed %q", out)
	}

	plain := newEnv()
	if _, err := plain.run("%load " + file); err != nil {
		t.Fatal(err)
	}
	if got, want := plain.stdout(), text+"\n"+loadNote; got != want {
		t.Errorf("%%load without an InputSetter printed %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	env := newEnv()
	if _, err := env.run("%load missing.igo"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%%load of a missing file: error %v, want ErrNotExist", err)
	}
	if out := env.stdout(); out != "" {
		t.Errorf("%%load of a missing file printed %q", out)
	}
	tests := []struct{ in, err string }{
		{"%load", "usage: %load FILE: want one FILE, have 0 arguments (quote a FILE that has blanks)"},
		{"%load a b", "usage: %load FILE: want one FILE, have 2 arguments (quote a FILE that has blanks)"},
	}
	for _, tt := range tests {
		_, err := newEnv().run(tt.in)
		var ue *magics.UsageError
		if !errors.As(err, &ue) || err.Error() != tt.err {
			t.Errorf("%q: error %v, want UsageError %q", tt.in, err, tt.err)
		}
	}
}
