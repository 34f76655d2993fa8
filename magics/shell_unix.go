//go:build unix

package magics

import (
	"os/exec"
	"syscall"
)

// killTree makes cmd run in a process group of its own, which its
// cancellation kills whole: `sh -c 'sleep 10'` leaves no sleep behind.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
