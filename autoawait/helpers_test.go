package autoawait_test

import (
	"bytes"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/igolang/igo/autoawait"
)

// within runs f and fails the test if it has not returned after d: a
// broken runner must fail a test, not hang it.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s has not returned after %v", what, d)
	}
}

// useRunner selects the runner name for the test.
func useRunner(t *testing.T, name string) {
	t.Helper()
	old := autoawait.Current()
	if err := autoawait.Use(name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { autoawait.Use(old) })
}

// goid returns the current goroutine's id.
func goid() int {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	buf = bytes.TrimPrefix(buf, []byte("goroutine "))
	buf = buf[:bytes.IndexByte(buf, ' ')]
	id, _ := strconv.Atoi(string(buf))
	return id
}
