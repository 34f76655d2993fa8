package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/reeflective/readline"
	"github.com/reeflective/readline/inputrc"

	"github.com/igolang/igo"
	"github.com/igolang/igo/autoawait"
)

// editor is the terminal's line editor: github.com/reeflective/readline
// (emacs and vi keys from the user's inputrc, Ctrl-R search, bracketed
// paste), set up to edit a whole cell as one buffer. Enter runs the cell
// when it is complete and opens an indented line when it is not; up-arrow
// recalls whole cells; Tab completes from the typed session; the cell is
// highlighted as it is typed.
type editor struct {
	rl   *readline.Shell
	r    *runner
	hist *cellHistory
	vi   bool
}

// prefillKey is a key sequence no keyboard sends: fed to the editor, it
// inserts the text %load asked for.
const prefillKey = "\x1b[7919~"

func (e *editor) prefill() {
	text := []rune(e.r.nextInput)
	e.r.nextInput = ""
	e.rl.Line().Insert(e.rl.Cursor().Pos(), text...)
	e.rl.Cursor().Move(len(text))
}

func newEditor(r *runner, hist *cellHistory, vi bool) *editor {
	opts := []inputrc.Option{inputrc.WithApp("igo")}
	rl := readline.NewShell(opts...)
	e := &editor{rl: rl, r: r, hist: hist, vi: vi}
	rl.Config.Set("enable-bracketed-paste", true)
	rl.Config.Set("history-autosuggest", false)
	rl.Config.Set("autopairs", false)
	// The prompt starts each cell at column 0: no cursor position query.
	rl.Config.Set("cursor-position-probe", false)
	// Continuation prompts are drawn by draw, IPython's way.
	rl.Config.Set("multiline-column", false)
	rl.Config.Set("multiline-column-numbered", false)
	// Tab first extends the word to what the candidates share and lists
	// them with their types; Tab again cycles through them.
	rl.Config.Set("menu-complete-display-prefix", true)
	if vi {
		rl.Config.Set("editing-mode", "vi")
		rl.Keymap.SetMain("vi-insert")
	}
	rl.Keymap.Register(map[string]func(){
		"igo-close-bracket": e.closeBracket,
		"igo-prefill":       e.prefill,
		"igo-tab":           e.tab,
	})
	for _, km := range []string{"emacs", "emacs-standard", "vi-insert"} {
		for _, key := range []string{"}", ")", "]"} {
			rl.Config.Bind(km, key, "igo-close-bracket", false)
		}
		rl.Config.Bind(km, prefillKey, "igo-prefill", false)
		rl.Config.Bind(km, "\t", "igo-tab", false)
	}
	rl.History.Delete()
	rl.History.Add("igo", hist)
	rl.Prompt.Primary(func() string { return r.scheme.InPrompt(r.sh.Count() + 1) })
	rl.Prompt.Secondary(func() string { return r.scheme.ContPrompt(r.sh.Count() + 1) })
	rl.AcceptMultiline = e.accept
	rl.Completer = e.complete
	rl.SyntaxHighlighter = e.draw
	return e
}

// draw is the cell as shown while it is edited: highlighted, with
// IPython's "...:" prompt before each line after the first. The editor
// indents those lines by the width of "In [n]: ", which "   ...: " has
// too; a carriage return puts the prompt in that space.
func (e *editor) draw(line []rune) string {
	n := e.r.sh.Count() + 1
	code := e.r.scheme.Code(string(line))
	if !strings.Contains(code, "\n") {
		return code
	}
	return strings.ReplaceAll(code, "\n", "\n\r"+e.r.scheme.ContPrompt(n))
}

// accept decides what Enter does: run a complete cell, or open the next
// line indented one level per open brace or parenthesis.
func (e *editor) accept(line []rune) bool {
	src := string(line)
	if !igo.Incomplete(src) {
		return true
	}
	cur := e.rl.Cursor().Pos()
	if ind := igo.Indent(string(line[:min(cur, len(line))])); ind != "" {
		// The editor inserts the newline after this returns; the
		// indentation follows it as typed keys.
		e.rl.Keys.Feed(false, []rune(ind)...)
	}
	return false
}

// closeBracket types }, ) or ]; as the first thing on a line it takes
// back one level of the indentation accept added.
func (e *editor) closeBracket() {
	line, cur := e.rl.Line(), e.rl.Cursor()
	text, pos := []rune(*line), cur.Pos()
	start := pos
	for start > 0 && text[start-1] == ' ' {
		start--
	}
	if start > 0 && text[start-1] == '\n' && pos-start >= len(igo.IndentUnit) {
		line.Cut(pos-len(igo.IndentUnit), pos)
		cur.Move(-len(igo.IndentUnit))
	}
	e.rl.Keymap.Commands()["self-insert"]()
}

// tab is Tab: with only blanks before the cursor on its line it indents
// one level, else it completes.
func (e *editor) tab() {
	line, cur := e.rl.Line(), e.rl.Cursor()
	text := string((*line)[:cur.Pos()])
	if strings.TrimSpace(text[strings.LastIndexByte(text, '\n')+1:]) == "" {
		line.Insert(cur.Pos(), []rune(igo.IndentUnit)...)
		cur.Move(len(igo.IndentUnit))
		return
	}
	e.rl.Keymap.Commands()["complete"]()
}

// complete makes Tab's candidates from the typed session, each with its type.
func (e *editor) complete(line []rune, cursor int) readline.Completions {
	text := string(line[:cursor])
	src := string(line)
	byteCursor := len(text)
	cands, start := e.r.sh.Complete(src, byteCursor)
	if len(cands) == 0 || start > byteCursor {
		return readline.Completions{}
	}
	values := make([]readline.Completion, len(cands))
	for i, c := range cands {
		values[i] = readline.Completion{Value: c.Text, Display: c.Text, Description: c.Detail}
	}
	comps := readline.CompleteRaw(values).NoSpace()
	comps.PREFIX = src[start:byteCursor]
	return comps
}

// ReadCell reads one cell. It returns readline.ErrInterrupt on Ctrl-C and
// io.EOF on Ctrl-D in an empty cell.
func (e *editor) ReadCell() (string, error) {
	if e.vi {
		e.rl.Keymap.SetMain("vi-insert") // each cell starts in insert mode
	}
	if e.r.nextInput != "" {
		e.rl.Keys.Feed(false, []rune(prefillKey)...)
	}
	return e.rl.Readline()
}

// interactive is the terminal shell.
func (r *runner) interactive(ed *editor) {
	for {
		src, err := ed.ReadCell()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			continue
		case errors.Is(err, io.EOF):
			if r.tasksRunning() && !r.confirm("Background tasks are running. Exit anyway? (y/[n])") {
				continue
			}
			fmt.Fprintln(r.stdout)
			return
		case err != nil:
			fmt.Fprintln(os.Stderr, "igo:", err)
			return
		}
		if strings.TrimSpace(src) == "" {
			continue
		}
		if r.sh.IsExit(src) {
			return
		}
		r.cell(src, nil, true)
	}
}

// tasksRunning reports whether a background task (%bg) is running.
func (r *runner) tasksRunning() bool {
	for _, t := range autoawait.Tasks() {
		if t.State() == "running" {
			return true
		}
	}
	return false
}
