package main

import (
	"strings"

	"github.com/igolang/igo/history"
)

// lineHistory is the line editor's history: the lines of earlier cells,
// this session's and the last sessions' (from the history store), so
// that up-arrow recalls across sessions.
type lineHistory struct {
	lines []string // oldest first
}

const historyRecall = 1000

func newLineHistory(store *history.Store) *lineHistory {
	h := &lineHistory{}
	if store == nil {
		return h
	}
	entries, err := store.Recent(historyRecall)
	if err != nil {
		return h
	}
	for _, e := range entries {
		for _, l := range strings.Split(e.Source, "\n") {
			h.Add(l)
		}
	}
	return h
}

// Add implements term.History: a line that repeats the last is kept once.
func (h *lineHistory) Add(line string) {
	if strings.TrimSpace(line) == "" || len(h.lines) > 0 && h.lines[len(h.lines)-1] == line {
		return
	}
	h.lines = append(h.lines, line)
	if len(h.lines) > 2*historyRecall {
		h.lines = append([]string(nil), h.lines[len(h.lines)-historyRecall:]...)
	}
}

func (h *lineHistory) Len() int { return len(h.lines) }

// At implements term.History: 0 is the most recent line.
func (h *lineHistory) At(i int) string { return h.lines[len(h.lines)-1-i] }
