package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// A testClient talks to a kernel as a Jupyter client does: DEALER sockets
// for shell, control and stdin (one identity, as jupyter_client sets
// it), a SUB socket for IOPub.
type testClient struct {
	t     testing.TB
	k     *Kernel
	codec *Codec
	seq   int

	shell, control, stdin, iopub zmq4.Socket
	shellCh, controlCh, stdinCh  chan *Message
	iopubCh                      chan *Message
	runErr                       chan error
	log                          *syncBuffer
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

const testKey = "6e0a1b2c-secret"

// startKernel writes a connection file with free ports (0: the system
// picks), starts a kernel on it and connects a client. The kernel is
// shut down at the end of the test.
func startKernel(t testing.TB) *testClient {
	t.Helper()
	conn, err := ReadConnectionFile(writeConnectionFile(t))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	k, err := New(conn, &Options{Version: "test", Log: logs})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- k.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-runErr:
		case <-time.After(5 * time.Second):
			t.Error("Run did not return after its context ended")
		}
	})
	c := dial(t, k.ConnectionInfo())
	c.k, c.log, c.runErr = k, logs, runErr
	return c
}

// writeConnectionFile writes a connection file whose ports are 0.
func writeConnectionFile(t testing.TB) string {
	file := filepath.Join(t.TempDir(), "kernel.json")
	data := `{"transport": "tcp", "ip": "127.0.0.1", "shell_port": 0, "iopub_port": 0,
		"stdin_port": 0, "control_port": 0, "hb_port": 0, "key": "` + testKey + `",
		"signature_scheme": "hmac-sha256", "kernel_name": "igo"}`
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// dial connects a client to the kernel listening at info and waits until
// IOPub works.
func dial(t testing.TB, info ConnectionInfo) *testClient {
	t.Helper()
	c := &testClient{t: t}
	c.codec, _ = NewCodec("hmac-sha256", []byte(testKey))
	ctx, cancel := context.WithCancel(context.Background())
	id := zmq4.WithID(zmq4.SocketIdentity("client-" + strconv.Itoa(os.Getpid())))
	c.shell = zmq4.NewDealer(ctx, id)
	c.control = zmq4.NewDealer(ctx, id)
	c.stdin = zmq4.NewDealer(ctx, id)
	c.iopub = zmq4.NewSub(ctx)
	t.Cleanup(func() {
		cancel()
		for _, s := range []zmq4.Socket{c.shell, c.control, c.stdin, c.iopub} {
			s.Close()
		}
	})
	for _, s := range []struct {
		sock zmq4.Socket
		port int
	}{{c.shell, info.ShellPort}, {c.control, info.ControlPort}, {c.stdin, info.StdinPort}, {c.iopub, info.IOPubPort}} {
		if err := s.sock.Dial(info.Endpoint(s.port)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.iopub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	c.shellCh, c.controlCh, c.stdinCh, c.iopubCh = c.recv(c.shell), c.recv(c.control), c.recv(c.stdin), c.recv(c.iopub)
	c.waitIOPub()
	return c
}

// recv decodes what a socket receives into a channel.
func (c *testClient) recv(s zmq4.Socket) chan *Message {
	ch := make(chan *Message, 256)
	go func() {
		for {
			zm, err := s.Recv()
			if err != nil {
				return
			}
			m, err := c.codec.Decode(zm.Frames)
			if err != nil {
				c.t.Errorf("client: %v", err)
				continue
			}
			ch <- m
		}
	}()
	return ch
}

// waitIOPub sends kernel_info_request until IOPub carries its status: a
// SUB socket misses what is published before its subscription arrives.
func (c *testClient) waitIOPub() {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		c.waitReply(c.shellCh, id, 10*time.Second)
		select {
		case m := <-c.iopubCh:
			if m.Header.MsgType == "status" {
				c.drainIOPub()
				return
			}
		case <-time.After(20 * time.Millisecond):
		}
	}
	c.t.Fatal("nothing on IOPub")
}

// drainIOPub drops what IOPub has delivered so far, after a short quiet.
func (c *testClient) drainIOPub() {
	for {
		select {
		case <-c.iopubCh:
		case <-time.After(50 * time.Millisecond):
			return
		}
	}
}

// message makes a request of the client's session.
func (c *testClient) message(msgType string, content any) *Message {
	c.seq++
	body, err := json.Marshal(content)
	if err != nil {
		c.t.Fatal(err)
	}
	return &Message{
		Header: Header{
			MsgID: "test_" + strconv.Itoa(c.seq), Session: "test-session", Username: "test",
			Date: time.Now().UTC().Format(time.RFC3339Nano), MsgType: msgType, Version: ProtocolVersion,
		},
		Content: body,
	}
}

// send sends a request on a DEALER socket and returns its msg_id.
func (c *testClient) send(s zmq4.Socket, msgType string, content any) string {
	c.t.Helper()
	m := c.message(msgType, content)
	c.sendMessage(s, m)
	return m.Header.MsgID
}

func (c *testClient) sendMessage(s zmq4.Socket, m *Message) {
	c.t.Helper()
	if err := s.Send(zmq4.NewMsgFrom(c.codec.Encode(m)...)); err != nil {
		c.t.Fatal(err)
	}
}

// waitReply waits for the reply to request id on ch.
func (c *testClient) waitReply(ch chan *Message, id string, timeout time.Duration) *Message {
	c.t.Helper()
	for {
		select {
		case m := <-ch:
			if parentID(m) == id {
				return m
			}
		case <-time.After(timeout):
			c.t.Fatalf("no reply to %s within %v", id, timeout)
		}
	}
}

// outputs collects the IOPub messages of request id up to its status
// idle, which is left out.
func (c *testClient) outputs(id string, timeout time.Duration) []*Message {
	c.t.Helper()
	var out []*Message
	deadline := time.After(timeout)
	for {
		select {
		case m := <-c.iopubCh:
			if parentID(m) != id {
				continue
			}
			if m.Header.MsgType == "status" && state(m) == "idle" {
				return out
			}
			out = append(out, m)
		case <-deadline:
			c.t.Fatalf("no status idle for %s within %v; got %s", id, timeout, types(out))
		}
	}
}

func parentID(m *Message) string {
	var h struct {
		MsgID string `json:"msg_id"`
	}
	json.Unmarshal(m.Parent, &h)
	return h.MsgID
}

func state(m *Message) string {
	var s statusContent
	json.Unmarshal(m.Content, &s)
	return s.ExecutionState
}

func types(ms []*Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Header.MsgType)
	}
	return out
}

