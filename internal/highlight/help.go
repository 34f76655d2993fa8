package highlight

import "strings"

// helpLabels are the labels that start the sections of a name? page.
var helpLabels = []string{"Signature:", "Name:", "Source:", "Docstring:", "Type:"}

// Help colours a name? page (the layout of igo's Shell.Doc): its labels
// in red, as IPython's are, and the Go of the signature and the source
// highlighted. Like Code, it only inserts escape codes.
func (s *Scheme) Help(text string) string {
	if s == nil || !s.colour {
		return text
	}
	lines := strings.Split(text, "\n")
	section := ""
	for i, l := range lines {
		if label := helpLabel(l); label != "" {
			section = label
			rest := l[len(label):]
			if label == "Signature:" {
				rest = s.Code(rest)
			}
			lines[i] = s.Error(label) + rest
			continue
		}
		if section == "Signature:" || section == "Source:" {
			lines[i] = s.Code(l)
		}
	}
	return strings.Join(lines, "\n")
}

func helpLabel(line string) string {
	for _, l := range helpLabels {
		if strings.HasPrefix(line, l) {
			return l
		}
	}
	return ""
}
