package history

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
)

const linesPerWriter = 200

func source(session, line int) string {
	return fmt.Sprintf("x%d_%d := %d // session %d", session, line, line, session)
}

// checkSessions checks that the database in dir has every line of the
// given sessions.
func checkSessions(t *testing.T, dir string, sessions []int) {
	t.Helper()
	s := mustOpen(t, dir)
	defer s.Close()
	for _, sess := range sessions {
		got, err := s.Range(fmt.Sprintf("%d/1-%d", sess, linesPerWriter))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != linesPerWriter {
			t.Errorf("session %d has %d lines in the database, want %d", sess, len(got), linesPerWriter)
		}
		for i, e := range got {
			if want := (Entry{sess, i + 1, source(sess, i+1)}); e != want {
				t.Errorf("session %d: got %+v, want %+v", sess, e, want)
				break
			}
		}
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM history`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := len(sessions) * linesPerWriter; n != want {
		t.Errorf("the database has %d lines, want %d", n, want)
	}
}

// TestConcurrentStores has two Stores in this process write to one
// database at once.
func TestConcurrentStores(t *testing.T) {
	dir := t.TempDir()
	stores := []*Store{mustOpen(t, dir), mustOpen(t, dir)}
	if stores[0].Session() == stores[1].Session() {
		t.Fatalf("two Stores share session %d", stores[0].Session())
	}
	var wg sync.WaitGroup
	for _, s := range stores {
		wg.Go(func() {
			for line := 1; line <= linesPerWriter; line++ {
				if err := s.Add(line, source(s.Session(), line)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	for _, s := range stores {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}
	checkSessions(t, dir, []int{stores[0].Session(), stores[1].Session()})
}

// TestConcurrentProcesses has two processes, this test binary run as
// TestHelperProcess, write to one database at once: each opens it, prints
// its session, waits for the word on stdin, then adds its lines.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	type helper struct {
		cmd     *exec.Cmd
		stdin   io.WriteCloser
		stdout  *bufio.Reader
		session int
	}
	var helpers []*helper
	for range 2 {
		h := &helper{cmd: exec.Command(exe, "-test.run=^TestHelperProcess$")}
		h.cmd.Env = append(os.Environ(), "IGO_HISTORY_HELPER_DIR="+dir)
		h.cmd.Stderr = os.Stderr
		if h.stdin, err = h.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		stdout, err := h.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		h.stdout = bufio.NewReader(stdout)
		if err := h.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.cmd.Process.Kill(); h.cmd.Wait() })
		helpers = append(helpers, h)
	}
	for _, h := range helpers {
		line, err := h.stdout.ReadString('\n')
		if err != nil {
			t.Fatalf("helper: %v", err)
		}
		if _, err := fmt.Sscanf(line, "session %d\n", &h.session); err != nil {
			rest, _ := io.ReadAll(h.stdout)
			t.Fatalf("helper failed:\n%s%s", line, rest)
		}
	}
	if helpers[0].session == helpers[1].session {
		t.Fatalf("two processes share session %d", helpers[0].session)
	}
	for _, h := range helpers {
		io.WriteString(h.stdin, "go\n")
		h.stdin.Close()
	}
	for _, h := range helpers {
		out, _ := io.ReadAll(h.stdout)
		if err := h.cmd.Wait(); err != nil {
			t.Fatalf("helper for session %d: %v\n%s", h.session, err, out)
		}
	}
	checkSessions(t, dir, []int{helpers[0].session, helpers[1].session})
}

// TestHelperProcess is the writer that TestConcurrentProcesses starts.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv("IGO_HISTORY_HELPER_DIR")
	if dir == "" {
		t.Skip("run by TestConcurrentProcesses")
	}
	s := mustOpen(t, dir)
	fmt.Printf("session %d\n", s.Session())
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	for line := 1; line <= linesPerWriter; line++ {
		add(t, s, line, source(s.Session(), line))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
