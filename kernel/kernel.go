package kernel

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/user"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/igolang/igo"
	"github.com/igolang/igo/history"
	"github.com/igolang/igo/internal/sigint"
)

// Options configure a Kernel. A nil *Options is valid.
type Options struct {
	// Version is igo's version, for kernel_info_reply.
	Version string
	// Banner is the text a console shows at start; "" means a line
	// naming igo, its version and Go's.
	Banner string
	// Shell are the options of the shell that runs the cells. The kernel
	// sets Stdin, Stdout, Stderr, Display and SetNextInput; a nil History
	// means one in memory.
	Shell *igo.Options
	// Log receives what the kernel reports about itself (dropped
	// messages, socket errors); nil means standard error.
	Log io.Writer
	// CaptureOutput also publishes what is written to the process's
	// standard output and error, file descriptors 1 and 2: os.Stdout and
	// os.Stderr in cells, programs they start with those as output. The
	// kernel's log and crash reports then go to the original standard
	// error. The igo command sets it (on Unix).
	CaptureOutput bool
}

// A Kernel is an igo shell served over the Jupyter messaging protocol.
type Kernel struct {
	conn    ConnectionInfo
	opts    Options
	codec   *Codec
	sh      *igo.Shell
	hist    *history.Store
	log     *log.Logger
	session string // this kernel's session id, in every header
	user    string
	seq     atomic.Uint64 // for message ids

	ctx                              context.Context // the sockets' lifetime
	cancel                           context.CancelFunc
	shell, control, stdin, iopub, hb zmq4.Socket
	pubMu, stdinMu                   sync.Mutex // writers of iopub and stdin

	stdout, stderr *stream
	captures       []*fdCapture // of descriptors 1 and 2, with CaptureOutput
	input          *input

	mu      sync.Mutex
	cur     *cell           // the running execute_request
	parent  json.RawMessage // header of the last execute_request: output's parent
	outputs map[int]string  // Out[n] as shown, for history_request

	done     chan struct{} // closed by stop
	stopOnce sync.Once
	failErr  error
	shellEnd chan struct{} // closed when the shell loop has returned
}

// A cell is an execute_request being run.
type cell struct {
	msg        *Message
	allowStdin bool
	ctx        context.Context
	cancel     context.CancelFunc
	payload    []any // of its execute_reply (set_next_input)
}

// New returns a kernel listening on the addresses of conn (a port 0 is
// chosen by the system: see ConnectionInfo), with a new shell. It serves
// nothing before Run.
func New(conn *ConnectionInfo, opts *Options) (*Kernel, error) {
	c := *conn
	if err := c.check(); err != nil {
		return nil, err
	}
	codec, err := NewCodec(c.SignatureScheme, []byte(c.Key))
	if err != nil {
		return nil, err
	}
	k := &Kernel{
		conn:     c,
		codec:    codec,
		session:  newID(),
		user:     userName(),
		outputs:  map[int]string{},
		done:     make(chan struct{}),
		shellEnd: make(chan struct{}),
	}
	if opts != nil {
		k.opts = *opts
	}
	k.stdout, k.stderr = newStream(k, "stdout"), newStream(k, "stderr")
	logw := k.opts.Log
	if logw == nil {
		logw = os.Stderr
	}
	if k.opts.CaptureOutput {
		for fd, s := range []*stream{1: k.stdout, 2: k.stderr} {
			if s == nil {
				continue
			}
			c, err := captureFD(fd, s)
			if err != nil {
				k.restore()
				return nil, fmt.Errorf("capturing output: %w", err)
			}
			k.captures = append(k.captures, c)
			if fd == 2 {
				if k.opts.Log == nil {
					logw = c.Original()
				}
				debug.SetCrashOutput(c.Original(), debug.CrashOptions{})
			}
		}
	}
	k.log = log.New(logw, "igo kernel: ", 0)
	var so igo.Options
	if k.opts.Shell != nil {
		so = *k.opts.Shell
	}
	if so.History == nil {
		so.History = history.OpenMemory()
	}
	k.hist = so.History
	k.input = &input{k: k, replies: make(chan *Message, 1)}
	so.Stdout, so.Stderr, so.Stdin = k.stdout, k.stderr, k.input
	so.Display, so.SetNextInput = k.publishDisplay, k.setNextInput
	// Listen first: a client that connects while the shell starts is
	// queued, not refused (and made to retry 100 ms later).
	if err := k.listen(); err != nil {
		k.closeSockets()
		k.restore()
		return nil, err
	}
	if k.sh, err = igo.New(&so); err != nil {
		k.closeSockets()
		k.restore()
		return nil, err
	}
	return k, nil
}

