// Package pkgs chooses the standard library packages that igo's symbol
// table holds: the generator extracts them, and a test checks the table
// against the same choice.
package pkgs

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// List returns the packages of `go list std` that the table holds, in
// go list's order, and those it leaves out with the reason.
//
// It refuses to run with a GOEXPERIMENT: the table holds the packages of
// the toolchain's default build, never one behind an experiment
// (encoding/json/v2, encoding/json/jsontext, simd/archsimd, arena), which
// `go list std` shows only when the experiment is on.
func List() (keep []string, skipped map[string]string, err error) {
	if out, err := exec.Command("go", "env", "GOEXPERIMENT").Output(); err != nil {
		return nil, nil, fmt.Errorf("go env GOEXPERIMENT: %v", err)
	} else if x := strings.TrimSpace(string(out)); x != "" {
		return nil, nil, fmt.Errorf("GOEXPERIMENT=%s: the table is made for the default build, unset it", x)
	}
	cmd := exec.Command("go", "list", "std")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, fmt.Errorf("go list std: %v\n%s", err, stderr.Bytes())
	}
	skipped = map[string]string{}
	for _, p := range strings.Fields(string(out)) {
		if why := Excluded(p); why != "" {
			skipped[p] = why
			continue
		}
		keep = append(keep, p)
	}
	return keep, skipped, nil
}

// Excluded returns why the standard package path is left out of the
// table, or "" if it is in.
//
// The rule is yaegi's (its stdlib/stdlib.go: `go list std` without
// internal, vendor, unsafe and syscall packages), written as code. Like
// yaegi's list, the table leaves out embed, plugin, runtime/cgo,
// runtime/race and time/tzdata, for the reasons below, and os/exec,
// which yaegi keeps in stdlib/unrestricted. Yaegi's list is written out
// by hand in go:generate lines and stops at the packages of Go 1.22; this
// rule takes every other package of the toolchain, so the table also
// holds iter, unique, weak, structs, crypto/sha3,
// crypto/hkdf, crypto/pbkdf2, crypto/mlkem, crypto/mlkem/mlkemtest,
// crypto/hpke, crypto/fips140, testing/synctest, testing/cryptotest,
// runtime/coverage (Go 1.20, missing from yaegi's list) and whatever a
// later toolchain adds.
func Excluded(path string) string {
	for _, elem := range strings.Split(path, "/") {
		switch elem {
		case "internal":
			return "internal: not importable outside the standard library"
		case "vendor":
			return "vendored: not importable outside the standard library"
		}
	}
	if path == "cmd" || strings.HasPrefix(path, "cmd/") {
		return "part of the go command, not the library"
	}
	if path == "syscall" || strings.HasPrefix(path, "syscall/") {
		// yaegi's stdlib/syscall holds one table per GOOS/GOARCH; igo
		// offers none today.
		return "its API differs on each platform"
	}
	switch path {
	case "unsafe":
		// yaegi's stdlib/unsafe is a table of its own, not offered by igo.
		return "known to the compiler, not a package of functions"
	case "runtime/cgo", "plugin":
		return "needs cgo, which the evaluator cannot use"
	case "runtime/race":
		return "exists only in -race builds and has no API"
	case "embed":
		return "works only with //go:embed, which the evaluator does not process"
	case "time/tzdata":
		// Its file in the table would be empty and would not even import
		// it; importing it for its effect would add 450 kB to igo.
		return "no API: it is imported only to embed the time zone database"
	case "os/exec":
		// A table of yaegi's own, as before this package existed.
		return "igo takes it from yaegi's stdlib/unrestricted"
	}
	return ""
}
