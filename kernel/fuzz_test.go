package kernel

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// frameSep separates the frames of a fuzz input: 0xff never occurs in
// UTF-8, so JSON parts do not contain it.
const frameSep = 0xff

func joinFrames(frames [][]byte) []byte {
	return bytes.Join(frames, []byte{frameSep})
}

// FuzzDecode checks that no input makes Decode panic, and that what it
// accepts encodes back to a message it decodes the same.
func FuzzDecode(f *testing.F) {
	signed, _ := NewCodec("hmac-sha256", []byte("key"))
	open, _ := NewCodec("hmac-sha256", nil)
	for _, c := range []*Codec{signed, open} {
		f.Add(joinFrames(c.Encode(testMessage())))
		m := testMessage()
		m.Identities, m.Buffers, m.Parent = nil, nil, nil
		f.Add(joinFrames(c.Encode(m)))
	}
	f.Add([]byte("<IDS|MSG>"))
	f.Add([]byte("\xff\xff<IDS|MSG>\xff\xff{}\xff{}\xff{}\xff{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		frames := bytes.Split(data, []byte{frameSep})
		signed.Decode(frames)
		m, err := open.Decode(frames)
		if err != nil {
			return
		}
		again, err := open.Decode(open.Encode(m))
		if err != nil {
			t.Fatalf("Decode(Encode(m)): %v", err)
		}
		if diff := cmp.Diff(m.Header, again.Header); diff != "" {
			t.Errorf("header (-first +again):\n%s", diff)
		}
		for _, p := range [][2][]byte{{m.Parent, again.Parent}, {m.Metadata, again.Metadata}, {m.Content, again.Content}} {
			if !bytes.Equal(p[0], p[1]) {
				t.Errorf("part %q became %q", p[0], p[1])
			}
		}
	})
}
