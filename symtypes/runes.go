package symtypes

// runeConsts lists the exported untyped rune constants of the standard
// library (as of Go 1.26), by import path. yaegi's extract records every
// untyped integer-like constant as an integer literal; these ones get the
// untyped rune type back, so that, e.g., r := utf8.RuneError is a rune.
var runeConsts = map[string]map[string]bool{
	"archive/tar": {
		"TypeBlock": true, "TypeChar": true, "TypeCont": true, "TypeDir": true,
		"TypeFifo": true, "TypeGNULongLink": true, "TypeGNULongName": true,
		"TypeGNUSparse": true, "TypeLink": true, "TypeReg": true,
		"TypeRegA": true, "TypeSymlink": true, "TypeXGlobalHeader": true,
		"TypeXHeader": true,
	},
	"math/big":       {"MaxBase": true},
	"os":             {"PathListSeparator": true, "PathSeparator": true},
	"path/filepath":  {"ListSeparator": true, "Separator": true},
	"text/tabwriter": {"Escape": true},
	"unicode":        {"MaxASCII": true, "MaxLatin1": true, "MaxRune": true, "ReplacementChar": true, "UpperLower": true},
	"unicode/utf8":   {"MaxRune": true, "RuneError": true},
}
