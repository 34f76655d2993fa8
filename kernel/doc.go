// Package kernel serves an igo shell to Jupyter: notebooks, JupyterLab,
// jupyter console and any other client of the Jupyter messaging protocol
// (version 5.3), over ZeroMQ (github.com/go-zeromq/zmq4, pure Go).
//
// Jupyter starts a kernel with a connection file, which names five ports
// and the key that signs every message:
//
//	conn, err := kernel.ReadConnectionFile(file)
//	if err != nil {
//		return err
//	}
//	k, err := kernel.New(conn, &kernel.Options{Version: "v0.1.0"})
//	if err != nil {
//		return err
//	}
//	return k.Run(ctx) // until shutdown_request
//
// Cells run through igo.Shell.RunCell, as at the terminal: an
// execute_request publishes execute_input, then stream messages carrying
// what the cell (and any goroutine it started) writes, then its value
// (execute_result, the text the terminal shows after Out[n]) or its error
// (ename CompileError, AwaitError, Panic, Interrupted, UsageError...,
// traceback the terminal's text, positions as In[3]:2:7). complete_request
// is the terminal's Tab, inspect_request its `name?` and `name??`,
// is_complete_request its rule for when a cell is finished; history_request
// reads igo's history database. A cell that reads standard input asks the
// client with input_request. interrupt_request on the control channel,
// served beside a running cell, stops it as Ctrl-C does; so does
// [Kernel.Interrupt], and SIGINT after [Kernel.HandleSignals]. With
// Options.CaptureOutput, what cells write to os.Stdout and os.Stderr
// themselves is published too. What cells display with package display
// is published as display_data, and a value with a rich form is an
// execute_result with all its MIME types.
//
// [Codec] is the wire format alone: frames to [Message] and back, with
// HMAC signatures. [Spec] is the kernelspec that `igo kernel install`
// writes.
package kernel
