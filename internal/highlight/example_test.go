package highlight_test

import (
	"fmt"
	"strings"

	"github.com/igolang/igo/internal/highlight"
)

// A cell as the shell shows it, without colours.
func Example() {
	s, _ := highlight.Lookup("nocolor")
	lines := strings.Split("for i := range 3 {\n\tfmt.Println(i)\n}", "\n")
	for i, line := range lines {
		prompt := s.ContPrompt(10)
		if i == 0 {
			prompt = s.InPrompt(10)
		}
		fmt.Println(prompt + s.Code(line))
	}
	fmt.Println(s.OutPrompt(10) + "3")
	// Output:
	// In [10]: for i := range 3 {
	//     ...: 	fmt.Println(i)
	//     ...: }
	// Out[10]: 3
}

// Coloured code shows the same text: Visible strips the colours.
func ExampleVisible() {
	s, _ := highlight.Lookup("linux")
	code := s.Code(`x := "unfinished`)
	fmt.Println(len(code) > len(`x := "unfinished`))
	fmt.Println(highlight.Visible(code))
	fmt.Printf("%q\n", s.InPrompt(3))
	// Output:
	// true
	// x := "unfinished
	// "\x1b[92mIn [\x1b[0m\x1b[1;32m3\x1b[0m\x1b[92m]: \x1b[0m"
}

func ExampleSchemes() {
	for _, name := range highlight.Schemes() {
		s, _ := highlight.Lookup(name)
		fmt.Printf("%-8s %q\n", s.Name(), s.Error("oops"))
	}
	// Output:
	// linux    "\x1b[31moops\x1b[0m"
	// lightbg  "\x1b[31moops\x1b[0m"
	// neutral  "\x1b[31moops\x1b[0m"
	// nocolor  "oops"
}
