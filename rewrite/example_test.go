package rewrite_test

import (
	"fmt"

	"github.com/igolang/igo/rewrite"
)

// Cell turns a cell into chunks an evaluator runs in order. Another REPL
// builds a Session over its own importer and evaluates the chunks.
func ExampleCell() {
	s := newSession()
	r, err := rewrite.Cell(s, "x := 2\nfunc sq(n int) int { return n * n }\nstrings.Repeat(\"ab\", sq(x))", &rewrite.Options{Name: "In[1]", Display: "_1"})
	if err != nil {
		panic(err)
	}
	for _, c := range r.Chunks {
		fmt.Printf("-- decl=%v display=%v\n%s\n", c.Decl, c.Display, c.Src)
	}
	fmt.Println("type of the value:", r.Display.Type)

	_, err = rewrite.Cell(s, "y := sq(x) + z", &rewrite.Options{Name: "In[2]"})
	fmt.Println(err)
	// Output:
	// -- decl=true display=false
	// import (
	// 	"strings"
	// )
	// -- decl=true display=false
	// func sq(n int) int { return n * n }
	// -- decl=false display=false
	// x := 2
	// -- decl=false display=true
	// _1 := strings.Repeat("ab", sq(x))
	// type of the value: string
	// In[2]:1:14: undefined: z
}

// Incomplete tells a prompt whether to ask for another line.
func ExampleIncomplete() {
	fmt.Println(rewrite.Incomplete("for i := 0; i < 3; i++ {"))
	fmt.Println(rewrite.Incomplete("s := `raw"))
	fmt.Println(rewrite.Incomplete("x := )"))
	// Output:
	// true
	// true
	// false
}
