#!/usr/bin/env python3
"""Benchmark of the PDF reviews: their CPU time, and WeasyPrint printing the same content.

  python3 bench/bench_pdf.py [--scale 1] [--runs 5] [--work /tmp/metodika-bench]
                             [--baseline OLD_BINARY] [--no-peer] [--write]

Generates the national-scale site with ../shared/bench/gen_national.py. Each run times, on one
core, `metodika build --only reports -j1` (reading, validating, then the "typesetting" stage:
build_review + render_review for every municipality) and `metodika check -j1` (reading and
validating alone), as the processes' CPU time (user + system, from the kernel's accounting: the
machine is shared, wall time is not comparable between minutes). The stage's CPU is their
difference. With --baseline the same is timed for another binary, interleaved run by run, for a
before/after table. Unless --no-peer, it also prepares the peer's HTML+CSS reviews once
(../shared/bench/weasy_equiv.py prepare) and times WeasyPrint printing them (pinned to one CPU;
minutes a run). Prints medians; with --write, replaces the tables at the top of the "PDF
reviews" section of BENCHMARKS.md (up to its first ### heading). WeasyPrint runs under
Debian's /usr/bin/python3.
"""
import argparse, os, platform, re, resource, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench")
SYSTEM_PYTHON = "/usr/bin/python3"


def pages_and_bytes(folder):
    pages = size = count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".pdf"):
            continue
        path = os.path.join(folder, name)
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        pages += int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size += os.path.getsize(path)
        count += 1
    return count, pages, size


def cpu_seconds(cmd):
    """User + system CPU of `cmd` and its threads, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def typesetting_cpu(binary, site, out):
    """CPU of `build --only reports` and of `check`, and their difference (the stage)."""
    reports = cpu_seconds([binary, "build", site, "-q", "-j1", "--only", "reports", "--out", out])
    check = cpu_seconds([binary, "check", site, "-q", "-j1"])
    return reports, check, reports - check


def weasy_render(work, out):
    t0 = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", SYSTEM_PYTHON, os.path.join(SHARED, "weasy_equiv.py"),
                    "render", work, out], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "metodika"))
    ap.add_argument("--baseline", help="another metodika binary, timed interleaved")
    ap.add_argument("--no-peer", action="store_true", help="skip WeasyPrint")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    site = os.path.join(a.work, f"site{a.scale}")
    if not os.path.exists(os.path.join(site, "site.yaml")):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_national.py"), "--scale",
                        a.scale, "--out", site], check=True, stdout=subprocess.DEVNULL)
    weasy_work = os.path.join(a.work, f"weasy{a.scale}")
    if not a.no_peer and not os.path.exists(os.path.join(weasy_work, "views.json")):
        subprocess.run([SYSTEM_PYTHON, os.path.join(SHARED, "weasy_equiv.py"), "prepare", site,
                        weasy_work], check=True, stdout=subprocess.DEVNULL)
    binaries = {"this build": a.binary}
    if a.baseline:
        binaries = {"baseline": a.baseline, "this build": a.binary}
    outs = {name: os.path.join(a.work, f"pdf-out-{i}") for i, name in enumerate(binaries)}
    weasy_out = os.path.join(a.work, "weasy-pdf")
    cpu = {name: [] for name in binaries}
    theirs = []
    load = os.getloadavg()[0]
    for _ in range(a.runs):
        for name, binary in binaries.items():
            cpu[name].append(typesetting_cpu(binary, site, outs[name]))
        if not a.no_peer:
            theirs.append(weasy_render(weasy_work, weasy_out))

    rows = ["| binary | reports | pages | bytes | `build --only reports` CPU | `check` CPU | "
            "typesetting CPU | per report | per 30 pages |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    stage = {}
    for name in binaries:
        n, pages, size = pages_and_bytes(os.path.join(outs[name], "parskati"))
        r, c, t = (statistics.median(x[k] for x in cpu[name]) for k in range(3))
        stage[name] = (t, n, pages)
        rows.append(f"| {name} | {n} | {pages} | {size / 1e6:.1f} MB | {r:.2f} s | {c:.2f} s | "
                    f"{t:.2f} s | {t / n * 1e3:.1f} ms | {t / pages * 30e3:.1f} ms |")
    text = (
        "## PDF reviews (scale " + a.scale + ")\n\n"
        f"Command: `python3 bench/bench_pdf.py --scale {a.scale} --runs {a.runs}"
        + (" --baseline OLD" if a.baseline else "") + (" --no-peer" if a.no_peer else "")
        + "`  \n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {load:.1f} at start; "
        f"medians of {a.runs} interleaved runs on one core (`-j1`), CPU time (user + system) of "
        "the processes. Typesetting = `build --only reports` − `check` (filling the report "
        "template and typesetting every review).\n\n" + "\n".join(rows) + "\n")
    if a.baseline:
        ratio = stage["baseline"][0] / stage["this build"][0]
        text += f"\nThe typesetting stage takes {ratio:.1f}× less CPU than the baseline.\n"
    if not a.no_peer:
        wn, wpages, wsize = pages_and_bytes(weasy_out)
        w = statistics.median(theirs)
        t, n, pages = stage["this build"]
        text += (
            f"\nWeasyPrint (pinned to one CPU, printing the HTML that `weasy_equiv.py prepare` "
            f"wrote once; wall time): {wn} reviews, {wpages} pages, {wsize / 1e6:.1f} MB in "
            f"{w:.1f} s, {w / wn * 1e3:.0f} ms a review: {w / t:.0f}× the typesetting stage's "
            "CPU.\n")
    print(text)
    if a.write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        with open(path, encoding="utf-8") as f:
            doc = f.read()
        # Only the measured part: the prose under the section's ### headings stays.
        pattern = re.compile(r"## PDF reviews.*?(?=\n### |\n## |\Z)", re.S)
        doc = pattern.sub(lambda _: text.rstrip() + "\n", doc) if pattern.search(doc) else \
            doc.rstrip() + "\n\n" + text
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)


if __name__ == "__main__":
    main()
