package autoawait

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// The goroutine runner hands tasks to worker goroutines kept in a pool
// instead of starting a goroutine per task: in an interpreted loop of
// awaits, a worker is woken instead of created. A worker whose task is
// abandoned goes back to the pool when the task returns; one that stays
// idle for idleTimeout exits, so the pool costs no goroutines once the
// shell is idle.

// Worker states.
const (
	stateIdle      = iota
	stateBusy      // running a task for a caller that waits for it
	stateAbandoned // running a task whose caller has gone
)

var (
	// idleTimeout is how long an idle worker waits for a task before it
	// exits.
	idleTimeout = 250 * time.Millisecond
	// maxIdle bounds the number of idle workers.
	maxIdle = 64

	errGoexit = errors.New("autoawait: task called runtime.Goexit")
)

type worker struct {
	job   chan func() error // unbuffered: a hand-off to the worker
	res   chan error        // buffered: the worker never waits for its caller
	state atomic.Int32
	dead  bool // set by the worker before it exits through runtime.Goexit
	// idleSince is the pool's epoch when the worker last became idle.
	idleSince uint64
}

// result receives the task's result and gives the worker back.
func (w *worker) result() error {
	err := <-w.res
	workers.put(w)
	return err
}

func (w *worker) loop() {
	running := false
	defer func() {
		if running { // the task called runtime.Goexit
			w.dead = true
			w.finish(errGoexit)
		}
	}()
	for task := range w.job {
		running = true
		err := call(task)
		running = false
		w.finish(err)
	}
}

// finish hands err to the waiting caller, or drops it if the caller
// abandoned the task.
func (w *worker) finish(err error) {
	if w.state.CompareAndSwap(stateBusy, stateIdle) {
		w.res <- err
		return
	}
	w.state.Store(stateIdle)
	abandoned.Add(-1)
	workers.put(w)
}

type pool struct {
	mu    sync.Mutex
	idle  []*worker // oldest first
	epoch uint64
	timer *time.Timer // sweeps while idle workers exist
	armed bool
}

var workers pool

func (p *pool) get() *worker {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return w
	}
	p.mu.Unlock()
	w := &worker{job: make(chan func() error), res: make(chan error, 1)}
	go w.loop()
	return w
}

func (p *pool) put(w *worker) {
	if w.dead {
		return
	}
	p.mu.Lock()
	if len(p.idle) >= maxIdle {
		p.mu.Unlock()
		close(w.job)
		return
	}
	w.idleSince = p.epoch
	p.idle = append(p.idle, w)
	if !p.armed {
		p.armed = true
		if p.timer == nil {
			p.timer = time.AfterFunc(idleTimeout, p.sweep)
		} else {
			p.timer.Reset(idleTimeout)
		}
	}
	p.mu.Unlock()
}

// sweep ends the workers that have been idle since the sweep before.
func (p *pool) sweep() {
	p.mu.Lock()
	defer p.mu.Unlock()
	cut := p.epoch
	p.epoch++
	n := 0
	for n < len(p.idle) && p.idle[n].idleSince < cut {
		close(p.idle[n].job)
		n++
	}
	if n > 0 {
		k := copy(p.idle, p.idle[n:])
		clear(p.idle[k:])
		p.idle = p.idle[:k]
	}
	if len(p.idle) > 0 {
		p.timer.Reset(idleTimeout)
	} else {
		p.armed = false
	}
}
