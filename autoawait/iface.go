package autoawait

// Any returns x. Rewritten code asserts a value of an empty interface to
// an interface the program declares through it,
//
//	s, ok := autoawait.Any(x).(Shape)
//
// because the evaluator (yaegi v0.16.1) gets such an assertion right only
// on a value that compiled code returned: on its own values it fails
// ("reflect.Set: value of type interface {} is not assignable to type
// interp.valueInterface").
func Any(x any) any { return x }
