package autoawait

import (
	"context"
	"sync"
	"time"
)

// A group holds the goroutines a cell starts under the group runner, in
// the way of trio's nursery: the cell ends when all of them have
// returned, and the first panic cancels the cell's context.
type group struct {
	parent context.Context
	ctx    context.Context
	cancel context.CancelFunc

	mu        sync.Mutex
	n         int           // members running
	idle      chan struct{} // closed by the last member while wait waits
	ended     bool          // wait has returned: Start no longer joins
	abandoned bool          // wait stopped on interruption
	err       error         // the first panic of a member
}

func newGroup(parent context.Context) *group {
	ctx, cancel := context.WithCancel(parent)
	return &group{parent: parent, ctx: ctx, cancel: cancel}
}

// join adds a member unless the group has ended.
func (g *group) join() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ended {
		return false
	}
	g.n++
	return true
}

// run runs f as a member of g.
func (g *group) run(f func()) {
	defer g.leave()
	defer func() {
		if r := recover(); r != nil {
			g.fail(recovered(r))
		}
	}()
	f()
}

// fail records the first panic of a member and cancels the others. A
// panic after the group ended (its cell was interrupted) goes to the
// panic handler, as it would without a group.
func (g *group) fail(err error) {
	g.mu.Lock()
	ended := g.ended
	if g.err == nil && !ended {
		g.err = err
	}
	g.mu.Unlock()
	g.cancel()
	if ended {
		report(err)
	}
}

func (g *group) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	if g.abandoned {
		abandoned.Add(-1)
	}
	if g.n == 0 && g.idle != nil {
		close(g.idle)
		g.idle = nil
	}
}

// wait waits for the members, or for the parent context.
func (g *group) wait() error {
	defer g.cancel()
	g.mu.Lock()
	var idle chan struct{}
	if g.n > 0 {
		idle = make(chan struct{})
		g.idle = idle
	}
	g.mu.Unlock()
	interrupted, failed := false, false
	if idle != nil {
		select {
		case <-idle:
		case <-g.parent.Done():
			interrupted = true
		case <-g.ctx.Done():
			if g.parent.Err() != nil {
				interrupted = true // the cell's own context, not a member
				break
			}
			// A member failed and cancelled the others: those that heed
			// the context end now; the rest are abandoned.
			t := time.NewTimer(settleDelay)
			select {
			case <-idle:
			case <-t.C:
				failed = true
			}
			t.Stop()
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ended = true
	if (interrupted || failed) && g.n > 0 {
		g.abandoned = true
		abandoned.Add(int64(g.n))
	} else {
		interrupted = false
	}
	if g.err == nil && interrupted {
		return &Interrupted{Err: g.parent.Err()}
	}
	return g.err
}

// Start starts f as a goroutine of the current cell. Rewritten `go`
// statements of a cell call it:
//
//	go f(x)  =>  { igo_a0 := x; autoawait.Start(func() { f(igo_a0) }) }
//
// Under the group runner f joins the cell's group before Start returns, so
// the cell's end waits for it, and a panic in f becomes the group's error
// and cancels the cell's context. Otherwise Start is `go Go(f)`: a panic
// in f goes to the panic handler. Neither crashes the process.
func Start(f func()) {
	if c := current.Load(); c != nil && c.group != nil && c.group.join() {
		go c.group.run(f)
		return
	}
	go Go(f)
}
