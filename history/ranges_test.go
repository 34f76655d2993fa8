package history

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseRange(t *testing.T) {
	const cur = 5 // the current session
	tests := []struct {
		name, in string
		want     []span
	}{
		{"empty is this session", "", []span{{5, 1, 0}}},
		{"blank is this session", "  ", []span{{5, 1, 0}}},
		{"line", "4", []span{{5, 4, 4}}},
		{"lines", "2-5", []span{{5, 2, 5}}},
		{"slice excludes its end", "2:5", []span{{5, 2, 4}}},
		{"one line", "3-3", []span{{5, 3, 3}}},
		{"session back", "~1/3", []span{{4, 3, 3}}},
		{"lines a session back", "~1/2-4", []span{{4, 2, 4}}},
		{"whole session back", "~1/", []span{{4, 1, 0}}},
		{"~0 is this session", "~0/2", []span{{5, 2, 2}}},
		{"absolute session", "2/7", []span{{2, 7, 7}}},
		{"session 0 is this one", "0/7", []span{{5, 7, 7}}},
		{"absolute session lines", "3/1-2", []span{{3, 1, 2}}},
		{"several", "1 3-4", []span{{5, 1, 1}, {5, 3, 4}}},
		{"several sessions", "~1/2 ~2/1-3\t4", []span{{4, 2, 2}, {3, 1, 3}, {5, 4, 4}}},
		{"across two sessions", "~2/3-~1/4", []span{{3, 3, 0}, {4, 1, 4}}},
		{"across three sessions", "~3/3-~1/4", []span{{2, 3, 0}, {3, 1, 0}, {4, 1, 4}}},
		{"into this session", "~1/7-0/2", []span{{4, 7, 0}, {5, 1, 2}}},
		{"slice across sessions", "~1/7:0/3", []span{{4, 7, 0}, {5, 1, 2}}},
		{"slice ending before a session", "~1/7:0/1", []span{{4, 7, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRange(tt.in, cur)
			if err != nil {
				t.Fatalf("parseRange(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(span{})); diff != "" {
				t.Errorf("parseRange(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseRangeErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x", `bad history range "x": want N, N-M, N:M, ~S/N, ~S/N-M, ~S/ or S/N`},
		{"5-2", `bad history range "5-2": line 5 comes after line 2`},
		{"~1/7-2", `bad history range "~1/7-2": line 7 comes after line 2`},
		{"3:3", `bad history range "3:3": 3:3 is empty: the end of N:M is not included`},
		{"0", `bad history range "0": lines are numbered from 1`},
		{"-3", `bad history range "-3": missing start line`},
		{"~1/-3", `bad history range "~1/-3": missing start line`},
		{"~1/2-~2/3", `bad history range "~1/2-~2/3": session ~1 comes after session ~2`},
		{"~1/x", `bad history range "~1/x": want`},
		{"1 2 x", `bad history range "x"`},
		{"4-", `bad history range "4-": want`},
		{"/4", `bad history range "/4": want`},
		{"99999999999999999999", `line 99999999999999999999 is too large`},
		{"~99999999999999999999/1", `session ~99999999999999999999 is too large`},
	}
	for _, tt := range tests {
		got, err := parseRange(tt.in, 5)
		if err == nil {
			t.Errorf("parseRange(%q) = %v, want an error", tt.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseRange(%q) error:\n%s\nwant it to contain:\n%s", tt.in, err, tt.want)
		}
	}
}
