package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// RuntimePath is the import path of the runtime that rewritten code calls
// (goroutine panic transport today; await tasks later).
const RuntimePath = "github.com/igolang/igo/autoawait"

// Options place a cell and say what to do with its value. A nil *Options
// is valid: the cell is named "cell", starts at line 1 and shows nothing.
type Options struct {
	// Name is the file name in positions: In[3] gives "In[3]:2:7: ...".
	Name string
	// Line is the line number, in the cell, of code's first line.
	Line int
	// Display names the variable that receives the value of a final
	// expression ("_3"); empty means the value is not kept.
	Display string
	// Scratch says the display variable is a temporary: __ and ___ do not
	// count it.
	Scratch bool
	// NoAwait turns the await operator off (%autoawait off): `await x` is
	// then an error that says how to turn it on.
	NoAwait bool
}

// A Chunk is one input for the evaluator: declarations or statements,
// never both, in the order they must run.
type Chunk struct {
	Src     string
	Decl    bool     // declarations only (func, type, var, const, import)
	Display bool     // the cell's final expression, bound to Options.Display
	Names   []string // session names the chunk declares
}

// Display describes the value a cell shows.
type Display struct {
	Name string     // the variable holding it ("_3")
	Type types.Type // its static type
}

// Result is a rewritten cell.
type Result struct {
	Chunks  []Chunk
	Display *Display // nil when the cell shows nothing
	Imports []string // import paths the cell added to the session
}

// Source joins the chunks as one text, for reading.
func (r *Result) Source() string {
	var parts []string
	for _, c := range r.Chunks {
		parts = append(parts, c.Src)
	}
	return strings.Join(parts, "\n")
}

// Error is a syntax, type or rewrite error in the user's coordinates:
// Pos.Filename is Options.Name, so it prints as "In[3]:2:7: undefined: x".
// It is go/scanner's error, so that tools that shift or sort positions
// handle all three alike.
type Error = scanner.Error

// Cell rewrites one cell of Go against the session: it parses the cell,
// type-checks it against what earlier cells declared, runs the passes and
// prints the chunks to evaluate. On success the session knows the cell's
// declarations; on error the session is as it was.
func Cell(s *Session, code string, opts *Options) (*Result, error) {
	st := &state{s: s, src: []byte(code)}
	if opts != nil {
		st.opts = *opts
	}
	if st.opts.Name == "" {
		st.opts.Name = "cell"
	}
	if st.opts.Line == 0 {
		st.opts.Line = 1
	}
	src, marks := st.src, map[int]bool(nil)
	if s.Lookup("await") == nil {
		src, marks = markAwaits(st.src)
	}
	if len(marks) > 0 && st.opts.NoAwait {
		first := len(src)
		for off := range marks {
			first = min(first, off)
		}
		l, c := lineCol(lineStarts(st.src), first)
		return nil, &Error{Pos: token.Position{Filename: st.opts.Name, Line: l + st.opts.Line - 1, Column: c},
			Msg: "await is off: turn it on with %autoawait on"}
	}
	p, err := parseCell(s.fset, src, st.opts.Name, st.opts.Line)
	if err != nil {
		return nil, toError(err)
	}
	st.units = p.units
	st.findAwaits(marks)
	for _, ps := range pipeline {
		if err := ps.run(st); err != nil {
			return nil, toError(err)
		}
	}
	return st.result, nil
}

// A pass is one step of the pipeline.
type pass struct {
	name, doc string
	run       func(*state) error
}

