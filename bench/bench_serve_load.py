#!/usr/bin/env python3
"""Ordinary requests to `metodika serve` while it is under load (issue 19).

  python3 bench/bench_serve_load.py [--probes 200] [--bound-ms 100] [--binary build/metodika]
                                    [--write]

Runs tests/e2e/serve_load.py on the release binary with the strict bound: on 127.0.0.1, a copy
of tests/sites/valid/kurzeme-json is served while 1,000 idle connections, 200 slow requests (a
header byte every half second), 500 live-reload streams, all three at once, and 1,000 streams
are held open against it; in each phase, PROBES ordinary GETs (each a new connection, the whole
answer read: /, /robots.txt, /en/ and the stylesheet in turn) are timed. The script also checks
the functional side (foreign Host, ranges, timeouts, heartbeat, stream cap) and fails when any
GET takes longer than --bound-ms. Prints a Markdown table; with --write, replaces the "serve
under load" block of BENCHMARKS.md. Standard library only.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile

from benchlib import BENCHMARKS_MD, BINARY, ROOT, git_commit, replace_between

BEGIN, END = "<!-- serve-load:begin -->", "<!-- serve-load:end -->"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--probes", type=int, default=200)
    ap.add_argument("--bound-ms", type=float, default=100)
    ap.add_argument("--binary", default=BINARY)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    load = os.getloadavg()[0]
    commit, dirty = git_commit()
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        proc = subprocess.run(
            [sys.executable, os.path.join(ROOT, "tests/e2e/serve_load.py"), a.binary, ROOT,
             "--bound-ms", str(a.bound_ms), "--probes", str(a.probes), "--json", out.name],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        with open(out.name) as f:
            report = json.load(f) if os.path.getsize(out.name) else {}
    failed = [line for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    lines = [
        "## serve under load (issue 19)", "",
        f"Command: `python3 bench/bench_serve_load.py --probes {a.probes} --bound-ms "
        f"{a.bound_ms:g}` (runs `tests/e2e/serve_load.py` on `build/metodika`)  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {load:.1f} at the start; "
        f"commit {commit}{' (with changes)' if dirty else ''}.", "",
        f"Each row: {a.probes} ordinary GETs (a new connection each, the whole answer read) while "
        "the load is held open on 127.0.0.1. Idle connections are closed by the server after "
        "5 s, slow requests (a header byte every 0.5 s) get 408 at 5 s; streams get a heartbeat "
        "every 10 s and stream 1,001 gets 503. Goal: every GET within 100 ms.", "",
        "| load held open | p50 | p99 | max | within bound |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for phase, s in report.items():
        ok = "yes" if s["max_ms"] <= a.bound_ms else "**no**"
        lines.append(f"| {phase} | {s['p50_ms']} ms | {s['p99_ms']} ms | {s['max_ms']} ms | "
                     f"{ok} |")
    if failed:
        lines += ["", "Failed checks: " + "; ".join(f.removeprefix("FAIL ") for f in failed)]
    table = "\n".join(lines) + "\n"
    print(table)
    if a.write and report:
        replace_between(BENCHMARKS_MD, BEGIN, END, table, r"^## Excel annexes")
        print(f"wrote {BENCHMARKS_MD}")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
