package history

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// An Entry is one cell: the source of In[Line] in session Session.
type Entry struct {
	Session, Line int
	Source        string
}

// A Store keeps cells by session and line number, in an SQLite database
// or, failing that, in memory. It is safe for concurrent use.
//
// The cells of the current session are always also kept in memory, so
// that a line the database failed to save is still found by Range,
// Search and Recent for the rest of the session.
type Store struct {
	session int

	mu    sync.Mutex
	db    *sql.DB // nil when the history is in memory only
	lines []Entry // this session's cells, by line
}

// FileName is the name of the database file in the history directory.
const FileName = "history.db"

// busyTimeout is how long SQLite waits for another process's lock before
// it gives up with SQLITE_BUSY.
const busyTimeout = 5 * time.Second

const schema = `
CREATE TABLE IF NOT EXISTS sessions (
	session INTEGER PRIMARY KEY AUTOINCREMENT,
	start TIMESTAMP,
	"end" TIMESTAMP,
	num_cmds INTEGER
);
CREATE TABLE IF NOT EXISTS history (
	session INTEGER,
	line INTEGER,
	source TEXT,
	PRIMARY KEY (session, line)
);`

// Open opens dir/history.db, creating the directory and the database if
// needed, and starts a new session in it. The database is in WAL mode and
// waits for other processes' locks, so that igo processes sharing it lose
// no line.
//
// Open never fails. If the database cannot be opened, created or written,
// or is corrupt, Open returns a Store that keeps the history in memory,
// together with an error saying why, which the caller should show as a
// warning. The database file is left as it is.
func Open(dir string) (*Store, error) {
	s, err := open(dir)
	if err != nil {
		return OpenMemory(), fmt.Errorf("history: %w; keeping this session's history in memory only", err)
	}
	return s, nil
}

// OpenMemory returns a Store that keeps the history of one session, number
// 1, in memory.
func OpenMemory() *Store {
	return &Store{session: 1}
}

