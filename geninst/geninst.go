// Package geninst holds compiled instances of the standard library's most
// used generic functions (slices, maps) for the predeclared types. The
// evaluator cannot run generic code; igo's rewrite copies generic code per
// type-argument list, interpreted — these instances, when one matches, are
// called instead, at compiled speed (a sort of 1 000 ints: compiled
// pdqsort rather than an interpreted copy).
//
// Symbols is the table for the evaluator, under Path; Lookup finds the
// instance for a key written as the rewrite writes it: the function's
// package path and name, then each type argument (types.TypeString),
// separated by ";" — "slices.Sort;[]int;int".
package geninst

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// Path is the import path the evaluator knows the instances by.
const Path = "github.com/igolang/igo/geninst"

// Symbols is the evaluator's table (yaegi's interp.Exports form).
var Symbols = map[string]map[string]reflect.Value{
	Path + "/geninst": funcs,
}

var (
	funcs = map[string]reflect.Value{}
	keys  = map[string]string{} // key -> name in funcs
)

// Lookup returns the name of the compiled instance for key, if there is
// one.
func Lookup(key string) (string, bool) {
	n, ok := keys[key]
	return n, ok
}

func add(key string, f any) {
	name := strings.NewReplacer(".", "_", ";", "__", "[]", "S", "[", "_", "]", "_", " ", "_", ",", "_").Replace(key)
	name = strings.ToUpper(name[:1]) + name[1:] // exported: Slices_Sort__Sint__int
	funcs[name] = reflect.ValueOf(f)
	keys[key] = name
}

// ordered adds the instances for an ordered element type named e.
func ordered[E cmp.Ordered](e string) {
	s := "[]" + e
	add("slices.Sort;"+s+";"+e, slices.Sort[[]E])
	add("slices.IsSorted;"+s+";"+e, slices.IsSorted[[]E])
	add("slices.BinarySearch;"+s+";"+e, slices.BinarySearch[[]E])
	add("slices.Max;"+s+";"+e, slices.Max[[]E])
	add("slices.Min;"+s+";"+e, slices.Min[[]E])
	add("slices.Sorted;"+e, slices.Sorted[E])
	add("slices.Compact;"+s+";"+e, slices.Compact[[]E])
	add("slices.Index;"+s+";"+e, slices.Index[[]E])
	add("slices.Contains;"+s+";"+e, slices.Contains[[]E])
	add("slices.Equal;"+s+";"+e, slices.Equal[[]E])
	add("slices.Compare;"+s+";"+e, slices.Compare[[]E])
	add("slices.Reverse;"+s+";"+e, slices.Reverse[[]E])
	add("slices.Clone;"+s+";"+e, slices.Clone[[]E])
	add("slices.Collect;"+e, slices.Collect[E])
	add("slices.Values;"+s+";"+e, slices.Values[[]E])
	add("slices.SortFunc;"+s+";"+e, slices.SortFunc[[]E])
	add("slices.SortStableFunc;"+s+";"+e, slices.SortStableFunc[[]E])
	add("cmp.Compare;"+e, cmp.Compare[E])
}

// keyed adds the map instances for key type k and value type v.
func keyed[K comparable, V any](k, v string) {
	m := "map[" + k + "]" + v
	add("maps.Keys;"+m+";"+k+";"+v, maps.Keys[map[K]V])
	add("maps.Values;"+m+";"+k+";"+v, maps.Values[map[K]V])
	add("maps.All;"+m+";"+k+";"+v, maps.All[map[K]V])
	add("maps.Clone;"+m+";"+k+";"+v, maps.Clone[map[K]V])
	add("maps.Copy;"+m+";"+k+";"+v+";"+m, maps.Copy[map[K]V, map[K]V])
	add("maps.Collect;"+k+";"+v, maps.Collect[K, V])
}

func init() {
	ordered[int]("int")
	ordered[int64]("int64")
	ordered[int32]("int32")
	ordered[uint]("uint")
	ordered[uint64]("uint64")
	ordered[uint8]("uint8")
	ordered[float64]("float64")
	ordered[string]("string")
	keyedV[int]("int")
	keyedV[string]("string")
	keyedV[float64]("float64")
	keyedV[bool]("bool")
	keyedV[any]("interface{}")
	keyedV[any]("any")
}

// keyedV adds the map instances for int and string keys and value type v.
func keyedV[V any](v string) {
	keyed[int, V]("int", v)
	keyed[string, V]("string", v)
}
