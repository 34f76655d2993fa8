//go:build !unix

package magics

import "os/exec"

// killTree leaves cmd's cancellation as exec does it: the process is killed.
func killTree(cmd *exec.Cmd) {}
