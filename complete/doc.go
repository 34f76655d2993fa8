// Package complete answers Tab in an igo session: it completes from the
// typed session, not by guessing from text.
//
// [Complete] looks at the input before the cursor and offers:
//
//   - the names of the session, of packages, predeclared names and
//     keywords, for a name ("cou" → count, countAll);
//   - the exported members of a package, with their types
//     ("strings.Rep" → Repeat, Replace, ReplaceAll, Replacer);
//   - the fields, promoted ones included, and methods of any expression's
//     type ("resp.Hea" → Header, "f(x).Na", "m[k].Sum"), found by
//     type-checking the expression against the session: nothing runs;
//   - the names a multi-line cell declares before the cursor, with their
//     types, though the cell has not run yet (loop variables, parameters,
//     `r := strings.NewReader(s)` then "r.Re");
//   - import paths inside `import "`;
//   - magic names after % and %%, their flags after "-" ("%timeit -" →
//     -n, -q, -r, from the magic's Usage), file names for a magic whose
//     synopsis takes a FILE or DIR (%run, %load, %cd, %%writefile) and
//     after a shell command, and Go for one that takes a STMT (%time).
//
// Each [Candidate] has a Detail for a list: a signature, "field
// http.Header", "var int", "package strings", a magic's synopsis.
//
//	cfg := &complete.Config{
//		Session:  sess, // the shell's *rewrite.Session
//		Importer: imp,
//		Packages: packagePath,
//		Paths:    imp.Paths,
//		Magics:   registry,
//	}
//	cands, start := complete.Complete(cfg, "strings.Rep", 11)
//	// start is 8; cands are Repeat, Replace, ReplaceAll, Replacer: the
//	// front end replaces line[start:cursor] with the chosen Text.
//
// Completing reads the session and never changes it. A member or a field
// takes microseconds in a session of a thousand cells: the expression is
// checked alone, in a scratch package holding just the session's names it
// uses.
package complete
