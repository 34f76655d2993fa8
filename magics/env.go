package magics

import (
	"context"
	"io"
)

// Env is the shell as a magic sees it. The root igo package implements it;
// an embedding REPL may implement it for its own evaluator.
type Env interface {
	// Stdout and Stderr are where a magic writes what the user sees.
	Stdout() io.Writer
	Stderr() io.Writer
	// Eval runs Go code in the session, as part of the current cell, and
	// returns the value of its last expression (nil when there is none).
	// Errors carry positions in code's own coordinates.
	Eval(ctx context.Context, code string) (any, error)
	// Vars lists what the session declared, in declaration order.
	Vars() []Var
	// Reset forgets every name the session declared.
	Reset() error
	// Doc returns the documentation of a session name, a package or a
	// package member ("x", "strings", "strings.Repeat", "T.Method").
	// detail is 1 for `name?` and 2 for `name??` (adds source where known).
	Doc(name string, detail int) (string, error)
	// Interactive reports whether a person answers at a terminal.
	Interactive() bool
	// Confirm asks a yes/no question; it returns false when no one can answer.
	Confirm(question string) bool
	// Magics is the registry this shell dispatches to.
	Magics() *Registry
}

// Var is one name the session declared.
type Var struct {
	Name  string
	Kind  string // "var", "const", "func", "type"
	Type  string // the static type, as Go writes it ("[]string", "time.Duration")
	Value any    // the current value of a var or const; nil otherwise
}
