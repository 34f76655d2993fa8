package kernel

import (
	"runtime"
	"strings"
)

// kernelInfo is the content of kernel_info_reply.
type kernelInfo struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          languageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []helpLink   `json:"help_links"`
}

type languageInfo struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	Mimetype       string `json:"mimetype"`
	FileExtension  string `json:"file_extension"`
	PygmentsLexer  string `json:"pygments_lexer"`
	CodemirrorMode string `json:"codemirror_mode"`
}

type helpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// info is the content of kernel_info_reply.
func (k *Kernel) info() kernelInfo {
	goVersion := strings.TrimPrefix(runtime.Version(), "go")
	version := k.opts.Version
	if version == "" {
		version = "(devel)"
	}
	banner := k.opts.Banner
	if banner == "" {
		banner = "igo " + version + " (Go " + goVersion + "): IPython's interactive experience for Go\n"
	}
	return kernelInfo{
		Status:                "ok",
		ProtocolVersion:       ProtocolVersion,
		Implementation:        "igo",
		ImplementationVersion: version,
		LanguageInfo: languageInfo{
			Name:           "go",
			Version:        goVersion,
			Mimetype:       "text/x-go",
			FileExtension:  ".go",
			PygmentsLexer:  "go",
			CodemirrorMode: "go",
		},
		Banner: banner,
		HelpLinks: []helpLink{
			{"igo", "https://github.com/igolang/igo"},
			{"Go documentation", "https://go.dev/doc/"},
			{"Go standard library", "https://pkg.go.dev/std"},
		},
	}
}
