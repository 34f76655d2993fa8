package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"maps"
	"os"
	"sync"
)

// A Bundle is one displayable thing: its data under each MIME type, ready
// for encoding/json (text types and base64-encoded images as strings,
// "application/json" as a decoded JSON value), and metadata, keyed by MIME
// type too ({"image/png": {"width": 64, "height": 32}}).
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

// String returns the bundle's text/plain fallback, so that a Bundle prints
// as a terminal shows it.
func (b Bundle) String() string { return plainText(b) }

// A Displayer shows itself richly: Value and Of use its bundle. Types a
// cell declares may implement it.
type Displayer interface {
	Display() Bundle
}

// MIME types of the constructors.
const (
	mimeText     = "text/plain"
	mimeHTML     = "text/html"
	mimeMarkdown = "text/markdown"
	mimeSVG      = "image/svg+xml"
	mimePNG      = "image/png"
	mimeJPEG     = "image/jpeg"
	mimeJSON     = "application/json"
)

// HTML publishes s as HTML; its text fallback is s without tags.
func HTML(s string) { Publish(htmlBundle(s)) }

// Markdown publishes s as Markdown, which is also its text fallback.
func Markdown(s string) { Publish(Bundle{Data: map[string]any{mimeMarkdown: s, mimeText: s}}) }

// SVG publishes s, an SVG document, as an image.
func SVG(s string) {
	Publish(Bundle{Data: map[string]any{mimeSVG: s, mimeText: svgText(s)}})
}

// PNG publishes b, a PNG file, as an image.
func PNG(b []byte) { Publish(imageBundle(mimePNG, b)) }

// JPEG publishes b, a JPEG file, as an image.
func JPEG(b []byte) { Publish(imageBundle(mimeJPEG, b)) }

// JSON publishes v as JSON, encoded as encoding/json encodes it; its text
// fallback is the JSON indented. It panics if v cannot be encoded.
func JSON(v any) {
	b, err := jsonBundle(v)
	if err != nil {
		panic(fmt.Errorf("display.JSON: %w", err))
	}
	Publish(b)
}

// Text publishes s as plain text.
func Text(s string) { Publish(Bundle{Data: map[string]any{mimeText: s}}) }

// Value publishes v with the richest representation it has (see Of).
func Value(v any) {
	b, _ := Of(v)
	Publish(b)
}

// Of returns the bundle that shows v: a Bundle as it is, a Displayer's
// bundle, an image.Image encoded as PNG; each with a text/plain fallback
// added when it lacks one. For any other value it returns a bundle of
// text/plain only, v formatted with %v, and false.
func Of(v any) (Bundle, bool) {
	switch v := v.(type) {
	case Bundle:
		return withText(v), true
	case Displayer:
		return withText(v.Display()), true
	case image.Image:
		var buf bytes.Buffer
		if err := png.Encode(&buf, v); err != nil {
			break
		}
		return imageBundle(mimePNG, buf.Bytes()), true
	}
	return Bundle{Data: map[string]any{mimeText: fmt.Sprintf("%v", v)}}, false
}

// Publish hands b to the current publisher (see SetPublisher), with a
// text/plain fallback added when b lacks one. The publisher must not
// modify b.
func Publish(b Bundle) {
	b = withText(b)
	mu.Lock()
	p := publisher
	mu.Unlock()
	if p == nil {
		p = writeText(os.Stdout)
	}
	p(b)
}

// SetPublisher makes p receive every bundle published from now on, in the
// whole process, and returns a func that puts back the publisher it
// replaced. A nil p restores the default, which writes each bundle's
// text/plain fallback and a newline to os.Stdout. p may be called from
// several goroutines at once.
func SetPublisher(p func(Bundle)) (restore func()) {
	mu.Lock()
	defer mu.Unlock()
	old := publisher
	publisher = p
	return func() {
		mu.Lock()
		defer mu.Unlock()
		publisher = old
	}
}

var (
	mu        sync.Mutex
	publisher func(Bundle)
)

func writeText(w io.Writer) func(Bundle) {
	return func(b Bundle) { io.WriteString(w, plainText(b)+"\n") }
}

func htmlBundle(s string) Bundle {
	return Bundle{Data: map[string]any{mimeHTML: s, mimeText: htmlText(s)}}
}

// imageBundle is the bundle of b, a file of type mime, with its dimensions
// as metadata when its header says them.
func imageBundle(mime string, b []byte) Bundle {
	bundle := Bundle{Data: map[string]any{
		mime:     base64.StdEncoding.EncodeToString(b),
		mimeText: imageText(mime, b),
	}}
	if c, err := imageConfig(mime, b); err == nil {
		bundle.Metadata = map[string]any{mime: map[string]any{"width": c.Width, "height": c.Height}}
	}
	return bundle
}

func imageConfig(mime string, b []byte) (image.Config, error) {
	if mime == mimeJPEG {
		return jpeg.DecodeConfig(bytes.NewReader(b))
	}
	return png.DecodeConfig(bytes.NewReader(b))
}

// jsonBundle encodes v, and decodes it again so that the data is a plain
// JSON value (numbers as json.Number, exact).
func jsonBundle(v any) (Bundle, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return Bundle{}, err
	}
	data, err := decodeJSON(raw)
	if err != nil {
		return Bundle{}, err
	}
	return Bundle{Data: map[string]any{mimeJSON: data, mimeText: indentJSON(raw)}}, nil
}

func decodeJSON(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

func indentJSON(raw []byte) string {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return string(raw)
	}
	return buf.String()
}

// withText returns b with a text/plain entry, adding one to a copy of its
// data when it has none.
func withText(b Bundle) Bundle {
	if _, ok := b.Data[mimeText].(string); ok {
		return b
	}
	data := maps.Clone(b.Data)
	if data == nil {
		data = map[string]any{}
	}
	data[mimeText] = plainText(b)
	b.Data = data
	return b
}
