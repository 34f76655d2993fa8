#!/usr/bin/python3
"""Type cells into jupyter-console in a pseudo-terminal, as a user would.

    /usr/bin/python3 console.py [--kernel igo]

Each step sends a line and waits for the next `In [n]:` prompt; what the
console printed in between must match. Prints PASS/FAIL lines like
driver.py and exits 1 on a failure.
"""

import argparse
import re
import sys
import time

import pexpect

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# (cell, regular expression its output must match)
STEPS = [
    ("x := 41", r"^$"),
    ("await time.After(10*time.Millisecond); x+1", r"^Out\[2\]: 42$"),
    ('fmt.Println("hi")', r"^hi$"),
    ("undefined_name + 1", r"In\[4\].*undefined"),
    ("strings.Repeat(\"ab\", 2)", r'^Out\[5\]: "?abab"?$'),
]


def diagnose(console_pid):
    """Whether the console's kernel still answers another client: tells a
    stuck kernel from a stuck console."""
    import os
    from jupyter_client import BlockingKernelClient

    for pid in os.listdir("/proc"):
        try:
            with open("/proc/%s/stat" % pid) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv = f.read().decode().split("\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid != console_pid or "-f" not in argv:
            continue
        kc = BlockingKernelClient(connection_file=argv[argv.index("-f") + 1])
        kc.load_connection_file()
        kc.start_channels()
        try:
            kc.kernel_info(reply=True, timeout=5)
            msg = kc.execute("1", reply=True, timeout=5)
            return "the kernel (pid %s) still answers another client: execute_reply %s" % (
                pid, msg["content"]["status"])
        except Exception as e:
            return "the kernel (pid %s) does not answer another client either: %s: %s" % (
                pid, type(e).__name__, e)
        finally:
            kc.stop_channels()
    return "no kernel process found under the console (pid %d)" % console_pid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="igo")
    args = ap.parse_args()
    t0 = time.monotonic()
    c = pexpect.spawn(
        "/usr/bin/jupyter-console",
        ["--kernel", args.kernel, "--simple-prompt", "--ZMQTerminalInteractiveShell.kernel_timeout=60"],
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 200),
    )
    failed = 0
    try:
        c.expect(r"In \[1\]: ")
    except (pexpect.TIMEOUT, pexpect.EOF):
        print("FAIL console start: no In [1]: prompt; got %r" % ANSI.sub("", c.before or ""))
        return 1
    print("console ready in %.0f ms" % ((time.monotonic() - t0) * 1000))
    for n, (cell, want) in enumerate(STEPS, 1):
        c.sendline(cell)
        try:
            c.expect(r"In \[%d\]: " % (n + 1))
        except (pexpect.TIMEOUT, pexpect.EOF):
            failed += 1
            print("FAIL console cell %d %r: no In [%d]: prompt; got %r"
                  % (n, cell, n + 1, ANSI.sub("", c.before or "")))
            print("  " + diagnose(c.pid))
            break
        out = ANSI.sub("", c.before).replace("\r", "")
        # The console echoes the line typed; what follows is the output.
        out = out.split("\n", 1)[1] if "\n" in out else ""
        out = out.strip("\n")
        if re.search(want, out, re.M | re.S) or (want == r"^$" and out == ""):
            print("PASS console cell %d %r" % (n, cell))
        else:
            failed += 1
            print("FAIL console cell %d %r: want output matching %r; got %r" % (n, cell, want, out))
    # `exit` leaves when the kernel answers with IPython's ask_exit
    # payload; otherwise Ctrl-D and the console's own question do.
    c.sendline("exit")
    try:
        c.expect(pexpect.EOF, timeout=10)
        print("PASS console exit (ask_exit payload)")
    except pexpect.TIMEOUT:
        print("NOTE console: `exit` did not leave jupyter-console (no ask_exit payload); using Ctrl-D")
        c.sendeof()
        try:
            if c.expect([r"exit \(\[y\]/n\)\?", pexpect.EOF], timeout=10) == 0:
                c.sendline("y")
                c.expect(pexpect.EOF, timeout=15)
            print("PASS console exit (Ctrl-D)")
        except pexpect.TIMEOUT:
            failed += 1
            print("FAIL console exit: still running after Ctrl-D; got %r" % ANSI.sub("", c.before or ""))
            c.terminate(force=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
