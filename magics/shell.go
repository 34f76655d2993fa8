package magics

import (
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/scanner"
	"os/exec"
	"strings"
	"time"
)

// runShell runs a ShellCommand segment; see [Run].
func runShell(ctx context.Context, env Env, seg Segment) (any, error) {
	line, err := expandShell(ctx, env, seg)
	if err != nil {
		return nil, err
	}
	lines, err := runCommand(ctx, env, exec.CommandContext(ctx, "sh", "-c", line), seg.Assign != "")
	if err != nil || seg.Assign == "" {
		return nil, err
	}
	return lines, nil
}

// runCommand runs cmd, made with exec.CommandContext(ctx, ...), as a shell
// command runs (see [Run]): its standard error streams to env.Stderr(), its
// standard output to env.Stdout() or, when capture is set, into the lines
// it returns. It reads no input. When ctx is done, cmd and the processes
// it started are killed and the error is ctx.Err().
func runCommand(ctx context.Context, env Env, cmd *exec.Cmd, capture bool) ([]string, error) {
	killTree(cmd)
	// A process left in the background (`!server &`) may hold the output
	// open; stop waiting for it soon after sh exits.
	cmd.WaitDelay = 500 * time.Millisecond
	cmd.Stderr = env.Stderr()
	var out strings.Builder
	if capture {
		cmd.Stdout = &out
	} else {
		cmd.Stdout = env.Stdout()
	}
	err := cmd.Run()
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
		return nil, err
	}
	if !capture {
		return nil, nil
	}
	return outputLines(out.String()), nil
}

// outputLines splits a command's output into lines, without a last empty
// line or carriage returns.
func outputLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return []string{}
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// expandShell replaces {expr} in seg.Text by the value of expr; see [Run].
func expandShell(ctx context.Context, env Env, seg Segment) (string, error) {
	s := seg.Text
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c:
			i++ // {{ => {, }} => }
		case c == '{' && (i == 0 || s[i-1] != '$'):
			end := closingBrace(s, i)
			if end < 0 {
				break
			}
			expr := s[i+1 : end]
			if strings.TrimSpace(expr) == "" {
				break
			}
			if _, err := parser.ParseExpr(expr); err != nil {
				break
			}
			v, err := env.Eval(ctx, expr)
			if err != nil {
				return "", shiftError(err, seg.Line, seg.Col+i+1)
			}
			b.WriteString(fmt.Sprint(v))
			i = end
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// closingBrace returns the index of the brace that closes the one at
// s[open], skipping Go string and rune literals, or -1.
func closingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'', '`':
			for i++; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' && c != '`' {
					i++
				}
			}
			if i >= len(s) {
				return -1
			}
		}
	}
	return -1
}

// shiftError moves the positions of err, an error in code that starts at
// line, col of the cell, to the cell's coordinates.
func shiftError(err error, line, col int) error {
	shift := func(e *scanner.Error) *scanner.Error {
		e2 := *e
		if e2.Pos.Line == 1 {
			e2.Pos.Column += col - 1
		}
		e2.Pos.Line += line - 1
		return &e2
	}
	var list scanner.ErrorList
	if errors.As(err, &list) {
		out := make(scanner.ErrorList, len(list))
		for i, e := range list {
			out[i] = shift(e)
		}
		return out
	}
	var e *scanner.Error
	if errors.As(err, &e) {
		return shift(e)
	}
	return fmt.Errorf("%d:%d: %w", line, col, err)
}
