// Package history keeps the cells typed into igo, across runs, the way
// IPython's history database does.
//
// Each run of a shell is a session, numbered 1, 2, 3, ... in the order the
// sessions started, and each cell has the line number n of its In[n]. The
// cells live in an SQLite database, history.db in [Dir] (by default
// $XDG_STATE_HOME/igo, or $IGO_DIR), opened in WAL mode so that several
// igo processes can write to it at once without losing a line:
//
//	h, err := history.Open(history.Dir())
//	if err != nil {
//		fmt.Fprintln(os.Stderr, "warning:", err) // h still works, in memory
//	}
//	defer h.Close()
//	h.Add(1, `x := 6 * 7`)
//	h.Add(2, `fmt.Println(x)`)
//	prev, _ := h.Range("~1/3-5") // lines 3 to 5 of the previous session
//
// Open never fails: when the database cannot be created or written, or is
// corrupt, it returns a Store that keeps this session's cells in memory,
// together with an error to show as a warning.
//
// [Store.Range] reads IPython's ranges, as %history, %rerun and %save
// take them: "4" is line 4 of this session, "2-5" lines 2 to 5, "2:5"
// lines 2 to 4, "~1/3" line 3 of the session before this one, "~1/" all of
// it, "7/1-3" lines 1 to 3 of session 7, and "~2/4-~1/2" runs from line 4
// two sessions back to line 2 of the previous session. Several ranges are
// separated by spaces; the empty range is this whole session.
//
// The database has IPython's layout:
//
//	sessions(session INTEGER PRIMARY KEY AUTOINCREMENT, start, end, num_cmds)
//	history(session, line, source, PRIMARY KEY (session, line))
package history
