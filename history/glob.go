package history

import (
	"strings"
	"unicode/utf8"
)

// match reports whether s matches the glob pattern, in which * matches any
// text (newlines too) and ? any one character; every other character,
// [ included, stands for itself. It agrees with SQLite's GLOB on the
// patterns that sqliteGlob produces.
func match(pattern, s string) bool {
	// Greedy with one backtrack point: the last * seen and where in s it
	// was tried. Linear in len(pattern)*len(s) at worst.
	var starP, starS = -1, -1
	p, i := 0, 0
	for i < len(s) {
		if p < len(pattern) {
			c, n := utf8.DecodeRuneInString(pattern[p:])
			_, m := utf8.DecodeRuneInString(s[i:])
			switch {
			case c == '*':
				starP, starS = p, i
				p += n
				continue
			case c == '?' || pattern[p:p+n] == s[i:i+m]:
				p, i = p+n, i+m
				continue
			}
		}
		if starP < 0 {
			return false
		}
		// Let the last * swallow one more character of s.
		_, m := utf8.DecodeRuneInString(s[starS:])
		starS += m
		p, i = starP+1, starS
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// sqliteGlob rewrites a pattern for SQLite's GLOB, where [ opens a
// character class: "[[]" is a literal [.
func sqliteGlob(pattern string) string {
	return strings.ReplaceAll(pattern, "[", "[[]")
}
