package magics_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/igolang/igo/magics"
)

// checkQuickref runs %quickref in a shell of the magics r and checks that
// it fits a 24×80 screen; it returns what it printed.
func checkQuickref(t *testing.T, r *magics.Registry) string {
	t.Helper()
	env := &fakeEnv{reg: r}
	if _, err := env.run("%quickref"); err != nil {
		t.Fatal(err)
	}
	out := env.stdout()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) > 24 {
		t.Errorf("%%quickref has %d lines, want at most 24:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("%%quickref line of %d columns, want at most 80: %q", n, l)
		}
	}
	return out
}

func TestQuickref(t *testing.T) {
	r := magics.Default().Clone()
	for _, u := range []magics.Usage{
		{Name: "time", Line: true, Cell: true},
		{Name: "timeit", Line: true, Cell: true},
		{Name: "history", Line: true},
		{Name: "rerun", Line: true},
		{Name: "save", Line: true},
		{Name: "html", Cell: true},       // of no family
		{Name: "pip", Line: true},        // of no family
		{Name: "load_ext", Line: true},   // of no family
		{Name: "matplotlib", Line: true}, // of no family
	} {
		if err := r.Register(nop(u)); err != nil {
			t.Fatal(err)
		}
	}
	out := checkQuickref(t, r)
	words := map[string]bool{}
	for _, w := range strings.Fields(out) {
		words[w] = true
	}
	for _, name := range r.Names() {
		if !words["%"+name] && !words["%%"+name] {
			t.Errorf("%%quickref does not mention %%%s:\n%s", name, out)
		}
	}
	for _, syntax := range []string{"%name", "%%name", "v := %name", "//igo:", "!cmd", "v := !cmd", "name?", "name??", "await", "In[n]", "Out[n]", "_n", "__", "___", "Ctrl-C", "Ctrl-D"} {
		if !strings.Contains(out, syntax) {
			t.Errorf("%%quickref does not mention %s", syntax)
		}
	}
	if !strings.Contains(out, "%time %%time") || !strings.Contains(out, " %%html") {
		t.Errorf("%%quickref does not show a magic's forms with their sigils:\n%s", out)
	}
}

// TestQuickrefMany checks that a shell of many magics still gets one screen.
func TestQuickrefMany(t *testing.T) {
	r := magics.Default().Clone()
	for i := range 300 {
		if err := r.Register(nop(magics.Usage{Name: fmt.Sprintf("extra_magic_%03d", i), Line: true})); err != nil {
			t.Fatal(err)
		}
	}
	out := checkQuickref(t, r)
	if !strings.HasSuffix(out, "%lsmagic lists every magic\n") {
		t.Errorf("a cut %%quickref does not end by pointing to %%lsmagic:\n%s", out)
	}
}

func TestQuickrefArgs(t *testing.T) {
	_, err := newEnv().run("%quickref x")
	if want := `usage: %quickref: unexpected argument "x"`; err == nil || err.Error() != want {
		t.Errorf("%%quickref x: error %v, want %q", err, want)
	}
}
