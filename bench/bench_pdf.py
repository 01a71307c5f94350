#!/usr/bin/env python3
"""Benchmark of the PDF reviews against WeasyPrint printing the same content, in one run.

  python3 bench/bench_pdf.py [--scale 1] [--runs 3] [--work /tmp/metodika-bench] [--write]

Generates the national-scale site with ../shared/bench/gen_national.py, prepares the peer's
HTML+CSS reviews once (../shared/bench/weasy_equiv.py prepare), then alternates, --runs times:
`metodika build -j1 --timings` (its "typesetting" stage: build_review + render_review for every
municipality, one core) and `weasy_equiv.py render` (WeasyPrint, all reviews in one process, one
core). Prints medians per report and per page and the ratio; with --write, replaces the "PDF
reviews" section of BENCHMARKS.md. WeasyPrint runs under Debian's /usr/bin/python3.
"""
import argparse, os, platform, re, statistics, subprocess, time

from benchlib import BINARY, ROOT, SHARED, SYSTEM_PYTHON, generate_site, pdf_stats


def metodika_typesetting(binary, site, out):
    err = subprocess.run([binary, "build", site, "-q", "-j1", "--timings", "--out", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         check=True).stderr
    return float(re.search(r"typesetting\s+([\d.]+) ms", err).group(1)) / 1000


def weasy_render(work, out):
    t0 = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", SYSTEM_PYTHON, os.path.join(SHARED, "weasy_equiv.py"),
                    "render", work, out], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=BINARY)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    site = os.path.join(a.work, f"site{a.scale}")
    generate_site(a.scale, site)
    weasy_work = os.path.join(a.work, f"weasy{a.scale}")
    if not os.path.exists(os.path.join(weasy_work, "views.json")):
        subprocess.run([SYSTEM_PYTHON, os.path.join(SHARED, "weasy_equiv.py"), "prepare", site,
                        weasy_work], check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(a.work, "pdf-out")
    weasy_out = os.path.join(a.work, "weasy-pdf")
    ours, theirs = [], []
    load = os.getloadavg()[0]
    for _ in range(a.runs):
        ours.append(metodika_typesetting(a.binary, site, out))
        theirs.append(weasy_render(weasy_work, weasy_out))
    n, pages, size = pdf_stats(os.path.join(out, "parskati"))
    wn, wpages, wsize = pdf_stats(weasy_out)
    m, w = statistics.median(ours), statistics.median(theirs)
    rows = [
        "| peer | reports | pages | bytes | median total | per report | per page |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| Metodika (libharu) | {n} | {pages} | {size / 1e6:.1f} MB | {m:.2f} s | "
        f"{m / n * 1e3:.1f} ms | {m / pages * 1e3:.2f} ms |",
        f"| WeasyPrint | {wn} | {wpages} | {wsize / 1e6:.1f} MB | {w:.2f} s | "
        f"{w / wn * 1e3:.0f} ms | {w / wpages * 1e3:.1f} ms |",
    ]
    ratio_total = w / m
    ratio_page = (w / wpages) / (m / pages)
    text = (
        "## PDF reviews (scale " + a.scale + ")\n\n"
        f"Command: `python3 bench/bench_pdf.py --scale {a.scale} --runs {a.runs}`  \n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {load:.1f} at start; "
        f"medians of {a.runs} interleaved runs, one core each (Metodika `-j1`, its "
        "\"typesetting\" stage: filling the report template and typesetting; WeasyPrint pinned "
        "to one CPU, printing the HTML that `weasy_equiv.py prepare` wrote once).\n\n"
        + "\n".join(rows) + "\n\n"
        f"Ratio: WeasyPrint takes {ratio_total:.0f}× as long for all reviews, "
        f"{ratio_page:.0f}× per page.\n")
    print(text)
    if a.write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        with open(path, encoding="utf-8") as f:
            doc = f.read()
        pattern = re.compile(r"## PDF reviews.*?(?=\n## |\Z)", re.S)
        doc = pattern.sub(lambda _: text.rstrip() + "\n", doc) if pattern.search(doc) else \
            doc.rstrip() + "\n\n" + text
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)


if __name__ == "__main__":
    main()
