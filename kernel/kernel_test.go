package kernel

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestKernel talks to a kernel over loopback TCP as a Jupyter client
// does. The subtests share the kernel and run in order.
func TestKernel(t *testing.T) {
	c := startKernel(t)

	t.Run("kernel_info", func(t *testing.T) {
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		r := c.waitReply(c.shellCh, id, 5*time.Second)
		if r.Header.MsgType != "kernel_info_reply" {
			t.Fatalf("reply type %s", r.Header.MsgType)
		}
		info := content[kernelInfo](t, r)
		if info.Status != "ok" || info.ProtocolVersion != "5.3" || info.Implementation != "igo" || info.ImplementationVersion != "test" {
			t.Errorf("kernel_info_reply = %+v", info)
		}
		want := languageInfo{"go", strings.TrimPrefix(runtime.Version(), "go"), "text/x-go", ".go", "go", "go"}
		if diff := cmp.Diff(want, info.LanguageInfo); diff != "" {
			t.Errorf("language_info (-want +got):\n%s", diff)
		}
		// busy, then idle, both with the request as parent.
		if out := c.outputs(id, 5*time.Second); len(out) != 1 || state(out[0]) != "busy" {
			t.Errorf("IOPub for kernel_info_request: %s, want status busy (then idle)", types(out))
		}
	})

	t.Run("execute", func(t *testing.T) {
		out, reply := c.execute("1+1", nil)
		if got := types(out); !cmp.Equal(got, []string{"execute_input", "execute_result"}) {
			t.Fatalf("IOPub = %s, want execute_input, execute_result", got)
		}
		in := content[executeInput](t, out[0])
		res := content[executeResult](t, out[1])
		r := content[replyContent](t, reply)
		if in.Code != "1+1" || in.ExecutionCount != res.ExecutionCount || r.ExecutionCount != res.ExecutionCount {
			t.Errorf("counts: execute_input %+v, execute_result %d, execute_reply %d", in, res.ExecutionCount, r.ExecutionCount)
		}
		if res.Data["text/plain"] != "2" {
			t.Errorf("execute_result data = %v, want text/plain 2", res.Data)
		}
		if r.Status != "ok" {
			t.Errorf("execute_reply status %q", r.Status)
		}
		out, _ = c.execute("time.Second * 3 / 2", nil)
		if res := content[executeResult](t, out[len(out)-1]); res.Data["text/plain"] != "1.5s // time.Duration" {
			t.Errorf("execute_result data = %v, want the terminal's text", res.Data)
		}
	})

	t.Run("stdout", func(t *testing.T) {
		out, _ := c.execute(`fmt.Println("hello"); fmt.Print("a"); fmt.Print("b"); 42`, nil)
		if got := types(out); !cmp.Equal(got, []string{"execute_input", "stream", "execute_result"}) {
			t.Fatalf("IOPub = %s, want execute_input, stream, execute_result", got)
		}
		s := content[streamContent](t, out[1])
		if s.Name != "stdout" || s.Text != "hello\nab" {
			t.Errorf("stream = %+v, want stdout hello\\nab", s)
		}
	})

	t.Run("goroutine output", func(t *testing.T) {
		out, _ := c.execute("done := make(chan bool)\ngo func() { fmt.Println(\"from a goroutine\"); done <- true }()\nawait done", nil)
		if text := streamText(t, out, "stdout"); text != "from a goroutine\n" {
			t.Errorf("stdout = %q", text)
		}
		// Output after the cell goes to the last cell.
		out, _ = c.execute("go func() { time.Sleep(30 * time.Millisecond); fmt.Println(\"late\") }()", nil)
		last := out[0]
		select {
		case m := <-c.iopubCh:
			if m.Header.MsgType != "stream" || parentID(m) != parentID(last) {
				t.Errorf("late output: %s with parent %s, want a stream of %s", m.Header.MsgType, parentID(m), parentID(last))
			}
		case <-time.After(5 * time.Second):
			t.Error("no late output")
		}
	})

	t.Run("display", func(t *testing.T) {
		out, _ := c.execute("fmt.Println(\"before\")\ndisplay.HTML(\"<b>hi</b>\")\nfmt.Println(\"after\")", nil)
		if got := types(out); !cmp.Equal(got, []string{"execute_input", "stream", "display_data", "stream"}) {
			t.Fatalf("IOPub = %s, want execute_input, stream, display_data, stream", got)
		}
		d := content[executeResult](t, out[2])
		if d.Data["text/html"] != "<b>hi</b>" || d.Data["text/plain"] != "hi" {
			t.Errorf("display_data = %+v", d)
		}
		out, _ = c.execute("type Temp float64\nfunc (t Temp) Display() display.Bundle {\n\treturn display.Bundle{Data: map[string]any{\"text/html\": \"<i>warm</i>\"}}\n}\nTemp(21.5)", nil)
		res := content[executeResult](t, out[len(out)-1])
		if res.Data["text/html"] != "<i>warm</i>" || res.Data["text/plain"] != "warm" {
			t.Errorf("execute_result of a Displayer = %+v", res.Data)
		}
	})

	t.Run("load", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "snippet.igo")
		os.WriteFile(file, []byte("fmt.Println(1)\n"), 0o644)
		_, reply := c.execute("%load "+file, nil)
		r := content[struct {
			Payload []map[string]any `json:"payload"`
		}](t, reply)
		want := []map[string]any{{"source": "set_next_input", "text": "fmt.Println(1)\n", "replace": false}}
		if diff := cmp.Diff(want, r.Payload); diff != "" {
			t.Errorf("payload (-want +got):\n%s", diff)
		}
	})

	t.Run("exit", func(t *testing.T) {
		_, reply := c.execute("exit", nil)
		if r := content[struct {
			Payload []map[string]any `json:"payload"`
		}](t, reply); len(r.Payload) != 1 || r.Payload[0]["source"] != "ask_exit" {
			t.Errorf("exit: payload %v, want ask_exit", r.Payload)
		}
	})

	t.Run("error", func(t *testing.T) {
		out, reply := c.execute("y := 1 +\n  undefinedName", nil)
		if got := types(out); !cmp.Equal(got, []string{"execute_input", "error"}) {
			t.Fatalf("IOPub = %s, want execute_input, error", got)
		}
		n := content[replyContent](t, reply).ExecutionCount
		e := content[errorContent](t, out[1])
		want := errorContent{
			Ename:     "CompileError",
			Evalue:    "In[" + itoa(n) + "]:2:3: undefined: undefinedName",
			Traceback: []string{"error: In[" + itoa(n) + "]:2:3: undefined: undefinedName"},
		}
		if diff := cmp.Diff(want, e); diff != "" {
			t.Errorf("error (-want +got):\n%s", diff)
		}
		r := content[replyContent](t, reply)
		if r.Status != "error" || r.Ename != "CompileError" || len(r.Traceback) != 1 {
			t.Errorf("execute_reply = %+v", r)
		}
		out, _ = c.execute(`panic("boom")`, nil)
		if e := content[errorContent](t, out[len(out)-1]); e.Ename != "Panic" || e.Evalue != "boom" || e.Traceback[0] != "panic: boom" {
			t.Errorf("panic: %+v", e)
		}
		out, _ = c.execute(`%nosuchmagic`, nil)
		if e := content[errorContent](t, out[len(out)-1]); e.Ename != "UsageError" {
			t.Errorf("unknown magic: %+v", e)
		}
	})

	t.Run("interrupt", func(t *testing.T) {
		c.execute("x := 7", nil)
		id := c.send(c.shell, "execute_request", map[string]any{"code": "await time.After(time.Hour)", "silent": false})
		c.waitIOPubType(id, "execute_input") // the cell is running
		start := time.Now()
		iid := c.send(c.control, "interrupt_request", map[string]any{})
		if r := c.waitReply(c.controlCh, iid, 5*time.Second); r.Header.MsgType != "interrupt_reply" {
			t.Errorf("reply %s", r.Header.MsgType)
		}
		out := c.outputs(id, 10*time.Second)
		if e := content[errorContent](t, out[len(out)-1]); e.Ename != "Interrupted" {
			t.Errorf("interrupted cell: %s %+v", types(out), e)
		}
		r := content[replyContent](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if r.Status != "error" {
			t.Errorf("execute_reply status %q", r.Status)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("interrupt took %v", d)
		}
		out, _ = c.execute("x", nil)
		if res := content[executeResult](t, out[len(out)-1]); res.Data["text/plain"] != "7" {
			t.Errorf("after the interrupt, x = %v", res.Data)
		}
	})

	t.Run("stdin", func(t *testing.T) {
		id := c.send(c.shell, "execute_request", map[string]any{
			"code": "var s string\nfmt.Print(\"name? \")\nfmt.Scanln(&s)\ns", "allow_stdin": true,
		})
		var req *Message
		select {
		case req = <-c.stdinCh:
		case <-time.After(10 * time.Second):
			t.Fatal("no input_request")
		}
		if req.Header.MsgType != "input_request" || parentID(req) != id {
			t.Fatalf("stdin: %s with parent %s", req.Header.MsgType, parentID(req))
		}
		r := c.message("input_reply", map[string]any{"value": "gopher"})
		r.Parent = req.HeaderJSON()
		c.sendMessage(c.stdin, r)
		out := c.outputs(id, 10*time.Second)
		if text := streamText(t, out, "stdout"); text != "name? " {
			t.Errorf("prompt = %q", text)
		}
		if res := content[executeResult](t, out[len(out)-1]); res.Data["text/plain"] != "gopher" {
			t.Errorf("s = %v", res.Data)
		}
		c.waitReply(c.shellCh, id, 5*time.Second)

		// Without allow_stdin, standard input is at its end.
		out, _ = c.execute("var s2 string\n_, err := fmt.Scanln(&s2)\nerr", nil)
		if res := content[executeResult](t, out[len(out)-1]); res.Data["text/plain"] != "EOF // error" {
			t.Errorf("err = %v", res.Data)
		}
	})

	t.Run("bad signature", func(t *testing.T) {
		bad := c.message("kernel_info_request", map[string]any{})
		frames := c.codec.Encode(bad)
		frames[1] = []byte(strings.Repeat("0", 64))
		if err := c.shell.Send(zmqMsg(frames)); err != nil {
			t.Fatal(err)
		}
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		c.waitReply(c.shellCh, id, 5*time.Second)
		select {
		case m := <-c.shellCh:
			t.Errorf("a reply to the badly signed message: %s to %s", m.Header.MsgType, parentID(m))
		case <-time.After(50 * time.Millisecond):
		}
		if !strings.Contains(c.log.String(), "bad message signature") {
			t.Errorf("log = %q, want the dropped message", c.log.String())
		}
	})

	t.Run("queue", func(t *testing.T) {
		// A second cell waits for the first; after a failure, the cells
		// already queued are aborted.
		a := c.send(c.shell, "execute_request", map[string]any{"code": "time.Sleep(50 * time.Millisecond); 1"})
		b := c.send(c.shell, "execute_request", map[string]any{"code": "2"})
		ra := content[replyContent](t, c.waitReply(c.shellCh, a, 10*time.Second))
		rb := content[replyContent](t, c.waitReply(c.shellCh, b, 10*time.Second))
		if ra.Status != "ok" || rb.Status != "ok" || rb.ExecutionCount != ra.ExecutionCount+1 {
			t.Errorf("replies %+v then %+v", ra, rb)
		}
		a = c.send(c.shell, "execute_request", map[string]any{"code": `time.Sleep(50 * time.Millisecond); panic("stop")`})
		b = c.send(c.shell, "execute_request", map[string]any{"code": "3"})
		ra = content[replyContent](t, c.waitReply(c.shellCh, a, 10*time.Second))
		rb = content[replyContent](t, c.waitReply(c.shellCh, b, 10*time.Second))
		if ra.Status != "error" || rb.Status != "aborted" {
			t.Errorf("statuses %q then %q, want error then aborted", ra.Status, rb.Status)
		}
		c.drainIOPub()
	})

	t.Run("silent", func(t *testing.T) {
		out, reply := c.execute(`fmt.Println("quiet"); 5`, map[string]any{"silent": true})
		if got := types(out); !cmp.Equal(got, []string{"stream"}) {
			t.Errorf("IOPub = %s, want only the stream", got)
		}
		if r := content[replyContent](t, reply); r.Status != "ok" {
			t.Errorf("execute_reply %+v", r)
		}
	})

	t.Run("introspection", func(t *testing.T) {
		// é is one code point, two bytes.
		code := `s := "é"; strings.Rep`
		id := c.send(c.shell, "complete_request", map[string]any{"code": code, "cursor_pos": 21})
		r := content[completeReply](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if r.CursorStart != 18 || r.CursorEnd != 21 || len(r.Matches) == 0 || r.Matches[0] != "Repeat" || r.Metadata.Types[0].Type != "function" {
			t.Errorf("complete_reply = %+v", r)
		}

		id = c.send(c.shell, "inspect_request", map[string]any{"code": `strings.Repeat("ab", `, "cursor_pos": 21, "detail_level": 0})
		ir := content[struct {
			Status string            `json:"status"`
			Found  bool              `json:"found"`
			Data   map[string]string `json:"data"`
		}](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if !ir.Found || !strings.Contains(ir.Data["text/plain"], "func strings.Repeat") {
			t.Errorf("inspect_reply = %+v", ir)
		}

		for code, want := range map[string]string{"func f() {": "incomplete    ", "1+1": "complete", "if x {\n\tfor {": "incomplete        "} {
			id = c.send(c.shell, "is_complete_request", map[string]any{"code": code})
			r := content[map[string]string](t, c.waitReply(c.shellCh, id, 5*time.Second))
			if got := r["status"] + r["indent"]; got != want {
				t.Errorf("is_complete %q = %q, want %q", code, got, want)
			}
		}

		id = c.send(c.shell, "comm_info_request", map[string]any{})
		if r := c.waitReply(c.shellCh, id, 5*time.Second); string(r.Content) != `{"comms":{},"status":"ok"}` {
			t.Errorf("comm_info_reply = %s", r.Content)
		}
	})

	t.Run("history", func(t *testing.T) {
		c.execute("h := 40 + 2\nh", nil)
		id := c.send(c.shell, "history_request", map[string]any{"hist_access_type": "tail", "n": 1, "output": true, "raw": true})
		r := content[struct {
			History [][]any `json:"history"`
		}](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if len(r.History) != 1 || !cmp.Equal(r.History[0][2], []any{"h := 40 + 2\nh", "42"}) {
			t.Errorf("history tail = %v", r.History)
		}
		id = c.send(c.shell, "history_request", map[string]any{"hist_access_type": "search", "pattern": "h := *", "n": 5, "unique": true})
		r = content[struct {
			History [][]any `json:"history"`
		}](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if len(r.History) != 1 || r.History[0][2] != "h := 40 + 2\nh" {
			t.Errorf("history search = %v", r.History)
		}
		id = c.send(c.shell, "history_request", map[string]any{"hist_access_type": "range", "session": 0, "start": 1, "stop": 2})
		r = content[struct {
			History [][]any `json:"history"`
		}](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if len(r.History) != 1 || r.History[0][2] != "1+1" {
			t.Errorf("history range 1:2 = %v", r.History)
		}
		// store_history false: the cell runs, the history does not keep it.
		c.execute("unkept := 7", map[string]any{"store_history": false})
		id = c.send(c.shell, "history_request", map[string]any{"hist_access_type": "search", "pattern": "unkept*", "n": 5})
		r = content[struct {
			History [][]any `json:"history"`
		}](t, c.waitReply(c.shellCh, id, 5*time.Second))
		if len(r.History) != 0 {
			t.Errorf("a store_history false cell is in the history: %v", r.History)
		}
		if _, reply := c.execute("unkept", nil); !strings.Contains(string(reply.Content), `"ok"`) {
			t.Errorf("the store_history false cell did not run: %s", reply.Content)
		}
	})

	t.Run("shutdown", func(t *testing.T) {
		id := c.send(c.control, "shutdown_request", map[string]any{"restart": true})
		r := c.waitReply(c.controlCh, id, 5*time.Second)
		if string(r.Content) != `{"status":"ok","restart":true}` {
			t.Errorf("shutdown_reply = %s", r.Content)
		}
		select {
		case err := <-c.runErr:
			if err != nil {
				t.Errorf("Run = %v", err)
			}
			c.runErr <- nil // for the cleanup
		case <-time.After(5 * time.Second):
			t.Error("Run did not return after shutdown_request")
		}
	})
}

// replyContent is an execute_reply as a client reads it.
type replyContent struct {
	Status         string `json:"status"`
	ExecutionCount int    `json:"execution_count"`
	errorContent
}

// streamText is the text of the stream messages named name in out.
func streamText(t *testing.T, out []*Message, name string) string {
	var b strings.Builder
	for _, m := range out {
		if m.Header.MsgType == "stream" {
			if s := content[streamContent](t, m); s.Name == name {
				b.WriteString(s.Text)
			}
		}
	}
	return b.String()
}

// BenchmarkExecute measures the round trip of execute_request "1+1": from
// sending it to both its execute_reply and its status idle.
func BenchmarkExecute(b *testing.B) {
	c := startKernel(b)
	req := map[string]any{"code": "1+1", "silent": false, "store_history": true}
	for b.Loop() {
		id := c.send(c.shell, "execute_request", req)
		c.outputs(id, 10*time.Second)
		c.waitReply(c.shellCh, id, 10*time.Second)
	}
}
