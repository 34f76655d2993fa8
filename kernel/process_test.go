//go:build unix

package kernel

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestProcess runs a kernel as Jupyter does, in a process of its own,
// with CaptureOutput and HandleSignals as the igo command sets them:
// os.Stdout and os.Stderr of cells are streams, SIGINT interrupts a
// cell, shutdown_request ends the process.
func TestProcess(t *testing.T) {
	file := writeConnectionFile(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKernelProcess$")
	cmd.Env = append(os.Environ(), "IGO_TEST_KERNEL="+file)
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("kernel process output:\n%s", logs)
		}
	})
	var info ConnectionInfo
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		data, err := os.ReadFile(file + ".ports")
		if err == nil && json.Unmarshal(data, &info) == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the kernel process did not start")
		}
	}
	c := dial(t, info)

	out, _ := c.execute(`fmt.Fprintln(os.Stderr, "to stderr"); os.Stdout.WriteString("direct\n")`, nil)
	if got := streamText(t, out, "stderr"); got != "to stderr\n" {
		t.Errorf("stderr stream %q", got)
	}
	if got := streamText(t, out, "stdout"); got != "direct\n" {
		t.Errorf("stdout stream %q", got)
	}

	c.execute("x := 41", nil)
	id := c.send(c.shell, "execute_request", map[string]any{"code": "for {}"})
	c.waitIOPubType(id, "execute_input")
	cmd.Process.Signal(os.Interrupt)
	out = c.outputs(id, 10*time.Second)
	if e := content[errorContent](t, out[len(out)-1]); e.Ename != "Interrupted" {
		t.Errorf("after SIGINT: %s %+v", types(out), e)
	}
	c.waitReply(c.shellCh, id, 5*time.Second)
	out, _ = c.execute("x", nil)
	if res := content[executeResult](t, out[len(out)-1]); res.Data["text/plain"] != "41" {
		t.Errorf("after SIGINT, x = %v", res.Data)
	}

	// Old clients ask to shut down on the shell channel.
	id = c.send(c.shell, "shutdown_request", map[string]any{"restart": false})
	c.waitReply(c.shellCh, id, 5*time.Second)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("kernel process: %v", err)
		}
		exited <- err
	case <-time.After(10 * time.Second):
		t.Error("the kernel process did not exit after shutdown_request")
	}
}

// TestKernelProcess is the kernel process of TestProcess.
func TestKernelProcess(t *testing.T) {
	file := os.Getenv("IGO_TEST_KERNEL")
	if file == "" {
		t.Skip("the kernel process of TestProcess")
	}
	conn, err := ReadConnectionFile(file)
	if err != nil {
		t.Fatal(err)
	}
	k, err := New(conn, &Options{Version: "test", CaptureOutput: true})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(k.ConnectionInfo())
	if err := os.WriteFile(file+".tmp", data, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Rename(file+".tmp", file+".ports")
	defer k.HandleSignals()()
	if err := k.Run(context.Background()); err != nil {
		os.Exit(1)
	}
	os.Exit(0)
}
