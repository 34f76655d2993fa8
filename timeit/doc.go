// Package timeit measures Go code the way IPython's %timeit does: it picks
// a loop count, repeats runs, and formats mean ± standard deviation with
// IPython's units. It knows nothing of cells or magics.
//
// It is empty until the timing issue lands; the package exists so that the
// layout of the module is the one DESIGN.md describes.
package timeit
