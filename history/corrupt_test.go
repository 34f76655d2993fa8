package history

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// checkMemory checks that Open(dir) warns, naming want, and returns a
// Store that works in memory.
func checkMemory(t *testing.T, dir, want string) {
	t.Helper()
	s, err := Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("Open returned no warning")
	}
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "in memory") {
		t.Errorf("Open warning:\n%v\nwant it to name %q and say the history is in memory", err, want)
	}
	if s == nil {
		t.Fatal("Open returned a nil Store")
	}
	if s.db != nil {
		t.Error("Open warned but kept the database")
	}
	add(t, s, 1, "a := 1")
	add(t, s, 2, "b := 2")
	got, err := s.Range("")
	check(t, "Range of a memory Store", []Entry{{s.Session(), 1, "a := 1"}, {s.Session(), 2, "b := 2"}}, got, err)
	got, err = s.Recent(1)
	check(t, "Recent(1) of a memory Store", []Entry{{s.Session(), 2, "b := 2"}}, got, err)
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}

func TestCorruptDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	garbage := bytes.Repeat([]byte("this is not an SQLite database\n"), 200)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	checkMemory(t, dir, "not a database (26) (move it aside")
	if b, _ := os.ReadFile(path); !bytes.Equal(b, garbage) {
		t.Error("Open changed the corrupt database; it should leave it for the user")
	}
}

// TestDamagedDatabase damages a real database in many places: Open must
// never panic, and the Store it returns must work.
func TestDamagedDatabase(t *testing.T) {
	src := t.TempDir()
	s := mustOpen(t, src)
	for i := 1; i <= 300; i++ {
		add(t, s, i, strings.Repeat("x", i))
	}
	s.Close()
	good, err := os.ReadFile(filepath.Join(src, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if len(good) < 8192 {
		t.Fatalf("database is only %d bytes", len(good))
	}
	for off := 0; off < len(good); off += 1531 {
		dir := t.TempDir()
		bad := bytes.Clone(good)
		for i := off; i < min(off+64, len(bad)); i++ {
			bad[i] ^= 0xa5
		}
		if err := os.WriteFile(filepath.Join(dir, FileName), bad, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir)
		if s == nil {
			t.Fatalf("damage at %d: Open returned nil, %v", off, err)
		}
		line := 1
		if err := s.Add(line, "y := 1"); err != nil {
			t.Logf("damage at %d: Add: %v", off, err)
		}
		got, rerr := s.Range("")
		if rerr != nil || len(got) != 1 || got[0].Source != "y := 1" {
			t.Errorf("damage at %d (Open: %v): Range = %v, %v; want the line just added", off, err, got, rerr)
		}
		s.Range("~1/")
		s.Search("*x*")
		s.Recent(10)
		s.Close()
	}
}

func TestUnwritableDirectory(t *testing.T) {
	t.Run("under a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		checkMemory(t, filepath.Join(file, "igo"), "file")
	})
	t.Run("read-only directory", func(t *testing.T) {
		skipIfPermissionsIgnored(t)
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o700)
		checkMemory(t, dir, FileName)
	})
	t.Run("read-only database", func(t *testing.T) {
		skipIfPermissionsIgnored(t)
		dir := t.TempDir()
		s := mustOpen(t, dir)
		s.Close()
		path := filepath.Join(dir, FileName)
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		checkMemory(t, dir, FileName)
	})
	t.Run("no directory", func(t *testing.T) {
		checkMemory(t, "", "IGO_DIR")
	})
}

// skipIfPermissionsIgnored skips a test of file permissions where they do
// not hold: for root, and on Windows.
func skipIfPermissionsIgnored(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions on Windows")
	}
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
}
