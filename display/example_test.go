package display_test

import (
	"fmt"
	"image"

	"github.com/igolang/igo/display"
)

// With no publisher set, as in a program or a terminal, each call prints
// its text fallback.
func Example() {
	display.HTML("<h1>Report</h1><p>All <b>3</b> checks passed.</p>")
	display.Markdown("*done*")
	display.JSON(map[string]int{"passed": 3})
	display.Value(image.NewRGBA(image.Rect(0, 0, 64, 32)))
	// Output:
	// Report
	// All 3 checks passed.
	// *done*
	// {
	//   "passed": 3
	// }
	// <PNG image 64×32>
}

// A type shows itself richly by implementing Displayer.
type temperature float64

func (t temperature) Display() display.Bundle {
	return display.Bundle{Data: map[string]any{
		"text/html":  fmt.Sprintf(`<span style="color:red">%.1f °C</span>`, float64(t)),
		"text/plain": fmt.Sprintf("%.1f °C", float64(t)),
	}}
}

func ExampleOf() {
	b, ok := display.Of(temperature(21.5))
	fmt.Println(ok, b.Data["text/html"])
	_, ok = display.Of(21.5)
	fmt.Println(ok)
	// Output:
	// true <span style="color:red">21.5 °C</span>
	// false
}

// A front end installs a publisher to receive the bundles.
func ExampleSetPublisher() {
	restore := display.SetPublisher(func(b display.Bundle) {
		fmt.Printf("html: %s\n", b.Data["text/html"])
		fmt.Printf("text: %s\n", b.Data["text/plain"])
	})
	defer restore()
	display.HTML("<b>hi</b>")
	// Output:
	// html: <b>hi</b>
	// text: hi
}
