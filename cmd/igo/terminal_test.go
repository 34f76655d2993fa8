package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// console drives igo on a pseudo-terminal, as a person would: it types
// keys and waits for what the screen shows.
type console struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer // everything the terminal showed
	seen int          // how much of buf expect has consumed
	done chan struct{}
}

func startConsole(t *testing.T, args ...string) *console {
	t.Helper()
	return startConsoleEnv(t, []string{"NO_COLOR=1"}, args...)
}

func startConsoleEnv(t *testing.T, env []string, args ...string) *console {
	t.Helper()
	return startConsoleCmd(t, env, "", os.Args[0], args...)
}

// startConsoleCmd runs name with args in dir on a pseudo-terminal; igo is
// the test binary, os.Args[0].
func startConsoleCmd(t *testing.T, env []string, dir, name string, args ...string) *console {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "IGO_TEST_MAIN=1", "TERM=xterm"), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	c := &console{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		b := make([]byte, 4096)
		for {
			n, err := tty.Read(b)
			c.mu.Lock()
			c.buf.Write(b[:n])
			c.mu.Unlock()
			// Answer the editor's cursor position queries as a
			// terminal does.
			for range bytes.Count(b[:n], []byte("\x1b[6n")) {
				io.WriteString(tty, "\x1b[1;1R")
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	})
	return c
}

// expect waits until the screen shows a match of pattern after what
// earlier expects consumed. It matches the text the terminal shows: the
// editor's escape sequences (cursor moves, colours) and carriage returns
// are left out. The wait is bounded only so that a broken shell fails the
// test instead of hanging it.
func (c *console) expect(pattern string) {
	c.t.Helper()
	c.expectIn(pattern, true)
}

// expectRaw is expect on the bytes as written, escape codes included.
func (c *console) expectRaw(pattern string) {
	c.t.Helper()
	c.expectIn(pattern, false)
}

