package highlight

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the tokens sections of testdata/*.txtar")

// tokens lists the non-blank tokens of src, one a line: chroma type and text.
func tokens(src string) string {
	var b strings.Builder
	var lx lexer
	lx.init(src)
	for {
		sp, ok := lx.next()
		if !ok {
			break
		}
		fmt.Fprintf(&b, "%-20s %q\n", classType[sp.c], src[sp.start:sp.end])
	}
	return b.String()
}

// TestGolden lexes the in.go section of every testdata/*.txtar case and
// compares the tokens with its tokens section.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var in, want string
			var kept []txtar.File
			for _, f := range ar.Files {
				switch f.Name {
				case "in.go":
					in = string(f.Data)
					kept = append(kept, f)
				case "tokens":
					want = string(f.Data)
				default:
					t.Fatalf("unknown section %q", f.Name)
				}
			}
			got := tokens(in)
			if *update {
				ar.Files = append(kept, txtar.File{Name: "tokens", Data: []byte(got)})
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
			for _, name := range Schemes() {
				s, _ := Lookup(name)
				if out := Visible(s.Code(in)); out != in {
					t.Errorf("%s: Visible(Code(in)) (-in +got):\n%s", name, cmp.Diff(in, out))
				}
			}
		})
	}
}

// ordinary is Go code on which the lexer and chroma's Go lexer agree.
const ordinary = `package main

import (
	"fmt"
	"strings"
)

// point is a point.
type point struct {
	x, y float64 /* metres */
}

func (p *point) String() string {
	return fmt.Sprintf("(%g, %g)", p.x, p.y)
}

var names = map[string][]int{"a": {1, 2}, "b": nil}

type number interface {
	~int | ~float64
}

func sum[T number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func main() {
loop:
	for {
		select {
		case <-done:
			break loop
		}
		goto loop
	}
	ch := make(chan int, 3)
	go func() {
		defer close(ch)
		for i := range 3 {
			ch <- i * 0x10
		}
	}()
	for v := range ch {
		if v >= 16 && v != 32 || !ok {
			fmt.Println(v, 'x', '\n', 1e9, 2.5, 0b101, 017, 3i, true, false, nil, iota)
		} else {
			continue
		}
	}
	s := ` + "`raw\nstring`" + `
	var b strings.Builder
	b.WriteString(strings.Repeat(s, len(names)))
	x := int64(len(s)) << 2
	x &^= 1
	x += 1; x -= 1; x *= 2; x /= 2; x %= 3; x &= 7; x |= 8; x ^= 9; x <<= 1; x >>= 1
	y := a<b || a>b || a|b == a^b || !c && ^d == 0 && e%2 == 1 && f/2 <= g*3 && h-1 >= i+1
	z := &x; *z = -1; z2 := append(xs, ys...)
	x++
	x--
	var e error = nil
	var a any = e
	_ = a
	switch {
	case x > 1:
		fallthrough
	default:
		panic(e)
	}
}
`

// TestAgreesWithChroma checks that on ordinary code the lexer gives every
// byte the chroma token type chroma's own Go lexer gives it, so a chroma
// style colours Go here as it does anywhere else.
func TestAgreesWithChroma(t *testing.T) {
	want := chromaTypes(t, ordinary)
	got := make([]chroma.TokenType, len(ordinary))
	var lx lexer
	lx.init(ordinary)
	for i := range got {
		got[i] = chroma.TextWhitespace
	}
	for {
		sp, ok := lx.next()
		if !ok {
			break
		}
		for i := sp.start; i < sp.end; i++ {
			got[i] = classType[sp.c]
		}
	}
	for i := range ordinary {
		if got[i] != want[i] {
			line := 1 + strings.Count(ordinary[:i], "\n")
			start := strings.LastIndexByte(ordinary[:i], '\n') + 1
			end := start + strings.IndexByte(ordinary[start:], '\n')
			t.Fatalf("line %d, byte %q of %q: got %v, chroma %v", line, ordinary[i], ordinary[start:end], got[i], want[i])
		}
	}
}

// chromaTypes returns the type chroma's Go lexer gives each byte of src.
func chromaTypes(t *testing.T, src string) []chroma.TokenType {
	t.Helper()
	it, err := lexers.Get("go").Tokenise(&chroma.TokeniseOptions{State: "root"}, src)
	if err != nil {
		t.Fatal(err)
	}
	var types []chroma.TokenType
	var text strings.Builder
	for tok := it(); tok != chroma.EOF; tok = it() {
		text.WriteString(tok.Value)
		for range len(tok.Value) {
			types = append(types, tok.Type)
		}
	}
	if text.String() != src {
		t.Fatalf("chroma changed the text:\n%s", cmp.Diff(src, text.String()))
	}
	return types
}

// TestStylesAgreeWithChroma checks each scheme's style entries, copied so
// that starting igo does not parse chroma's whole style registry, against
// the chroma style of the same name, for every token type the lexer emits.
// Backgrounds are left out, as chroma's terminal formatters do.
func TestStylesAgreeWithChroma(t *testing.T) {
	for _, d := range defs {
		ref, ok := styles.Registry[d.style]
		if !ok {
			t.Fatalf("%s: no chroma style %q", d.name, d.style)
		}
		b := ref.Builder()
		bg := b.Get(chroma.Background)
		bg.Background, bg.NoInherit = 0, true
		ref, err := b.AddEntry(chroma.Background, bg).Build()
		if err != nil {
			t.Fatal(err)
		}
		ours := chroma.MustNewStyle(d.style, d.code)
		for c := plain + 1; c < numClasses; c++ {
			typ := classType[c]
			if got, want := ours.Get(typ), ref.Get(typ); got != want {
				t.Errorf("%s: %v is %q, chroma's %s has %q", d.name, typ, got, d.style, want)
			}
		}
	}
}

func TestXterm256(t *testing.T) {
	for _, tc := range []struct {
		colour string
		want   int
	}{
		{"#000000", 16}, {"#ffffff", 231}, {"#ff0000", 196}, {"#00ff00", 46},
		{"#0000ff", 21}, {"#808080", 244}, {"#af5f00", 130}, {"#eeeeee", 255},
	} {
		if got := xterm256(chroma.MustParseColour(tc.colour)); got != tc.want {
			t.Errorf("xterm256(%s) = %d, want %d", tc.colour, got, tc.want)
		}
	}
}
