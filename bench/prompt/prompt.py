"""Times igo's first prompt on a pseudo-terminal and `igo -c '1+1'`."""
import os, pty, select, statistics, subprocess, sys, time

igo, n = sys.argv[1], int(sys.argv[2])


def first_prompt():
    env = dict(os.environ, TERM="xterm", NO_COLOR="1")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(igo, [igo], env)
    out = b""
    while b"In [1]: " not in out:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            raise SystemExit("no prompt after 10 s: %r" % out)
        out += os.read(fd, 4096)
    elapsed = time.perf_counter() - start
    os.write(fd, b"\x04")
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def one_plus_one():
    start = time.perf_counter()
    subprocess.run([igo, "-c", "1+1"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


for _ in range(3):
    first_prompt(), one_plus_one()
prompt = statistics.median(first_prompt() for _ in range(n)) * 1000
plain = statistics.median(one_plus_one() for _ in range(n)) * 1000
print(f"igo to first prompt:  {prompt:.2f} ms (median of {n})")
print(f"igo -c '1+1':         {plain:.2f} ms (median of {n})")
print(f"ratio prompt/-c:      {prompt / plain:.2f}x (target <= 1.5x)")
