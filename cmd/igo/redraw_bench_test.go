package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/igolang/igo"
	"github.com/igolang/igo/internal/highlight"
)

// BenchmarkRedraw40 is one key press in a 40-line cell: a character
// typed, then the editor's redraw of the cell, highlighting and prompts
// included, to a terminal that discards it.
func BenchmarkRedraw40(b *testing.B) {
	sh, err := igo.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	scheme, _ := highlight.Lookup(highlight.Default)
	r := &runner{sh: sh, scheme: scheme, errScheme: scheme}
	ed := newEditor(r, &cellHistory{}, false)
	var cell strings.Builder
	cell.WriteString("func report(items []string) {\n")
	for i := range 38 {
		fmt.Fprintf(&cell, "\tfmt.Printf(\"%%d: %%s\\n\", %d, items[%d%%len(items)]) // line %d\n", i, i, i)
	}
	cell.WriteString("}")
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = null
	defer func() { os.Stdout = stdout }()
	line, cur := ed.rl.Line(), ed.rl.Cursor()
	line.Set([]rune(cell.String())...)
	cur.Set(line.Len() - 2)
	ed.rl.Display.Refresh()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		line.Insert(cur.Pos(), 'x')
		cur.Inc()
		ed.rl.Display.Refresh()
		if i%64 == 63 { // keep the cell at 40 lines of about the same size
			line.Set([]rune(cell.String())...)
			cur.Set(line.Len() - 2)
		}
	}
}
