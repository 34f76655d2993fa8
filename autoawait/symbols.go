package autoawait

import (
	"context"
	"reflect"
)

// Symbols exports this package to an interpreter, in the form yaegi's
// interp.Use takes: keys are "importpath/name".
var Symbols = map[string]map[string]reflect.Value{
	"github.com/igolang/igo/autoawait/autoawait": {
		// cells
		"Begin":   reflect.ValueOf(Begin),
		"Context": reflect.ValueOf(Context),

		// runners
		"Runner":   reflect.ValueOf((*Runner)(nil)),
		"Register": reflect.ValueOf(Register),
		"Lookup":   reflect.ValueOf(Lookup),
		"Names":    reflect.ValueOf(Names),
		"Use":      reflect.ValueOf(Use),
		"Current":  reflect.ValueOf(Current),

		// what rewritten code calls
		"Do":          reflect.ValueOf(Do),
		"Check":       reflect.ValueOf(Check),
		"Wait":        reflect.ValueOf(Wait),
		"Start":       reflect.ValueOf(Start),
		"Error":       reflect.ValueOf((*Error)(nil)),
		"Interrupted": reflect.ValueOf((*Interrupted)(nil)),
		"PanicError":  reflect.ValueOf((*PanicError)(nil)),
		"RangeError":  reflect.ValueOf((*RangeError)(nil)),
		"RangePanic":  reflect.ValueOf(RangePanic),
		"Defers":      reflect.ValueOf((*Defers)(nil)),
		"Any":         reflect.ValueOf(Any),

		// background tasks
		"Task":      reflect.ValueOf((*Task)(nil)),
		"Spawn":     reflect.ValueOf(Spawn),
		"Tasks":     reflect.ValueOf(Tasks),
		"Job":       reflect.ValueOf(Job),
		"Abandoned": reflect.ValueOf(Abandoned),

		// goroutines
		"Inline":          reflect.ValueOf(Inline),
		"Result":          reflect.ValueOf(Result),
		"InlineSelected":  reflect.ValueOf(&InlineSelected).Elem(),
		"Await":           reflect.ValueOf(Await),
		"Go":              reflect.ValueOf(Go),
		"SetPanicHandler": reflect.ValueOf(SetPanicHandler),
		"Unwrap":          reflect.ValueOf(Unwrap),
		"PanicHandler":    reflect.ValueOf((*PanicHandler)(nil)),

		// interface wrappers, for interpreted types that implement them
		"_Runner": reflect.ValueOf((*_github_com_igolang_igo_autoawait_Runner)(nil)),
	},
}

// _github_com_igolang_igo_autoawait_Runner lets a type declared in
// interpreted code implement Runner, in the form yaegi's extract
// generates.
type _github_com_igolang_igo_autoawait_Runner struct {
	IValue any
	WRun   func(ctx context.Context, task func() error) error
}

func (W _github_com_igolang_igo_autoawait_Runner) Run(ctx context.Context, task func() error) error {
	return W.WRun(ctx, task)
}
