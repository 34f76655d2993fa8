package history_test

import (
	"fmt"
	"log"
	"os"

	"github.com/igolang/igo/history"
)

func Example() {
	h := history.OpenMemory()
	h.Add(1, `x := 6 * 7`)
	h.Add(2, `fmt.Println(x)`)
	h.Add(3, `x++`)

	cells, err := h.Range("1 3")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range cells {
		fmt.Printf("%d: %s\n", c.Line, c.Source)
	}
	// Output:
	// 1: x := 6 * 7
	// 3: x++
}

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "igo")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// Yesterday's session.
	h, err := history.Open(dir)
	if err != nil {
		fmt.Println("warning:", err) // h keeps the history in memory
	}
	h.Add(1, `s := "hello"`)
	h.Add(2, `fmt.Println(s)`)
	h.Close()

	// Today's.
	h, err = history.Open(dir)
	if err != nil {
		fmt.Println("warning:", err)
	}
	defer h.Close()
	h.Add(1, `s = "bye"`)
	cells, err := h.Range("~1/2 1")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range cells {
		fmt.Printf("session %d, In[%d]: %s\n", c.Session, c.Line, c.Source)
	}
	// Output:
	// session 1, In[2]: fmt.Println(s)
	// session 2, In[1]: s = "bye"
}

func ExampleStore_Search() {
	h := history.OpenMemory()
	h.Add(1, `f, err := os.Open("data.txt")`)
	h.Add(2, `defer f.Close()`)
	h.Add(3, `b, err := io.ReadAll(f)`)

	// %history -g err searches for *err*.
	cells, _ := h.Search("*err*")
	for _, c := range cells {
		fmt.Printf("%d/%d: %s\n", c.Session, c.Line, c.Source)
	}
	// Output:
	// 1/1: f, err := os.Open("data.txt")
	// 1/3: b, err := io.ReadAll(f)
}