func open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("no directory for the history database (set IGO_DIR)")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path, err := filepath.Abs(filepath.Join(dir, FileName))
	if err != nil {
		return nil, err
	}
	// Create the file ourselves so that only its owner can read it: cells
	// may hold secrets. SQLite gives the -wal and -shm files the same mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()

	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// One connection: the Store serializes its own use, and the pragmas
	// in the DSN are set again on any new connection.
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	err = retry(func() error {
		tx, err := db.Begin() // BEGIN IMMEDIATE: see dsn
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.Exec(schema); err != nil {
			return err
		}
		r, err := tx.Exec(`INSERT INTO sessions (start, num_cmds) VALUES (?, 0)`, now())
		if err != nil {
			return err
		}
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		s.session = int(id)
		return tx.Commit()
	})
	if err != nil {
		db.Close()
		if corrupt(err) {
			return nil, fmt.Errorf("%s: %w (move it aside to start a new history)", path, err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// dsn is the data source name of the database at path for
// modernc.org/sqlite. The busy timeout is set first, so that switching to
// WAL waits for other processes too; transactions begin IMMEDIATE, taking
// the write lock at once, so that they wait for it instead of failing when
// they upgrade from a read. synchronous=NORMAL is safe against corruption
// in WAL mode; a power cut may lose the last cells, a crash of igo cannot.
func dsn(path string) string {
	path = filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" {
		path = "/" + path // file:/C:/...
	}
	u := url.URL{Path: path} // escapes ? # and %
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	return "file:" + u.EscapedPath() + "?" + q.Encode()
}

func now() string {
	return time.Now().UTC().Format("2006-01-02 15:04:05.000000")
}

// retry calls f again, a few times, while it fails because the database is
// locked: the busy timeout covers most waits, but not all, such as a
// writer that finds the WAL being recovered.
func retry(f func() error) error {
	wait := 20 * time.Millisecond
	for try := 0; ; try++ {
		err := f()
		if err == nil || !busy(err) || try == 4 {
			return err
		}
		time.Sleep(wait)
		wait *= 2
	}
}

func busy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff // the primary code of an extended one
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

func corrupt(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}

// Close ends the session, recording its end and number of cells, and
// closes the database. The Store still works afterwards, in memory.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	db := s.db
	s.db = nil
	err := retry(func() error {
		_, err := db.Exec(`UPDATE sessions SET "end" = ?, num_cmds = ? WHERE session = ?`, now(), len(s.lines), s.session)
		return err
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("history: closing session %d: %w", s.session, err)
	}
	return nil
}

// Session returns the number of this session. Sessions are numbered from 1
// in the order they start; two processes sharing a database get different
// numbers.
func (s *Store) Session() int {
	return s.session
}

// Add records source as line of this session, replacing any earlier cell
// with that line. Line is the n of In[n], from 1. If the database fails to
// save it, Add returns the error, and the Store still has the line in
// memory.
func (s *Store) Add(line int, source string) error {
	if line < 1 {
		return fmt.Errorf("history: line %d: lines are numbered from 1", line)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i, found := slices.BinarySearchFunc(s.lines, line, func(e Entry, line int) int { return cmp.Compare(e.Line, line) })
	e := Entry{s.session, line, source}
	if found {
		s.lines[i] = e
	} else {
		s.lines = slices.Insert(s.lines, i, e)
	}
	if s.db == nil {
		return nil
	}
	err := retry(func() error {
		_, err := s.db.Exec(`INSERT OR REPLACE INTO history (session, line, source) VALUES (?, ?, ?)`, s.session, line, source)
		return err
	})
	if err != nil {
		return fmt.Errorf("history: saving line %d: %w", line, err)
	}
	return nil
}

// Range returns the cells that spec names, in the order it names them.
// Spec is one or more of IPython's ranges, separated by spaces (see the
// package documentation); "" is this whole session. Lines and sessions
// that do not exist are left out.
func (s *Store) Range(spec string) ([]Entry, error) {
	spans, err := parseRange(spec, s.session)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Entry
	for _, sp := range spans {
		if sp.session == s.session {
			for _, e := range s.lines {
				if e.Line >= sp.first && (sp.last == 0 || e.Line <= sp.last) {
					out = append(out, e)
				}
			}
			continue
		}
		if s.db == nil || sp.session < 1 {
			continue
		}
		last := sp.last
		if last == 0 {
			last = -1 // no end
		}
		got, err := s.query(`SELECT session, line, COALESCE(source, '') FROM history
			WHERE session = ? AND line >= ? AND (? < 0 OR line <= ?) ORDER BY line`,
			sp.session, sp.first, last, last)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// Search returns the cells of all sessions whose whole source matches the
// glob pattern, oldest first. In the pattern, * matches any text and ? any
// one character; IPython's %history -g PATTERN searches for *PATTERN*.
func (s *Store) Search(pattern string) ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Entry
	if s.db != nil {
		var err error
		out, err = s.query(`SELECT session, line, COALESCE(source, '') FROM history
			WHERE session <> ? AND source GLOB ? ORDER BY session, line`,
			s.session, sqliteGlob(pattern))
		if err != nil {
			return nil, err
		}
	}
	for _, e := range s.lines {
		if match(pattern, e.Source) {
			out = append(out, e)
		}
	}
	sortEntries(out)
	return out, nil
}

// Recent returns the last n cells of all sessions, oldest first, as a
// terminal recalls them with the up arrow.
func (s *Store) Recent(n int) ([]Entry, error) {
	if n <= 0 {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Entry
	if s.db != nil {
		var err error
		out, err = s.query(`SELECT session, line, COALESCE(source, '') FROM history
			WHERE session <> ? ORDER BY session DESC, line DESC LIMIT ?`,
			s.session, n)
		if err != nil {
			return nil, err
		}
	}
	out = append(out, s.lines...)
	sortEntries(out)
	if len(out) > n {
		out = out[len(out)-n:]
	}
	return out, nil
}

// query runs a SELECT of session, line and source. The caller holds s.mu.
func (s *Store) query(q string, args ...any) ([]Entry, error) {
	var out []Entry
	err := retry(func() error {
		out = out[:0]
		rows, err := s.db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e Entry
			if err := rows.Scan(&e.Session, &e.Line, &e.Source); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("history: reading: %w", err)
	}
	return out, nil
}

func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Session, b.Session), cmp.Compare(a.Line, b.Line))
	})
}