// listen makes the five sockets and binds them.
func (k *Kernel) listen() error {
	k.ctx, k.cancel = context.WithCancel(context.Background())
	zlog := zmq4.WithLogger(k.log)
	k.shell = zmq4.NewRouter(k.ctx, zlog)
	k.control = zmq4.NewRouter(k.ctx, zlog)
	// A reply to an input_request cannot wait forever for a client
	// without a stdin channel.
	k.stdin = zmq4.NewRouter(k.ctx, zlog, zmq4.WithTimeout(5*time.Second))
	k.iopub = zmq4.NewPub(k.ctx, zlog)
	k.hb = zmq4.NewRep(k.ctx, zlog)
	for _, s := range []struct {
		name string
		sock zmq4.Socket
		port *int
	}{
		{"shell", k.shell, &k.conn.ShellPort},
		{"control", k.control, &k.conn.ControlPort},
		{"stdin", k.stdin, &k.conn.StdinPort},
		{"iopub", k.iopub, &k.conn.IOPubPort},
		{"heartbeat", k.hb, &k.conn.HBPort},
	} {
		if err := s.sock.Listen(k.conn.Endpoint(*s.port)); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if a, ok := s.sock.Addr().(*net.TCPAddr); ok && *s.port == 0 {
			*s.port = a.Port
		}
	}
	return nil
}

// ConnectionInfo is where the kernel listens, with the ports the system
// chose for those given as 0.
func (k *Kernel) ConnectionInfo() ConnectionInfo { return k.conn }

// Shell is the shell that runs the cells.
func (k *Kernel) Shell() *igo.Shell { return k.sh }

// Interrupt stops the running cell, as Ctrl-C does at the terminal;
// with no cell running it does nothing. interrupt_request calls it; the
// igo command calls it on SIGINT.
func (k *Kernel) Interrupt() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.cur != nil {
		k.cur.cancel()
	}
}

// HandleSignals makes SIGINT interrupt the running cell (see
// Interrupt) instead of ending the process, until stop is called.
func (k *Kernel) HandleSignals() (stop func()) {
	return sigint.OnInterrupt(k.Interrupt)
}

// Run serves the kernel's sockets until a shutdown_request, ctx's end or
// a socket's failure, then closes them. It returns nil after a shutdown
// or the end of ctx.
func (k *Kernel) Run(ctx context.Context) error {
	shellCh := make(chan *Message, 64)
	go k.heartbeat()
	go k.read("shell", k.shell, shellCh)
	controlCh := make(chan *Message, 8)
	go k.read("control", k.control, controlCh)
	go k.serveControl(controlCh)
	stdinCh := make(chan *Message, 8)
	go k.read("stdin", k.stdin, stdinCh)
	go k.serveStdin(stdinCh)
	go k.serveShell(shellCh)
	k.publish(nil, "status", statusContent{"starting"})

	select {
	case <-ctx.Done():
		k.stop(nil)
	case <-k.done:
	}
	k.Interrupt()
	// Let the shell loop finish its reply (an interrupted cell ends
	// within igo's stop delay), then the PUB queue drain.
	select {
	case <-k.shellEnd:
	case <-time.After(time.Second):
	}
	k.flushOutput()
	k.restore()
	time.Sleep(50 * time.Millisecond)
	k.closeSockets()
	return k.failErr
}

