#!/usr/bin/env python3
"""Save-to-reload latency of `metodika serve`.

  python3 bench/bench_serve.py [--runs 7] [--sites bundled,national] [--scale 1]
                               [--work /tmp/metodika-bench] [--write]

For each site, starts `metodika serve --port 0`, opens the live-reload event stream as a browser
page does, then repeatedly saves data/methodologists.yaml with a real change (the first
methodologist's phone, alternating between two numbers; the file is restored at the end) and
measures the time from just before the write to the arrival of the `reload` event: the watcher's
quiet period (20 ms), the in-process rebuild up to the swap of the output, and the event's
delivery. Prints a Markdown table of medians; with --write, replaces the "Live reload
(serve)" section of BENCHMARKS.md.

Sites: `bundled` is a copy of the repository's own site (site.yaml, data/, content/, templates/,
themes/); `national` is ../shared/bench/gen_national.py --scale S (generated once into --work;
benchmarks are the one place allowed to use ../shared). Standard library only.
"""
import argparse
import os
import platform
import shutil
import statistics
import sys
import time

from benchlib import BENCHMARKS_MD, BINARY, Serve, copy_bundled, generate_site
from edits import methodologist_phone

SECTION = "## Live reload (serve)"


def measure(binary, site, out, runs):
    """Save-to-reload latencies and serve's own rebuild times over RUNS saves."""
    edit = methodologist_phone()
    original = edit.read(site)
    serve = Serve(binary, site, out)
    latencies = []
    try:
        time.sleep(0.5)
        for i in range(runs):
            latencies.append(serve.save_to_reload(lambda: edit.apply(site, original, i % 2)))
            time.sleep(0.5)  # let the old output's removal and the page cache settle
        builds = serve.build_seconds()[1:]  # the first is the start-up build
        if os.environ.get("BENCH_SERVE_LOG"):
            sys.stderr.write("".join(serve.log))
    finally:
        serve.stop()
        with open(os.path.join(site, edit.path), "w", encoding="utf-8") as f:
            f.write(original)
    return latencies, builds


def ms(xs):
    return f"{statistics.median(xs) * 1000:.0f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sites", default="bundled,national")
    ap.add_argument("--scale", default="1")
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=BINARY)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)

    load = os.getloadavg()[0]
    rows = []
    for which in a.sites.split(","):
        if which == "bundled":
            site = os.path.join(a.work, "serve-bundled")
            copy_bundled(site)
            label = "bundled site (repository root)"
        elif which == "national":
            pristine = os.path.join(a.work, f"site{a.scale}")
            generate_site(a.scale, pristine)
            site = os.path.join(a.work, f"serve-national{a.scale}")
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(pristine, site)
            label = f"national site (gen_national.py --scale {a.scale})"
        else:
            raise SystemExit(f"unknown site {which}")
        out = os.path.join(a.work, f"serve-out-{which}")
        shutil.rmtree(out, ignore_errors=True)
        lat, builds = measure(a.binary, site, out, a.runs)
        rows.append((label, methodologist_phone().path, lat, builds))
        print(f"{label}: save→reload median {ms(lat)} (min {min(lat) * 1000:.0f}, "
              f"max {max(lat) * 1000:.0f}); rebuild median {ms(builds) if builds else '?'}",
              flush=True)

    cmd = f"python3 bench/bench_serve.py --runs {a.runs} --sites {a.sites}"
    if "national" in a.sites:
        cmd += f" --scale {a.scale}"
    lines = [
        SECTION, "",
        f"Command: `{cmd}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {load:.1f} at the start; "
        f"medians of {a.runs} saves, one `metodika serve` per site.", "",
        "Save-to-reload is the time from just before a data file is written to the arrival of the "
        "`reload` server-sent event at a listening client: the watcher's 20 ms quiet period, the "
        "in-process rebuild up to the swap of the output, and the event's delivery. Rebuild is "
        "the whole build as `serve` prints it, which also counts writing the build cache's "
        "manifest after the reload is sent. Goal (issue 7): under 200 ms.", "",
        "| site | file saved | save → reload | min | max | rebuild |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, rel, lat, builds in rows:
        lines.append(f"| {label} | `{rel}` | {ms(lat)} | {min(lat) * 1000:.0f} ms | "
                     f"{max(lat) * 1000:.0f} ms | {ms(builds) if builds else '?'} |")
    table = "\n".join(lines) + "\n"
    print()
    print(table)
    if a.write:
        path = BENCHMARKS_MD
        with open(path, encoding="utf-8") as f:
            text = f.read()
        start = text.find(SECTION)
        if start < 0:
            text = text.rstrip("\n") + "\n\n" + table
        else:
            end = text.find("\n## ", start + len(SECTION))
            keep = text[end + 1:] if end >= 0 else ""
            # Notes written by hand under the table (a "### " heading) are kept.
            notes = text.find("\n### ", start)
            if notes >= 0 and (end < 0 or notes < end):
                keep = text[notes + 1:]
            text = text[:start] + table + ("\n" + keep if keep else "")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