// content decodes a message's content.
func content[T any](t testing.TB, m *Message) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(m.Content, &v); err != nil {
		t.Fatalf("%s content: %v\n%s", m.Header.MsgType, err, m.Content)
	}
	return v
}

// execute runs code and returns its IOPub messages (after busy, before
// idle) and its reply.
func (c *testClient) execute(code string, extra map[string]any) ([]*Message, *Message) {
	c.t.Helper()
	req := map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false}
	for k, v := range extra {
		req[k] = v
	}
	id := c.send(c.shell, "execute_request", req)
	out := c.outputs(id, 20*time.Second)
	if len(out) == 0 || out[0].Header.MsgType != "status" || state(out[0]) != "busy" {
		c.t.Fatalf("execute %q: IOPub does not start with status busy: %s", code, types(out))
	}
	return out[1:], c.waitReply(c.shellCh, id, 5*time.Second)
}

// waitIOPubType waits for a message of type msgType of request id.
func (c *testClient) waitIOPubType(id, msgType string) *Message {
	c.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case m := <-c.iopubCh:
			if parentID(m) == id && m.Header.MsgType == msgType {
				return m
			}
		case <-deadline:
			c.t.Fatalf("no %s for %s", msgType, id)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func zmqMsg(frames [][]byte) zmq4.Msg { return zmq4.NewMsgFrom(frames...) }
