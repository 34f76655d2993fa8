package igo

import "testing"

func TestIndent(t *testing.T) {
	for src, want := range map[string]string{
		"x := 1":                   "",
		"func f() {":               "    ",
		"func f() {\n\tif x {":     "        ",
		"func f() {\n\tg(a,":       "        ",
		"s := \"{\" + `(`":         "",
		"// {\nfor {\n}":           "",
		"m := map[string]int{\n}]": "",
	} {
		if got := Indent(src); got != want {
			t.Errorf("Indent(%q) = %q, want %q", src, got, want)
		}
	}
}
