package main

import (
	"errors"
	"strings"

	"github.com/igolang/igo/history"
)

// cellHistory is the line editor's history: whole cells, this session's
// and the last sessions' (from the history store that %history reads), so
// up-arrow and Ctrl-R recall a multi-line cell as one unit, across
// sessions. The store records cells as they run; this keeps the editor's
// own copy.
type cellHistory struct {
	cells []string // oldest first
}

const historyRecall = 1000

func newCellHistory(store *history.Store) *cellHistory {
	h := &cellHistory{}
	if store == nil {
		return h
	}
	entries, err := store.Recent(historyRecall)
	if err != nil {
		return h
	}
	for _, e := range entries {
		h.Write(e.Source)
	}
	return h
}

// Write adds a cell; one that repeats the last is kept once.
func (h *cellHistory) Write(cell string) (int, error) {
	cell = strings.TrimRight(cell, " \t\n")
	if strings.TrimSpace(cell) == "" || len(h.cells) > 0 && h.cells[len(h.cells)-1] == cell {
		return len(h.cells), nil
	}
	h.cells = append(h.cells, cell)
	if len(h.cells) > 2*historyRecall {
		h.cells = append([]string(nil), h.cells[len(h.cells)-historyRecall:]...)
	}
	return len(h.cells), nil
}

var errNoCell = errors.New("no such history entry")

// GetLine returns cell i, 0 being the oldest.
func (h *cellHistory) GetLine(i int) (string, error) {
	if i < 0 || i >= len(h.cells) {
		return "", errNoCell
	}
	return h.cells[i], nil
}

func (h *cellHistory) Len() int { return len(h.cells) }

func (h *cellHistory) Dump() any { return h.cells }
