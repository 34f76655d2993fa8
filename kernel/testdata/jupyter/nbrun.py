#!/usr/bin/python3
"""Execute notebooks with nbclient and compare their outputs with the stored ones.

    /usr/bin/python3 nbrun.py [--kernel igo] [--timeout 60] [--update] NOTEBOOK...

A notebook is its own golden file: the outputs saved in the .ipynb are the
expected outputs. Each notebook is executed on a copy (the file is not
touched) with the installed kernelspec (`igo` unless --kernel; the
notebook's own metadata is ignored), in the notebook's directory. Both the
stored and the new outputs are reduced to text (see normalize) in which
timings are masked, and a unified diff is printed when they differ; the
exit status is 1 if any notebook differs or fails to run.

--update writes the new outputs into the notebook instead (review the
change with git diff before committing it).
"""

import argparse
import base64
import difflib
import hashlib
import json
import os
import re
import sys
import time
import zlib

import nbformat
from nbclient import NotebookClient

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# A duration as Go prints it (1.5s, 1m2.5s, 350µs) or as %time/%timeit do
# (1.23 ms, 15 µs, 0 ns).
DURATION = re.compile(
    r"(?<![\w.])(?:\d+(?:\.\d+)?(?:ns|µs|us|ms|h|m|s)){2,}(?![\w])"
    r"|(?<![\w.])\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|min|h)(?![\w])"
)
TIMEIT = re.compile(
    r"^.* per loop \(mean ± std\. dev\. of (\d+) runs?, [\d,]+ loops? each\)(.*)$"
)
MASKS = [
    # %timeit: mean ± std. dev. and the number of loops vary; the runs don't.
    (TIMEIT, lambda m: "<timeit> per loop (mean ± std. dev. of %s runs, <N> loops each)%s"
     % (m.group(1), " <B/op allocs/op>" if "allocs/op" in m.group(2) else "")),
    (re.compile(r"^CPU times: .*$"), lambda m: "CPU times: <masked>"),
    (re.compile(r"^Wall time: .*$"), lambda m: "Wall time: <masked>"),
]
# Lines printed only sometimes.
DROP = [
    re.compile(r"^Rewrite time: "),
    re.compile(r"^The slowest run took .* times longer than the fastest"),
]


def mask(text):
    """Masks timings in text, line by line."""
    out = []
    for line in ANSI.sub("", text).split("\n"):
        if any(d.search(line) for d in DROP):
            continue
        for rx, repl in MASKS:
            m = rx.match(line)
            if m:
                line = repl(m)
                break
        else:
            masked = DURATION.sub("<dur>", line)
            if masked != line:
                # Column widths of tables (%jobs) follow the durations.
                masked = re.sub(r"(?<=\S)  +", "  ", masked)
            line = masked
        out.append(line)
    return "\n".join(out)


def text_of(value):
    return "".join(value) if isinstance(value, list) else str(value)


