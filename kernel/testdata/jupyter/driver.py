#!/usr/bin/python3
"""Drive a Jupyter kernel with jupyter_client, as a real front end would.

    /usr/bin/python3 driver.py [--kernel igo] [--only NAME[,NAME...]]

Starts the kernel with KernelManager(kernel_name=...) from the installed
kernelspec, connects a BlockingKernelClient and runs named checks in order
(later checks use variables earlier ones defined). Prints one
`PASS name`, `FAIL name: why` or `SKIP name: why` line per check and exits 1
when any check failed. jupyter_kernel_test's idea, without its dependency.
"""

import argparse
import gc
import queue
import re
import sys
import time
import traceback

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

km = None
kc = None


class Fail(Exception):
    pass


class Skip(Exception):
    pass


def expect(cond, what, got=None):
    """Fails the current check unless cond holds."""
    if not cond:
        msg = what
        if got is not None:
            msg += "; got " + repr(got)
        raise Fail(msg)


def plain(text):
    return ANSI.sub("", text)


# --- talking to the kernel -------------------------------------------------


def shell_reply(msg_id, timeout=10.0):
    """Waits for the shell reply whose parent is msg_id (others are dropped)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Fail("no shell reply to %s within %.1f s" % (msg_id[:8], timeout))
        try:
            msg = kc.get_shell_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


class Run:
    """One execute_request: its reply, iopub messages and stdin requests."""

    def __init__(self):
        self.msg_id = None
        self.reply = None
        self.iopub = []
        self.stdin = []
        self.seconds = None

    @property
    def content(self):
        return self.reply["content"]

    def outputs(self, kind):
        return [m for m in self.iopub if m["header"]["msg_type"] == kind]

    def stream(self, name):
        return "".join(
            m["content"]["text"]
            for m in self.outputs("stream")
            if m["content"]["name"] == name
        )

    def data(self, mime="text/plain"):
        """Text of mime in execute_result and display_data messages."""
        out = []
        for m in self.iopub:
            if m["header"]["msg_type"] in ("execute_result", "display_data"):
                v = m["content"]["data"].get(mime)
                if v is not None:
                    out.append(v if isinstance(v, str) else repr(v))
        return "\n".join(out)

    def result(self):
        res = self.outputs("execute_result")
        return res[0]["content"]["data"].get("text/plain", "") if res else None

    def describe(self):
        kinds = [m["header"]["msg_type"] for m in self.iopub]
        return "reply=%r stdin=%r iopub=%r" % (
            self.reply and self.reply["content"],
            [m["header"]["msg_type"] for m in self.stdin],
            [
                (k, m["content"])
                for k, m in zip(kinds, self.iopub)
                if k not in ("status", "execute_input")
            ],
        )


def execute(code, timeout=30.0, allow_stdin=False, answer=None, during=None):
    """Runs code and collects everything until both the reply and idle came.

    answer is sent with kc.input for each input_request; during(run) is
    called once the request is sent (used to interrupt)."""
    run = Run()
    start = time.monotonic()
    run.msg_id = kc.execute(code, allow_stdin=allow_stdin, stop_on_error=False)
    if during:
        during(run)
    deadline = start + timeout
    idle = False
    while run.reply is None or not idle:
        if time.monotonic() > deadline:
            raise Fail(
                "execute %r: no %s within %.1f s (%s)"
                % (code, "reply" if run.reply is None else "idle", timeout, run.describe())
            )
        if allow_stdin:
            try:
                req = kc.get_stdin_msg(timeout=0)
                run.stdin.append(req)
                kc.input(answer if answer is not None else "")
            except queue.Empty:
                pass
        if run.reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0)
                if msg["parent_header"].get("msg_id") == run.msg_id:
                    run.reply = msg
                    run.seconds = time.monotonic() - start
            except queue.Empty:
                pass
        try:
            msg = kc.get_iopub_msg(timeout=0.01)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != run.msg_id:
            continue
        run.iopub.append(msg)
        if (
            msg["header"]["msg_type"] == "status"
            and msg["content"]["execution_state"] == "idle"
        ):
            idle = True
    return run


def ok(code, **kw):
    """Runs code and fails unless it ended with status ok."""
    run = execute(code, **kw)
    expect(
        run.content["status"] == "ok",
        "execute %r: want status ok" % code,
        run.describe(),
    )
    return run


def responsive(timeout):
    """Whether an execute_request is answered within timeout seconds."""
    try:
        msg_id = kc.execute("1", stop_on_error=False)
        shell_reply(msg_id, timeout)
        return True
    except Fail:
        return False


def recover(after):
    """After a failed check, gets an unresponsive kernel going again (an
    interrupt, else a restart that redefines what later checks use), so
    that one failure does not fail the checks after it."""
    if responsive(3):
        return
    print("  NOTE kernel unresponsive after %s: interrupting it" % after)
    km.interrupt_kernel()
    if responsive(5):
        return
    print("  NOTE still unresponsive: restarting it")
    km.restart_kernel(now=True)
    kc.wait_for_ready(timeout=60)
    execute("x := 41; type Pt struct { Xpos, Ypos int }; pt := Pt{1, 2}")


# --- the checks ------------------------------------------------------------

CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


@check
def heartbeat():
    deadline = time.monotonic() + 10
    while not kc.hb_channel.is_beating():
        expect(time.monotonic() < deadline, "heartbeat channel not beating after 10 s")
        time.sleep(0.1)


@check
def kernel_info():
    reply = kc.kernel_info(reply=True, timeout=10)
    c = reply["content"]
    expect(c.get("status") == "ok", "kernel_info_reply status ok", c)
    expect(c.get("protocol_version") == "5.3", "protocol_version 5.3", c.get("protocol_version"))
    li = c.get("language_info", {})
    expect(li.get("name") == "go", "language_info.name go", li)
    expect(c.get("implementation"), "implementation set", c)


@check
def execute_await_value():
    ok("x := 41")
    run = ok("await time.After(10*time.Millisecond); x+1")
    res = run.result()
    expect(res is not None, "an execute_result", run.describe())
    expect("42" in res, "execute_result text/plain contains 42", res)


@check
def iopub_protocol():
    run = ok("x + 2")
    kinds = [m["header"]["msg_type"] for m in run.iopub]
    expect(kinds and kinds[0] == "status", "iopub starts with status busy", kinds)
    expect(run.iopub[0]["content"]["execution_state"] == "busy", "first status busy", kinds)
    expect(kinds[-1] == "status", "iopub ends with status idle", kinds)
    expect("execute_input" in kinds, "an execute_input message", kinds)
    ei = run.outputs("execute_input")[0]["content"]
    expect(ei["code"] == "x + 2", "execute_input.code is the cell", ei)
    n = run.content.get("execution_count")
    expect(isinstance(n, int) and n > 0, "execute_reply.execution_count > 0", n)
    res = run.outputs("execute_result")
    expect(res, "an execute_result", kinds)
    expect(
        res[0]["content"]["execution_count"] == n,
        "execute_result.execution_count == execute_reply's (%r)" % n,
        res[0]["content"],
    )
    expect(ei.get("execution_count") == n, "execute_input.execution_count == %r" % n, ei)
    expect("43" in res[0]["content"]["data"]["text/plain"], "x + 2 is 43", res[0]["content"])
    nxt = ok("x")
    expect(
        nxt.content["execution_count"] == n + 1,
        "execution_count increments to %d" % (n + 1),
        nxt.content,
    )


@check
def error_cell():
    run = execute("undefined_name + 1")
    c = run.content
    expect(c["status"] == "error", "status error", c)
    expect(c.get("ename"), "ename set", c)
    expect(c.get("evalue"), "evalue set", c)
    errs = run.outputs("error")
    expect(errs, "an iopub error message", run.describe())
    tb = plain("\n".join(errs[0]["content"].get("traceback", [])))
    expect("In[" in tb, "traceback mentions In[ position", tb)
    expect("undefined_name" in tb + c["evalue"], "error names undefined_name", tb)


@check
def stdout_stream():
    run = ok('fmt.Println("hi")')
    expect(run.stream("stdout") == "hi\n", 'stdout stream "hi\\n"', run.describe())


@check
def stdout_from_goroutine():
    run = ok(
        'done := make(chan bool); go func() { fmt.Println("from goroutine"); '
        "done <- true }(); await done"
    )
    expect(
        "from goroutine\n" in run.stream("stdout"),
        "stdout stream from the goroutine",
        run.describe(),
    )


@check
def stderr_stream():
    run = ok('fmt.Fprintln(os.Stderr, "to stderr")')
    expect(run.stream("stderr") == "to stderr\n", "stderr stream", run.describe())


@check
def interrupt():
    def later(run):
        time.sleep(0.5)
        run.interrupted_at = time.monotonic()
        km.interrupt_kernel()

    start = time.monotonic()
    run = execute("await time.After(time.Hour)", timeout=15, during=later)
    after = time.monotonic() - run.interrupted_at
    c = run.content
    expect(c["status"] == "error", "status error after interrupt", c)
    expect(c.get("ename") == "Interrupted", "ename Interrupted", c.get("ename"))
    expect(after < 3, "reply within 3 s of the interrupt", "%.2f s" % after)
    res = ok("x").result()
    expect(res is not None and "41" in res, "x is still 41 after the interrupt", res)
    print("  interrupt: reply %.0f ms after interrupt_request (cell ran %.2f s)"
          % (after * 1000, time.monotonic() - start))


def complete(code, cursor=None):
    cursor = len(code) if cursor is None else cursor
    reply = kc.complete(code, cursor, reply=True, timeout=10)
    c = reply["content"]
    expect(c.get("status") == "ok", "complete_reply status ok", c)
    return c


def completes_to(code, want):
    """The completions of code: one must turn code into want."""
    c = complete(code)
    s, e = c.get("cursor_start"), c.get("cursor_end")
    expect(isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(code),
           "cursor_start/cursor_end within the code", c)
    got = [code[:s] + m + code[e:] for m in c.get("matches", [])]
    expect(want in got, "a match completing %r to %r" % (code, want), c)


@check
def complete_package_member():
    completes_to("strings.Rep", "strings.Repeat")


@check
def complete_struct_field():
    ok("type Pt struct { Xpos, Ypos int }; pt := Pt{1, 2}")
    completes_to("pt.Xp", "pt.Xpos")
    completes_to("fmt.Println(pt.Y", "fmt.Println(pt.Ypos")


@check
def inspect():
    code = "strings.Repeat"
    reply = kc.inspect(code, len(code), 0, reply=True, timeout=10)
    c = reply["content"]
    expect(c.get("status") == "ok", "inspect_reply status ok", c)
    expect(c.get("found") is True, "found", c)
    text = plain(c.get("data", {}).get("text/plain", ""))
    expect("Repeat" in text, "text/plain mentions Repeat", text)


def is_complete(code):
    c = shell_reply(kc.is_complete(code))["content"]
    return c


@check
def is_complete_request():
    c = is_complete("func f() {")
    expect(c.get("status") == "incomplete", "func f() { is incomplete", c)
    c = is_complete("1+1")
    expect(c.get("status") == "complete", "1+1 is complete", c)


@check
def input_request():
    code = "var s string; fmt.Scanln(&s); s"
    try:
        run = execute(code, allow_stdin=True, answer="hello", timeout=10)
    except Fail as e:
        raise Fail("%s%s" % (e, input_reply_diagnosis()))
    expect(run.stdin, "an input_request on stdin", run.describe())
    req = run.stdin[0]
    expect(req["header"]["msg_type"] == "input_request", "msg_type input_request", req["header"])
    expect(run.content["status"] == "ok", "status ok", run.describe())
    res = run.result()
    expect(res is not None and "hello" in res, "result contains hello", run.describe())


def input_reply_diagnosis():
    """Why input failed: is it the input_reply without a parent_header that
    jupyter_client's kc.input() sends (ipykernel accepts it)?"""
    recover("input_request")
    run = Run()
    run.msg_id = kc.execute("var s2 string; fmt.Scanln(&s2); s2", allow_stdin=True)
    try:
        req = kc.get_stdin_msg(timeout=5)
    except queue.Empty:
        return "; and no input_request came for a second try"
    kc.stdin_channel.send(kc.session.msg("input_reply", {"value": "hello"}, parent=req["header"]))
    try:
        reply = shell_reply(run.msg_id, timeout=5)
    except Fail:
        return "; an input_reply with parent_header set to the input_request's header is not answered either"
    return (
        "; with parent_header set to the input_request's header the cell ends (status %s): "
        "the kernel drops the input_reply of jupyter_client's kc.input(), which has an "
        "empty parent_header" % reply["content"]["status"]
    )


