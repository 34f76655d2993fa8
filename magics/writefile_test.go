package magics_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/igolang/igo/magics"
)

func TestWritefile(t *testing.T) {
	t.Chdir(t.TempDir())
	home := t.TempDir()
	t.Setenv("HOME", home)
	steps := []struct {
		in, stdout string
		file, want string // the file and its contents after the step
	}{
		{in: "%%writefile f.txt\nhello\nworld", stdout: "Writing f.txt\n", file: "f.txt", want: "hello\nworld\n"},
		{in: "%%writefile f.txt\nagain", stdout: "Overwriting f.txt\n", file: "f.txt", want: "again\n"},
		{in: "%%writefile -a f.txt\nmore", stdout: "Appending to f.txt\n", file: "f.txt", want: "again\nmore\n"},
		{in: "%%file f.txt --append\nlast", stdout: "Appending to f.txt\n", file: "f.txt", want: "again\nmore\nlast\n"},
		{in: "%%writefile -a new.txt\nx", stdout: "Writing new.txt\n", file: "new.txt", want: "x\n"},
		{in: "%%file 'a b.txt'\n{x} $y", stdout: "Writing a b.txt\n", file: "a b.txt", want: "{x} $y\n"},
		{in: "%%writefile empty.txt", stdout: "Writing empty.txt\n", file: "empty.txt", want: ""},
		{in: "%%writefile ~/h.txt\nhome", stdout: "Writing " + filepath.Join(home, "h.txt") + "\n", file: filepath.Join(home, "h.txt"), want: "home\n"},
	}
	env := newEnv()
	for _, s := range steps {
		if _, err := env.run(s.in); err != nil {
			t.Fatalf("%q: %v", s.in, err)
		}
		if got := env.stdout(); got != s.stdout {
			t.Errorf("%q printed %q, want %q", s.in, got, s.stdout)
		}
		data, err := os.ReadFile(s.file)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != s.want {
			t.Errorf("after %q, %s holds %q, want %q", s.in, s.file, data, s.want)
		}
	}
	if len(env.evals) != 0 {
		t.Errorf("%%%%writefile evaluated %q", env.evals)
	}
}

func TestWritefileErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	tests := []struct{ in, err string }{
		{"%%writefile\nx", "usage: %%writefile [-a] FILE: no FILE to write"},
		{"%%writefile a b\nx", "usage: %%writefile [-a] FILE: one FILE, have 2 (quote a FILE that has blanks)"},
		{"%%writefile -x f\nx", "usage: %%writefile [-a] FILE: flag provided but not defined: -x"},
		{"%%file f -x\nx", "usage: %%file [-a] FILE: flag provided but not defined: -x"},
	}
	for _, tt := range tests {
		_, err := newEnv().run(tt.in)
		var ue *magics.UsageError
		if !errors.As(err, &ue) || err.Error() != tt.err {
			t.Errorf("%q: error %v, want UsageError %q", tt.in, err, tt.err)
		}
	}
	env := newEnv()
	if _, err := env.run("%%writefile no/such/dir/f.txt\nx"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("writing into a missing directory: error %v, want ErrNotExist", err)
	}
	if out := env.stdout(); out != "" {
		t.Errorf("a failed %%%%writefile printed %q", out)
	}
}