def png_info(raw):
    """A PNG's size, colour type and a hash of its pixels, which do not
    change when an encoder compresses differently; None if it is not a
    PNG this understands."""
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, hdr = 8, b"", None
    while pos + 8 <= len(raw):
        n = int.from_bytes(raw[pos : pos + 4], "big")
        kind, body = raw[pos + 4 : pos + 8], raw[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            hdr = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if hdr is None or len(hdr) < 13:
        return None
    w, h = int.from_bytes(hdr[0:4], "big"), int.from_bytes(hdr[4:8], "big")
    depth, ctype, interlace = hdr[8], hdr[9], hdr[12]
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(ctype)
    if channels is None or interlace:
        return None
    try:
        data = zlib.decompress(idat)
    except zlib.error:
        return None
    bpp = max(1, channels * depth // 8)
    stride = (w * channels * depth + 7) // 8
    pixels, prev = bytearray(), bytearray(stride)
    for y in range(h):
        line = data[y * (stride + 1) : (y + 1) * (stride + 1)]
        if len(line) != stride + 1:
            return None
        f, cur = line[0], bytearray(line[1:])
        for i in range(stride):
            a = cur[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                cur[i] = (cur[i] + a) & 255
            elif f == 2:
                cur[i] = (cur[i] + b) & 255
            elif f == 3:
                cur[i] = (cur[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (cur[i] + pred) & 255
        pixels += cur
        prev = cur
    return "%dx%d PNG, colour type %d, depth %d, pixels sha256 %s" % (
        w, h, ctype, depth, hashlib.sha256(bytes(pixels)).hexdigest()[:16])


def show_data(mime, value):
    """The lines that stand for one MIME bundle entry."""
    if not isinstance(value, (str, list)):  # application/json
        value = json.dumps(value, sort_keys=True, indent=1)
    value = text_of(value)
    if mime.startswith("image/") and mime != "image/svg+xml":
        raw = base64.b64decode(value)
        info = "%d bytes, sha256 %s" % (len(raw), hashlib.sha256(raw).hexdigest()[:16])
        if mime == "image/png":
            info = png_info(raw) or info
        return ["%s: %s" % (mime, info)]
    lines = mask(value).rstrip("\n").split("\n")
    return ["%s:" % mime] + ["    " + l for l in lines]


def shorten(line, limit=400):
    """A line too long to read in a diff, cut, with its length and hash."""
    if len(line) <= limit:
        return line
    digest = hashlib.sha256(line.encode()).hexdigest()[:16]
    return "%s… (%d chars, sha256 %s)" % (line[:120], len(line), digest)


def normalize(nb):
    """The outputs of a notebook's code cells as lines of text."""
    return [shorten(l) for l in outputs_text(nb)]


def outputs_text(nb):
    lines = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        first = cell.source.split("\n", 1)[0]
        lines.append("--- cell %d: %s" % (i, first[:60]))
        outputs = []
        # Merge consecutive stream outputs of one stream: how a kernel cuts
        # its writes into messages is no one's business.
        for out in cell.get("outputs", []):
            if (
                out.output_type == "stream"
                and outputs
                and outputs[-1].output_type == "stream"
                and outputs[-1].name == out.name
            ):
                outputs[-1] = nbformat.from_dict(
                    {
                        "output_type": "stream",
                        "name": out.name,
                        "text": text_of(outputs[-1].text) + text_of(out.text),
                    }
                )
            else:
                outputs.append(out)
        for out in outputs:
            kind = out.output_type
            if kind == "stream":
                lines.append("[%s]" % out.name)
                lines += ["    " + l for l in mask(text_of(out.text)).rstrip("\n").split("\n")]
            elif kind in ("execute_result", "display_data"):
                lines.append("[%s]" % kind)
                for mime in sorted(out.get("data", {})):
                    lines += show_data(mime, out.data[mime])
            elif kind == "error":
                lines.append("[error] %s: %s" % (out.ename, mask(out.evalue)))
                tb = mask("\n".join(out.get("traceback", [])))
                lines += ["    " + l for l in tb.rstrip("\n").split("\n")]
            else:
                lines.append("[%s]" % kind)
    return lines


def execute(path, kernel, timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=60,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    client.execute()
    return nb


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="igo")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per cell")
    ap.add_argument("--update", action="store_true", help="store the new outputs")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()

    failed = 0
    for path in args.notebooks:
        start = time.monotonic()
        want = nbformat.read(path, as_version=4)
        try:
            got = execute(path, args.kernel, args.timeout)
        except Exception as e:  # a timeout or a dead kernel
            print("FAIL %s: %s: %s" % (path, type(e).__name__, e))
            failed += 1
            continue
        took = time.monotonic() - start
        if args.update:
            for cell in got.cells:
                cell.get("metadata", {}).pop("execution", None)
            nbformat.write(got, path)
            print("UPDATED %s (%.1f s)" % (path, took))
            continue
        a, b = normalize(want), normalize(got)
        if a == b:
            print("PASS %s (%.1f s)" % (path, took))
            continue
        failed += 1
        print("FAIL %s (%.1f s): outputs differ (-want +got):" % (path, took))
        for line in difflib.unified_diff(
            a, b, "%s (stored)" % path, "%s (executed)" % path, lineterm="", n=4
        ):
            print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
