package timeit_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/igolang/igo/timeit"
)

func TestFormatTime(t *testing.T) {
	tests := []struct {
		name      string
		d         time.Duration
		precision int
		want      string
	}{
		{"zero", 0, 3, "0 ns"},
		{"ns", 999, 3, "999 ns"},
		{"µs", 15 * time.Microsecond, 3, "15 µs"},
		{"µs fraction", 19600, 3, "19.6 µs"},
		{"µs rounded", 19649, 3, "19.6 µs"},
		{"ms", 1500 * time.Microsecond, 3, "1.5 ms"},
		{"IPython %time", 18500 * time.Microsecond, 3, "18.5 ms"},
		{"whole ms", 26 * time.Millisecond, 3, "26 ms"},
		{"unit boundary", time.Millisecond, 3, "1 ms"},
		{"just under ms", 999999, 3, "1e+03 µs"}, // IPython picks the unit before rounding
		{"s", 1500 * time.Millisecond, 3, "1.5 s"},
		{"59.999 s", 59999 * time.Millisecond, 3, "60 s"},
		{"59.999 s at precision 5", 59999 * time.Millisecond, 5, "59.999 s"},
		{"60 s", 60 * time.Second, 3, "1min"},
		{"61 s", 61 * time.Second, 3, "1min 1s"},
		{"61.5 s", 61500 * time.Millisecond, 3, "1min 1s"},
		{"hours", time.Hour + 2*time.Minute + 3*time.Second, 3, "1h 2min 3s"},
		{"skips zero parts", time.Hour + time.Second, 3, "1h 1s"},
		{"days", 24*time.Hour + time.Hour + time.Minute + time.Second, 3, "1d 1h 1min 1s"},
		{"precision 5", 1234567, 5, "1.2346 ms"},
		{"precision 1", 1234567, 1, "1 ms"},
		{"precision 0 is 3", 1234567, 0, "1.23 ms"},
		{"negative", -5 * time.Millisecond, 3, "-5 ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := timeit.FormatTime(tt.d, tt.precision); got != tt.want {
				t.Errorf("FormatTime(%d, %d) = %q, want %q", int64(tt.d), tt.precision, got, tt.want)
			}
		})
	}
}

func TestFormatTimeMicroSign(t *testing.T) {
	// spec/magics.md writes "15 µs" with U+00B5 MICRO SIGN.
	got := []rune(timeit.FormatTime(15*time.Microsecond, 3))
	if got[len(got)-2] != '\u00b5' {
		t.Errorf("unit is %q (%U), want U+00B5", string(got[len(got)-2:]), got[len(got)-2])
	}
}

func TestFormatCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"},
		{1, "1"},
		{999, "999"},
		{1000, "1,000"},
		{25000, "25,000"},
		{100000000, "100,000,000"},
		{1000000000, "1,000,000,000"},
		{-1234567, "-1,234,567"},
	}
	var got, want []string
	for _, tt := range tests {
		got = append(got, timeit.FormatCount(tt.n))
		want = append(want, tt.want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FormatCount (-want +got):\n%s", diff)
	}
}
