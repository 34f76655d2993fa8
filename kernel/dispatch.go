package kernel

import (
	"encoding/json"

	"github.com/go-zeromq/zmq4"
)

type statusContent struct {
	ExecutionState string `json:"execution_state"`
}

// busy publishes status busy for req and returns the func that publishes
// idle.
func (k *Kernel) busy(req *Message) func() {
	parent := req.HeaderJSON()
	k.publish(parent, "status", statusContent{"busy"})
	return func() { k.publish(parent, "status", statusContent{"idle"}) }
}

// serveControl answers the control channel, beside a running cell.
func (k *Kernel) serveControl(ch <-chan *Message) {
	for {
		select {
		case m := <-ch:
			idle := k.busy(m)
			switch m.Header.MsgType {
			case "kernel_info_request":
				k.reply(k.control, m, "kernel_info_reply", k.info())
			case "interrupt_request":
				k.Interrupt()
				k.reply(k.control, m, "interrupt_reply", okContent{"ok"})
			case "shutdown_request":
				k.shutdown(k.control, m)
			default:
				k.log.Printf("control: ignoring %s", m.Header.MsgType)
			}
			idle()
		case <-k.done:
			return
		}
	}
}

type okContent struct {
	Status string `json:"status"`
}

// shutdown answers a shutdown_request and ends Run. Restarting is the
// client's business: it starts a new kernel.
func (k *Kernel) shutdown(s zmq4.Socket, m *Message) {
	var c struct {
		Restart bool `json:"restart"`
	}
	json.Unmarshal(m.Content, &c)
	k.reply(s, m, "shutdown_reply", struct {
		Status  string `json:"status"`
		Restart bool   `json:"restart"`
	}{"ok", c.Restart})
	k.stop(nil)
}

// serveShell answers the shell channel, one request after the other: an
// execute_request waits for the one before it.
func (k *Kernel) serveShell(ch chan *Message) {
	defer close(k.shellEnd)
	for {
		select {
		case m := <-ch:
			if !k.serveShellMessage(m) {
				k.abortQueued(ch)
			}
		case <-k.done:
			return
		}
	}
}

// serveShellMessage answers one shell request. It returns false for an
// execute_request that failed and asked to stop on error.
func (k *Kernel) serveShellMessage(m *Message) bool {
	idle := k.busy(m)
	defer idle()
	switch m.Header.MsgType {
	case "execute_request":
		return k.execute(m)
	case "kernel_info_request":
		k.reply(k.shell, m, "kernel_info_reply", k.info())
	case "complete_request":
		k.reply(k.shell, m, "complete_reply", k.complete(m))
	case "inspect_request":
		k.reply(k.shell, m, "inspect_reply", k.inspect(m))
	case "is_complete_request":
		k.reply(k.shell, m, "is_complete_reply", k.isComplete(m))
	case "history_request":
		k.reply(k.shell, m, "history_reply", k.history(m))
	case "comm_info_request":
		k.reply(k.shell, m, "comm_info_reply", struct {
			Comms  struct{} `json:"comms"`
			Status string   `json:"status"`
		}{Status: "ok"})
	case "shutdown_request":
		k.shutdown(k.shell, m)
	case "comm_open", "comm_msg", "comm_close":
		// No comms: widgets are not supported.
	default:
		k.log.Printf("shell: ignoring %s", m.Header.MsgType)
	}
	return true
}

// abortQueued answers the execute_requests already queued after a cell
// that failed with "aborted", as IPython does when a cell of "Run all"
// fails; other requests are served.
func (k *Kernel) abortQueued(ch chan *Message) {
	for {
		select {
		case m := <-ch:
			if m.Header.MsgType != "execute_request" {
				k.serveShellMessage(m)
				continue
			}
			idle := k.busy(m)
			k.reply(k.shell, m, "execute_reply", okContent{"aborted"})
			idle()
		default:
			return
		}
	}
}
