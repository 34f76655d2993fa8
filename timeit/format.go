package timeit

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// FormatTime formats d as IPython's _format_time does: with precision
// significant digits ("%.*g") in s, ms, µs or ns, the unit chosen before
// rounding ("59.999 s" prints as "60 s" at precision 3; "999.9 µs" as
// "1e+03 µs", as in IPython). From 60 s on it prints whole days, hours,
// minutes and seconds: "1min 1s", "1h 2min 3s", "1d 1h 1min 1s". Zero is
// "0 ns". A precision ≤ 0 means 3. The micro sign is U+00B5.
//
// Unlike IPython, which prints a negative span in ns ("-5e+06 ns"), a
// negative d is formatted as its absolute value with a leading "-".
func FormatTime(d time.Duration, precision int) string {
	return formatNanos(float64(d), precision)
}

// formatNanos is FormatTime for a span of ns nanoseconds, which may have a
// fraction (a per-loop time).
func formatNanos(ns float64, precision int) string {
	if precision <= 0 {
		precision = defaultPrecision
	}
	if ns < 0 {
		return "-" + formatNanos(-ns, precision)
	}
	if ns >= 60e9 {
		return formatLong(ns / 1e9)
	}
	// IPython: order = min(-(floor(log10(t)) // 3), 3), i.e. the largest
	// unit that t reaches; comparing avoids log10's rounding at 1e-3 etc.
	unit, scale := "ns", 1.0
	switch {
	case ns >= 1e9:
		unit, scale = "s", 1e9
	case ns >= 1e6:
		unit, scale = "ms", 1e6
	case ns >= 1e3:
		unit, scale = "µs", 1e3
	}
	return strconv.FormatFloat(ns/scale, 'g', precision, 64) + " " + unit
}

// formatLong formats sec ≥ 60 as IPython does: each nonzero whole part,
// stopping once less than a second is left.
func formatLong(sec float64) string {
	parts := []struct {
		suffix string
		length float64
	}{{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}}
	var out []string
	left := sec
	for _, p := range parts {
		if v := math.Floor(left / p.length); v > 0 {
			left = math.Mod(left, p.length)
			out = append(out, strconv.FormatFloat(v, 'f', 0, 64)+p.suffix)
		}
		if left < 1 {
			break
		}
	}
	return strings.Join(out, " ")
}

// FormatCount formats n with commas between groups of three digits, as
// Python's "{:,}": 100000000 is "100,000,000".
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
