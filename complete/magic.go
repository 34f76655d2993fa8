package complete

import (
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// magicSigil returns the offset of the % that starts a magic on line:
// `%name`, `%%name`, `v := %name`, `v = %name`.
func magicSigil(line string) (int, bool) {
	text := strings.TrimLeft(line, " \t")
	at := len(line) - len(text)
	if strings.HasPrefix(text, "%") {
		return at, true
	}
	n := identLen(text)
	if n == 0 {
		return 0, false
	}
	rest := strings.TrimLeft(text[n:], " \t")
	switch {
	case strings.HasPrefix(rest, ":="):
		rest = rest[2:]
	case strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "=="):
		rest = rest[1:]
	default:
		return 0, false
	}
	rest = strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(rest, "%") {
		return 0, false
	}
	return len(line) - len(rest), true
}

func identLen(s string) int {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return i
		}
	}
	return len(s)
}

// magicName is the name at the start of s, the text after a sigil.
func magicName(s string) string { return s[:identLen(s)] }

// goBody reports whether the body of the cell magic name is Go, to be
// completed as Go: not for scripts and files.
func goBody(name string) bool {
	switch name {
	case "bash", "sh", "script", "writefile", "file", "html", "javascript", "latex", "markdown", "svg":
		return false
	}
	return true
}

// magic completes a magic's line: in, up to the cursor, has the sigil at
// offset sig. first says the line is the cell's first, where a cell
// magic may start.
func (c *call) magic(in string, sig int, first bool) ([]Candidate, int) {
	reg := c.cfg.Magics
	if reg == nil {
		return nil, len(in)
	}
	cell := strings.HasPrefix(in[sig:], "%%")
	nameAt := sig + 1
	if cell {
		nameAt++
	}
	rest := in[nameAt:]
	name := magicName(rest)
	if len(name) == len(rest) {
		return c.magicNames(name, cell, first), sig
	}
	if !isSpace(rest[len(name)]) {
		return nil, len(in)
	}
	m, err := reg.Lookup(name, cell)
	if err != nil {
		return nil, len(in)
	}
	u := m.Usage()
	syn := u.Args
	if cell {
		syn = u.CellArgs
	}
	argsAt := nameAt + len(name)
	wordAt, word, quote := lastWord(in[argsAt:])
	wordAt += argsAt
	flags := synopsisFlags(syn)
	words := strings.Fields(in[argsAt:wordAt])
	if n := len(words); n > 0 && flags[words[n-1]].arg {
		return nil, len(in) // the value of a flag: -n 10
	}
	var s set
	if strings.HasPrefix(word, "-") && quote == 0 {
		for f, fl := range flags {
			if strings.HasPrefix(f, word) {
				s.add(f, fl.detail)
			}
		}
		return s.sorted(), wordAt
	}
	switch {
	case hasWord(syn, "FILE"):
		return c.files(word, quote, false), wordAt
	case hasWord(syn, "DIR"):
		return c.files(word, quote, true), wordAt
	case hasWord(syn, "STMT") || hasWord(syn, "SETUP") || hasWord(syn, "NAME") || hasWord(syn, "TYPE"):
		// Go: skip the flags and their values, and blank the rest.
		goAt, value := argsAt, false
		for _, f := range fieldsAt(in[argsAt:]) {
			if value {
				goAt, value = argsAt+f[1], false
				continue
			}
			fl, ok := flags[in[argsAt+f[0]:argsAt+f[1]]]
			if !ok {
				break
			}
			goAt, value = argsAt+f[1], fl.arg
		}
		src := []byte(in)
		blank(src, 0, goAt)
		return c.goComplete(string(src))
	}
	for _, w := range synopsisWords(syn) {
		if strings.HasPrefix(w, word) {
			s.add(w, "argument")
		}
	}
	return s.sorted(), wordAt
}

// shellArgs completes the arguments of a shell command, `!cmd args`,
// whose text starts at offset at: file names.
func (c *call) shellArgs(in string, at int) ([]Candidate, int) {
	wordAt, word, quote := lastWord(in[at:])
	if strings.TrimSpace(in[at:at+wordAt]) == "" {
		return nil, len(in) // the command itself
	}
	return c.files(word, quote, false), at + wordAt
}

// magicNames completes the name after % or %%. After % on a cell's first
// line, a magic that is only a cell magic is offered as %%name.
func (c *call) magicNames(prefix string, cell, first bool) []Candidate {
	var s set
	for _, n := range c.cfg.Magics.Names() {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		if m, err := c.cfg.Magics.Lookup(n, cell); err == nil {
			s.add(sigil(cell)+n, m.Usage().Synopsis(cell))
			continue
		}
		if !cell && first {
			if m, err := c.cfg.Magics.Lookup(n, true); err == nil {
				s.add("%%"+n, m.Usage().Synopsis(true))
			}
		}
	}
	return s.sorted()
}

