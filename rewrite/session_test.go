package rewrite_test

import (
	"github.com/igolang/igo/internal/testsession"
	"github.com/igolang/igo/rewrite"
)

// newSession is a session over yaegi's standard library and the runtime.
func newSession() *rewrite.Session { return testsession.New() }
