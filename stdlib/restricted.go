package stdlib

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
)

// The extractor puts these in place of the functions and the type whose
// standard versions end the process: in a shell, os.Exit and log.Fatal
// panic, and the panic is reported like any other.

func osExit(code int) { panic(fmt.Sprintf("os.Exit(%d)", code)) }

// osFindProcess refuses the shell's own process, whose Kill would end it.
func osFindProcess(pid int) (*os.Process, error) {
	if pid == os.Getpid() {
		return nil, errors.New("os.FindProcess: the shell's own process is not available")
	}
	return os.FindProcess(pid)
}

func logFatal(v ...any)                 { log.Panic(v...) }
func logFatalf(format string, v ...any) { log.Panicf(format, v...) }
func logFatalln(v ...any)               { log.Panicln(v...) }

// logLogger is log.Logger for the shell: its Fatal methods panic. It is
// a distinct type, so the *log.Logger of log.Default or slog.NewLogLogger
// is not one.
type logLogger struct{ l *log.Logger }

func logNew(out io.Writer, prefix string, flag int) *logLogger {
	return &logLogger{log.New(out, prefix, flag)}
}

func (l *logLogger) Fatal(v ...any)                 { l.l.Panic(v...) }
func (l *logLogger) Fatalf(format string, v ...any) { l.l.Panicf(format, v...) }
func (l *logLogger) Fatalln(v ...any)               { l.l.Panicln(v...) }

func (l *logLogger) Flags() int                       { return l.l.Flags() }
func (l *logLogger) Output(depth int, s string) error { return l.l.Output(depth+1, s) }
func (l *logLogger) Panic(v ...any)                   { l.l.Panic(v...) }
func (l *logLogger) Panicf(format string, v ...any)   { l.l.Panicf(format, v...) }
func (l *logLogger) Panicln(v ...any)                 { l.l.Panicln(v...) }
func (l *logLogger) Prefix() string                   { return l.l.Prefix() }
func (l *logLogger) Print(v ...any)                   { l.l.Print(v...) }
func (l *logLogger) Printf(format string, v ...any)   { l.l.Printf(format, v...) }
func (l *logLogger) Println(v ...any)                 { l.l.Println(v...) }
func (l *logLogger) SetFlags(flag int)                { l.l.SetFlags(flag) }
func (l *logLogger) SetOutput(w io.Writer)            { l.l.SetOutput(w) }
func (l *logLogger) SetPrefix(prefix string)          { l.l.SetPrefix(prefix) }
func (l *logLogger) Writer() io.Writer                { return l.l.Writer() }
