package display_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/display"
)

// capture collects what is published while f runs.
func capture(t *testing.T, f func()) []display.Bundle {
	t.Helper()
	var (
		mu  sync.Mutex
		got []display.Bundle
	)
	restore := display.SetPublisher(func(b display.Bundle) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, b)
	})
	defer restore()
	f()
	mu.Lock()
	defer mu.Unlock()
	return got
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func size(w, h int) map[string]any { return map[string]any{"width": w, "height": h} }

func TestConstructors(t *testing.T) {
	png, jpg := pngOf(t, 64, 32), jpegOf(t, 8, 16)
	tests := []struct {
		name string
		f    func()
		want display.Bundle
	}{
		{"HTML", func() { display.HTML("<p>Hello, <b>world</b> &amp; all</p>") }, display.Bundle{Data: map[string]any{
			"text/html":  "<p>Hello, <b>world</b> &amp; all</p>",
			"text/plain": "Hello, world & all",
		}}},
		{"Markdown", func() { display.Markdown("# Title\n\n*x*") }, display.Bundle{Data: map[string]any{
			"text/markdown": "# Title\n\n*x*",
			"text/plain":    "# Title\n\n*x*",
		}}},
		{"SVG", func() { display.SVG(`<svg width="10" height="10"></svg>`) }, display.Bundle{Data: map[string]any{
			"image/svg+xml": `<svg width="10" height="10"></svg>`,
			"text/plain":    "<SVG image, 34 bytes>",
		}}},
		{"PNG", func() { display.PNG(png) }, display.Bundle{
			Data:     map[string]any{"image/png": b64(png), "text/plain": "<PNG image 64×32>"},
			Metadata: map[string]any{"image/png": size(64, 32)},
		}},
		{"PNG not an image", func() { display.PNG([]byte("nope")) }, display.Bundle{
			Data: map[string]any{"image/png": b64([]byte("nope")), "text/plain": "<PNG image, 4 bytes>"},
		}},
		{"JPEG", func() { display.JPEG(jpg) }, display.Bundle{
			Data:     map[string]any{"image/jpeg": b64(jpg), "text/plain": "<JPEG image 8×16>"},
			Metadata: map[string]any{"image/jpeg": size(8, 16)},
		}},
		{"JSON", func() { display.JSON(map[string]any{"a": 1, "b": []string{"x"}}) }, display.Bundle{Data: map[string]any{
			"application/json": map[string]any{"a": json.Number("1"), "b": []any{"x"}},
			"text/plain":       "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}",
		}}},
		{"JSON big number", func() { display.JSON(uint64(1<<63 + 1)) }, display.Bundle{Data: map[string]any{
			"application/json": json.Number("9223372036854775809"),
			"text/plain":       "9223372036854775809",
		}}},
		{"Text", func() { display.Text("plain") }, display.Bundle{Data: map[string]any{"text/plain": "plain"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := capture(t, tt.f)
			if diff := cmp.Diff([]display.Bundle{tt.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// What a front end sends must encode.
			if _, err := json.Marshal(got); err != nil {
				t.Errorf("bundle does not encode: %v", err)
			}
		})
	}
}

func TestJSONPanics(t *testing.T) {
	defer func() {
		err, _ := recover().(error)
		if err == nil || !strings.HasPrefix(err.Error(), "display.JSON: json: unsupported type") {
			t.Errorf("recover() = %v, want display.JSON's error", err)
		}
	}()
	capture(t, func() { display.JSON(make(chan int)) })
}

type card struct{ name string }

func (c card) Display() display.Bundle {
	return display.Bundle{Data: map[string]any{"text/html": "<i>" + c.name + "</i>"}}
}

func TestOf(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	img.Set(1, 1, color.RGBA{R: 255, A: 255})
	tests := []struct {
		name   string
		v      any
		want   display.Bundle
		wantOK bool
	}{
		{"Bundle", display.Bundle{Data: map[string]any{"text/html": "<b>b</b>", "text/plain": "B"}},
			display.Bundle{Data: map[string]any{"text/html": "<b>b</b>", "text/plain": "B"}}, true},
		{"Bundle without text", display.Bundle{Data: map[string]any{"text/html": "<b>b</b>"}},
			display.Bundle{Data: map[string]any{"text/html": "<b>b</b>", "text/plain": "b"}}, true},
		{"Displayer", card{"c"},
			display.Bundle{Data: map[string]any{"text/html": "<i>c</i>", "text/plain": "c"}}, true},
		{"int", 42, display.Bundle{Data: map[string]any{"text/plain": "42"}}, false},
		{"error", errors.New("boom"), display.Bundle{Data: map[string]any{"text/plain": "boom"}}, false},
		{"nil", nil, display.Bundle{Data: map[string]any{"text/plain": "<nil>"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := display.Of(tt.v)
			if ok != tt.wantOK {
				t.Errorf("ok = %v, want %v", ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	t.Run("image", func(t *testing.T) {
		b, ok := display.Of(img)
		if !ok {
			t.Fatal("ok = false for an image.Image")
		}
		if diff := cmp.Diff(map[string]any{"image/png": size(4, 2)}, b.Metadata); diff != "" {
			t.Errorf("metadata (-want +got):\n%s", diff)
		}
		if got := b.Data["text/plain"]; got != "<PNG image 4×2>" {
			t.Errorf("text/plain = %q", got)
		}
		data, err := base64.StdEncoding.DecodeString(b.Data["image/png"].(string))
		if err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if r, _, _, _ := back.At(1, 1).RGBA(); r != 0xffff || back.Bounds() != img.Bounds() {
			t.Errorf("decoded %v with (1,1) = %v, want %v with red", back.Bounds(), back.At(1, 1), img.Bounds())
		}
	})
}

func TestValue(t *testing.T) {
	got := capture(t, func() {
		display.Value(card{"v"})
		display.Value(3.5)
		display.Value(display.Bundle{Data: map[string]any{"text/markdown": "**m**"}})
	})
	want := []display.Bundle{
		{Data: map[string]any{"text/html": "<i>v</i>", "text/plain": "v"}},
		{Data: map[string]any{"text/plain": "3.5"}},
		{Data: map[string]any{"text/markdown": "**m**", "text/plain": "**m**"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPublishAddsText: a bundle published without text/plain gets one
// derived from its richest data; the caller's map is left alone.
func TestPublishAddsText(t *testing.T) {
	png := pngOf(t, 3, 5)
	tests := []struct {
		name string
		data map[string]any
		want string
	}{
		{"html", map[string]any{"text/html": "<h1>T</h1><p>x</p>"}, "T\nx"},
		{"png", map[string]any{"image/png": b64(png)}, "<PNG image 3×5>"},
		{"png bad base64", map[string]any{"image/png": "!!"}, "<PNG image, invalid base64>"},
		{"svg", map[string]any{"image/svg+xml": "<svg/>"}, "<SVG image, 6 bytes>"},
		{"json", map[string]any{"application/json": []int{1}}, "[\n  1\n]"},
		{"unknown", map[string]any{"image/gif": "R0lG", "text/latex": "$x$"}, "<display of image/gif, text/latex>"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := display.Bundle{Data: tt.data}
			got := capture(t, func() { display.Publish(in) })
			if len(got) != 1 {
				t.Fatalf("published %d bundles, want 1", len(got))
			}
			if text := got[0].Data["text/plain"]; text != tt.want {
				t.Errorf("text/plain = %q, want %q", text, tt.want)
			}
			if in.String() != tt.want {
				t.Errorf("String() = %q, want %q", in.String(), tt.want)
			}
			if _, ok := tt.data["text/plain"]; ok {
				t.Errorf("Publish changed the caller's map: %v", tt.data)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"inline", "<b>hi</b>", "hi"},
		{"blocks", "<div>one</div><div>two</div>", "one\ntwo"},
		{"br", "a<br>b<br/>c", "a\nb\nc"},
		{"source white space", "<p>\n   many   \n  spaces\n</p>", "many spaces"},
		{"inline keeps spaces", "a <b>bold</b> word", "a bold word"},
		{"table", "<table><tr><th>k</th><th>v</th></tr><tr><td>x</td><td>1</td></tr></table>", "k v\nx 1"},
		{"list", "<ul><li>a</li><li>b</li></ul>", "a\nb"},
		{"entities", "&lt;tag&gt; &quot;q&quot; &#233;", `<tag> "q" é`},
		{"script and style", "<style>p{color:red}</style><script>if (a < b) {}</script>text", "text"},
		{"comment", "x<!-- <b>hidden</b> -->y", "xy"},
		{"quoted >", `<a title="a>b" href="#">link</a>`, "link"},
		{"less than", "a < b and 1<2", "a < b and 1<2"},
		{"pre", "<pre>  x := 1\n  y := 2</pre>", "  x := 1\n  y := 2"},
		{"doctype", "<!DOCTYPE html><html><body>page</body></html>", "page"},
		{"no text", `<img src="x.png">`, `<HTML, 17 bytes>`},
		{"plain", "just text", "just text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := capture(t, func() { display.HTML(tt.in) })
			if text := got[0].Data["text/plain"]; text != tt.want {
				t.Errorf("HTML(%q) text/plain = %q, want %q", tt.in, text, tt.want)
			}
		})
	}
}

func TestSetPublisherRestores(t *testing.T) {
	var outer, inner []string
	restore := display.SetPublisher(func(b display.Bundle) { outer = append(outer, b.String()) })
	defer restore()
	display.Text("1")
	r := display.SetPublisher(func(b display.Bundle) { inner = append(inner, b.String()) })
	display.Text("2")
	r()
	display.Text("3")
	if diff := cmp.Diff([]string{"1", "3"}, outer); diff != "" {
		t.Errorf("outer publisher (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"2"}, inner); diff != "" {
		t.Errorf("inner publisher (-want +got):\n%s", diff)
	}
}
