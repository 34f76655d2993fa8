package kernel

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInstall(t *testing.T) {
	kernels := PrefixKernelsDir(t.TempDir())
	dir, err := NewSpec("/opt/igo/bin/igo").Install(kernels, "igo-dev")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(kernels, "igo-dev"); dir != want {
		t.Errorf("Install wrote %s, want %s", dir, want)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"argv":           []any{"/opt/igo/bin/igo", "kernel", "-f", "{connection_file}"},
		"display_name":   "Go (igo)",
		"language":       "go",
		"interrupt_mode": "message",
		"metadata":       map[string]any{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kernel.json (-want +got):\n%s", diff)
	}
	for _, size := range []int{32, 64} {
		f, err := os.ReadFile(filepath.Join(dir, "logo-"+itoa(size)+"x"+itoa(size)+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(f))
		if err != nil {
			t.Fatalf("logo %d: %v", size, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("logo %d is %v", size, b)
		}
	}
	// Installing again replaces the spec.
	if _, err := NewSpec("/usr/bin/igo").Install(kernels, "igo-dev"); err != nil {
		t.Fatal(err)
	}
	if _, err := NewSpec("igo").Install(kernels, "bad/name"); err == nil {
		t.Error("Install with name bad/name: no error")
	}
}

func TestUserKernelsDir(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/data/jupyter")
	if d, _ := UserKernelsDir(); d != filepath.Join("/data/jupyter", "kernels") {
		t.Errorf("with JUPYTER_DATA_DIR: %s", d)
	}
	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if d, _ := UserKernelsDir(); d != "/xdg/jupyter/kernels" {
		t.Errorf("with XDG_DATA_HOME: %s", d)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/gopher")
	if d, _ := UserKernelsDir(); d != "/home/gopher/.local/share/jupyter/kernels" {
		t.Errorf("default: %s", d)
	}
}

func TestSysPrefixKernelsDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as python")
	}
	dir := t.TempDir()
	python := filepath.Join(dir, "python3")
	if err := os.WriteFile(python, []byte("#!/bin/sh\necho /opt/conda/envs/go\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := SysPrefixKernelsDir(python)
	if err != nil {
		t.Fatal(err)
	}
	if d != "/opt/conda/envs/go/share/jupyter/kernels" {
		t.Errorf("SysPrefixKernelsDir = %s", d)
	}
	broken := filepath.Join(dir, "broken")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\necho no such module >&2; exit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := SysPrefixKernelsDir(broken); err == nil {
		t.Error("failing python: no error")
	}
	if _, err := SysPrefixKernelsDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing python: no error")
	}
}

func TestReadConnectionFile(t *testing.T) {
	dir := t.TempDir()
	write := func(text string) string {
		f := filepath.Join(dir, "c.json")
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	c, err := ReadConnectionFile(write(`{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
		"control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k",
		"transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "igo"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &ConnectionInfo{"tcp", "127.0.0.1", 5001, 5002, 5003, 5004, 5005, "k", "hmac-sha256", "igo"}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if e := c.Endpoint(c.IOPubPort); e != "tcp://127.0.0.1:5002" {
		t.Errorf("Endpoint = %s", e)
	}
	c.Transport, c.IP = "ipc", "/tmp/kernel-1"
	if e := c.Endpoint(c.HBPort); e != "ipc:///tmp/kernel-1-5005" {
		t.Errorf("ipc Endpoint = %s", e)
	}
	for _, bad := range []string{
		`{"ip": "127.0.0.1", "transport": "udp"}`,
		`{"transport": "tcp"}`,
		`{"ip": "127.0.0.1", "signature_scheme": "rot13"}`,
		`{"ip": "127.0.0.1", "shell_port": 70000}`,
		`not json`,
	} {
		if _, err := ReadConnectionFile(write(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if _, err := ReadConnectionFile(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}
