// Package autoawait is the runtime that code rewritten by igo calls: the
// cell context, the runners that carry out `await`, the goroutines of a
// cell and the shell's background tasks.
//
// igo lets a cell `await` anything that waits. The rewrite lowers each
// await to calls of this package, for instance
//
//	v := await fetch(u)
//
// becomes, in essence,
//
//	var v T
//	autoawait.Check(autoawait.Do(func() (err error) { v, err = fetch(u); return }), "In[4]:1:6: await fetch(u)")
//
// and `await ctx` becomes autoawait.Check(autoawait.Wait(ctx.Done()), where).
//
// # Cells
//
// The shell runs every cell between Begin and the end func it returns.
// Begin makes the cell's context current (Context); Do, Wait and
// Task.Wait return as soon as it is done, so an interrupted cell stops at
// its pending await. Check turns what they return into a panic the shell
// recognises: *Error for an error of the awaited call, *Interrupted for an
// interruption or deadline, *PanicError for a panic of the task.
//
//	end := autoawait.Begin(ctx)
//	_, err := i.EvalWithContext(autoawait.Context(), src)
//	if gerr := end(); err == nil {
//		err = gerr
//	}
//
// # Runners
//
// Do hands the awaited call to the selected Runner (Use, Current):
//
//   - "goroutine" (the default) runs it on a worker goroutine and waits for
//     it or for the cell's context. A call that ignores cancellation is
//     abandoned: it finishes in the background (see Abandoned) and its
//     result is dropped. Workers are reused, and exit when idle.
//   - "inline" runs it on the cell's goroutine, with the least overhead;
//     only calls that take the cell's context can be interrupted.
//   - "group" runs it as "goroutine" does, and makes every goroutine the
//     cell starts (Start) a member of the cell's group: the cell ends when
//     all members have returned, and the first member that panics cancels
//     the cell's context and is the cell's error.
//
// An embedding program adds its own runner with Register.
//
// # Goroutines
//
// A `go` statement of a cell becomes Start (or Go), so that a panic in
// the goroutine is reported through the panic handler (SetPanicHandler),
// or becomes the group's error, instead of ending the process:
//
//	go f(x)  =>  { igo_a0 := x; autoawait.Start(func() { f(igo_a0) }) }
//
// # Background tasks
//
// Spawn runs code as a numbered background task under a context of its
// own (`%bg`); Tasks and Job list and find tasks (`%jobs`), Task.Cancel
// cancels one and Task.Wait waits for its result (`await job(N)`).
//
// Symbols exports the package to an interpreter such as yaegi:
//
//	i.Use(autoawait.Symbols)
package autoawait
