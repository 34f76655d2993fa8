package symtypes_test

import (
	"sync"
	"testing"

	"github.com/igolang/igo/stdlib"
	"github.com/igolang/igo/symtypes"
)

// TestConcurrent imports and type-checks from several goroutines sharing
// one Importer (run with -race).
func TestConcurrent(t *testing.T) {
	im := symtypes.New(stdlib.Symbols)
	var wg sync.WaitGroup
	errs := make(chan error, len(good)*2)
	for rep := 0; rep < 2; rep++ {
		for _, tc := range good {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := check(t, im, tc.imports, tc.body); err != nil {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
