// Command lowering is bench/lowering: the cost of what igo lowers for the
// evaluator against the same work hand-lowered under plain yaegi.
//
//	sorted:   a cell `s := slices.Sorted(maps.Keys(m))` on a 1 000-key map,
//	          against hand-written keys/sorted functions (a yield closure
//	          and sort.Ints) under yaegi; igo calls compiled instances;
//	sorted-own: the same with a key type of the cell's own (type id int),
//	          which igo copies from GOROOT/src and interprets, against
//	          sort.Slice with a closure;
//	rangefunc: a cell looping `for i := range count(1000000)` over a
//	          function iterator, against the same iterator called with a
//	          yield closure by hand under yaegi.
//
// Each igo time is a whole cell as the shell runs it (rewrite, type check
// and evaluation), the median of several runs; yaegi's is the Eval of the
// hand-lowered statement. It prints both and the ratio igo/yaegi.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/igolang/igo"
)

type bench struct {
	name        string
	igoSetup    []string
	igoCell     string
	yaegiSetup  []string
	yaegiCell   string
	defaultRuns int
}

var benches = []bench{
	{
		name:     "sorted",
		igoSetup: []string{`m := map[int]int{}; for i := range 1000 { m[i] = i }`},
		igoCell:  `s := slices.Sorted(maps.Keys(m))`,
		yaegiSetup: []string{
			`import "sort"`,
			`func keys(m map[int]int) func(func(int) bool) { return func(yield func(int) bool) { for k := range m { if !yield(k) { return } } } }`,
			`func sorted(seq func(func(int) bool)) []int { var s []int; seq(func(k int) bool { s = append(s, k); return true }); sort.Ints(s); return s }`,
			`m := map[int]int{}`,
			`for i := 0; i < 1000; i++ { m[i] = i }`,
		},
		yaegiCell:   `s := sorted(keys(m))`,
		defaultRuns: 50,
	},
	{
		// A key type of the cell's own: no compiled instance, the
		// rewrite copies slices.Sorted, maps.Keys and pdqsort from
		// GOROOT/src and the evaluator interprets them.
		name:     "sorted-own",
		igoSetup: []string{`type id int`, `m := map[id]int{}; for i := range 1000 { m[id(i)] = i }`},
		igoCell:  `s := slices.Sorted(maps.Keys(m))`,
		yaegiSetup: []string{
			`import "sort"`,
			`type id int`,
			`func keys(m map[id]int) func(func(id) bool) { return func(yield func(id) bool) { for k := range m { if !yield(k) { return } } } }`,
			`func sorted(seq func(func(id) bool)) []id { var s []id; seq(func(k id) bool { s = append(s, k); return true }); sort.Slice(s, func(i, j int) bool { return s[i] < s[j] }); return s }`,
			`m := map[id]int{}`,
			`for i := 0; i < 1000; i++ { m[id(i)] = i }`,
		},
		yaegiCell:   `s := sorted(keys(m))`,
		defaultRuns: 20,
	},
	{
		name:     "rangefunc",
		igoSetup: []string{`func count(n int) func(func(int) bool) { return func(yield func(int) bool) { for i := 0; i < n; i++ { if !yield(i) { return } } } }`},
		igoCell:  `sum := 0; for i := range count(1000000) { sum += i }`,
		yaegiSetup: []string{
			`func count(n int) func(func(int) bool) { return func(yield func(int) bool) { for i := 0; i < n; i++ { if !yield(i) { return } } } }`,
		},
		yaegiCell:   `sum := 0; count(1000000)(func(i int) bool { sum += i; return true })`,
		defaultRuns: 5,
	},
}

func main() {
	runs := flag.Int("n", 0, "runs per measurement (0: each benchmark's default)")
	flag.Parse()
	ctx := context.Background()
	for _, b := range benches {
		n := b.defaultRuns
		if *runs > 0 {
			n = *runs
		}
		sh, err := igo.New(&igo.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
		check(err)
		for _, c := range b.igoSetup {
			_, err := sh.RunCell(ctx, c, nil)
			check(err)
		}
		igoT := median(n, func() error { _, err := sh.RunCell(ctx, b.igoCell, nil); return err })

		y := interp.New(interp.Options{Stdout: io.Discard})
		check(y.Use(stdlib.Symbols))
		for _, c := range b.yaegiSetup {
			_, err := y.Eval(c)
			check(err)
		}
		yT := median(n, func() error { _, err := y.Eval(b.yaegiCell); return err })
		fmt.Printf("%-10s igo %10v   yaegi hand-lowered %10v   igo/yaegi %.2f\n", b.name, igoT, yT, float64(igoT)/float64(yT))
	}
}

func median(n int, f func() error) time.Duration {
	var ds []time.Duration
	for range n {
		t := time.Now()
		check(f())
		ds = append(ds, time.Since(t))
	}
	slices.Sort(ds)
	return ds[len(ds)/2].Round(time.Microsecond)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/lowering:", err)
		os.Exit(1)
	}
}
