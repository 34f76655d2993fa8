package autoawait

import (
	"context"
	"sync/atomic"
)

// A cell is one evaluation of the shell: its context, the cell it
// interrupted (cells nest when a magic runs code) and, under the group
// runner, its group of goroutines.
type cell struct {
	ctx   context.Context
	prev  *cell
	group *group
	ended atomic.Bool
}

// current is the running cell; nil outside a cell.
var current atomic.Pointer[cell]

// Begin starts a cell running under ctx with the current runner; the
// shell calls it around every cell:
//
//	end := autoawait.Begin(ctx)
//	_, err := i.EvalWithContext(autoawait.Context(), src)
//	if gerr := end(); err == nil {
//		err = gerr
//	}
//
// Under the group runner the cell gets a context of its own, derived from
// ctx, which the first panicking member of the group cancels: evaluating
// the cell under Context(), as above, stops the cell's own code too.
//
// The returned end waits for the members of the cell's group (group
// runner only), restores the cell that was current when Begin was called,
// and returns the first panic of a group member as a *PanicError, nil
// otherwise. If ctx is done while end waits, end stops waiting: the
// members still running are abandoned (see Abandoned) and end returns an
// *Interrupted unless a member panicked. Calling end again does nothing.
func Begin(ctx context.Context) (end func() error) {
	if ctx == nil {
		ctx = context.Background()
	}
	c := &cell{ctx: ctx, prev: current.Load()}
	if _, ok := selected.Load().r.(groupRunner); ok {
		c.group = newGroup(ctx)
		c.ctx = c.group.ctx
	}
	current.Store(c)
	return c.end
}

func (c *cell) end() error {
	if !c.ended.CompareAndSwap(false, true) {
		return nil
	}
	var err error
	if c.group != nil {
		err = c.group.wait()
	}
	current.Store(c.prev)
	return err
}

// Context returns the current cell's context, or context.Background()
// outside a cell. Rewritten code passes it to awaited funcs that take a
// context.Context.
func Context() context.Context {
	if c := current.Load(); c != nil {
		return c.ctx
	}
	return context.Background()
}