@check
def bad_signature():
    bad = Session(
        key=b"wrong",
        signature_scheme=kc.session.signature_scheme,
        username=kc.session.username,
    )
    msg = kc.session.msg(
        "execute_request",
        {
            "code": "forged := 1",
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )
    bad.send(kc.shell_channel.socket, msg)
    forged = msg["header"]["msg_id"]
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        for get in (kc.get_shell_msg, kc.get_iopub_msg):
            try:
                m = get(timeout=0.05)
            except queue.Empty:
                continue
            expect(
                m["parent_header"].get("msg_id") != forged,
                "no message in answer to a request with a wrong signature",
                m["header"]["msg_type"],
            )
    res = ok("x").result()
    expect(res is not None and "41" in res, "a good execute after it still works", res)
    run = execute("forged")
    expect(
        run.content["status"] == "error" and "undefined" in run.content.get("evalue", ""),
        "the forged cell did not run (forged is undefined)",
        run.describe(),
    )


@check
def history():
    try:
        reply = kc.history(
            raw=True, output=False, hist_access_type="tail", n=100, reply=True, timeout=5
        )
    except (TimeoutError, queue.Empty):
        raise Skip("no history_reply within 5 s (history_request not implemented)")
    c = reply["content"]
    if c.get("status") != "ok" or not c.get("history"):
        raise Skip("history_request not implemented: %r" % (c,))
    inputs = [h[2] for h in c["history"]]
    expect("x := 41" in inputs, "tail history contains the cell `x := 41`", inputs[-10:])
    for h in c["history"]:
        expect(len(h) == 3 and isinstance(h[1], int), "entries are (session, line, input)", h)


@check
def comm_info():
    try:
        reply = kc.comm_info(reply=True, timeout=5)
    except (TimeoutError, queue.Empty):
        raise Fail("no comm_info_reply within 5 s (JupyterLab sends comm_info_request)")
    c = reply["content"]
    expect(c.get("status") == "ok" and "comms" in c, "comm_info_reply status ok with comms", c)


@check
def restart():
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    reply = kc.kernel_info(reply=True, timeout=10)
    expect(reply["content"].get("status") == "ok", "kernel_info after restart", reply["content"])
    run = execute("x")
    expect(
        run.content["status"] == "error",
        "x is undefined in the restarted (fresh) session",
        run.describe(),
    )
    res = ok("y := 2; y * 21").result()
    expect(res is not None and "42" in res, "the new session computes", res)


@check
def shutdown():
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    reply = kc.shutdown(reply=True, timeout=10)
    c = reply["content"]
    expect(c.get("status") == "ok" and c.get("restart") is False, "shutdown_reply", c)
    if proc is None:
        raise Skip("shutdown_reply ok; cannot see the kernel process to check it exited")
    try:
        code = proc.wait(timeout=5)
    except Exception:
        raise Fail("the kernel did not exit within 5 s of shutdown_request")
    expect(code == 0, "exit status 0 after shutdown_request", code)


def main():
    global km, kc
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="igo")
    ap.add_argument("--only", default="", help="comma-separated check names")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))

    km = KernelManager(kernel_name=args.kernel)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
    except RuntimeError as e:
        print("FAIL start: kernel not ready within 60 s: %s" % e)
        km.shutdown_kernel(now=True)
        return 1
    print("kernel %r ready in %.0f ms" % (args.kernel, (time.monotonic() - t0) * 1000))

    failed = passed = skipped = 0
    for fn in CHECKS:
        name = fn.__name__
        if only and name not in only:
            continue
        try:
            fn()
        except Skip as e:
            skipped += 1
            print("SKIP %s: %s" % (name, e))
        except Fail as e:
            failed += 1
            print("FAIL %s: %s" % (name, e))
            recover(name)
        except Exception:
            failed += 1
            print("FAIL %s: %s" % (name, traceback.format_exc().rstrip().replace("\n", "\n  ")))
            recover(name)
        else:
            passed += 1
            print("PASS %s" % name)
        sys.stdout.flush()

    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=False)
    kc = km = None
    gc.collect()  # now, not in the interpreter's teardown, which logs noise
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
