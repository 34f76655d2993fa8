package igo

import (
	"context"
	"github.com/igolang/igo/autoawait"
	"go/ast"
	"go/parser"
	"go/types"
	"io"
	"strings"

	"github.com/igolang/igo/magics"
)

// env is the Shell as the magics of cell n see it.
type env struct {
	sh *Shell
	n  int
}

var _ magics.Env = (*env)(nil)

func (e *env) Stdout() io.Writer        { return e.sh.opts.Stdout }
func (e *env) Stderr() io.Writer        { return e.sh.opts.Stderr }
func (e *env) Magics() *magics.Registry { return e.sh.reg }
func (e *env) Interactive() bool        { return e.sh.opts.Interactive }

func (e *env) Confirm(q string) bool {
	if e.sh.opts.Confirm == nil || !e.sh.opts.Interactive {
		return false
	}
	return e.sh.opts.Confirm(q)
}

// Doc is the name? page, styled by Options.FormatHelp.
func (e *env) Doc(name string, detail int) (string, error) {
	doc, err := e.sh.Doc(name, detail)
	if err == nil && e.sh.opts.FormatHelp != nil {
		doc = e.sh.opts.FormatHelp(doc)
	}
	return doc, err
}

// inputEnv is env for a front end that can fill in the next prompt.
type inputEnv struct{ *env }

func (e inputEnv) SetNextInput(text string) { e.sh.opts.SetNextInput(text) }

// Eval runs code as part of cell n and returns its final value.
func (e *env) Eval(ctx context.Context, code string) (any, error) {
	v, d, err := e.sh.runGo(ctx, code, e.n, 1, "igo_value", true)
	if err != nil || d == nil || !v.IsValid() || !v.CanInterface() {
		return nil, err
	}
	return v.Interface(), nil
}

// Vars lists the session's names, without history (In, Out, _n).
func (e *env) Vars() []magics.Var {
	var vars []magics.Var
	q := e.sh.qualifier()
	for _, o := range e.sh.sess.Objects() {
		name := o.Name()
		if strings.HasPrefix(name, "_") || name == "In" || name == "Out" || name == "job" || name == "igo_value" {
			continue
		}
		v := magics.Var{Name: name, Type: types.TypeString(o.Type(), q)}
		switch o := o.(type) {
		case *types.Var:
			v.Kind = "var"
			if text, ok := e.sh.format(context.Background(), name); ok {
				v.Value = text
			} else if rv, err := e.sh.eval.Eval(context.Background(), name); err == nil && rv.IsValid() && rv.CanInterface() {
				v.Value = rv.Interface()
			}
		case *types.Const:
			v.Kind = "const"
			v.Value = o.Val().ExactString()
		case *types.Func:
			v.Kind = "func"
		case *types.TypeName:
			v.Kind = "type"
			v.Type = types.TypeString(o.Type().Underlying(), q)
		}
		vars = append(vars, v)
	}
	return vars
}

// Reset forgets the session's declarations; In and Out stay.
func (e *env) Reset() error {
	e.sh.sess.Reset()
	for k := range e.sh.out {
		delete(e.sh.out, k)
	}
	return e.sh.declareHistory()
}

func (sh *Shell) qualifier() types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == sh.sess.Package().Path() {
			return ""
		}
		return p.Name()
	}
}

// IsGoExpr says whether src (`!x` after `v :=`) is Go in this session:
// it parses, and every name in it is declared, predeclared or a package.
func (sh *Shell) IsGoExpr(src string) bool {
	x, err := parser.ParseExpr(src)
	if err != nil {
		return false
	}
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID && !sh.known(id.Name) {
					ok = false
				}
				return ok
			})
			return false
		case *ast.Ident:
			if !sh.known(n.Name) {
				ok = false
			}
		case *ast.FuncLit:
			return false
		}
		return ok
	})
	return ok
}

func (sh *Shell) known(name string) bool {
	if sh.sess.Lookup(name) != nil || types.Universe.Lookup(name) != nil {
		return true
	}
	if _, ok := sh.sess.Imports()[name]; ok {
		return true
	}
	_, ok := sh.packages[name]
	return ok
}

var _ magics.AwaitEnv = (*env)(nil)

// Autoawait is the shell's await settings.
func (e *env) Autoawait() magics.AwaitSettings {
	return magics.AwaitSettings{On: !e.sh.awaitOff, Runner: autoawait.Current(), Timeout: e.sh.timeout}
}

// SetAutoawait applies %autoawait.
func (e *env) SetAutoawait(s magics.AwaitSettings) error {
	if s.Runner != autoawait.Current() {
		if err := autoawait.Use(s.Runner); err != nil {
			return err
		}
	}
	e.sh.awaitOff, e.sh.timeout = !s.On, s.Timeout
	return nil
}

var _ magics.FileRunner = (*env)(nil)

// RunFile runs a file for %run.
func (e *env) RunFile(ctx context.Context, file string, args []string) error {
	return e.sh.RunFile(ctx, file, args)
}
