// Package sigint runs a function on each interrupt (SIGINT, Ctrl-C)
// instead of letting it end the process: the terminal and the Jupyter
// kernel cancel the running cell with it.
package sigint

import (
	"os"
	"os/signal"
)

// OnInterrupt calls f, on a goroutine of its own, for each interrupt the
// process gets until stop is called; then interrupts have their default
// effect again.
func OnInterrupt(f func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				f()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
