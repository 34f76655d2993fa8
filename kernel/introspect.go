package kernel

import (
	"encoding/json"
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"

	"github.com/igolang/igo"
)

// codeRequest is the content of complete_request and inspect_request.
// Jupyter counts cursor_pos in code points; null means the end.
type codeRequest struct {
	Code        string `json:"code"`
	CursorPos   *int   `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

// cursor is the request's cursor as a byte offset into the code.
func (r *codeRequest) cursor() int {
	if r.CursorPos == nil {
		return len(r.Code)
	}
	return byteOffset(r.Code, *r.CursorPos)
}

// byteOffset converts an offset in code points to one in bytes.
func byteOffset(s string, points int) int {
	if points <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == points {
			return i
		}
		n++
	}
	return len(s)
}

// pointOffset converts an offset in bytes to one in code points.
func pointOffset(s string, bytes int) int {
	return utf8.RuneCountInString(s[:max(0, min(bytes, len(s)))])
}

type completeReply struct {
	Matches     []string `json:"matches"`
	CursorStart int      `json:"cursor_start"`
	CursorEnd   int      `json:"cursor_end"`
	Metadata    struct {
		Types []completionType `json:"_jupyter_types_experimental"`
	} `json:"metadata"`
	Status string `json:"status"`
}

// completionType describes a match for JupyterLab's completer.
type completionType struct {
	Text      string `json:"text"`
	Type      string `json:"type"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Signature string `json:"signature,omitempty"`
}

// complete answers a complete_request with the shell's completions (the
// terminal's Tab).
func (k *Kernel) complete(m *Message) completeReply {
	var r codeRequest
	json.Unmarshal(m.Content, &r)
	cur := r.cursor()
	cands, start := k.sh.Complete(r.Code, cur)
	reply := completeReply{
		Matches:     make([]string, len(cands)),
		CursorStart: pointOffset(r.Code, start),
		CursorEnd:   pointOffset(r.Code, cur),
		Status:      "ok",
	}
	reply.Metadata.Types = make([]completionType, len(cands))
	for i, c := range cands {
		reply.Matches[i] = c.Text
		t := completionType{Text: c.Text, Type: kindOf(c.Text, c.Detail), Start: reply.CursorStart, End: reply.CursorEnd}
		if t.Type == "function" {
			t.Signature = c.Detail
		}
		reply.Metadata.Types[i] = t
	}
	return reply
}

// kindOf maps a candidate's detail to the types JupyterLab has icons for.
func kindOf(text, detail string) string {
	word, _, _ := strings.Cut(detail, " ")
	switch {
	case strings.HasPrefix(text, "%"):
		return "magic"
	case strings.HasPrefix(detail, "func"):
		return "function"
	case word == "package":
		return "module"
	case word == "type":
		return "class"
	case word == "var", word == "const":
		return "instance"
	case word == "field":
		return "property"
	case word == "keyword":
		return "keyword"
	case word == "file", word == "dir":
		return "path"
	case word == "flag":
		return "param"
	}
	return "text"
}

// inspect answers an inspect_request with what `name?` (detail_level 0)
// or `name??` (1) shows for the name at the cursor.
func (k *Kernel) inspect(m *Message) any {
	var r codeRequest
	json.Unmarshal(m.Content, &r)
	type reply struct {
		Status   string         `json:"status"`
		Found    bool           `json:"found"`
		Data     map[string]any `json:"data"`
		Metadata struct{}       `json:"metadata"`
	}
	out := reply{Status: "ok", Data: map[string]any{}}
	name := nameAt(r.Code, r.cursor())
	if name == "" {
		return out
	}
	doc, err := k.sh.Doc(name, min(max(r.DetailLevel, 0), 1)+1)
	if err != nil {
		return out
	}
	out.Found = true
	out.Data["text/plain"] = doc
	return out
}

// nameAt is the name or selector (strings.Repeat, x.Field.Method) at
// cursor, a byte offset into code: the one the cursor is on or just
// after, else the function of the call whose arguments hold the cursor.
func nameAt(code string, cursor int) string {
	type tok struct {
		tok      token.Token
		off, end int
		lit      string
	}
	var toks []tok
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(code)), []byte(code), func(token.Position, string) {}, 0)
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		off := fset.Position(pos).Offset
		if off > cursor || off == cursor && t != token.IDENT {
			break // after the cursor; a name it is at counts
		}
		end := off + len(lit)
		if !t.IsLiteral() && t != token.IDENT {
			end = off + len(t.String())
		}
		if t == token.SEMICOLON && lit == "\n" {
			continue // an automatic semicolon
		}
		toks = append(toks, tok{t, off, end, lit})
	}
	// selector is the dotted name ending with token i.
	selector := func(i int) string {
		name := toks[i].lit
		for i >= 2 && toks[i-1].tok == token.PERIOD && toks[i-2].tok == token.IDENT && toks[i-1].off == toks[i-2].end {
			i -= 2
			name = toks[i].lit + "." + name
		}
		return name
	}
	if n := len(toks); n > 0 && toks[n-1].tok == token.IDENT && toks[n-1].end >= cursor {
		return selector(n - 1)
	}
	// Inside a call: the innermost open parenthesis after a name.
	depth := 0
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].tok {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LBRACK, token.LBRACE:
			depth--
		case token.LPAREN:
			if depth > 0 {
				depth--
				continue
			}
			if i > 0 && toks[i-1].tok == token.IDENT {
				return selector(i - 1)
			}
		}
		if depth < 0 {
			return ""
		}
	}
	return ""
}

// isComplete answers an is_complete_request with the terminal's rule for
// when a cell is finished (igo.Incomplete); an incomplete cell's next
// line is indented one level per open bracket.
func (k *Kernel) isComplete(m *Message) any {
	var r struct {
		Code string `json:"code"`
	}
	json.Unmarshal(m.Content, &r)
	if !igo.Incomplete(r.Code) {
		return map[string]string{"status": "complete"}
	}
	return map[string]string{"status": "incomplete", "indent": igo.Indent(r.Code)}
}
