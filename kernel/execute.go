package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/scanner"
	"maps"
	"strings"

	"github.com/igolang/igo"
	"github.com/igolang/igo/display"
)

// executeRequest is the content of an execute_request.
type executeRequest struct {
	Code         string `json:"code"`
	Silent       bool   `json:"silent"`
	StoreHistory *bool  `json:"store_history"`
	AllowStdin   bool   `json:"allow_stdin"`
	StopOnError  *bool  `json:"stop_on_error"`
}

// executeInput is the content of execute_input.
type executeInput struct {
	Code           string `json:"code"`
	ExecutionCount int    `json:"execution_count"`
}

// executeReply is the content of an execute_reply; the error fields are
// set when Status is "error".
type executeReply struct {
	Status          string   `json:"status"`
	ExecutionCount  int      `json:"execution_count"`
	UserExpressions struct{} `json:"user_expressions"`
	Payload         []any    `json:"payload"`
	*errorContent            // ename, evalue, traceback
}

// errorContent is the content of an error message, and part of an
// execute_reply.
type errorContent struct {
	Ename     string   `json:"ename"`
	Evalue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// executeResult is the content of an execute_result (and, without the
// count, of display_data).
type executeResult struct {
	ExecutionCount int            `json:"execution_count"`
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
}

// execute runs the cell of an execute_request: the code goes to the
// shell as typed at the terminal, what it writes is published as it
// comes, then its value or error. It returns false when the cell failed
// and the request asks to stop on error.
func (k *Kernel) execute(m *Message) bool {
	var req executeRequest
	if err := json.Unmarshal(m.Content, &req); err != nil {
		k.log.Printf("execute_request: %v", err)
		k.reply(k.shell, m, "execute_reply", executeReply{
			Status: "error", ExecutionCount: k.sh.Count(), Payload: []any{},
			errorContent: &errorContent{Ename: "BadRequest", Evalue: err.Error(), Traceback: []string{err.Error()}},
		})
		return true
	}
	parent := m.HeaderJSON()
	if k.sh.IsExit(req.Code) {
		// A console leaves, as the terminal does on exit or quit.
		if !req.Silent {
			k.publish(parent, "execute_input", executeInput{req.Code, k.sh.Count()})
		}
		k.reply(k.shell, m, "execute_reply", executeReply{
			Status: "ok", ExecutionCount: k.sh.Count(),
			Payload: []any{map[string]any{"source": "ask_exit", "keepkernel": false}},
		})
		return true
	}
	n := k.sh.Count()
	if strings.TrimSpace(req.Code) != "" {
		n++
	}
	c := k.begin(m, req.AllowStdin)
	if !req.Silent {
		k.publish(parent, "execute_input", executeInput{req.Code, n})
	}
	// A silent cell, or one the client keeps out of the history, is not
	// recorded (it still takes a number: the shell names cells by it).
	var opts *igo.CellOptions
	if req.Silent || req.StoreHistory != nil && !*req.StoreHistory {
		opts = &igo.CellOptions{NoHistory: true}
	}
	res, err := k.sh.RunCell(c.ctx, req.Code, opts)
	k.end(c)
	// Everything the cell wrote comes before its result.
	k.flushOutput()

	count := k.sh.Count()
	if res != nil {
		count = res.Count
	}
	reply := executeReply{Status: "ok", ExecutionCount: count, Payload: c.payload}
	if reply.Payload == nil {
		reply.Payload = []any{}
	}
	if err != nil {
		e := errorOf(err)
		if !req.Silent {
			k.publish(parent, "error", e)
		}
		reply.Status, reply.errorContent = "error", e
		k.reply(k.shell, m, "execute_reply", reply)
		return req.StopOnError != nil && !*req.StopOnError
	}
	if res != nil && res.HasValue {
		k.mu.Lock()
		k.outputs[res.Count] = res.PlainText()
		k.mu.Unlock()
		if !req.Silent {
			data, metadata := resultData(res)
			k.publish(parent, "execute_result", executeResult{res.Count, data, metadata})
		}
	}
	k.reply(k.shell, m, "execute_reply", reply)
	return true
}

// resultData is the MIME bundle of a cell's value: its rich forms, if
// it has any, and as text/plain the text the terminal shows after Out[n]
// (a rich value's own text/plain, else Result.Text).
func resultData(res *igo.Result) (data, metadata map[string]any) {
	data = make(map[string]any, len(res.Display.Data)+1)
	maps.Copy(data, res.Display.Data)
	data["text/plain"] = res.PlainText()
	metadata = res.Display.Metadata
	if metadata == nil {
		metadata = map[string]any{}
	}
	return data, metadata
}

// publishDisplay publishes what a cell displays (display.HTML(...),
// display.Value(v)) as a display_data message of the running cell, or of
// the last one for a goroutine that outlived it. It is the shell's
// Options.Display.
func (k *Kernel) publishDisplay(b display.Bundle) {
	k.flushOutput() // what was printed before comes before
	metadata := b.Metadata
	if metadata == nil {
		metadata = map[string]any{}
	}
	k.publish(k.outputParent(), "display_data", struct {
		Data      map[string]any `json:"data"`
		Metadata  map[string]any `json:"metadata"`
		Transient struct{}       `json:"transient"`
	}{Data: b.Data, Metadata: metadata})
}

// setNextInput asks the client to fill in the next input with text
// (%load): a payload of the running cell's execute_reply. It is the
// shell's Options.SetNextInput.
func (k *Kernel) setNextInput(text string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.cur != nil {
		k.cur.payload = append(k.cur.payload, map[string]any{"source": "set_next_input", "text": text, "replace": false})
	}
}

// begin records m as the running cell, to be interrupted and to own its
// output and input.
func (k *Kernel) begin(m *Message, allowStdin bool) *cell {
	ctx, cancel := context.WithCancel(context.Background())
	c := &cell{msg: m, allowStdin: allowStdin, ctx: ctx, cancel: cancel}
	k.input.reset()
	k.mu.Lock()
	k.cur = c
	k.parent = m.HeaderJSON()
	k.mu.Unlock()
	return c
}

// end forgets the running cell; its output's parent stays, for the
// goroutines it left running.
func (k *Kernel) end(c *cell) {
	k.mu.Lock()
	k.cur = nil
	k.mu.Unlock()
	c.cancel()
}

// running is the running cell, or nil.
func (k *Kernel) running() *cell {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.cur
}

// outputParent is the header of the running or last execute_request.
func (k *Kernel) outputParent() json.RawMessage {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.parent
}

// errorOf is the error message of a failed cell: its name, the message,
// and the lines the terminal prints (igo.ErrorText), positions in cell
// coordinates (In[3]:2:7).
func errorOf(err error) *errorContent {
	var (
		se    *scanner.Error
		sl    scanner.ErrorList
		ee    *igo.EvalError
		ae    *igo.AwaitError
		pe    *igo.PanicError
		ue    *igo.UsageError
		ename string
	)
	evalue := err.Error()
	switch {
	case errors.Is(err, igo.ErrInterrupted):
		ename = "Interrupted"
	case errors.Is(err, igo.ErrDeadline):
		ename = "DeadlineExceeded"
	case errors.As(err, &pe):
		ename, evalue = "Panic", fmt.Sprint(pe.Value)
	case errors.As(err, &ue):
		ename, evalue = "UsageError", ue.Err.Error()
	case errors.As(err, &ae):
		ename = "AwaitError"
	case errors.As(err, &se), errors.As(err, &sl), errors.As(err, &ee):
		ename = "CompileError"
	default:
		ename = "Error"
	}
	text := igo.ErrorText(err)
	return &errorContent{
		Ename:     ename,
		Evalue:    evalue,
		Traceback: strings.Split(strings.TrimRight(text, "\n"), "\n"),
	}
}
