package igo_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo"
	"github.com/igolang/igo/display"
)

// displays collects the bundles a shell publishes.
type displays struct {
	mu  sync.Mutex
	got []display.Bundle
}

func (d *displays) add(b display.Bundle) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, b)
}

func (d *displays) bundles() []display.Bundle {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]display.Bundle(nil), d.got...)
}

// waitFor waits a little for n bundles.
func (d *displays) waitFor(t *testing.T, n int) []display.Bundle {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(d.bundles()) < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return d.bundles()
}

// newDisplayShell returns a shell whose displays are collected, and its
// standard output.
func newDisplayShell(t *testing.T) (*igo.Shell, *displays, *bytes.Buffer) {
	t.Helper()
	d := &displays{}
	var out bytes.Buffer
	sh, err := igo.New(&igo.Options{Stdout: &out, Stderr: &out, Display: d.add})
	if err != nil {
		t.Fatal(err)
	}
	return sh, d, &out
}

func mustRun(t *testing.T, sh *igo.Shell, cell string) *igo.Result {
	t.Helper()
	res, err := sh.Run(context.Background(), cell)
	if err != nil {
		t.Fatalf("%s: %v", cell, err)
	}
	return res
}

func html(h, text string) display.Bundle {
	return display.Bundle{Data: map[string]any{"text/html": h, "text/plain": text}}
}

// TestDisplayHTML: display.HTML, used without an import, reaches
// Options.Display, with its text fallback; nothing is printed.
func TestDisplayHTML(t *testing.T) {
	sh, d, out := newDisplayShell(t)
	mustRun(t, sh, `display.HTML("<b>hi</b> there")`)
	if diff := cmp.Diff([]display.Bundle{html("<b>hi</b> there", "hi there")}, d.bundles()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out)
	}
}

// TestDisplayImageValue: an image.Image as a cell's value gives a PNG of
// it in Result.Display; the text stays what the terminal shows.
func TestDisplayImageValue(t *testing.T) {
	sh, d, _ := newDisplayShell(t)
	res := mustRun(t, sh, `image.NewRGBA(image.Rect(0, 0, 4, 4))`)
	s, ok := res.Display.Data["image/png"].(string)
	if !ok {
		t.Fatalf("Display.Data = %v, want image/png", res.Display.Data)
	}
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, 4, 4) {
		t.Errorf("PNG bounds = %v, want 4×4", got)
	}
	if got := res.Display.Data["text/plain"]; got != "<PNG image 4×4>" {
		t.Errorf("text/plain = %q", got)
	}
	if res.Type != "*image.RGBA" || res.Text == "" {
		t.Errorf("Type, Text = %q, %q", res.Type, res.Text)
	}
	if n := len(d.bundles()); n != 0 {
		t.Errorf("a value published %d bundles, want none", n)
	}
}

// TestDisplayPlainValue: a value with no rich form has no Display.
func TestDisplayPlainValue(t *testing.T) {
	sh, _, _ := newDisplayShell(t)
	for _, cell := range []string{`42`, `"s"`, `time.Second`, `[]int{1}`, `type P struct{ X int }; P{1}`, `var e error; e`} {
		if res := mustRun(t, sh, cell); !res.HasValue || res.Display.Data != nil {
			t.Errorf("%s: HasValue %v, Display %v; want a value without Display", cell, res.HasValue, res.Display)
		}
	}
}

// TestDisplayBundleValue: a display.Bundle as a cell's value is its own
// display, and its text fallback is what Out shows.
func TestDisplayBundleValue(t *testing.T) {
	sh, _, _ := newDisplayShell(t)
	res := mustRun(t, sh, `display.Bundle{Data: map[string]any{"text/html": "<p>x</p>"}}`)
	if diff := cmp.Diff(html("<p>x</p>", "x"), res.Display); diff != "" {
		t.Errorf("Display (-want +got):\n%s", diff)
	}
	if res.Text != "x // display.Bundle" {
		t.Errorf("Text = %q", res.Text)
	}
}

