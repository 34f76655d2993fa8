package magics_test

import (
	"go/scanner"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

// FuzzParse checks that Parse never panics, that positions are honest (a
// segment's text is in the cell where it says), that segments come in
// order without overlapping, and that the lines no segment holds are only
// blanks and comments.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		segs, err := magics.Parse(cell, nil)
		if err != nil {
			if _, ok := err.(scanner.ErrorList); !ok {
				t.Fatalf("Parse(%q) error %T, want scanner.ErrorList", cell, err)
			}
			return
		}
		lines := strings.Split(cell, "\n")
		covered := make([]bool, len(lines))
		next := 0 // the first line index a segment may start at
		for _, s := range segs {
			start := s.Line - 1
			if start < next || start >= len(lines) {
				t.Fatalf("Parse(%q): segment %+v starts at line %d, want %d..%d", cell, s, s.Line, next+1, len(lines))
			}
			n := 1
			switch s.Kind {
			case magics.GoCode:
				got := strings.Split(s.Text, "\n")
				n = len(got)
				if start+n > len(lines) || s.Col != 1 {
					t.Fatalf("Parse(%q): Go segment %+v runs past the cell", cell, s)
				}
				if diff := cmp.Diff(lines[start:start+n], got); diff != "" {
					t.Fatalf("Parse(%q): Go segment at line %d is not the cell's lines (-cell +segment):\n%s", cell, s.Line, diff)
				}
				if again, err := magics.Parse(s.Text, nil); err != nil || len(again) != 1 || again[0].Text != s.Text {
					t.Fatalf("Parse(%q): Go segment %q parses alone as %+v, %v", cell, s.Text, again, err)
				}
			case magics.CellMagic:
				if s.Body != "" {
					body := strings.Split(s.Body, "\n")
					if start+1+len(body) > len(lines) {
						t.Fatalf("Parse(%q): cell magic %+v runs past the cell", cell, s)
					}
					if diff := cmp.Diff(lines[start+1:start+1+len(body)], body); diff != "" {
						t.Fatalf("Parse(%q): body is not the cell's lines (-cell +body):\n%s", cell, diff)
					}
					n += len(body)
				}
				fallthrough
			default:
				l := lines[start]
				if s.Col < 1 || s.Col-1 > len(l) || !strings.HasPrefix(l[s.Col-1:], s.Text) {
					t.Fatalf("Parse(%q): %v text %q is not at %d:%d", cell, s.Kind, s.Text, s.Line, s.Col)
				}
			}
			for i := start; i < start+n; i++ {
				covered[i] = true
			}
			next = start + n
		}
		// Lines outside segments hold no Go tokens.
		for i := 0; i < len(lines); {
			if covered[i] {
				i++
				continue
			}
			j := i
			for j < len(lines) && !covered[j] {
				j++
			}
			if tok, lit := firstToken(strings.Join(lines[i:j], "\n")); tok != token.EOF {
				t.Fatalf("Parse(%q): lines %d-%d are in no segment but hold %v %q", cell, i+1, j, tok, lit)
			}
			i = j
		}
	})
}

// firstToken returns the first token of src that is not a comment.
func firstToken(src string) (token.Token, string) {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), nil, scanner.ScanComments)
	for {
		_, tok, lit := s.Scan()
		if tok != token.COMMENT && !(tok == token.SEMICOLON && lit == "\n") {
			return tok, lit
		}
	}
}
