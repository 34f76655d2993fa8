package history

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mustOpen opens the database in dir and fails the test on any warning.
func mustOpen(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if s.db == nil {
		t.Fatal("Open returned a memory store without a warning")
	}
	return s
}

func add(t *testing.T, s *Store, line int, src string) {
	t.Helper()
	if err := s.Add(line, src); err != nil {
		t.Fatalf("Add(%d, %q): %v", line, src, err)
	}
}

func check(t *testing.T, what string, want, got []Entry, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

func TestSessions(t *testing.T) {
	dir := t.TempDir()
	s1 := mustOpen(t, dir)
	if s1.Session() != 1 {
		t.Errorf("first Session() = %d, want 1", s1.Session())
	}
	add(t, s1, 1, "x := 1")
	add(t, s1, 2, "y := x + 1")
	add(t, s1, 3, "fmt.Println(x, y)")
	got, err := s1.Range("2")
	check(t, `Range("2")`, []Entry{{1, 2, "y := x + 1"}}, got, err)
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := mustOpen(t, dir)
	defer s2.Close()
	if s2.Session() != 2 {
		t.Errorf("second Session() = %d, want 2", s2.Session())
	}
	got, err = s2.Range("")
	check(t, `Range("") of a new session`, nil, got, err)
	add(t, s2, 1, "z := 3")
	add(t, s2, 2, "fmt.Println(z)")

	got, err = s2.Range("~1/2")
	check(t, `Range("~1/2")`, []Entry{{1, 2, "y := x + 1"}}, got, err)
	got, err = s2.Range("2 ~1/2-3 1")
	check(t, `Range("2 ~1/2-3 1")`, []Entry{
		{2, 2, "fmt.Println(z)"},
		{1, 2, "y := x + 1"},
		{1, 3, "fmt.Println(x, y)"},
		{2, 1, "z := 3"},
	}, got, err)
	got, err = s2.Range("~1/3-0/1")
	check(t, `Range("~1/3-0/1")`, []Entry{{1, 3, "fmt.Println(x, y)"}, {2, 1, "z := 3"}}, got, err)
	got, err = s2.Range("1/")
	check(t, `Range("1/")`, []Entry{{1, 1, "x := 1"}, {1, 2, "y := x + 1"}, {1, 3, "fmt.Println(x, y)"}}, got, err)
	got, err = s2.Range("~2/1 ~1/9 7")
	check(t, "Range of lines that do not exist", nil, got, err)

	got, err = s2.Search("*Println*")
	check(t, `Search("*Println*")`, []Entry{{1, 3, "fmt.Println(x, y)"}, {2, 2, "fmt.Println(z)"}}, got, err)
	got, err = s2.Search("? := ?")
	check(t, `Search("? := ?")`, []Entry{{1, 1, "x := 1"}, {2, 1, "z := 3"}}, got, err)

	got, err = s2.Recent(3)
	check(t, "Recent(3)", []Entry{{1, 3, "fmt.Println(x, y)"}, {2, 1, "z := 3"}, {2, 2, "fmt.Println(z)"}}, got, err)
	got, err = s2.Recent(100)
	if err != nil || len(got) != 5 {
		t.Errorf("Recent(100) = %d entries, %v; want all 5", len(got), err)
	}
	got, err = s2.Recent(0)
	check(t, "Recent(0)", nil, got, err)

	var mode string
	if err := s2.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var end string
	var n int
	if err := s2.db.QueryRow(`SELECT "end", num_cmds FROM sessions WHERE session = 1`).Scan(&end, &n); err != nil || end == "" || n != 3 {
		t.Errorf("session 1 has end %q, num_cmds %d, %v; want an end and 3 cells", end, n, err)
	}
}

func TestAddReplacesLine(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	add(t, s, 2, "b")
	add(t, s, 1, "a")
	add(t, s, 2, "B")
	got, err := s.Range("")
	check(t, "Range after replacing line 2", []Entry{{1, 1, "a"}, {1, 2, "B"}}, got, err)
	s.Close()
	s = mustOpen(t, dir)
	defer s.Close()
	got, err = s.Range("~1/")
	check(t, "the database after replacing line 2", []Entry{{1, 1, "a"}, {1, 2, "B"}}, got, err)
	if err := s.Add(0, "x"); err == nil {
		t.Error("Add(0, ...) succeeded; lines are numbered from 1")
	}
}

// TestAddKeepsLineWhenSaveFails checks that a line the database could not
// save is still in the session's history.
func TestAddKeepsLineWhenSaveFails(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	add(t, s, 1, "a")
	s.db.Close() // the database goes away under the Store
	if err := s.Add(2, "b"); err == nil {
		t.Error("Add to a closed database returned no error")
	}
	got, err := s.Range("")
	check(t, "Range after a failed save", []Entry{{1, 1, "a"}, {1, 2, "b"}}, got, err)
}

func TestMemory(t *testing.T) {
	s := OpenMemory()
	if s.Session() != 1 {
		t.Errorf("Session() = %d, want 1", s.Session())
	}
	add(t, s, 1, "a := 1")
	add(t, s, 2, "b := 2")
	got, err := s.Range("~1/1 2")
	check(t, `Range("~1/1 2")`, []Entry{{1, 2, "b := 2"}}, got, err)
	got, err = s.Search("a*")
	check(t, `Search("a*")`, []Entry{{1, 1, "a := 1"}}, got, err)
	got, err = s.Recent(1)
	check(t, "Recent(1)", []Entry{{1, 2, "b := 2"}}, got, err)
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestClosedStoreKeepsWorking(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	add(t, s, 1, "a")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	add(t, s, 2, "b")
	got, err := s.Range("")
	check(t, "Range after Close", []Entry{{1, 1, "a"}, {1, 2, "b"}}, got, err)
}

func TestFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "state", "igo")
	s := mustOpen(t, dir)
	add(t, s, 1, `token := "secret"`)
	s.Close()
	for _, name := range []string{dir, filepath.Join(dir, FileName)} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s has mode %v; want no access for group and others", name, perm)
		}
	}
}

// TestOddDirectoryName checks that a directory name with characters that
// mean something in a URI still names the directory.
func TestOddDirectoryName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my state?mode=ro#x %41&y")
	s := mustOpen(t, dir)
	add(t, s, 1, "a")
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	defer s.Close()
	got, err := s.Range("~1/1")
	check(t, `Range("~1/1")`, []Entry{{1, 1, "a"}}, got, err)
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("the parent directory has %d entries, want 1: the database went elsewhere", len(entries))
	}
}
