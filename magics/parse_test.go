package magics_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/igolang/igo/magics"
)

type seg = magics.Segment

const (
	goCode = magics.GoCode
	line   = magics.LineMagic
	cell   = magics.CellMagic
	shell  = magics.ShellCommand
	help   = magics.HelpRequest
)

func isGo(b bool) *magics.ParseOptions {
	return &magics.ParseOptions{IsGoExpr: func(string) bool { return b }}
}

var parseTests = []struct {
	name string
	in   string
	opts *magics.ParseOptions
	want []seg
	err  string
}{
	// Go
	{name: "go", in: "x := 1\nfmt.Println(x)",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x := 1\nfmt.Println(x)"}}},
	{name: "go blank lines around", in: "\nx := 1\n\ny := 2\n\n",
		want: []seg{{Kind: goCode, Line: 2, Col: 1, Text: "x := 1\n\ny := 2"}}},
	{name: "go crlf kept", in: "%cd /tmp\r\nx := 1\r\n",
		want: []seg{
			{Kind: line, Line: 1, Col: 5, Text: "/tmp", Name: "cd"},
			{Kind: goCode, Line: 2, Col: 1, Text: "x := 1\r"},
		}},
	{name: "comment-only go dropped", in: "%cd /tmp\n// a comment\n\n/* another */\n%pwd",
		want: []seg{
			{Kind: line, Line: 1, Col: 5, Text: "/tmp", Name: "cd"},
			{Kind: line, Line: 5, Col: 5, Name: "pwd"},
		}},
	{name: "go comments kept inside", in: "// f does\nfunc f() {}\n%time f()",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "// f does\nfunc f() {}"},
			{Kind: line, Line: 3, Col: 7, Text: "f()", Name: "time"},
		}},

	// line magics
	{name: "line magic", in: "%time f()",
		want: []seg{{Kind: line, Line: 1, Col: 7, Text: "f()", Name: "time"}}},
	{name: "line magic no args", in: "%pwd",
		want: []seg{{Kind: line, Line: 1, Col: 5, Name: "pwd"}}},
	{name: "line magic indented", in: "  %cd  /tmp  ",
		want: []seg{{Kind: line, Line: 1, Col: 8, Text: "/tmp", Name: "cd"}}},
	{name: "line magic between go", in: "x := 1\n%time f(x)\ny := 2",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1"},
			{Kind: line, Line: 2, Col: 7, Text: "f(x)", Name: "time"},
			{Kind: goCode, Line: 3, Col: 1, Text: "y := 2"},
		}},
	{name: "line magic after block", in: "func f() {\n\treturn\n}\n%time f()",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "func f() {\n\treturn\n}"},
			{Kind: line, Line: 4, Col: 7, Text: "f()", Name: "time"},
		}},
	{name: "line magic after inc", in: "x++\n%pwd",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x++"},
			{Kind: line, Line: 2, Col: 5, Name: "pwd"},
		}},
	{name: "line magic after line comment", in: "x := 1 // not +\n%pwd",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1 // not +"},
			{Kind: line, Line: 2, Col: 5, Name: "pwd"},
		}},
	{name: "line magic after stray brace", in: "}\n%pwd",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "}"},
			{Kind: line, Line: 2, Col: 5, Name: "pwd"},
		}},
	{name: "magic args keep percent", in: "%time fmt.Sprintf(\"%d\", 1)",
		want: []seg{{Kind: line, Line: 1, Col: 7, Text: "fmt.Sprintf(\"%d\", 1)", Name: "time"}}},
	{name: "magic question with space is args", in: "%time ?",
		want: []seg{{Kind: line, Line: 1, Col: 7, Text: "?", Name: "time"}}},

	// not magics: continuation lines, blocks, literals, comments
	{name: "after binary operator", in: "x := 1 +\n%2",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x := 1 +\n%2"}}},
	{name: "after operator and blank line", in: "x := 1 +\n\n%2",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x := 1 +\n\n%2"}}},
	{name: "after paren", in: "f(\n%time x\n)",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "f(\n%time x\n)"}}},
	{name: "after comma", in: "a, b := 1,\n!x",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "a, b := 1,\n!x"}}},
	{name: "after dot", in: "x.\n%y",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x.\n%y"}}},
	{name: "after assign", in: "x =\n!done",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x =\n!done"}}},
	{name: "after define", in: "x :=\n%pwd",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x :=\n%pwd"}}},
	{name: "after keyword", in: "var\n%pwd",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "var\n%pwd"}}},
	{name: "inside block", in: "for {\n%time x\n!ls\nx?\n}",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "for {\n%time x\n!ls\nx?\n}"}}},
	{name: "inside raw string", in: "s := `a\n%x\n!y`\n%pwd",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "s := `a\n%x\n!y`"},
			{Kind: line, Line: 4, Col: 5, Name: "pwd"},
		}},
	{name: "after raw string operator", in: "s := `a\nb` +\n%x",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "s := `a\nb` +\n%x"}}},
	{name: "inside block comment", in: "x := 1 /* c\n%x */\n%pwd",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1 /* c\n%x */"},
			{Kind: line, Line: 3, Col: 5, Name: "pwd"},
		}},
	{name: "unterminated raw string", in: "s := `a\n\n%x\n\n",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "s := `a\n\n%x\n\n"}}},
	{name: "backtick in shell line", in: "!echo `\n%pwd",
		want: []seg{
			{Kind: shell, Line: 1, Col: 2, Text: "echo `"},
			{Kind: line, Line: 2, Col: 5, Name: "pwd"},
		}},

	// //igo:
	{name: "igo comment", in: "//igo:time f()",
		want: []seg{{Kind: line, Line: 1, Col: 12, Text: "f()", Name: "time"}}},
	{name: "igo comment between go", in: "x := 1\n//igo:pwd\ny := 2",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1"},
			{Kind: line, Line: 2, Col: 10, Name: "pwd"},
			{Kind: goCode, Line: 3, Col: 1, Text: "y := 2"},
		}},
	{name: "igo comment inside block", in: "func f() {\n\t//igo:time x\n}",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "func f() {\n\t//igo:time x\n}"}}},
	{name: "igo comment with space is a comment", in: "x := 1\n//igo: time",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x := 1\n//igo: time"}}},
	{name: "igo comment bad name is a comment", in: "x := 1\n//igo:time-x",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x := 1\n//igo:time-x"}}},

	// shell
	{name: "shell", in: "!echo hi",
		want: []seg{{Kind: shell, Line: 1, Col: 2, Text: "echo hi"}}},
	{name: "shell blank after bang", in: "  ! ls -l ",
		want: []seg{{Kind: shell, Line: 1, Col: 5, Text: "ls -l"}}},
	{name: "shell after continuation is go", in: "ok := a &&\n!b",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := a &&\n!b"}}},

	// assignments
	{name: "assign line magic", in: "r := %timeit -o f()",
		want: []seg{{Kind: line, Line: 1, Col: 14, Text: "-o f()", Name: "timeit", Assign: "r", Define: true}}},
	{name: "assign line magic with =", in: "d = %pwd",
		want: []seg{{Kind: line, Line: 1, Col: 9, Name: "pwd", Assign: "d"}}},
	{name: "assign shell", in: "files := !ls -l",
		want: []seg{{Kind: shell, Line: 1, Col: 11, Text: "ls -l", Assign: "files", Define: true}}},
	{name: "assign shell with a glob", in: "files := !ls src/*.go",
		want: []seg{{Kind: shell, Line: 1, Col: 11, Text: "ls src/*.go", Assign: "files", Define: true}}},
	{name: "assign shell with =", in: "out = !git status",
		want: []seg{{Kind: shell, Line: 1, Col: 8, Text: "git status", Assign: "out"}}},
	{name: "assign not expr default", in: "ok := !done",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := !done"}}},
	{name: "assign not and default", in: "ok := !a && b",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := !a && b"}}},
	{name: "assign not call default", in: "ok := !strings.HasPrefix(s, \"a b\")",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := !strings.HasPrefix(s, \"a b\")"}}},
	{name: "assign bang blank default", in: "d := ! date",
		want: []seg{{Kind: shell, Line: 1, Col: 8, Text: "date", Assign: "d", Define: true}}},
	{name: "assign IsGoExpr false", in: "ok := !done", opts: isGo(false),
		want: []seg{{Kind: shell, Line: 1, Col: 8, Text: "done", Assign: "ok", Define: true}}},
	{name: "assign IsGoExpr true", in: "files := !ls -l", opts: isGo(true),
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "files := !ls -l"}}},
	{name: "assign not continues", in: "ok := !f(a,\n\tb)", opts: isGo(false),
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := !f(a,\n\tb)"}}},
	{name: "assign shell ending in keyword", in: "files := !ls *.go", opts: isGo(false),
		want: []seg{{Kind: shell, Line: 1, Col: 11, Text: "ls *.go", Assign: "files", Define: true}}},
	{name: "assign shell ending in keyword default", in: "files := !ls *.go",
		want: []seg{{Kind: shell, Line: 1, Col: 11, Text: "ls *.go", Assign: "files", Define: true}}},
	{name: "assign not operator continues", in: "ok := !a &&\n\tb", opts: isGo(false),
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "ok := !a &&\n\tb"}}},
	{name: "not an assignment", in: "x == !y\nx != %y",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x == !y\nx != %y"}}},
	{name: "assign cell magic", in: "v := %%time\nf()",
		want: []seg{{Kind: cell, Line: 1, Col: 12, Name: "time", Body: "f()", Assign: "v", Define: true}}},

	// cell magics
	{name: "cell magic", in: "%%time\nx := 1\nf(x)",
		want: []seg{{Kind: cell, Line: 1, Col: 7, Name: "time", Body: "x := 1\nf(x)"}}},
	{name: "cell magic after blank lines", in: "\n  \n%%time\nf()",
		want: []seg{{Kind: cell, Line: 3, Col: 7, Name: "time", Body: "f()"}}},
	{name: "cell magic ends at empty line", in: "%%writefile -a out.txt\nhello\n\nx := 1",
		want: []seg{
			{Kind: cell, Line: 1, Col: 13, Text: "-a out.txt", Name: "writefile", Body: "hello"},
			{Kind: goCode, Line: 4, Col: 1, Text: "x := 1"},
		}},
	{name: "cell magic ends at percent marker", in: "%%bash\necho hi\n// %%\n%%time\nf()",
		want: []seg{
			{Kind: cell, Line: 1, Col: 7, Name: "bash", Body: "echo hi"},
			{Kind: cell, Line: 4, Col: 7, Name: "time", Body: "f()"},
		}},
	{name: "percent marker with title", in: "x := 1\n// %% [markdown] two\n%%time\nf()",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1"},
			{Kind: cell, Line: 3, Col: 7, Name: "time", Body: "f()"},
		}},
	{name: "percent marker between go", in: "x := 1\n  // %%\ny := 2",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1"},
			{Kind: goCode, Line: 3, Col: 1, Text: "y := 2"},
		}},
	{name: "percent marker inside block is go", in: "func f() {\n// %%\n}",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "func f() {\n// %%\n}"}}},
	{name: "not a percent marker", in: "x := 1\n// %%time\n%%time",
		err: "3:1: cell magic %%time must be on the first line of a cell"},
	{name: "cell magic after empty line starts a cell", in: "%%time\nf()\n\n%%time\ng()",
		want: []seg{
			{Kind: cell, Line: 1, Col: 7, Name: "time", Body: "f()"},
			{Kind: cell, Line: 4, Col: 7, Name: "time", Body: "g()"},
		}},
	{name: "cell magic empty body", in: "%%time",
		want: []seg{{Kind: cell, Line: 1, Col: 7, Name: "time"}}},
	{name: "cell body is not parsed", in: "%%bash\nfor x in a b; do\n%notmagic\n!x\ndone",
		want: []seg{{Kind: cell, Line: 1, Col: 7, Name: "bash", Body: "for x in a b; do\n%notmagic\n!x\ndone"}}},

	// help
	{name: "help", in: "x?",
		want: []seg{{Kind: help, Line: 1, Col: 1, Text: "x", Name: "x", Detail: 1}}},
	{name: "help prefix", in: "?x",
		want: []seg{{Kind: help, Line: 1, Col: 2, Text: "x", Name: "x", Detail: 1}}},
	{name: "help member detail", in: "  strings.Repeat??",
		want: []seg{{Kind: help, Line: 1, Col: 3, Text: "strings.Repeat", Name: "strings.Repeat", Detail: 2}}},
	{name: "help prefix detail", in: "??strings",
		want: []seg{{Kind: help, Line: 1, Col: 3, Text: "strings", Name: "strings", Detail: 2}}},
	{name: "help magic", in: "%time?",
		want: []seg{{Kind: help, Line: 1, Col: 1, Text: "%time", Name: "%time", Detail: 1}}},
	{name: "help cell magic", in: "?%%bash",
		want: []seg{{Kind: help, Line: 1, Col: 2, Text: "%%bash", Name: "%%bash", Detail: 1}}},
	{name: "help between go", in: "x := 1\nx?\ny := 2",
		want: []seg{
			{Kind: goCode, Line: 1, Col: 1, Text: "x := 1"},
			{Kind: help, Line: 2, Col: 1, Text: "x", Name: "x", Detail: 1},
			{Kind: goCode, Line: 3, Col: 1, Text: "y := 2"},
		}},
	{name: "not help both sides", in: "?x?",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "?x?"}}},
	{name: "not help three", in: "x???",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x???"}}},
	{name: "not help expression", in: "x + y?",
		want: []seg{{Kind: goCode, Line: 1, Col: 1, Text: "x + y?"}}},

	// errors
	{name: "percent alone", in: "x := 1\n  %", err: "2:3: missing magic name after %"},
	{name: "bad magic name", in: "%time(x)", err: "1:1: bad magic name %time(x)"},
	{name: "bad cell magic name", in: "%%1x\nbody", err: "1:1: bad magic name %%1x"},
	{name: "cell magic below first line", in: "x := 1\n%%time\nf()",
		err: "2:1: cell magic %%time must be on the first line of a cell"},
	{name: "two errors", in: "%\n%%x", err: "1:1: missing magic name after % (and 1 more errors)"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := magics.Parse(tt.in, tt.opts)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("Parse(%q) error = %v, want %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseIsGoExprSource(t *testing.T) {
	var got []string
	opts := &magics.ParseOptions{IsGoExpr: func(src string) bool {
		got = append(got, src)
		return false
	}}
	if _, err := magics.Parse("a := !done  \nb = !ls -l\n!echo\nc := %pwd", opts); err != nil {
		t.Fatal(err)
	}
	want := []string{"!done", "!ls -l"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsGoExpr calls (-want +got):\n%s", diff)
	}
}
