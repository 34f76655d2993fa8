package kernel

import (
	"encoding/json"
	"io"
	"sync"

	"github.com/igolang/igo"
)

// input is the shell's standard input. A read with nothing buffered asks
// the client of the running cell for a line with an input_request on the
// stdin channel, when the cell's execute_request allows it; otherwise it
// reads end of file. An interrupt ends the wait with igo.ErrInterrupted.
type input struct {
	k       *Kernel
	replies chan *Message // input_reply messages from the stdin channel

	mu  sync.Mutex // held while asking: one question at a time
	buf []byte     // the rest of the last answer
}

// Read implements io.Reader.
func (in *input) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.buf) == 0 {
		line, err := in.ask()
		if err != nil {
			return 0, err
		}
		in.buf = append(in.buf[:0], line...)
	}
	n := copy(p, in.buf)
	in.buf = in.buf[n:]
	return n, nil
}

// reset drops what a cell left unread.
func (in *input) reset() {
	in.mu.Lock()
	in.buf = in.buf[:0]
	in.mu.Unlock()
}

// ask sends an input_request for the running cell and waits for the
// answer: a line, its newline added.
func (in *input) ask() (string, error) {
	k := in.k
	c := k.running()
	if c == nil || !c.allowStdin {
		return "", io.EOF
	}
	// The prompt the cell printed comes before the question.
	k.flushOutput()
	for len(in.replies) > 0 {
		<-in.replies // an answer to an earlier question
	}
	m := k.newMessage("input_request", c.msg.HeaderJSON(), struct {
		Prompt   string `json:"prompt"`
		Password bool   `json:"password"`
	}{"", false})
	// The client's stdin socket has the identity of its shell socket.
	m.Identities = c.msg.Identities
	k.stdinMu.Lock()
	err := k.send(k.stdin, m)
	k.stdinMu.Unlock()
	if err != nil {
		return "", err
	}
	for {
		select {
		case r := <-in.replies:
			// jupyter_client's input() sends no parent header.
			var parent struct {
				MsgID string `json:"msg_id"`
			}
			json.Unmarshal(r.Parent, &parent)
			if parent.MsgID != "" && parent.MsgID != m.Header.MsgID {
				continue // the answer to an earlier question
			}
			var reply struct {
				Value string `json:"value"`
			}
			if err := json.Unmarshal(r.Content, &reply); err != nil {
				return "", err
			}
			return reply.Value + "\n", nil
		case <-c.ctx.Done():
			return "", igo.ErrInterrupted
		case <-k.done:
			return "", io.EOF
		}
	}
}

// serveStdin hands the input_reply messages of the stdin channel to the
// waiting reader.
func (k *Kernel) serveStdin(ch <-chan *Message) {
	for {
		select {
		case m := <-ch:
			if m.Header.MsgType != "input_reply" {
				k.log.Printf("stdin: ignoring %s", m.Header.MsgType)
				continue
			}
			select {
			case k.input.replies <- m:
			default: // nobody asked
			}
		case <-k.done:
			return
		}
	}
}
