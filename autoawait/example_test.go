package autoawait_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/igolang/igo/autoawait"
)

// The shell runs a cell between Begin and end; rewritten code awaits with
// Do and Check, and the shell reports what Check panics with.
func Example() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	end := autoawait.Begin(ctx)
	defer end()

	fetch := func(u string) (string, error) { return "", errors.New("connection refused") }

	// In[4]: page := await fetch("http://127.0.0.1:1/")
	defer func() {
		if e, ok := recover().(*autoawait.Error); ok {
			fmt.Println("error:", e)
		}
	}()
	var page string
	autoawait.Check(autoawait.Do(func() (err error) {
		page, err = fetch("http://127.0.0.1:1/")
		return
	}), `In[4]:1:9: await fetch("http://127.0.0.1:1/")`)
	fmt.Println(page)
	// Output:
	// error: In[4]:1:9: await fetch("http://127.0.0.1:1/"): connection refused
}

// traceRunner is a runner of an embedding program: it runs tasks inline
// and says so.
type traceRunner struct{}

func (traceRunner) Run(ctx context.Context, task func() error) error {
	fmt.Println("running a task")
	return task()
}

func ExampleRegister() {
	autoawait.Register("trace", traceRunner{}) // an error if the name is taken
	fmt.Println(autoawait.Current())
	autoawait.Use("trace") // %autoawait trace
	fmt.Println(autoawait.Current())
	fmt.Println(autoawait.Do(func() error { return nil }))
	autoawait.Use("goroutine")
	// Output:
	// goroutine
	// trace
	// running a task
	// <nil>
}

func ExampleSpawn() {
	task := autoawait.Spawn("answer()", func(ctx context.Context) (any, error) {
		return 42, nil
	})
	v, err := task.Wait()
	fmt.Println(v, err, task.State(), task.Code())
	// Output:
	// 42 <nil> done answer()
}
