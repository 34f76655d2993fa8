package magics

import (
	"context"
	"fmt"
	"go/parser"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/igolang/igo/autoawait"
	"github.com/igolang/igo/rewrite"
)

const bgDoc = `Runs Go code as a background task, under a context of its own, and
returns at once. The task's result is the code's value when it is one
expression (with an error, when it returns one): wait for it with
"await job(N)", or with "await t" after "t := %bg f()". %jobs lists the
tasks; %jobs kill N cancels one.

    %bg time.Sleep(time.Second)
    t := %bg http.Get(url)
    resp := await t

Variables the code assigns are set as it runs; names it declares with :=
are its own.`

func newBg() Magic {
	u := Usage{
		Name: "bg", Line: true, Cell: true,
		Args: "STMT", CellArgs: "",
		Summary: "Run Go code as a background task; returns at once.",
		Doc:     bgDoc,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		code := strings.TrimSpace(a.Line)
		if a.Cell {
			if code != "" {
				return nil, a.Errorf(u, "no arguments after %%%%bg: the body is the code")
			}
			code = strings.TrimSpace(a.Body)
		}
		if code == "" {
			return nil, a.Errorf(u, "no code to run")
		}
		shown := code
		names := rewrite.Declared(code)
		if len(names) > 0 && !a.Cell {
			return nil, a.Errorf(u, "%s would be the task's own: use t := %%bg f() and then x := await t", names[0])
		}
		for _, n := range names {
			code += "\n_ = " + n // the task's own; not an error to leave unused
		}
		t, err := spawn(ctx, env, code, shown)
		if err != nil {
			return nil, err
		}
		if a.Assigned {
			return t, nil
		}
		_, err = fmt.Fprintf(env.Stdout(), "[%d] started: %s\n", t.ID(), oneLine(shown))
		return nil, err
	})
}

// spawn hands the code back to the shell wrapped in autoawait.Spawn: as
// an expression whose values are the task's result when it is one, as
// statements otherwise.
func spawn(ctx context.Context, env Env, code, shown string) (*autoawait.Task, error) {
	q := strconv.Quote(shown)
	const head = "import \"github.com/igolang/igo/autoawait\"\n"
	var v any
	var err error
	if _, perr := parser.ParseExpr(code); perr == nil {
		v, err = env.Eval(ctx, head+"autoawait.Spawn("+q+", func(igo_ctx context.Context) (any, error) { return autoawait.Result("+code+") })")
	}
	if _, isTask := v.(*autoawait.Task); !isTask {
		v, err = env.Eval(ctx, head+"autoawait.Spawn("+q+", func(igo_ctx context.Context) (any, error) {\n"+code+"\nreturn nil, nil\n})")
	}
	if err != nil {
		return nil, err
	}
	t, ok := v.(*autoawait.Task)
	if !ok {
		return nil, fmt.Errorf("%%bg: the shell did not start a task")
	}
	return t, nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func newJobs() Magic {
	u := Usage{
		Name: "jobs", Line: true,
		Args:    "[kill N]",
		Summary: "List the background tasks, or cancel one.",
		Doc: `Lists the tasks %bg started: number, state (running, done, failed,
cancelled), time run and code. "%jobs kill N" cancels task N: its context
is cancelled and "await job(N)" returns context.Canceled at once; code that
ignores its context goes on unseen and its result is dropped.`,
	}
	return New(u, func(ctx context.Context, env Env, a Args) (any, error) {
		fields, err := a.Fields()
		if err != nil {
			return nil, a.Errorf(u, "%v", err)
		}
		switch {
		case len(fields) == 0:
			return nil, listJobs(env)
		case len(fields) == 2 && fields[0] == "kill":
			n, err := strconv.Atoi(fields[1])
			t := autoawait.Job(n)
			if err != nil || t == nil {
				return nil, a.Errorf(u, "no job %s", fields[1])
			}
			t.Cancel()
			_, err = fmt.Fprintf(env.Stdout(), "[%d] %s\n", n, t.State())
			return nil, err
		}
		return nil, a.Errorf(u, "unexpected arguments %q", a.Line)
	})
}

func listJobs(env Env) error {
	tasks := autoawait.Tasks()
	if len(tasks) == 0 {
		_, err := fmt.Fprintln(env.Stdout(), "No jobs.")
		return err
	}
	w := tabwriter.NewWriter(env.Stdout(), 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "#\tstate\telapsed\tcode")
	for _, t := range tasks {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", t.ID(), t.State(), t.Elapsed().Round(time.Millisecond), oneLine(t.Code()))
	}
	if n := autoawait.Abandoned(); n > 0 {
		fmt.Fprintf(w, "\t\t\t(%d interrupted await(s) still running in the background)\n", n)
	}
	return w.Flush()
}
