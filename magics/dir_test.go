package magics_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/igolang/igo/magics"
)

func TestCdPwd(t *testing.T) {
	t.Chdir(t.TempDir())
	// Resolve symlinks (macOS's /var is /private/var): %cd prints Getwd.
	home, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("OLDPWD", "")
	t.Setenv("PWD", "")
	start, _ := os.Getwd()
	if err := os.Mkdir(filepath.Join(home, "a b"), 0o777); err != nil {
		t.Fatal(err)
	}
	env := newEnv()
	steps := []struct {
		in, stdout, wd string
		value          any
	}{
		{in: "%pwd", value: start, wd: start},
		{in: "%cd", stdout: home + "\n", wd: home},
		{in: "%cd -", stdout: start + "\n", wd: start},
		{in: "%cd -", stdout: home + "\n", wd: home},
		{in: "%cd " + start, stdout: start + "\n", wd: start},
		{in: "%cd '~/a b'", stdout: filepath.Join(home, "a b") + "\n", wd: filepath.Join(home, "a b")},
		{in: "%cd -q ~", wd: home},
		{in: "d := %pwd", value: home, wd: home},
	}
	for _, s := range steps {
		v, err := env.run(s.in)
		if err != nil {
			t.Fatalf("%s: %v", s.in, err)
		}
		if v != s.value {
			t.Errorf("%s = %#v, want %#v", s.in, v, s.value)
		}
		if got := env.stdout(); got != s.stdout {
			t.Errorf("%s printed %q, want %q", s.in, got, s.stdout)
		}
		if wd, _ := os.Getwd(); wd != s.wd {
			t.Errorf("after %s the working directory is %s, want %s", s.in, wd, s.wd)
		}
		if pwd := os.Getenv("PWD"); s.in != "%pwd" && pwd != s.wd {
			t.Errorf("after %s $PWD is %s, want %s", s.in, pwd, s.wd)
		}
	}
}

func TestCdErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("OLDPWD", "")
	tests := []struct{ in, err string }{
		{"%cd -", "cd: OLDPWD not set"},
		{"%cd a b", "usage: %cd [-q] [DIR]: too many arguments (quote a DIR that has blanks)"},
		{"%cd -x", "usage: %cd [-q] [DIR]: flag provided but not defined: -x"},
		{"%cd nowhere", "chdir nowhere: no such file or directory"},
		{"%pwd x", `usage: %pwd: unexpected argument "x"`},
	}
	for _, tt := range tests {
		_, err := newEnv().run(tt.in)
		if err == nil || err.Error() != tt.err {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		}
		var ue *magics.UsageError
		if wantUsage := tt.err[:6] == "usage:"; errors.As(err, &ue) != wantUsage {
			t.Errorf("%s: error %T, *UsageError %v", tt.in, err, wantUsage)
		}
	}
}
