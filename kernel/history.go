package kernel

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/igolang/igo/history"
)

// historyRequest is the content of a history_request.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"` // 0 this session, -1 the one before
	Start          int    `json:"start"`
	Stop           *int   `json:"stop"` // excluded; null means to the end
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// history answers a history_request from the history store: "tail" (the
// last n cells of all sessions), "range" (lines start to stop-1 of a
// session) or "search" (cells matching a glob, the last n). Items are
// [session, line, input], or [session, line, [input, output]] with
// output set; outputs are known for this session's cells.
func (k *Kernel) history(m *Message) any {
	var r historyRequest
	type reply struct {
		Status  string `json:"status"`
		History []any  `json:"history"`
	}
	out := reply{Status: "ok", History: []any{}}
	if err := json.Unmarshal(m.Content, &r); err != nil {
		k.log.Printf("history_request: %v", err)
		return out
	}
	var (
		entries []history.Entry
		err     error
	)
	switch r.HistAccessType {
	case "tail":
		entries, err = k.hist.Recent(r.N)
	case "range":
		sess := r.Session
		if sess <= 0 {
			sess += k.hist.Session()
		}
		if sess < 1 {
			break
		}
		entries, err = k.hist.Range(strconv.Itoa(sess) + "/")
		entries = slices.DeleteFunc(entries, func(e history.Entry) bool {
			return e.Line < r.Start || r.Stop != nil && *r.Stop > 0 && e.Line >= *r.Stop
		})
	case "search":
		pattern := r.Pattern
		if pattern == "" {
			pattern = "*"
		}
		entries, err = k.hist.Search(pattern)
		if r.Unique {
			entries = unique(entries)
		}
		if r.N > 0 && len(entries) > r.N {
			entries = entries[len(entries)-r.N:]
		}
	default:
		k.log.Printf("history_request: unknown hist_access_type %q", r.HistAccessType)
	}
	if err != nil {
		k.log.Printf("history_request: %v", err)
	}
	cur := k.hist.Session()
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, e := range entries {
		if !r.Output {
			out.History = append(out.History, []any{e.Session, e.Line, e.Source})
			continue
		}
		var output any // null when not known
		if text, ok := k.outputs[e.Line]; ok && e.Session == cur {
			output = text
		}
		out.History = append(out.History, []any{e.Session, e.Line, []any{e.Source, output}})
	}
	return out
}

// unique keeps the last of the entries with the same source, in order.
func unique(es []history.Entry) []history.Entry {
	last := map[string]int{}
	for i, e := range es {
		last[e.Source] = i
	}
	out := es[:0]
	for i, e := range es {
		if last[e.Source] == i {
			out = append(out, e)
		}
	}
	return out
}
