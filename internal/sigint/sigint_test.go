package sigint

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func TestOnInterrupt(t *testing.T) {
	got := make(chan struct{}, 1)
	stop := OnInterrupt(func() { got <- struct{}{} })
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("f was not called for SIGINT")
	}
}
