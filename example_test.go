package igo_test

import (
	"context"
	"fmt"
	"os"

	"github.com/igolang/igo"
)

// A Shell runs cells; errors name the cell's own line and column.
func ExampleShell_Run() {
	sh, err := igo.New(&igo.Options{Stdout: os.Stdout, Stderr: os.Stdout})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	for _, cell := range []string{
		"x := 20\ntype Celsius float64",
		"func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }",
		"Celsius(x).F()",
		"time.Second * 3 / 2",
		"y := x +\n\tfoo",
	} {
		res, err := sh.Run(ctx, cell)
		switch {
		case err != nil:
			fmt.Println(err)
		case res.HasValue:
			fmt.Printf("Out[%d]: %s\n", res.Count, res.Text)
		}
	}
	// Output:
	// Out[3]: 68
	// Out[4]: 1.5s // time.Duration
	// In[5]:2:2: undefined: foo
}

// Incomplete decides, for every front end, when a cell is finished.
func ExampleIncomplete() {
	fmt.Println(igo.Incomplete("func f() {"))
	fmt.Println(igo.Incomplete("func f() {}"))
	fmt.Println(igo.Incomplete("x := 1 +"))
	fmt.Println(igo.Incomplete("x := 1 +* )"))
	// Output:
	// true
	// false
	// true
	// false
}
