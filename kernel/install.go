package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

// A Spec is a kernelspec: the kernel.json that tells Jupyter how to start
// a kernel.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Metadata      map[string]any `json:"metadata"`
}

// NewSpec is igo's kernelspec: Jupyter runs `exe kernel -f FILE` and
// interrupts a cell with interrupt_request.
func NewSpec(exe string) *Spec {
	return &Spec{
		Argv:          []string{exe, "kernel", "-f", "{connection_file}"},
		DisplayName:   "Go (igo)",
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{},
	}
}

// DefaultName is the name igo's kernelspec is installed under.
const DefaultName = "igo"

var validName = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// Install writes the kernelspec into kernelsDir/name: kernel.json and
// the logos logo-32x32.png and logo-64x64.png. It returns the directory.
func (s *Spec) Install(kernelsDir, name string) (string, error) {
	if !validName.MatchString(name) {
		return "", fmt.Errorf("bad kernel name %q: use letters, digits, '.', '_' and '-'", name)
	}
	dir := filepath.Join(kernelsDir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(data, '\n'), 0o644); err != nil {
		return "", err
	}
	for _, size := range []int{32, 64} {
		f := filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size))
		if err := os.WriteFile(f, Logo(size), 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// UserKernelsDir is where `jupyter kernelspec install --user` puts
// kernelspecs: kernels in $JUPYTER_DATA_DIR, else in Jupyter's data
// directory (~/.local/share/jupyter, or $XDG_DATA_HOME/jupyter, on Linux;
// ~/Library/Jupyter on macOS; %APPDATA%\jupyter on Windows).
func UserKernelsDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("APPDATA"); d != "" {
			return filepath.Join(d, "jupyter", "kernels"), nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jupyter", "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// PrefixKernelsDir is where kernelspecs of an installation prefix live
// (`jupyter kernelspec install --prefix DIR`).
func PrefixKernelsDir(prefix string) string {
	return filepath.Join(prefix, "share", "jupyter", "kernels")
}

// SysPrefixKernelsDir is the kernelspec directory of the Python
// environment python runs in (`--sys-prefix`), asking it for sys.prefix.
func SysPrefixKernelsDir(python string) (string, error) {
	out, err := exec.Command(python, "-c", "import sys; print(sys.prefix)").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && len(ee.Stderr) > 0 {
			err = fmt.Errorf("%v: %s", err, strings.TrimSpace(string(ee.Stderr)))
		}
		return "", fmt.Errorf("asking %s for sys.prefix: %w", python, err)
	}
	prefix := strings.TrimSpace(string(out))
	if prefix == "" {
		return "", fmt.Errorf("%s printed no sys.prefix", python)
	}
	return PrefixKernelsDir(prefix), nil
}
