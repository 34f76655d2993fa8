package history

import (
	"os"
	"path/filepath"
)

// Dir returns the directory of the history database: $IGO_DIR if set,
// else $XDG_STATE_HOME/igo, else ~/.local/state/igo. A relative
// XDG_STATE_HOME is ignored, as the XDG base directory specification asks.
// Dir returns "" when none of these is known; [Open] then keeps the
// history in memory.
func Dir() string {
	if d := os.Getenv("IGO_DIR"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "igo")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "state", "igo")
}
