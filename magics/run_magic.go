package magics

import (
	"context"
)

// A FileRunner is an Env whose shell runs files; %run needs one.
type FileRunner interface {
	Env
	// RunFile runs file with args: a Go program (package main) on its own,
	// any other file as cells of the session.
	RunFile(ctx context.Context, file string, args []string) error
}

func newRun() Magic {
	u := Usage{
		Name: "run", Line: true,
		Args:    "FILE [ARGS...]",
		Summary: "Run a Go program, or a file of cells in the session.",
		Doc: `A .go file with package main runs as a program, with ARGS as os.Args[1:].
Any other file (.igo) is a sequence of cells, separated by "// %%" lines
or one per line as at the prompt: they run in this session, so their
declarations stay, and await works at their top level. Errors name the
file, line and column; %run stops at the first failing cell.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		fr, ok := env.(FileRunner)
		if !ok {
			return nil, a.Errorf(u, "this shell does not run files")
		}
		fields, err := a.Fields()
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		if len(fields) == 0 {
			return nil, a.Errorf(u, "no file to run")
		}
		file, err := expandHome(fields[0])
		if err != nil {
			return nil, err
		}
		return nil, fr.RunFile(ctx, file, fields[1:])
	})
}
