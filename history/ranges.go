package history

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A span is lines first..last of one session; last 0 means to the end of
// the session.
type span struct {
	session, first, last int
}

// rangeRE matches one IPython range: [S/][N][(-|:)[S/]M], where S is a
// session, absolute or ~k for k sessions back. The groups are start
// session, start line, separator, end session and end line.
var rangeRE = regexp.MustCompile(`^(?:(~?\d+)/)?(\d+)?(?:([-:])(?:(~?\d+)/)?(\d+))?$`)

const rangeForms = "want N, N-M, N:M, ~S/N, ~S/N-M, ~S/ or S/N"

// parseRange turns spec into spans relative to session cur, in the order
// given. It follows IPython's extract_hist_ranges, but reports what it
// cannot read instead of skipping it.
func parseRange(spec string, cur int) ([]span, error) {
	fields := strings.Fields(spec)
	if len(fields) == 0 {
		return []span{{cur, 1, 0}}, nil
	}
	var spans []span
	for _, f := range fields {
		s, err := parseOne(f, cur)
		if err != nil {
			return nil, fmt.Errorf("bad history range %q: %s", f, err)
		}
		spans = append(spans, s...)
	}
	return spans, nil
}

func parseOne(f string, cur int) ([]span, error) {
	m := rangeRE.FindStringSubmatch(f)
	if m == nil {
		return nil, fmt.Errorf("%s", rangeForms)
	}
	startSess, start, sep, endSess, end := m[1], m[2], m[3], m[4], m[5]
	s0, err := session(startSess, cur)
	if err != nil {
		return nil, err
	}
	if start == "" {
		if sep != "" {
			return nil, fmt.Errorf("missing start line (%s)", rangeForms)
		}
		if startSess == "" {
			return nil, fmt.Errorf("%s", rangeForms)
		}
		return []span{{s0, 1, 0}}, nil // ~1/: a whole session
	}
	first, err := lineNumber(start)
	if err != nil {
		return nil, err
	}
	if sep == "" {
		return []span{{s0, first, first}}, nil // 4
	}
	s1 := s0
	if endSess != "" {
		if s1, err = session(endSess, cur); err != nil {
			return nil, err
		}
	}
	last, err := strconv.Atoi(end)
	if err != nil {
		return nil, fmt.Errorf("line %s is too large", end)
	}
	if sep == ":" {
		last-- // 2:5 is 2-4, as a Python slice
	}
	switch {
	case s1 < s0:
		return nil, fmt.Errorf("session %s comes after session %s", startSess, endSess)
	case s1 == s0 && last < first && sep == ":":
		return nil, fmt.Errorf("%s is empty: the end of N:M is not included", f)
	case s1 == s0 && last < first:
		return nil, fmt.Errorf("line %d comes after line %d", first, last)
	case s1 == s0:
		return []span{{s0, first, last}}, nil // 2-5
	}
	// ~2/4-~1/2: the rest of the first session, any whole sessions
	// between, and the start of the last.
	spans := []span{{s0, first, 0}}
	for s := s0 + 1; s < s1; s++ {
		spans = append(spans, span{s, 1, 0})
	}
	if last >= 1 {
		spans = append(spans, span{s1, 1, last})
	}
	return spans, nil
}

// session reads a session: "" is the current one, ~k is k sessions back,
// and a number is that session (0 is the current one, as in IPython).
func session(s string, cur int) (int, error) {
	if s == "" {
		return cur, nil
	}
	back := strings.HasPrefix(s, "~")
	n, err := strconv.Atoi(strings.TrimPrefix(s, "~"))
	if err != nil {
		return 0, fmt.Errorf("session %s is too large", s)
	}
	if back || n == 0 {
		return cur - n, nil
	}
	return n, nil
}

func lineNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("line %s is too large", s)
	}
	if n < 1 {
		return 0, fmt.Errorf("lines are numbered from 1")
	}
	return n, nil
}
