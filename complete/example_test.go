package complete_test

import (
	"fmt"

	"github.com/igolang/igo/complete"
)

// A front end calls Complete on Tab and shows the candidates with their
// details when there are several.
func ExampleComplete() {
	cfg, err := sessionConfig(
		`import "net/http"`,
		`var resp *http.Response`,
		`type P struct{ Name string; Age int }`,
		`p := P{}`,
	)
	if err != nil {
		panic(err)
	}
	for _, line := range []string{"strings.Rep", "resp.Hea", "p.", "%tim", "import \"net/http/httpt"} {
		cands, start := complete.Complete(cfg, line, len(line))
		fmt.Printf("%s → replace from %d:\n", line, start)
		for _, c := range cands {
			fmt.Printf("\t%-20s %s\n", c.Text, c.Detail)
		}
	}
	// Output:
	// strings.Rep → replace from 8:
	//	Repeat               func(string, int) string
	//	Replace              func(string, string, string, int) string
	//	ReplaceAll           func(string, string, string) string
	//	Replacer             type struct
	// resp.Hea → replace from 5:
	//	Header               field http.Header
	// p. → replace from 2:
	//	Age                  field int
	//	Name                 field string
	// %tim → replace from 0:
	//	%time                %time STMT
	//	%timeit              %timeit [-n N] [-r R] [-q] STMT
	// import "net/http/httpt → replace from 8:
	//	net/http/httptest    package httptest
	//	net/http/httptrace   package httptrace
}