// TestDisplayerOfCell: a type the cells declare implements
// display.Displayer: as a value, with display.Value and display.Of.
func TestDisplayerOfCell(t *testing.T) {
	sh, d, _ := newDisplayShell(t)
	mustRun(t, sh, `type T struct{ N int }
func (t T) Display() display.Bundle {
	return display.Bundle{Data: map[string]any{"text/html": fmt.Sprintf("<i>%d</i>", t.N), "text/plain": "t"}}
}`)
	want := html("<i>1</i>", "t")

	res := mustRun(t, sh, `T{1}`)
	if diff := cmp.Diff(want, res.Display); diff != "" {
		t.Errorf("T{1}: Display (-want +got):\n%s", diff)
	}
	mustRun(t, sh, `display.Value(T{1})`)
	if diff := cmp.Diff([]display.Bundle{want}, d.bundles()); diff != "" {
		t.Errorf("display.Value: (-want +got):\n%s", diff)
	}
	res = mustRun(t, sh, `b, ok := display.Of(T{1}); fmt.Sprint(ok, " ", b.Data["text/html"])`)
	if res.Text != "true <i>1</i>" {
		t.Errorf("display.Of: %q", res.Text)
	}

	// In an interface. (Not a struct: yaegi drops the methods of a
	// struct of a cell's type held in an interface when it passes it to
	// compiled code, for fmt.Println too.)
	mustRun(t, sh, `type N int
func (n N) Display() display.Bundle { return display.Bundle{Data: map[string]any{"text/html": fmt.Sprintf("<i>%d</i>", int(n)), "text/plain": "t"}} }`)
	res = mustRun(t, sh, `var v any = N(1); v`)
	if diff := cmp.Diff(want, res.Display); diff != "" {
		t.Errorf("N(1) as any: Display (-want +got):\n%s", diff)
	}

	// A pointer receiver, and a Display without text/plain.
	mustRun(t, sh, `type U struct{}
func (*U) Display() display.Bundle { return display.Bundle{Data: map[string]any{"text/markdown": "**u**"}} }`)
	res = mustRun(t, sh, `&U{}`)
	if diff := cmp.Diff(display.Bundle{Data: map[string]any{"text/markdown": "**u**", "text/plain": "**u**"}}, res.Display); diff != "" {
		t.Errorf("&U{}: Display (-want +got):\n%s", diff)
	}
}

// TestDisplayValueString: display.Value of a cell's type with a String
// method shows it, as fmt.Println would.
func TestDisplayValueString(t *testing.T) {
	sh, d, _ := newDisplayShell(t)
	mustRun(t, sh, `type C float64
func (c C) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }`)
	mustRun(t, sh, `display.Value(C(21.5))`)
	want := []display.Bundle{{Data: map[string]any{"text/plain": "21.5°C"}}}
	if diff := cmp.Diff(want, d.bundles()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDisplayFallback: without Options.Display the text fallback is
// written where the cell's output goes, and %%capture catches it.
func TestDisplayFallback(t *testing.T) {
	sh, out := newShell(t)
	mustRun(t, sh, `fmt.Println("before"); display.HTML("<p>Hello, <b>you</b></p>"); display.Markdown("*m*")`)
	if got, want := out.String(), "before\nHello, you\n*m*\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	out.Reset()
	res := mustRun(t, sh, "%%capture c\ndisplay.Text(\"caught\")")
	if res.HasValue || out.Len() != 0 {
		t.Errorf("%%%%capture let through %q", out)
	}
	if res := mustRun(t, sh, `c.Stdout`); res.Text != "caught\n" {
		t.Errorf("captured %q, want %q", res.Text, "caught\n")
	}
}

// TestDisplayFromGoroutine: a goroutine the cell started displays, while
// the cell waits for it (the group runner waits for the cell's goroutines)
// and after the cell has ended. (The cell that follows a goroutine still
// running is left out: yaegi's frames race then, display or not.)
func TestDisplayFromGoroutine(t *testing.T) {
	sh, d, _ := newDisplayShell(t)
	mustRun(t, sh, "%autoawait group")
	defer mustRun(t, sh, "%autoawait goroutine")
	mustRun(t, sh, `go func() { time.Sleep(10 * time.Millisecond); display.HTML("<p>during</p>") }()`)
	want := []display.Bundle{html("<p>during</p>", "during")}
	if diff := cmp.Diff(want, d.bundles()); diff != "" {
		t.Errorf("when the cell ended (-want +got):\n%s", diff)
	}
	mustRun(t, sh, "%autoawait goroutine")
	mustRun(t, sh, `go func() { time.Sleep(20 * time.Millisecond); display.Text("after") }()`)
	want = append(want, display.Bundle{Data: map[string]any{"text/plain": "after"}})
	if diff := cmp.Diff(want, d.waitFor(t, 2)); diff != "" {
		t.Errorf("after the cell (-want +got):\n%s", diff)
	}
}

// TestDisplayTwoShells: each shell's cells display in that shell.
func TestDisplayTwoShells(t *testing.T) {
	sh1, d1, _ := newDisplayShell(t)
	sh2, d2, _ := newDisplayShell(t)
	mustRun(t, sh1, `display.Text("one")`)
	mustRun(t, sh2, `display.Text("two")`)
	mustRun(t, sh1, `display.Text("three")`)
	text := func(bs []display.Bundle) []string {
		var s []string
		for _, b := range bs {
			s = append(s, b.String())
		}
		return s
	}
	if diff := cmp.Diff([]string{"one", "three"}, text(d1.bundles())); diff != "" {
		t.Errorf("shell 1 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"two"}, text(d2.bundles())); diff != "" {
		t.Errorf("shell 2 (-want +got):\n%s", diff)
	}
}
