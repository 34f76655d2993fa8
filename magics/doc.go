// Package magics reads and runs IPython's special lines in Go cells: line
// magics (%name args), cell magics (%%name args and a body), shell
// commands (!cmd) and help requests (name?).
//
// [Parse] splits a cell into [Segment]s, in order: Go source, kept line for
// line so positions stay right, and the special lines between. A shell
// evaluates the Go segments itself and hands the others to [Run], which
// runs shell commands and dispatches magics through a [Registry]. A magic
// sees the shell only through the [Env] interface, and may hand Go code
// back to it with Env.Eval: that is how a timer such as %time runs its
// statement.
//
//	segs, err := magics.Parse("%cd /tmp\nfiles := !ls\nfmt.Println(len(files))", nil)
//	if err != nil {
//		return err // a scanner.ErrorList, positioned in the cell
//	}
//	for _, seg := range segs {
//		if seg.Kind == magics.GoCode {
//			shell.eval(seg.Line, seg.Text)
//			continue
//		}
//		v, err := magics.Run(ctx, shell, seg) // shell implements magics.Env
//		...
//	}
//
// A magic is a value with a [Usage], its help written once, and a Run
// method. [New] makes one from a function; [Register] adds it to the
// [Default] registry, so that every shell has it:
//
//	func init() {
//		u := magics.Usage{Name: "hello", Line: true, Args: "NAME", Summary: "Greet NAME."}
//		magics.Register(magics.New(u, func(ctx context.Context, env magics.Env, a magics.Args) (any, error) {
//			fmt.Fprintf(env.Stdout(), "hello, %s\n", a.Line)
//			return nil, nil
//		}))
//	}
//
// [Builtins] names the built-in magics. Some need more of the shell than
// Env: they ask for it with an optional interface, such as [Capturer] for
// %%capture or [InputSetter] for %load, and fail, or do less, without it.
// %lsmagic lists the magics, %quickref shows them with igo's syntax on one
// screen, and %name? shows the help of one.
package magics
