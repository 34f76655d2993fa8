package magics_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/igolang/igo/magics"
)

func ExampleParse() {
	cell := `%cd /tmp
files := !ls *.go
for _, f := range files {
	fmt.Println(f)
}
// %%
%%bash
echo hi`
	segs, err := magics.Parse(cell, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range segs {
		fmt.Printf("%d:%d %v %q", s.Line, s.Col, s.Kind, s.Text)
		if s.Name != "" {
			fmt.Printf(" name=%s", s.Name)
		}
		if s.Assign != "" {
			fmt.Printf(" assign=%s", s.Assign)
		}
		if s.Body != "" {
			fmt.Printf(" body=%q", s.Body)
		}
		fmt.Println()
	}
	// Output:
	// 1:5 LineMagic "/tmp" name=cd
	// 2:11 ShellCommand "ls *.go" assign=files
	// 3:1 GoCode "for _, f := range files {\n\tfmt.Println(f)\n}"
	// 7:7 CellMagic "" name=bash body="echo hi"
}

func ExampleParse_errors() {
	_, err := magics.Parse("x := 1\n%%time\nf()", nil)
	fmt.Println(err)
	// Output:
	// 2:1: cell magic %%time must be on the first line of a cell
}

// stdoutEnv is the least of a shell: it prints to os.Stdout and
// dispatches to its own registry. (A real Env also evaluates Go.)
type stdoutEnv struct {
	magics.Env // the methods this example does not need
	reg        *magics.Registry
}

func (e stdoutEnv) Stdout() io.Writer        { return os.Stdout }
func (e stdoutEnv) Magics() *magics.Registry { return e.reg }

func ExampleRegistry_Register() {
	u := magics.Usage{
		Name:    "greet",
		Line:    true,
		Args:    "[-shout] NAME",
		Summary: "Greet NAME.",
	}
	greet := magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
		fs := magics.NewFlagSet(u)
		shout := fs.Bool("shout", false, "in capitals")
		names, err := a.Flags(u, fs)
		if err != nil {
			return nil, err
		}
		if len(names) != 1 {
			return nil, a.Errorf(u, "want one NAME")
		}
		s := "hello, " + names[0]
		if *shout {
			s = strings.ToUpper(s)
		}
		if a.Assigned { // v := %greet gopher
			return s, nil
		}
		fmt.Fprintln(env.Stdout(), s)
		return nil, nil
	})

	reg := magics.Default().Clone()
	if err := reg.Register(greet); err != nil {
		fmt.Println(err)
		return
	}
	env := stdoutEnv{reg: reg}
	segs, _ := magics.Parse("%greet gopher\ns := %greet -shout 'Go team'\n%greet\n%gret x\n%greet?", nil)
	for _, seg := range segs {
		v, err := magics.Run(context.Background(), env, seg)
		switch {
		case err != nil:
			fmt.Println("UsageError:", err)
		case v != nil:
			fmt.Printf("%s = %q\n", seg.Assign, v)
		}
	}
	// Output:
	// hello, gopher
	// s = "HELLO, GO TEAM"
	// UsageError: usage: %greet [-shout] NAME: want one NAME
	// UsageError: Line magic function %gret not found. Did you mean %greet?
	// %greet [-shout] NAME
	//
	// Greet NAME.
}

func ExampleHelp() {
	fmt.Print(magics.Help(magics.Usage{
		Name:    "hello",
		Line:    true,
		Cell:    true,
		Args:    "NAME",
		Summary: "Greet NAME, or each line of the cell.",
		Doc:     "    %hello gopher\n    %%hello\n    gopher\n    gogh",
	}))
	// Output:
	// %hello NAME
	// %%hello
	//
	// Greet NAME, or each line of the cell.
	//
	//     %hello gopher
	//     %%hello
	//     gopher
	//     gogh
}
