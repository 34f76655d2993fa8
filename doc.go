// Package igo is IPython's interactive experience for Go: a Shell that
// runs cells of Go, with magics, on an embedded evaluator (yaegi).
//
// A cell mixes declarations, imports and statements in any order; it is
// type-checked against what earlier cells declared before anything runs,
// so errors name the user's own line and column:
//
//	sh, _ := igo.New(nil)
//	res, err := sh.Run(ctx, "x := 20\nx * 2")
//	// res.Text == "40"; sh.Run(ctx, "y") fails with "In[2]:1:1: undefined: y"
//
// Front ends (the igo command's terminal, scripts, the Jupyter kernel) all
// go through Shell.Run. The pieces are packages of their own: rewrite (cell
// to Go source), magics (%name and friends), autoawait (the runtime
// rewritten code calls), symtypes (package types from an evaluator's
// symbol table).
package igo
