package magics

import (
	"context"
	"fmt"
)

// ResetQuestion is what %reset asks before it forgets the session.
const ResetQuestion = "Once deleted, variables cannot be recovered. Proceed (y/[n])?"

func newReset() Magic {
	u := Usage{
		Name:    "reset",
		Line:    true,
		Args:    "[-f]",
		Summary: "Forget every name the session declared.",
		Doc: `Asks "` + ResetQuestion + `"
first, unless -f is given or no one is at a terminal, and prints
"Nothing done." when the answer is no.

    -f  do not ask`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		fs := NewFlagSet(u)
		force := fs.Bool("f", false, "do not ask")
		args, err := a.Flags(u, fs)
		if err != nil {
			return nil, err
		}
		if len(args) > 0 {
			return nil, a.Errorf(u, "unexpected argument %q", args[0])
		}
		if !*force && env.Interactive() && !env.Confirm(ResetQuestion) {
			_, err := fmt.Fprintln(env.Stdout(), "Nothing done.")
			return nil, err
		}
		return nil, env.Reset()
	})
}
