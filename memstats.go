package igo

import "runtime"

// memStats is the process's cumulative allocation, for %timeit -m.
func memStats() (bytes, allocs uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc, m.Mallocs
}
