package history

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"*", "anything\nat all", true},
		{"", "", true},
		{"", "x", false},
		{"fmt", "fmt", true},
		{"fmt", "fmt.Println", false},
		{"*fmt*", "x := 1\nfmt.Println(x)", true},
		{"*fmt*", "println(x)", false},
		{"x?=*", "x := 1", false},
		{"x ?= *", "x := 1", true},
		{"?", "é", true}, // one character, two bytes
		{"??", "é", false},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYbZ", false},
		{"*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
		{"[x]*", "[x] = 1", true}, // [ is not a class
		{"[x]*", "x = 1", false},
		{"*\\*", `a\`, true},
	}
	for _, tt := range tests {
		if got := match(tt.pattern, tt.s); got != tt.want {
			t.Errorf("match(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

// TestMatchAgreesWithSQLite checks that a search finds the same cells
// whether they are in memory (this session) or in the database (earlier
// sessions).
func TestMatchAgreesWithSQLite(t *testing.T) {
	sources := []string{
		"x := 1", "x = 2", "fmt.Println(x)", "a[i] = 3", "[]int{1}",
		"for {\n\tbreak\n}", "é := 1", "e := 1", `s := "*"`, "",
	}
	patterns := []string{
		"*", "x*", "*x*", "x ?= *", "*[i]*", "[]*", "*\n*", "? := 1",
		"*\"?\"", "", "*break*", "for*}", "[*",
	}
	dir := t.TempDir()
	old := mustOpen(t, dir)
	for i, src := range sources {
		add(t, old, i+1, src)
	}
	old.Close()
	s := mustOpen(t, dir)
	defer s.Close()
	for i, src := range sources {
		add(t, s, i+1, src)
	}
	for _, p := range patterns {
		got, err := s.Search(p)
		if err != nil {
			t.Fatalf("Search(%q): %v", p, err)
		}
		var inDB, inMem []string
		for _, e := range got {
			if e.Session == old.Session() {
				inDB = append(inDB, e.Source)
			} else {
				inMem = append(inMem, e.Source)
			}
		}
		if len(inDB) != len(inMem) {
			t.Errorf("Search(%q): database found %q, memory found %q", p, inDB, inMem)
			continue
		}
		for i := range inDB {
			if inDB[i] != inMem[i] {
				t.Errorf("Search(%q): database found %q, memory found %q", p, inDB, inMem)
				break
			}
		}
	}
}