// flushOutput publishes what the cells wrote so far.
func (k *Kernel) flushOutput() {
	for _, c := range k.captures {
		c.Sync()
	}
	k.stdout.Flush()
	k.stderr.Flush()
}

// restore gives the process its standard output and error back.
func (k *Kernel) restore() {
	for _, c := range k.captures {
		c.Restore()
	}
}

// stop ends Run, with err when a socket failed.
func (k *Kernel) stop(err error) {
	k.stopOnce.Do(func() {
		k.failErr = err
		close(k.done)
	})
}

func (k *Kernel) stopped() bool {
	select {
	case <-k.done:
		return true
	default:
		return false
	}
}

func (k *Kernel) closeSockets() {
	if k.cancel != nil {
		k.cancel()
	}
	for _, s := range []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
		if s != nil {
			s.Close()
		}
	}
}

// read decodes the messages of a ROUTER socket into ch. A message that
// fails to decode (a bad signature, malformed frames) is dropped and
// logged.
func (k *Kernel) read(name string, s zmq4.Socket, ch chan<- *Message) {
	for {
		zm, err := s.Recv()
		if err != nil {
			if k.stopped() || k.ctx.Err() != nil {
				return
			}
			k.log.Printf("%s: %v", name, err)
			k.stop(fmt.Errorf("%s socket: %w", name, err))
			return
		}
		m, err := k.codec.Decode(zm.Frames)
		if err != nil {
			k.log.Printf("%s: dropping a message: %v", name, err)
			continue
		}
		select {
		case ch <- m:
		case <-k.done:
			return
		}
	}
}

// heartbeat echoes every ping.
func (k *Kernel) heartbeat() {
	for {
		m, err := k.hb.Recv()
		if err != nil {
			if k.stopped() || k.ctx.Err() != nil {
				return
			}
			k.log.Printf("heartbeat: %v", err)
			continue
		}
		if err := k.hb.Send(m); err != nil && k.ctx.Err() == nil {
			k.log.Printf("heartbeat: %v", err)
		}
	}
}

// newMessage makes a message of this kernel's session.
func (k *Kernel) newMessage(msgType string, parent json.RawMessage, content any) *Message {
	body, err := json.Marshal(content)
	if err != nil {
		k.log.Printf("%s: %v", msgType, err)
		body = nil
	}
	return &Message{
		Header: Header{
			MsgID:    k.session[:8] + "_" + strconv.FormatUint(k.seq.Add(1), 10),
			Session:  k.session,
			Username: k.user,
			Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
			MsgType:  msgType,
			Version:  ProtocolVersion,
		},
		Parent:  parent,
		Content: body,
	}
}

// send sends m on a socket; a ROUTER routes it by m.Identities.
func (k *Kernel) send(s zmq4.Socket, m *Message) error {
	err := s.SendMulti(zmq4.NewMsgFrom(k.codec.Encode(m)...))
	if err != nil && k.ctx.Err() == nil {
		k.log.Printf("sending %s: %v", m.Header.MsgType, err)
	}
	return err
}

// reply answers req on socket s.
func (k *Kernel) reply(s zmq4.Socket, req *Message, msgType string, content any) {
	m := k.newMessage(msgType, req.HeaderJSON(), content)
	m.Identities = req.Identities
	k.send(s, m)
}

// publish broadcasts a message on IOPub, its type as topic.
func (k *Kernel) publish(parent json.RawMessage, msgType string, content any) {
	m := k.newMessage(msgType, parent, content)
	m.Identities = [][]byte{[]byte(msgType)}
	k.pubMu.Lock()
	defer k.pubMu.Unlock()
	k.send(k.iopub, m)
}

// newID returns a random UUID (version 4), as Jupyter's session ids are.
func newID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func userName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "igo"
}
