package kernel

import (
	"strings"
	"testing"
)

func TestNameAt(t *testing.T) {
	for _, tt := range []struct {
		code string // | marks the cursor
		want string
	}{
		{"strings.Repeat|", "strings.Repeat"},
		{"strings.Rep|eat", "strings.Repeat"},
		{"str|ings.Repeat", "strings"},
		{"|x", "x"},
		{"x.Field.Method|", "x.Field.Method"},
		{`strings.Repeat("ab", |`, "strings.Repeat"},
		{`strings.Repeat("ab", 3|)`, "strings.Repeat"},
		{`fmt.Println(strings.Repeat("a", 2), |`, "fmt.Println"},
		{`fmt.Println(f(1)[0], |`, "fmt.Println"},
		{`f(x)|`, ""},
		{`x := "strings.Repeat|"`, ""},
		{"a := 1\nb := a|", "a"},
		{"|", ""},
		{"1 + |", ""},
		{"%time strings.Repeat|", "strings.Repeat"},
	} {
		cursor := strings.Index(tt.code, "|")
		code := tt.code[:cursor] + tt.code[cursor+1:]
		if got := nameAt(code, cursor); got != tt.want {
			t.Errorf("nameAt(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	s := "aé😀b" // code points: a é 😀 b; bytes 1 2 4 1
	for points, bytes := range []int{0, 1, 3, 7, 8, 8} {
		if got := byteOffset(s, points); got != bytes {
			t.Errorf("byteOffset(%d) = %d, want %d", points, got, bytes)
		}
	}
	for bytes, points := range map[int]int{0: 0, 1: 1, 3: 2, 7: 3, 8: 4, 100: 4} {
		if got := pointOffset(s, bytes); got != points {
			t.Errorf("pointOffset(%d) = %d, want %d", bytes, got, points)
		}
	}
}

func TestCompleteRunes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é", 2},
		{"a\xc3", 1},         // é cut after its first byte
		{"a\xf0\x9f\x98", 1}, // 😀 cut after three bytes
		{"\xff", 1},          // not UTF-8: published as it is
	} {
		if got := completeRunes([]byte(tt.in)); got != tt.want {
			t.Errorf("completeRunes(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
