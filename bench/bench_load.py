#!/usr/bin/env python3
"""Benchmark of loading, validating and building the national-scale site.

  python3 bench/bench_load.py [--scale 1] [--runs 5] [--work /tmp/metodika-bench] [--write]

Generates the site with ../shared/bench/gen_national.py (benchmarks are the one place allowed to
use ../shared), then times `metodika check` and `metodika build` with 1 and 2 workers, and
`cp -r` of the output as the floor, interleaved so that machine noise hits all alike. Prints a
Markdown table of medians; with --write, replaces the "Load and validate" section of
BENCHMARKS.md.
"""
import argparse, os, platform, re, shutil, statistics, subprocess

from benchlib import BINARY, ROOT, generate_site, peak_rss_mib, run_timed


def run(cmd):
    return run_timed(cmd).seconds


def stage_times(binary, site):
    err = subprocess.run([binary, "check", site, "-j1", "--timings"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr
    return re.findall(r"metodika: (\w+)\s+([\d.]+) ms", err)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=BINARY)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    site = os.path.join(a.work, f"site{a.scale}")
    generate_site(a.scale, site)
    out = os.path.join(a.work, "out")
    copy = os.path.join(a.work, "out-copy")
    cases = {
        "check -j1": [a.binary, "check", site, "-q", "-j1"],
        "check -j2": [a.binary, "check", site, "-q", "-j2"],
        "build -j1": [a.binary, "build", site, "-q", "-j1", "--out", out],
        "build -j2": [a.binary, "build", site, "-q", "-j2", "--out", out],
    }
    times = {k: [] for k in cases}
    times["cp -r output"] = []
    for _ in range(a.runs):
        for name, cmd in cases.items():
            times[name].append(run(cmd))
        shutil.rmtree(copy, ignore_errors=True)
        times["cp -r output"].append(run(["cp", "-r", out, copy]))
    rss = peak_rss_mib(cases["build -j2"])
    stages = stage_times(a.binary, site)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(site) for f in fs)

    lines = [f"Command: `python3 bench/bench_load.py --scale {a.scale} --runs {a.runs}`  ",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} "
             f"at start of report; input {size / 1e6:.1f} MB "
             f"(gen_national.py --scale {a.scale}); medians of {a.runs} interleaved runs.",
             "", "| case | median | min | max |", "| --- | ---: | ---: | ---: |"]
    for name, ts in times.items():
        lines.append(f"| {name} | {statistics.median(ts):.3f} s | {min(ts):.3f} s | "
                     f"{max(ts):.3f} s |")
    lines.append("")
    lines.append(f"Peak memory of `build -j2`: {rss:.0f} MiB.  ")
    lines.append("Where the time goes (`metodika check -j1 --timings`, one run): " +
                 ", ".join(f"{n} {float(ms):.0f} ms" for n, ms in stages) + ".")
    text = "\n".join(lines)
    print(text)
    if a.write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        old = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
        section = f"## Load and validate (scale {a.scale})\n\n{text}\n"
        pat = re.compile(rf"## Load and validate \(scale {re.escape(a.scale)}\)\n.*?(?=\n## |\Z)",
                         re.S)
        new = pat.sub(lambda _: section.rstrip("\n"), old) if pat.search(old) else \
            old.rstrip("\n") + "\n\n" + section
        open(path, "w").write(new if new.endswith("\n") else new + "\n")


if __name__ == "__main__":
    main()
