package kernel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func testMessage() *Message {
	return &Message{
		Identities: [][]byte{[]byte("router-id"), []byte("second")},
		Header: Header{
			MsgID: "m1", Session: "s1", Username: "u", Date: "2025-01-02T03:04:05.000006Z",
			MsgType: "execute_request", Version: ProtocolVersion,
		},
		Parent:   json.RawMessage(`{"msg_id":"p0","msg_type":"x","subshell_id":null}`),
		Metadata: json.RawMessage(`{"cellId":"c1"}`),
		Content:  json.RawMessage(`{"code":"1+1","silent":false}`),
		Buffers:  [][]byte{{0, 1, 2}, {}},
	}
}

// compareMessages compares messages as a client sees them.
var compareMessages = cmpopts.IgnoreUnexported(Message{})

func TestCodecRoundTrip(t *testing.T) {
	for _, key := range []string{"", "secret"} {
		c, err := NewCodec("hmac-sha256", []byte(key))
		if err != nil {
			t.Fatal(err)
		}
		m := testMessage()
		frames := c.Encode(m)
		if len(frames) != 2+6+2 {
			t.Fatalf("key %q: %d frames, want 2 identities, delimiter, 5 parts, 2 buffers", key, len(frames))
		}
		if string(frames[2]) != "<IDS|MSG>" {
			t.Errorf("frame 2 = %q, want the delimiter", frames[2])
		}
		got, err := c.Decode(frames)
		if err != nil {
			t.Fatalf("key %q: Decode: %v", key, err)
		}
		if diff := cmp.Diff(m, got, compareMessages); diff != "" {
			t.Errorf("key %q: round trip (-want +got):\n%s", key, diff)
		}
		// A reply names the header as it came, fields unknown here kept.
		if string(got.HeaderJSON()) != string(frames[4]) {
			t.Errorf("HeaderJSON = %s, want the frame %s", got.HeaderJSON(), frames[4])
		}
	}
}

func TestCodecEmptyParts(t *testing.T) {
	c, _ := NewCodec("", nil)
	frames := c.Encode(&Message{Header: Header{MsgType: "status"}})
	want := []string{"<IDS|MSG>", "", `{"msg_id":"","session":"","username":"","date":"","msg_type":"status","version":""}`, "{}", "{}", "{}"}
	var got []string
	for _, f := range frames {
		got = append(got, string(f))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("frames (-want +got):\n%s", diff)
	}
}

func TestSignature(t *testing.T) {
	key := []byte("a0436f6c-1916-498b-8eb9-e81ab9368e84")
	c, err := NewCodec("hmac-sha256", key)
	if err != nil {
		t.Fatal(err)
	}
	m := testMessage()
	m.Identities = nil
	frames := c.Encode(m)
	mac := hmac.New(sha256.New, key)
	for _, f := range frames[2:6] {
		mac.Write(f)
	}
	if want := hex.EncodeToString(mac.Sum(nil)); string(frames[1]) != want {
		t.Errorf("signature %s, want %s", frames[1], want)
	}

	// Any change to a signed part, or to the signature, is refused.
	for i := 1; i < 6; i++ {
		bad := clone(frames)
		bad[i] = append(bad[i][:len(bad[i])-1:len(bad[i])-1], ' ', '}')
		if i == 1 {
			bad[i] = []byte(hex.EncodeToString(make([]byte, sha256.Size)))
		}
		if _, err := c.Decode(bad); !errors.Is(err, ErrSignature) {
			t.Errorf("frame %d changed: Decode = %v, want ErrSignature", i, err)
		}
	}
	missing := clone(frames)
	missing[1] = nil
	if _, err := c.Decode(missing); !errors.Is(err, ErrSignature) {
		t.Errorf("no signature: Decode = %v, want ErrSignature", err)
	}
	// Buffers are not signed.
	extra := append(clone(frames), []byte("buffer"))
	if _, err := c.Decode(extra); err != nil {
		t.Errorf("with a buffer: %v", err)
	}

	// Without a key, messages are not signed and signatures not checked.
	open, _ := NewCodec("hmac-sha256", nil)
	unsigned := clone(frames)
	unsigned[1] = []byte{}
	if _, err := open.Decode(unsigned); err != nil {
		t.Errorf("empty key, empty signature: %v", err)
	}
	if f := open.Encode(m); len(f[1]) != 0 {
		t.Errorf("empty key: signature %q, want none", f[1])
	}
}

func TestSchemes(t *testing.T) {
	for scheme, size := range map[string]int{"": 64, "hmac-sha256": 64, "hmac-sha512": 128, "hmac-sha1": 40} {
		c, err := NewCodec(scheme, []byte("k"))
		if err != nil {
			t.Fatalf("%q: %v", scheme, err)
		}
		frames := c.Encode(testMessage())
		if len(frames[3]) != size {
			t.Errorf("%q: signature of %d hex digits, want %d", scheme, len(frames[3]), size)
		}
		if _, err := c.Decode(frames); err != nil {
			t.Errorf("%q: %v", scheme, err)
		}
	}
	if _, err := NewCodec("hmac-md4", nil); err == nil {
		t.Error("hmac-md4: no error")
	}
}

func TestDecodeMalformed(t *testing.T) {
	c, _ := NewCodec("hmac-sha256", nil)
	header := `{"msg_id":"1","msg_type":"kernel_info_request"}`
	for _, tt := range []struct {
		name   string
		frames []string
	}{
		{"nothing", nil},
		{"no delimiter", []string{"id", "", header, "{}", "{}", "{}"}},
		{"too few parts", []string{"<IDS|MSG>", "", header, "{}", "{}"}},
		{"header not JSON", []string{"<IDS|MSG>", "", "{msg_type", "{}", "{}", "{}"}},
		{"content not an object", []string{"<IDS|MSG>", "", header, "{}", "{}", "[]"}},
		{"metadata empty", []string{"<IDS|MSG>", "", header, "{}", "", "{}"}},
		{"no msg_type", []string{"<IDS|MSG>", "", `{"msg_id":"1"}`, "{}", "{}", "{}"}},
		{"msg_type not a string", []string{"<IDS|MSG>", "", `{"msg_type":1}`, "{}", "{}", "{}"}},
		{"trailing garbage", []string{"<IDS|MSG>", "", header, "{}", "{}", "{} x"}},
	} {
		var frames [][]byte
		for _, f := range tt.frames {
			frames = append(frames, []byte(f))
		}
		if m, err := c.Decode(frames); err == nil {
			t.Errorf("%s: Decode = %+v, want an error", tt.name, m)
		}
	}
	// Identities may be anything, the delimiter's first occurrence ends them.
	m, err := c.Decode([][]byte{[]byte("a"), {0xff, 0}, []byte("<IDS|MSG>"), nil, []byte(header), []byte(" {} "), []byte("{}"), []byte("{}")})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Identities) != 2 || m.Header.MsgType != "kernel_info_request" {
		t.Errorf("Decode = %+v", m)
	}
}

func clone(frames [][]byte) [][]byte {
	out := make([][]byte, len(frames))
	for i, f := range frames {
		out[i] = append([]byte(nil), f...)
	}
	return out
}

func BenchmarkEncodeDecode(b *testing.B) {
	c, _ := NewCodec("hmac-sha256", []byte("a0436f6c-1916-498b-8eb9-e81ab9368e84"))
	m := testMessage()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Decode(c.Encode(m)); err != nil {
			b.Fatal(err)
		}
	}
}
