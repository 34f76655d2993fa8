package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/igolang/igo"
	"github.com/igolang/igo/history"
	"github.com/igolang/igo/kernel"
)

const kernelUsage = `Usage:
  igo kernel -f CONNECTION_FILE
      serve igo to Jupyter: Jupyter runs this, with the connection file
      it wrote, for a notebook or console using the igo kernel
  igo kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
      install the kernelspec, so that Jupyter offers "Go (igo)":
        --user        in the user's Jupyter data directory ($JUPYTER_DATA_DIR,
                      else ~/.local/share/jupyter on Linux); the default
        --sys-prefix  in the Python environment of python3 (sys.prefix)
        --prefix DIR  in DIR/share/jupyter/kernels
        --name NAME   the kernelspec's name (default igo)
`

// kernelCommand runs `igo kernel ...`.
func kernelCommand(args []string) error {
	if len(args) > 0 && args[0] == "install" {
		return kernelInstall(args[1:])
	}
	fs := flag.NewFlagSet("igo kernel", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	file := fs.String("f", "", "connection file")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Stdout.WriteString(kernelUsage)
			return nil
		}
		return fmt.Errorf("kernel: %v (see igo kernel --help)", err)
	}
	if *file == "" || fs.NArg() > 0 {
		return errors.New("kernel: want -f CONNECTION_FILE (see igo kernel --help)")
	}
	conn, err := kernel.ReadConnectionFile(*file)
	if err != nil {
		return err
	}
	hist, err := history.Open(history.Dir())
	if err != nil {
		fmt.Fprintln(os.Stderr, "warning:", err)
	}
	defer hist.Close()
	k, err := kernel.New(conn, &kernel.Options{
		Version:       moduleVersion(),
		Shell:         &igo.Options{History: hist},
		CaptureOutput: runtime.GOOS != "windows",
	})
	if err != nil {
		return err
	}
	// SIGINT stops the running cell, as Ctrl-C does at the terminal; the
	// kernel stays.
	defer k.HandleSignals()()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exitWithParent(cancel)
	return k.Run(ctx)
}

// exitWithParent calls stop once the process that started the kernel
// has gone, when that is Jupyter (it sets JPY_PARENT_PID), as ipykernel
// does: a client that dies without a shutdown_request would otherwise
// leave the kernel running for ever. On Unix, an orphan's parent changes.
func exitWithParent(stop func()) {
	ppid := os.Getppid()
	if os.Getenv("JPY_PARENT_PID") == "" || ppid <= 1 || runtime.GOOS == "windows" {
		return
	}
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != ppid {
				stop()
				return
			}
		}
	}()
}

// kernelInstall runs `igo kernel install`.
func kernelInstall(args []string) error {
	fs := flag.NewFlagSet("igo kernel install", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	user := fs.Bool("user", false, "install for the user")
	sysPrefix := fs.Bool("sys-prefix", false, "install in python3's sys.prefix")
	prefix := fs.String("prefix", "", "install in DIR/share/jupyter/kernels")
	name := fs.String("name", kernel.DefaultName, "kernelspec name")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Stdout.WriteString(kernelUsage)
			return nil
		}
		return fmt.Errorf("kernel install: %v (see igo kernel --help)", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("kernel install: unexpected argument %q (see igo kernel --help)", fs.Arg(0))
	}
	n := 0
	for _, set := range []bool{*user, *sysPrefix, *prefix != ""} {
		if set {
			n++
		}
	}
	if n > 1 {
		return errors.New("kernel install: choose one of --user, --sys-prefix and --prefix")
	}
	var dir string
	var err error
	switch {
	case *sysPrefix:
		dir, err = kernel.SysPrefixKernelsDir("python3")
	case *prefix != "":
		dir = kernel.PrefixKernelsDir(*prefix)
	default:
		dir, err = kernel.UserKernelsDir()
	}
	if err != nil {
		return fmt.Errorf("kernel install: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("kernel install: %w", err)
	}
	written, err := kernel.NewSpec(exe).Install(dir, *name)
	if err != nil {
		return fmt.Errorf("kernel install: %w", err)
	}
	fmt.Printf("Installed kernelspec %s in %s\n", *name, written)
	return nil
}
