package highlight

import (
	"strings"
	"testing"
)

func TestHelp(t *testing.T) {
	page := "Signature: func strings.Repeat(s string, count int) string\nDocstring:\n    Repeat returns s count times.\nType:      func"
	s, _ := Lookup(Default)
	got := s.Help(page)
	if Visible(got) != page {
		t.Errorf("Help changed the text:\n%s", Visible(got))
	}
	if !strings.Contains(got, s.Error("Signature:")) || !strings.Contains(got, s.Error("Type:")) {
		t.Errorf("labels not in the error colour: %q", got)
	}
	if !strings.Contains(got, s.Code(" func strings.Repeat(s string, count int) string")) {
		t.Errorf("signature not highlighted as Go: %q", got)
	}
	if strings.Contains(got, s.Code("    Repeat returns s count times.")) && s.Code("    Repeat returns s count times.") != "    Repeat returns s count times." {
		t.Errorf("docstring highlighted as code: %q", got)
	}
	plain, _ := Lookup("nocolor")
	if plain.Help(page) != page {
		t.Errorf("nocolor changed the page")
	}
}