func (c *console) expectIn(pattern string, plain bool) {
	c.t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(20 * time.Second)
	for {
		c.mu.Lock()
		out := c.buf.String()[c.seen:]
		c.mu.Unlock()
		text, at := out, []int(nil)
		if plain {
			text, at = visible(out)
		}
		if loc := re.FindStringIndex(text); loc != nil {
			if plain {
				c.seen += at[loc[1]]
			} else {
				c.seen += loc[1]
			}
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("the terminal never showed %q; it shows:\n%s", pattern, text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var escape = regexp.MustCompile(`^\x1b(\[[0-9;?]*[ -/]*[@-~]|[^\[])`)

// visible is raw without escape sequences and carriage returns; at[i] is
// the offset in raw of text[i] (at[len(text)] is len(raw)).
func visible(raw string) (text string, at []int) {
	var b strings.Builder
	for i := 0; i < len(raw); {
		if m := escape.FindStringIndex(raw[i:]); m != nil {
			i += m[1]
			continue
		}
		if raw[i] != '\r' {
			b.WriteByte(raw[i])
			at = append(at, i)
		}
		i++
	}
	return b.String(), append(at, len(raw))
}

func (c *console) send(keys string) {
	c.t.Helper()
	if _, err := io.WriteString(c.tty, keys); err != nil {
		c.t.Fatal(err)
	}
}

// exit waits for the shell to end and returns its exit error.
func (c *console) exit() error {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(20 * time.Second):
		c.t.Fatal("the shell did not exit")
	}
	return c.cmd.Wait()
}

func TestTerminalPrompts(t *testing.T) {
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	// An incomplete cell continues with an aligned prompt.
	c.send("func add(a, b int) int {\r")
	c.expect(`\n   \.\.\.: `)
	// Tab on a blank line indents one more level, after the automatic one.
	c.send("\treturn a + b\r")
	c.expect(`\n   \.\.\.:         return a \+ b\n`)
	c.expect(`   \.\.\.: `)
	c.send("}\r")
	c.expect(`In \[2\]: `)
	c.send("add(2, 4)\r")
	c.expect(`Out\[2\]: 6`)
	c.expect(`In \[3\]: `)
	// Ctrl-C clears the line being typed; the cell number stays.
	c.send("never")
	c.expect(`never`)
	c.send("\x03")
	c.expect(`In \[3\]: `)
	c.send("x := 3; x\r")
	c.expect(`Out\[3\]: 3`)
	c.expect(`In \[4\]: `)
	// Ctrl-D on an empty line exits with status 0.
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatalf("exit: %v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.Contains(c.buf.String(), "never\r\n") {
		t.Errorf("the cleared line ran:\n%s", c.buf.String())
	}
}

// TestTerminalInterrupt: Ctrl-C interrupts a running cell; the session
// keeps its variables and the prompt comes back.
func TestTerminalInterrupt(t *testing.T) {
	for _, cell := range []string{"for {}", "select {}", "<-make(chan int)", "time.Sleep(time.Hour)"} {
		t.Run(cell, func(t *testing.T) {
			c := startConsole(t)
			c.expect(`In \[1\]: `)
			c.send("x := 41\r")
			c.expect(`In \[2\]: `)
			c.send(cell + "\r")
			time.Sleep(100 * time.Millisecond) // let the cell start
			c.send("\x03")
			c.expect(`Interrupted`)
			c.expect(`In \[3\]: `)
			c.send("x + 1\r")
			c.expect(`Out\[3\]: 42`)
			c.send("exit\r")
			if err := c.exit(); err != nil {
				t.Fatalf("exit: %v", err)
			}
		})
	}
}

// TestTerminalHistoryAcrossSessions: up-arrow recalls a cell of an earlier
// igo session, from the history store.
func TestTerminalHistoryAcrossSessions(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	first := startConsole(t)
	first.expect(`In \[1\]: `)
	first.send("remembered := 42\r")
	first.expect(`In \[2\]: `)
	first.send("\x04")
	if err := first.exit(); err != nil {
		t.Fatalf("first session: %v", err)
	}
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("\x1b[A") // up arrow
	c.expect(`remembered := 42`)
	c.send("\r")
	c.expect(`In \[2\]: `)
	c.send("remembered + 1\r")
	c.expect(`Out\[2\]: 43`)
	c.expect(`In \[3\]: `) // the editor has the terminal again
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatalf("second session: %v", err)
	}
}

// TestTerminalColors: IPython's coloured prompts on a terminal; none at
// all with NO_COLOR set.
func TestTerminalColors(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	t.Setenv("NO_COLOR", "")
	c := startConsoleEnv(t, nil)
	c.expectRaw("\x1b\\[92mIn \\[")
	c.send("1 + 1\r")
	c.expectRaw("\x1b\\[91mOut\\[")
	c.expectRaw("\x1b\\[92mIn \\[")
	c.send("\x04")
	c.exit()

	plain := startConsole(t) // NO_COLOR=1
	plain.expect(`In \[1\]: `)
	plain.send("x := 1\r")
	plain.send("x\r")
	plain.expect(`Out\[2\]: 1`)
	plain.send("nope\r")
	plain.expect(`undefined: nope`)
	plain.expect(`In \[4\]: `)
	plain.send("\x04")
	plain.exit()
	plain.mu.Lock()
	defer plain.mu.Unlock()
	// The editor resets attributes as it redraws; nothing sets a colour.
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;]*)m`).FindAllStringSubmatch(plain.buf.String(), -1) {
		switch m[1] {
		case "", "0", "39", "49":
		default:
			t.Fatalf("NO_COLOR=1 output has colour code %q:\n%q", m[0], plain.buf.String())
		}
	}
}

// TestTerminalCompletion: Tab lists the members of a package with their
// types, completes a unique one, and completes a field of a variable an
// earlier cell declared.
func TestTerminalCompletion(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("strings.Rep\t")
	c.expect(`ReplaceAll +-- func\(string, string, string\) string`)
	c.send("ea\t")
	c.expect(`strings\.Repeat`)
	c.send(`("ab", 2)` + "\r")
	c.expect(`Out\[1\]: abab`)
	c.send("type P struct{ Name string }; p := P{Name: \"x\"}\r")
	c.expect(`In \[3\]: `)
	c.send("p.Na\t")
	c.expect(`p\.Name`)
	c.send("\r")
	c.expect(`Out\[3\]: x`)
	c.expect(`In \[4\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalPaste: a bracketed paste of a multi-line cell runs as one
// cell when Enter follows.
func TestTerminalPaste(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("\x1b[200~a := 1\rb := a + 1\rb * 10\x1b[201~")
	c.send("\r")
	c.expect(`Out\[1\]: 20`)
	c.expect(`In \[2\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalExitAsks: Ctrl-D asks before leaving background tasks.
func TestTerminalExitAsks(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("%bg time.Sleep(time.Hour)\r")
	c.expect(`In \[2\]: `)
	c.send("\x04")
	c.expect(`Background tasks are running. Exit anyway\? \(y/\[n\]\)`)
	c.send("n\r")
	c.expect(`In \[2\]: `)
	c.send("\x04")
	c.expect(`Exit anyway`)
	c.send("y\r")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}
