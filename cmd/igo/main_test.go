package main

import (
	"os"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// The terminal tests run this binary as igo under a pseudo-terminal.
	if os.Getenv("IGO_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	testscript.Main(m, map[string]func(){
		"igo": main,
	})
}

// TestScript runs the transcripts in testdata/script: one behaviour of the
// igo command per file.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("GOROOT", os.Getenv("GOROOT"))
			return nil
		},
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"sleep": cmdSleep,
		},
	})
}

// cmdSleep waits: sleep DURATION.
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}
