package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"
)

// ProtocolVersion is the version of the Jupyter messaging protocol the
// kernel speaks.
const ProtocolVersion = "5.3"

// delimiter separates the routing identities of a message from its parts.
var delimiter = []byte("<IDS|MSG>")

// A Header is the header of a message, or the parent header of a reply.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// A Message is one Jupyter message. On the wire it is
//
//	identities... <IDS|MSG> signature header parent_header metadata content buffers...
//
// where the signature is the hex HMAC of the four JSON parts.
type Message struct {
	// Identities route a reply on a ROUTER socket (the requester's socket
	// identity) or are the topic of a message on IOPub.
	Identities [][]byte
	Header     Header
	// Parent is the header of the message this one answers, as JSON;
	// empty means none ({} on the wire).
	Parent json.RawMessage
	// Metadata and Content are JSON objects; empty means {}.
	Metadata json.RawMessage
	Content  json.RawMessage
	// Buffers are binary parts after the content.
	Buffers [][]byte

	// header is the header frame as received: replies name it as their
	// parent verbatim, fields this package does not know included.
	header []byte
}

// HeaderJSON is m's header as JSON: as received for a decoded message,
// else marshalled from Header.
func (m *Message) HeaderJSON() json.RawMessage {
	if m.header != nil {
		return m.header
	}
	b, _ := json.Marshal(&m.Header) // strings only: cannot fail
	return b
}

// ErrSignature is the error of a message whose signature is wrong or
// missing.
var ErrSignature = errors.New("bad message signature")

// A Codec turns messages into frames and back, signing and checking
// signatures with the connection's key. It is safe for concurrent use.
type Codec struct {
	key  []byte
	pool sync.Pool // of hash.Hash, keyed HMACs
}

// NewCodec returns a codec for the signature scheme of a connection file
// ("hmac-sha256"; "" means it) and key. An empty key means that messages
// are not signed: the signature is "" and is not checked.
func NewCodec(scheme string, key []byte) (*Codec, error) {
	var h func() hash.Hash
	switch scheme {
	case "", "hmac-sha256":
		h = sha256.New
	case "hmac-sha512":
		h = sha512.New
	case "hmac-sha1":
		h = sha1.New
	default:
		return nil, fmt.Errorf("unsupported signature scheme %q (want hmac-sha256)", scheme)
	}
	c := &Codec{key: bytes.Clone(key)}
	c.pool.New = func() any { return hmac.New(h, c.key) }
	return c, nil
}

// sign appends the hex signature of parts to dst.
func (c *Codec) sign(dst []byte, parts ...[]byte) []byte {
	if len(c.key) == 0 {
		return dst
	}
	mac := c.pool.Get().(hash.Hash)
	mac.Reset()
	for _, p := range parts {
		mac.Write(p)
	}
	var sum [sha512.Size]byte
	dst = hex.AppendEncode(dst, mac.Sum(sum[:0]))
	c.pool.Put(mac)
	return dst
}

var emptyObject = []byte("{}")

func orEmpty(b []byte) []byte {
	if len(b) == 0 {
		return emptyObject
	}
	return b
}

// Encode returns the frames of m, signed.
func (c *Codec) Encode(m *Message) [][]byte {
	header := m.HeaderJSON()
	parent, meta, content := orEmpty(m.Parent), orEmpty(m.Metadata), orEmpty(m.Content)
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, delimiter, c.sign(nil, header, parent, meta, content), header, parent, meta, content)
	return append(frames, m.Buffers...)
}

// Decode parses the frames of a message and checks its signature. It
// fails, without panicking, on frames that are not a message: no
// delimiter, too few parts, a wrong or missing signature, parts that are
// not JSON objects, a header without a msg_type.
func (c *Codec) Decode(frames [][]byte) (*Message, error) {
	d := -1
	for i, f := range frames {
		if bytes.Equal(f, delimiter) {
			d = i
			break
		}
	}
	if d < 0 {
		return nil, errors.New("no <IDS|MSG> delimiter")
	}
	rest := frames[d+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("%d parts after the delimiter, want at least 5", len(rest))
	}
	sig, header, parent, meta, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if len(c.key) > 0 {
		var buf [2 * sha512.Size]byte
		if !hmac.Equal(sig, c.sign(buf[:0], header, parent, meta, content)) {
			return nil, ErrSignature
		}
	}
	for i, part := range [][]byte{header, parent, meta, content} {
		if !isObject(part) {
			return nil, fmt.Errorf("%s is not a JSON object", [...]string{"header", "parent header", "metadata", "content"}[i])
		}
	}
	m := &Message{
		Identities: frames[:d],
		Parent:     parent,
		Metadata:   meta,
		Content:    content,
		header:     header,
	}
	if len(rest) > 5 {
		m.Buffers = rest[5:]
	}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("header: %v", err)
	}
	if m.Header.MsgType == "" {
		return nil, errors.New("header without msg_type")
	}
	return m, nil
}

// isObject reports whether b is a JSON object.
func isObject(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}
