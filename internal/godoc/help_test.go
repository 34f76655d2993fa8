package godoc

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHelpString(t *testing.T) {
	tests := []struct {
		name string
		help Help
		want string
	}{
		{
			name: "func",
			help: Help{
				Name:      "strings.Repeat",
				Kind:      "func",
				Signature: "func strings.Repeat(s string, count int) string",
				Doc: "Repeat returns a new string consisting of count copies of the string s.\n" +
					"\nIt panics if count is negative or if the result of (len(s) * count)\noverflows.\n",
			},
			want: `Signature: func strings.Repeat(s string, count int) string
Docstring:
    Repeat returns a new string consisting of count copies of the string s.

    It panics if count is negative or if the result of (len(s) * count)
    overflows.
Type:      func`,
		},
		{
			name: "rewrapped doc with code, list and links",
			help: Help{
				Name:      "time.Duration",
				Kind:      "type",
				Signature: "type time.Duration int64",
				Doc: "A Duration is a [Duration]; see [time.Time] and [Time.Add]. Words words words words words words words words.\n" +
					"\n\tx := 1\n\tif x {\n\t\ty()\n\t}\n\nList:\n  - one\n  - two\n",
			},
			want: `Signature: type time.Duration int64
Docstring:
    A Duration is a Duration; see time.Time and Time.Add. Words words words
    words words words words words.

        x := 1
        if x {
        	y()
        }

    List:
      - one
      - two
Type:      type`,
		},
		{
			name: "no doc",
			help: Help{Name: "p.X", Kind: "var", Signature: "var p.X int"},
			want: "Signature: var p.X int\nDocstring: <no docstring>\nType:      var",
		},
		{
			name: "source",
			help: Help{
				Name:      "p.F",
				Kind:      "func",
				Signature: "func p.F()",
				Doc:       "F does nothing.\n",
				Source:    "// F does nothing.\nfunc F() {\n\treturn\n}\n",
			},
			want: "Signature: func p.F()\nSource:\n// F does nothing.\nfunc F() {\n\treturn\n}\nType:      func",
		},
		{
			name: "multi-line signature",
			help: Help{
				Name:      "p.T",
				Kind:      "type",
				Signature: "type p.T struct {\n\tX int\n}",
				Doc:       "T is a type.",
			},
			want: "Signature:\n    type p.T struct {\n    \tX int\n    }\nDocstring:\n    T is a type.\nType:      type",
		},
		{
			name: "package without signature",
			help: Help{Name: "fmt", Kind: "package", Doc: "Package fmt implements formatted I/O.\n"},
			want: "Name:      fmt\nDocstring:\n    Package fmt implements formatted I/O.\nType:      package",
		},
		{
			name: "empty",
			help: Help{},
			want: "Docstring: <no docstring>",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.help.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHelpStringWidth(t *testing.T) {
	ix := stdIndex(t)
	doc, ok := ix.Symbol("net/http", "Request.Header")
	if !ok {
		t.Fatal("net/http.Request.Header not found")
	}
	s := Help{Name: "http.Request.Header", Kind: "field", Signature: "field Header http.Header", Doc: doc}.String()
	for _, line := range strings.Split(s, "\n") {
		if n := len([]rune(line)); n > helpWidth {
			t.Errorf("line longer than %d runes (%d): %q", helpWidth, n, line)
		}
	}
}