var pipeline = []pass{
	{"retype", "a type is declared once; re-running its cell leaves it out", (*state).retype},
	{"collect", "find the names and imports the cell declares", (*state).collect},
	{"history", "__ and ___ name the last two displayed values", (*state).history},
	{"autoimport", "import standard packages used without an import", (*state).autoImport},
	{"check", "type-check against the session", (*state).check},
	{"instantiate", "generic code becomes a copy per list of type arguments", (*state).instances},
	{"rangeint", "range over an integer becomes a counted loop (Go 1.22)", (*state).rangeInt},
	{"rangefunc", "range over a function becomes a call with the body as yield (Go 1.23)", (*state).rangeFunc},
	{"rangeassign", "a range loop assigning x[i] or p.f assigns its values as one tuple", (*state).rangeAssign},
	{"clear", "the builtin clear becomes a loop that deletes or zeroes", (*state).clearBuiltin},
	{"switchtag", "a switch comparing an interface with values of other types, or with several conditions in a case, compares one by one", (*state).switchTags},
	{"selectrecv", "a select case assigning what it receives defines variables, then assigns them", (*state).selectRecv},
	{"tupleassign", "assignments of several values run in a form the evaluator gets right", (*state).tupleAssign},
	{"funcvalue", "a declared function used as a value is a function literal calling it", (*state).funcValues},
	{"ifaceassert", "an empty interface is asserted to an interface of the program through autoawait.Any", (*state).ifaceAsserts},
	{"rawassert", "an empty interface asserted to an interface of the program also tries the program's struct types that implement it", (*state).rawAsserts},
	{"ifaceeq", "an interface compared with a value of the program tests the value's type and then the value", (*state).ifaceEquals},
	{"methodexpr", "method expressions become function literals", (*state).methodExprs},
	{"methodcall", "methods of an embedded interface, or of a conversion to an interface, are selected directly", (*state).methodCalls},
	{"makechan", "make of a one-way channel type makes a channel and converts it", (*state).makeChans},
	{"unsafeconst", "unsafe.Offsetof becomes its constant; a returned Sizeof or Alignof is parenthesized", (*state).unsafeConsts},
	{"printtuple", "print and println of a call of several values print its values from variables", (*state).printTuples},
	{"typeswitch", "type switches with interface cases test them in order with comma-ok assertions", (*state).typeSwitches},
	{"loopvar", "each loop iteration has its own variables (Go 1.22)", (*state).loopVars},
	{"display", "bind a final expression to the display variable", (*state).display},
	{"await", "lower await to tasks of the runtime", (*state).lowerAwaits},
	{"recvstore", "a receive stored whole into a variable or a result is parenthesized", (*state).recvStores},
	{"arraylen", "len and cap of a pointer to an array are the array's length", (*state).arrayLen},
	{"tuplenil", "type a nil in a tuple assignment", (*state).tupleNil},
	{"goguard", "report panics of goroutines the cell starts", (*state).goGuard},
	{"minmax", "the builtins min and max become their constant or a call of a typed function", (*state).minMax},
	{"liftlits", "stored function literals become declared functions", (*state).liftLits},
	{"namedresults", "functions with named results zero them first", (*state).namedResults},
	{"hoist", "declarations before the statements that use them", (*state).hoist},
	{"blocks", "type switches at the top level run in a block", (*state).blocks},
	{"print", "print the chunks for the evaluator", (*state).print},
}

// state is one cell on its way through the pipeline.
type state struct {
	s     *Session
	opts  Options
	src   []byte
	units []unit

	declared  map[string]bool // top-level names the cell declares
	order     []string        // the same, in order
	userSpecs []*ast.ImportSpec
	checkImp  map[string]string // name -> path, for the checker
	evalImp   map[string]string // name -> path, new for the evaluator
	methods   []*extMethod      // methods on types of earlier cells
	info      *types.Info
	last      *ast.ExprStmt // a final expression statement
	lastSemi  bool
	shown     *Display
	needRT    bool
	awaits    []*awaitSite
	gen       *cellInstances // generic code to instantiate, found by check
	loops     int            // loop variables renamed so far
	err       error          // found while building the checker's view
	result    *Result
}

// toError turns a type checker's error into an *Error; parser errors
// (scanner.Error) already read name:line:col.
func toError(err error) error {
	var te types.Error
	if errors.As(err, &te) {
		return &Error{Pos: te.Fset.Position(te.Pos), Msg: te.Msg}
	}
	return err
}

func (st *state) errorf(pos token.Pos, format string, args ...any) error {
	return &Error{Pos: st.s.fset.Position(pos), Msg: fmt.Sprintf(format, args...)}
}

// collect records the cell's top-level names and imports.
func (st *state) collect() error {
	st.declared = map[string]bool{}
	for i, u := range st.units {
		for _, name := range unitNames(u) {
			if name != "init" && !st.declared[name] {
				st.declared[name] = true
				st.order = append(st.order, name)
			}
		}
		if gd, ok := u.decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			for _, sp := range gd.Specs {
				st.userSpecs = append(st.userSpecs, sp.(*ast.ImportSpec))
			}
		}
		if fd, ok := u.decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			return st.errorf(fd.Name.Pos(), "a cell cannot declare func main: the evaluator would run it with every later cell (run programs with igo FILE.go)")
		}
		if es, ok := u.stmt.(*ast.ExprStmt); ok && i == len(st.units)-1 {
			st.last, st.lastSemi = es, u.semi
		}
	}
	return nil
}

// history renames __ and ___ to the display variables they stand for.
//
//	__  =>  _4   (the value shown before the last one)
func (st *state) history() error {
	outs := st.s.outs
	if st.declared["__"] || st.declared["___"] {
		return nil
	}
	for _, u := range st.units {
		ast.Inspect(u.node(), func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch {
			case id.Name == "__" && len(outs) >= 2:
				id.Name = outs[len(outs)-2]
			case id.Name == "___" && len(outs) >= 3:
				id.Name = outs[len(outs)-3]
			}
			return true
		})
	}
	return nil
}

func (u unit) node() ast.Node {
	if u.decl != nil {
		return u.decl
	}
	return u.stmt
}

// importName is the name an import spec binds.
func (st *state) importName(sp *ast.ImportSpec) (name, path string, err error) {
	path, err = strconv.Unquote(sp.Path.Value)
	if err != nil {
		return "", "", st.errorf(sp.Path.Pos(), "invalid import path %s", sp.Path.Value)
	}
	if sp.Name != nil {
		return sp.Name.Name, path, nil
	}
	pkg, err := st.s.conf.Importer.Import(path)
	if err != nil {
		return "", "", st.errorf(sp.Path.Pos(), "could not import %s (%v)", path, err)
	}
	return pkg.Name(), path, nil
}
