package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTerminalMultilineRecall: a cell typed over several lines is indented
// after "{", shown with "...:" prompts, and up-arrow recalls it whole.
func TestTerminalMultilineRecall(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("func f() int {\r")
	c.expect(`\n   \.\.\.:     `) // indented one level
	c.send("return 7\r")
	c.expect(`\n   \.\.\.: `)
	c.send("}\r")
	c.expect(`In \[2\]: `)
	c.send("f()\r")
	c.expect(`Out\[2\]: 7`)
	c.expect(`In \[3\]: `)
	c.send("\x1b[A\x1b[A") // up, up: f(), then the whole func cell
	c.expect(`In \[3\]: func f\(\) int \{\n   \.\.\.:     return 7\n   \.\.\.: \}`)
	c.send("\r")
	c.expect(`In \[4\]: `)
	c.send("f() + 1\r")
	c.expect(`Out\[4\]: 8`)
	c.expect(`In \[5\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalReverseSearch: Ctrl-R finds an earlier cell by a part of it.
func TestTerminalReverseSearch(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("x := 6 * 7\r")
	c.expect(`In \[2\]: `)
	c.send("x + 100\r")
	c.expect(`Out\[2\]: 142`)
	c.send("\"other\"\r")
	c.expect(`In \[4\]: `)
	c.send("\x12") // Ctrl-R
	c.send("100")
	c.expect(`x \+ 100`)
	c.send("\r")
	c.expect(`Out\[4\]: 142`)
	c.expect(`In \[5\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalViKeys: with --vi, Escape leaves insert mode and vi's
// commands edit the cell.
func TestTerminalViKeys(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	c := startConsole(t, "--vi")
	c.expect(`In \[1\]: `)
	c.send("yx := 5")
	c.send("\x1b") // normal mode
	time.Sleep(100 * time.Millisecond)
	c.send("0x") // delete the first character
	c.send("\r")
	c.expect(`In \[2\]: `)
	c.send("x\r")
	c.expect(`Out\[2\]: 5`)
	c.expect(`In \[3\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalRestored: after Ctrl-D the terminal has the settings it had
// before igo started (echo, line editing).
func TestTerminalRestored(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	dir := t.TempDir()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal(err)
	}
	c := startConsole(t)
	c.cmd.Process.Kill() // only the environment is wanted; run igo under sh
	c.cmd.Wait()
	script := `stty -g > before; "$0"; stty -g > after`
	c = startConsoleCmd(t, []string{"NO_COLOR=1"}, dir, sh, "-c", script, os.Args[0])
	c.expect(`In \[1\]: `)
	c.send("1 + 1\r")
	c.expect(`Out\[1\]: 2`)
	c.expect(`In \[2\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
	before, err1 := os.ReadFile(filepath.Join(dir, "before"))
	after, err2 := os.ReadFile(filepath.Join(dir, "after"))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if strings.TrimSpace(string(before)) != strings.TrimSpace(string(after)) {
		t.Errorf("terminal settings changed:\nbefore %s\nafter  %s", before, after)
	}
}

// TestTerminalLoad: %load fills the next prompt with a file's cell, to
// edit and run.
func TestTerminalLoad(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	file := filepath.Join(t.TempDir(), "snippet.igo")
	if err := os.WriteFile(file, []byte("a := 2\na * 21\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startConsole(t)
	c.expect(`In \[1\]: `)
	c.send("%load " + file + "\r")
	c.expect(`In \[2\]: a := 2\n   \.\.\.: a \* 21`)
	c.send("\r")
	c.expect(`Out\[2\]: 42`)
	c.expect(`In \[3\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalHelpColours: name? shows its labels in red and the
// signature highlighted; with NO_COLOR the page is plain.
func TestTerminalHelpColours(t *testing.T) {
	t.Setenv("IGO_DIR", t.TempDir())
	t.Setenv("NO_COLOR", "")
	c := startConsoleEnv(t, nil)
	c.expect(`In \[1\]: `)
	c.send("strings.Repeat?\r")
	c.expectRaw("\x1b\\[[0-9;]*mSignature:\x1b\\[0m")
	c.expect(`func strings\.Repeat\(s string, count int\) string`)
	c.expectRaw("\x1b\\[[0-9;]*mDocstring:")
	c.expect(`In \[2\]: `)
	c.send("\x04")
	if err := c.exit(); err != nil {
		t.Fatal(err)
	}
}
