package highlight

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// cell40 is a 40-line cell, the size the shell must redraw within 2 ms of
// a key press.
const cell40 = `type point struct {
	x, y float64 // coordinates
}

func (p point) dist(q point) float64 {
	dx, dy := p.x-q.x, p.y-q.y
	return math.Sqrt(dx*dx + dy*dy)
}

pts := []point{{1, 2}, {3, 4}, {5, 6}}
total := 0.0
for i := 1; i < len(pts); i++ {
	total += pts[i].dist(pts[i-1])
}
fmt.Printf("total %.2f\n", total)
/* a block
   comment */
m := map[string]int{"a": 1, "b": 2}
for k, v := range m {
	if v > 1 {
		fmt.Println(k, v)
	} else {
		continue
	}
}
s := ` + "`raw\nstring`" + `
ch := make(chan int, 3)
go func() {
	defer close(ch)
	for i := range 3 {
		ch <- i * 0x10
	}
}()
for v := range ch {
	fmt.Println(v, 'x', 1e9, true, nil)
}
héllo := "wörld"
if err != nil {
	panic("unfinished
`

func check40(b *testing.B) {
	if n := strings.Count(cell40, "\n"); n != 40 {
		b.Fatalf("cell40 has %d lines", n)
	}
}

// BenchmarkCode40Lines colours a 40-line cell, as after each key press.
func BenchmarkCode40Lines(b *testing.B) {
	check40(b)
	s, _ := Lookup(Default)
	b.ReportAllocs()
	b.SetBytes(int64(len(cell40)))
	for b.Loop() {
		s.Code(cell40)
	}
}

// BenchmarkAppendCode40Lines is BenchmarkCode40Lines reusing one buffer,
// as a line editor can.
func BenchmarkAppendCode40Lines(b *testing.B) {
	check40(b)
	s, _ := Lookup(Default)
	var buf []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(cell40)))
	for b.Loop() {
		buf = s.AppendCode(buf[:0], cell40)
	}
}

// BenchmarkRedraw40Lines builds the whole screen for a 40-line cell: the
// coloured code, a prompt for each line, and the visible text of each
// line for the cursor's column.
func BenchmarkRedraw40Lines(b *testing.B) {
	check40(b)
	s, _ := Lookup(Default)
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf = buf[:0]
		for i, line := range strings.Split(s.Code(cell40), "\n") {
			if i == 0 {
				buf = append(buf, s.InPrompt(12)...)
			} else {
				buf = append(buf, s.ContPrompt(12)...)
			}
			buf = append(buf, line...)
			buf = append(buf, "\x1b[K\r\n"...)
			_ = len(Visible(line))
		}
	}
}

// BenchmarkChromaGoLexer40Lines measures, for comparison, chroma's own Go
// lexer on the same cell: tokenising alone is over the 2 ms budget, which
// is why the lexer here uses go/scanner.
func BenchmarkChromaGoLexer40Lines(b *testing.B) {
	check40(b)
	lx := chroma.Coalesce(lexers.Get("go"))
	b.ReportAllocs()
	for b.Loop() {
		it, err := lx.Tokenise(nil, cell40)
		if err != nil {
			b.Fatal(err)
		}
		for tok := it(); tok != chroma.EOF; tok = it() {
		}
	}
}

// BenchmarkLookup measures building a scheme, as on the first prompt.
func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		for _, d := range defs {
			d.build()
		}
	}
}
