package main

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

// session runs the REPL over cells, one a line, and returns what it
// printed on out and on errOut.
func session(t *testing.T, cells ...string) (out, errOut string) {
	t.Helper()
	var o, e strings.Builder
	if err := run(strings.NewReader(strings.Join(cells, "\n")+"\n"), &o, &e); err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String()
}

func TestSession(t *testing.T) {
	out, errOut := session(t,
		`ch := make(chan int, 1); ch <- 41`, // In[1]
		`await ch + 1`,                      // In[2]
		`x := await strconv.Atoi("7")`,      // In[3]: strconv is imported on first use
		`x * 6`,                             // In[4]
		`%who`,                              // In[5]
		`nosuch + 1`,                        // In[6]
		`fetch := func(ctx context.Context) (string, error) { return "ok", nil }`,
		`await fetch`, // In[8]: fetch gets the cell's context
		`for i := 0; i < 2; i++ {`,
		`	fmt.Println("line", i)`,
		`}`,                 // In[9]: one cell of three lines
		`!echo shell {x+1}`, // In[10]
		`x?`,                // In[11]
		`%`,                 // In[12]
	)
	want := `Out[2]: 42
Out[4]: 42
ch	x
Out[8]: ok
line 0
line 1
shell 8
var x int
`
	if out != want {
		t.Errorf("out:\n%s\nwant:\n%s", out, want)
	}
	for _, want := range []string{
		"error: In[6]:1:1: undefined: nosuch\n",
		"error: In[12]:1:1: missing magic name after %\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("errOut lacks %q:\n%s", want, errOut)
		}
	}
}

func TestAwaitError(t *testing.T) {
	out, errOut := session(t,
		`n := await strconv.Atoi("x")`,
		`"still alive"`,
	)
	if want := `error: In[1]:1:6: await strconv.Atoi("x"): strconv.Atoi: parsing "x": invalid syntax`; !strings.Contains(errOut, want) {
		t.Errorf("errOut = %q, want it to contain %q", errOut, want)
	}
	if out != "Out[2]: still alive\n" {
		t.Errorf("out = %q", out)
	}
}

// TestInterrupt sends SIGINT to the test process while a cell awaits: the
// cell stops, the REPL goes on.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT on Windows")
	}
	pr, pw := io.Pipe()
	var out strings.Builder
	read := make(chan struct{})
	go func() { // copy out, and press Ctrl-C when the cell waits
		defer close(read)
		lines := bufio.NewScanner(pr)
		for lines.Scan() {
			out.WriteString(lines.Text() + "\n")
			if lines.Text() == "waiting" {
				p, _ := os.FindProcess(os.Getpid())
				if err := p.Signal(os.Interrupt); err != nil {
					t.Error(err)
				}
			}
		}
	}()
	// (Awaiting a context, not an interpreted func: an interpreted task
	// would finish on its own goroutine while the next cell runs, which
	// the race detector reports as a race in yaegi.)
	in := strings.NewReader(`ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
fmt.Println("waiting"); await ctx
"after"
`)
	var errOut strings.Builder
	err := run(in, pw, &errOut)
	pw.Close()
	<-read
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "error: interrupted\n") {
		t.Errorf("errOut = %q, want an interruption", errOut.String())
	}
	if want := "waiting\nOut[3]: after\n"; out.String() != want {
		t.Errorf("out = %q, want %q", out.String(), want)
	}
}
