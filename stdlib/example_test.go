package stdlib_test

import (
	"log"
	"os"

	"github.com/traefik/yaegi/interp"

	"github.com/igolang/igo/stdlib"
)

// A yaegi interpreter over the table runs Go 1.24's strings.Lines.
func Example() {
	i := interp.New(interp.Options{Stdout: os.Stdout})
	if err := i.Use(stdlib.Symbols); err != nil {
		log.Fatal(err)
	}
	for _, src := range []string{
		`import ("fmt"; "strings")`,
		`strings.Lines("a\nb\n")(func(l string) bool { fmt.Print("> ", l); return true })`,
	} {
		if _, err := i.Eval(src); err != nil {
			log.Fatal(err)
		}
	}
	// Output:
	// > a
	// > b
}
