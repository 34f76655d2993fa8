package display

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
)

// plainText is the text a terminal shows of b: its text/plain entry, or
// one derived from its richest data.
func plainText(b Bundle) string {
	if s, ok := b.Data[mimeText].(string); ok {
		return s
	}
	if s, ok := b.Data[mimeHTML].(string); ok {
		return htmlText(s)
	}
	if s, ok := b.Data[mimeMarkdown].(string); ok {
		return s
	}
	for _, mime := range []string{mimePNG, mimeJPEG} {
		if s, ok := b.Data[mime].(string); ok {
			data, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return fmt.Sprintf("<%s image, invalid base64>", imageKind(mime))
			}
			return imageText(mime, data)
		}
	}
	if s, ok := b.Data[mimeSVG].(string); ok {
		return svgText(s)
	}
	if v, ok := b.Data[mimeJSON]; ok {
		if raw, err := json.Marshal(v); err == nil {
			return indentJSON(raw)
		}
	}
	if len(b.Data) == 0 {
		return ""
	}
	mimes := slices.Sorted(func(yield func(string) bool) {
		for m := range b.Data {
			if !yield(m) {
				return
			}
		}
	})
	return "<display of " + strings.Join(mimes, ", ") + ">"
}

// imageText is "<PNG image 64×32>", or "<PNG image, N bytes>" when the
// header cannot be read.
func imageText(mime string, b []byte) string {
	c, err := imageConfig(mime, b)
	if err != nil {
		return fmt.Sprintf("<%s image, %d bytes>", imageKind(mime), len(b))
	}
	return fmt.Sprintf("<%s image %d×%d>", imageKind(mime), c.Width, c.Height)
}

func imageKind(mime string) string {
	if mime == mimeJPEG {
		return "JPEG"
	}
	return "PNG"
}

func svgText(s string) string { return fmt.Sprintf("<SVG image, %d bytes>", len(s)) }

// blockTags end a line of the text of an HTML fragment, where they open
// and where they close.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"br": true, "caption": true, "dd": true, "div": true, "dl": true,
	"dt": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "li": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true,
	"ul": true, "title": true,
}

// htmlText is the text of an HTML fragment, as a terminal shows it: tags,
// comments, scripts and styles dropped, a line ended at each block element,
// cells of a row separated by a space, entities decoded, white space
// collapsed outside <pre>. A fragment with no text gives "<HTML, N bytes>".
func htmlText(s string) string {
	var (
		out     strings.Builder
		pre     int  // depth of <pre>
		pending bool // a space is due before the next character
	)
	lineStart := func() bool { return out.Len() == 0 || strings.HasSuffix(out.String(), "\n") }
	text := func(t string) {
		t = html.UnescapeString(t)
		if pre > 0 {
			out.WriteString(t)
			pending = false
			return
		}
		for _, r := range t {
			if unicode.IsSpace(r) {
				pending = true
				continue
			}
			if pending && !lineStart() {
				out.WriteByte(' ')
			}
			pending = false
			out.WriteRune(r)
		}
	}
	n := len(s)
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			text(s)
			break
		}
		text(s[:i])
		s = s[i:]
		if len(s) < 2 || !startsTag(s[1]) {
			text("<") // "a < b": not a tag
			s = s[1:]
			continue
		}
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+len("-->"):]
			continue
		}
		end := tagEnd(s)
		name, closing := tagName(s[1:end])
		s = s[end:]
		switch {
		case name == "br":
			out.WriteByte('\n')
			pending = false
		case blockTags[name]:
			if !lineStart() {
				out.WriteByte('\n')
			}
			pending = false
		case (name == "td" || name == "th") && closing:
			pending = true
		case (name == "script" || name == "style") && !closing:
			// Skip to the closing tag, which the loop then drops.
			if j := strings.Index(strings.ToLower(s), "</"+name); j >= 0 {
				s = s[j:]
			} else {
				s = ""
			}
		}
		if name == "pre" {
			switch {
			case !closing:
				pre++
			case pre > 0:
				pre--
			}
		}
	}
	var lines []string
	for line := range strings.SplitSeq(out.String(), "\n") {
		lines = append(lines, strings.TrimRightFunc(line, unicode.IsSpace))
	}
	t := strings.Trim(strings.Join(lines, "\n"), "\n")
	if strings.TrimSpace(t) == "" {
		return fmt.Sprintf("<HTML, %d bytes>", n)
	}
	return t
}

// startsTag says whether c, after a '<', makes it start a tag.
func startsTag(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// tagEnd returns the index just after the tag that s starts with, quoted
// attribute values skipped; len(s) when it does not end.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(s)
}

// tagName returns the lower-case name of a tag, given what follows its
// '<' ("/p>", "br/>", "a href=...>"), and whether it closes an element.
// A declaration or processing instruction (<!DOCTYPE html>, <?xml ...?>)
// has the name "".
func tagName(tag string) (name string, closing bool) {
	if strings.HasPrefix(tag, "/") {
		closing = true
		tag = tag[1:]
	}
	end := strings.IndexFunc(tag, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-')
	})
	if end < 0 {
		end = len(tag)
	}
	return strings.ToLower(tag[:end]), closing
}