func sigil(cell bool) string {
	if cell {
		return "%%"
	}
	return "%"
}

// A flag of a magic's synopsis.
type flag struct {
	detail string // "flag -n N"
	arg    bool   // it takes a value: N
}

// synopsisFlags returns the flags of a synopsis: "[-n N] [-q] [--timeout
// D]" gives -n ("flag -n N"), -q ("flag -q") and --timeout ("flag
// --timeout D").
func synopsisFlags(syn string) map[string]flag {
	flags := map[string]flag{}
	fields := strings.Fields(syn)
	for i, f := range fields {
		name := strings.Trim(f, "[]|")
		if len(name) < 2 || name[0] != '-' || !strings.HasPrefix(strings.TrimLeft(f, "["), "-") {
			continue
		}
		fl := flag{detail: "flag " + name}
		if !strings.HasSuffix(f, "]") && i+1 < len(fields) {
			if arg := strings.Trim(fields[i+1], "[]."); arg != "" && isUpper(arg) {
				fl.detail += " " + arg
				fl.arg = true
			}
		}
		flags[name] = fl
	}
	return flags
}

// synopsisWords returns the literal words a synopsis offers: "on" and
// "off" in "[on|off|RUNNER]", "kill" in "[kill N]".
func synopsisWords(syn string) []string {
	var words []string
	for _, f := range strings.Fields(syn) {
		for _, w := range strings.Split(strings.Trim(f, "[]."), "|") {
			if w != "" && identLen(w) == len(w) && strings.ToLower(w) == w {
				words = append(words, w)
			}
		}
	}
	return words
}

// hasWord reports whether the synopsis names the argument word: FILE in
// "[-a] FILE", "FILE [ARGS...]".
func hasWord(syn, word string) bool {
	for _, f := range strings.Fields(syn) {
		for _, w := range strings.Split(strings.Trim(f, "[]."), "|") {
			if w == word {
				return true
			}
		}
	}
	return false
}

func isUpper(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

// fieldsAt returns the bounds of the blank-separated fields of s.
func fieldsAt(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// lastWord returns where the last word of s, a magic's arguments, starts,
// the word without its quotes and escapes, and the quote left open (' or
// "), or 0. Words split as magics.Args.Fields splits them.
func lastWord(s string) (start int, word string, quote byte) {
	var b strings.Builder
	start = len(s)
	inWord := false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			} else if quote == '"' && ch == '\\' && i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			} else {
				b.WriteByte(ch)
			}
		case isSpace(ch):
			inWord = false
			b.Reset()
			start = len(s)
		default:
			if !inWord {
				inWord, start = true, i
			}
			switch ch {
			case '\'', '"':
				quote = ch
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			default:
				b.WriteByte(ch)
			}
		}
	}
	return start, b.String(), quote
}

// files completes a file name: word is what was typed, unquoted, and
// quote the quote it opened, if any. Directories end in /; only they are
// offered when dirs is set. Hidden files need a typed dot.
func (c *call) files(word string, quote byte, dirs bool) []Candidate {
	dirPart, base := "", word
	if i := strings.LastIndexByte(word, '/'); i >= 0 {
		dirPart, base = word[:i+1], word[i+1:]
	}
	root := dirPart
	switch {
	case root == "":
		root = "."
	case root == "~/" || strings.HasPrefix(root, "~/"):
		home, err := os.UserHomeDir()
		if err != nil {
			return nil
		}
		root = filepath.Join(home, root[2:])
	}
	if !filepath.IsAbs(root) {
		root = filepath.Join(c.dir(), root)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil
	}
	var s set
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(root, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		if dirs && !isDir {
			continue
		}
		text, detail := dirPart+name, "file"
		if isDir {
			text, detail = text+"/", "dir"
		}
		s.add(quoteWord(text, quote), detail)
	}
	return s.sorted()
}

func (c *call) dir() string {
	if c.cfg.Dir != nil {
		return c.cfg.Dir()
	}
	d, _ := os.Getwd()
	return d
}

// quoteWord writes text as the magic's argument parser reads it: after an
// open quote, inside that quote; else with a backslash before each blank
// and special byte.
func quoteWord(text string, quote byte) string {
	switch quote {
	case '\'':
		return "'" + text
	case '"':
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(text)
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if strings.IndexByte(" \t\\'\"", text[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(text[i])
	}
	return b.String()
}
