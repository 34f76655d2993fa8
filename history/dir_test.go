package history

import (
	"path/filepath"
	"testing"
)

func TestDir(t *testing.T) {
	home := t.TempDir()
	tests := []struct{ name, igoDir, xdg, want string }{
		{"IGO_DIR wins", "/opt/igo", "/state", "/opt/igo"},
		{"XDG_STATE_HOME", "", "/state", filepath.Join("/state", "igo")},
		{"relative XDG_STATE_HOME is ignored", "", "state", filepath.Join(home, ".local", "state", "igo")},
		{"home", "", "", filepath.Join(home, ".local", "state", "igo")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HOME", home)
			t.Setenv("USERPROFILE", home) // Windows
			t.Setenv("IGO_DIR", tt.igoDir)
			t.Setenv("XDG_STATE_HOME", tt.xdg)
			if got := Dir(); got != tt.want {
				t.Errorf("Dir() = %q, want %q", got, tt.want)
			}
		})
	}
}
