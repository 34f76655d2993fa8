#!/usr/bin/python3
"""Launch-to-ready time and execute round trip of Jupyter kernels.

    bench.py [-n 200] [--launches 5] [--warmup 20] KERNEL...

Every kernel is measured by the same jupyter_client code:

- launch to first reply: from KernelManager.start_kernel() until the
  first kernel_info_reply (median of --launches fresh kernels);
- launch to ready: until wait_for_ready() returns, which adds
  jupyter_client's own 0.2 s wait for a quiet iopub channel;
- round trip: from sending an execute_request of `1+1` until its
  execute_reply arrives (median of -n requests, after --warmup ones).

The first kernel is the one compared: ratios are printed as
first/other (igo/ipykernel when run as `bench.py igo python3`).
"""

import argparse
import queue
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager


def start(name, quiet):
    """Launches a kernel; returns it, its client, the time to its first
    kernel_info_reply and the time until wait_for_ready returns (which
    adds jupyter_client's own 0.2 s wait for a quiet iopub channel)."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    kw = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL} if quiet else {}
    km.start_kernel(**kw)
    kc = km.client()
    kc.start_channels()
    while True:
        msg_id = kc.kernel_info()
        try:
            msg = kc.get_shell_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    first = time.perf_counter() - t0
    kc.wait_for_ready(timeout=120)
    return km, kc, first, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def roundtrip(kc, code="1+1", timeout=30.0):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    dt = time.perf_counter() - t0
    if msg["content"]["status"] != "ok":
        raise RuntimeError("execute %r: %r" % (code, msg["content"]))
    # Drain iopub (status, execute_input, execute_result) outside the timing.
    while True:
        try:
            m = kc.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            break
        if (
            m["parent_header"].get("msg_id") == msg_id
            and m["header"]["msg_type"] == "status"
            and m["content"]["execution_state"] == "idle"
        ):
            break
    return dt


def measure(name, n, launches, warmup, quiet):
    ready, first = [], []
    for i in range(launches):
        km, kc, f, dt = start(name, quiet)
        first.append(f)
        ready.append(dt)
        if i < launches - 1:
            stop(km, kc)
    try:
        for _ in range(warmup):
            roundtrip(kc)
        rt = [roundtrip(kc) for _ in range(n)]
    finally:
        stop(km, kc)
    return (statistics.median(first), statistics.median(ready),
            statistics.median(rt), min(rt), max(rt))


def label(name):
    return "ipykernel" if name == "python3" else name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=200, help="execute requests timed")
    ap.add_argument("--launches", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("-v", action="store_true", help="show the kernels' output")
    ap.add_argument("kernels", nargs="+")
    args = ap.parse_args()

    results = {}
    for name in args.kernels:
        try:
            results[name] = measure(name, args.n, args.launches, args.warmup, not args.v)
        except Exception as e:
            print("%s: cannot measure: %s: %s" % (label(name), type(e).__name__, e))
    if not results:
        return 1
    print()
    print("%-10s %18s %16s %22s %10s %10s" % (
        "kernel", "launch→first reply", "launch→ready", "execute 1+1 median", "min", "max"))
    for name, (first, ready, med, lo, hi) in results.items():
        print("%-10s %15.0f ms %13.0f ms %19.3f ms %7.3f ms %7.3f ms" % (
            label(name), first * 1e3, ready * 1e3, med * 1e3, lo * 1e3, hi * 1e3))
    print("(launch: median of %d launches; round trip: median of %d execute_request "
          "after %d warm-up ones)" % (args.launches, args.n, args.warmup))
    first = args.kernels[0]
    if first in results:
        for other in args.kernels[1:]:
            if other in results:
                a, b = results[first], results[other]
                print("ratio %s/%s: launch→first reply %.2fx, launch→ready %.2fx, "
                      "round trip %.2fx" % (label(first), label(other),
                                            a[0] / b[0], a[1] / b[1], a[2] / b[2]))
    print("(ready: wait_for_ready returned; it always waits 0.2 s more for a "
          "quiet iopub channel, whatever the kernel)")
    return 0 if len(results) == len(args.kernels) else 1


if __name__ == "__main__":
    sys.exit(main())
