#!/usr/bin/env python3
"""Benchmark of the Excel annexes on the national-scale site, against the openpyxl peer.

  python3 bench/bench_xlsx.py [--scale 1] [--runs 5] [--work /tmp/metodika-bench]

Generates the site with ../shared/bench/gen_national.py if needed, and the peer's view models
once (`weasy_equiv.py prepare`: its load and compute, not timed). Then, interleaved so that
machine noise hits both alike, each run times:
  - `metodika build -j1` and `-j2 --timings`: the `annexes` stage (every municipality's workbook
    and the national one, from the shared tables to bytes in the staging folder);
  - `weasy_equiv.py xlsx`: openpyxl writing one workbook per municipality from the prepared views
    (process wall time; it writes no cached formula values and no national workbook).
Prints medians and the ratio, as a Markdown section for BENCHMARKS.md.
"""
import argparse, os, re, shutil, statistics, subprocess, time

from benchlib import BINARY, SHARED, SYSTEM_PYTHON, generate_site


def annex_ms(binary, site, out, jobs):
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    err = subprocess.run([binary, "build", site, "--out", out, f"-j{jobs}", "--timings"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
    wall = time.perf_counter() - t0
    m = re.search(r"metodika: annexes\s+([\d.]+) ms", err)
    n = len([f for f in os.listdir(os.path.join(out, "parskati")) if f.endswith(".xlsx")])
    return float(m.group(1)), wall, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=BINARY)
    ap.add_argument("--python", default=SYSTEM_PYTHON, help="a python3 with openpyxl and PyYAML")
    a = ap.parse_args()

    site = os.path.join(a.work, f"site{a.scale}")
    generate_site(a.scale, site)
    peer_work = os.path.join(a.work, f"xlsx-peer{a.scale}")
    if not os.path.exists(os.path.join(peer_work, "views.json")):
        subprocess.run([a.python, os.path.join(SHARED, "weasy_equiv.py"), "prepare", site, peer_work],
                       check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(a.work, "xlsx-out")
    peer_out = os.path.join(a.work, "xlsx-peer-out")

    t = {"annexes -j1": [], "annexes -j2": [], "build -j2 (whole)": [], "openpyxl peer": []}
    books = peer_books = 0
    for _ in range(a.runs):
        ms, _, books = annex_ms(a.binary, site, out, 1)
        t["annexes -j1"].append(ms / 1000)
        ms, wall, books = annex_ms(a.binary, site, out, 2)
        t["annexes -j2"].append(ms / 1000)
        t["build -j2 (whole)"].append(wall)
        shutil.rmtree(peer_out, ignore_errors=True)
        t0 = time.perf_counter()
        subprocess.run([a.python, os.path.join(SHARED, "weasy_equiv.py"), "xlsx", peer_work, peer_out],
                       check=True, stdout=subprocess.DEVNULL)
        t["openpyxl peer"].append(time.perf_counter() - t0)
        peer_books = len([f for f in os.listdir(peer_out) if f.endswith(".xlsx")])

    med = {k: statistics.median(v) for k, v in t.items()}
    size = sum(os.path.getsize(os.path.join(out, "parskati", f)) for f in os.listdir(os.path.join(out, "parskati")))
    print(f"python3 bench/bench_xlsx.py --scale {a.scale} --runs {a.runs}\n")
    print("| what | median | min | max |\n| --- | ---: | ---: | ---: |")
    for k, v in t.items():
        print(f"| {k} | {med[k]:.3f} s | {min(v):.3f} s | {max(v):.3f} s |")
    print(f"\nMetodika: {books} workbooks ({size / 1e6:.1f} MB, formulas with cached values, charts); "
          f"peer: {peer_books} workbooks.")
    print(f"Ratio, peer / Metodika's annexes stage: {med['openpyxl peer'] / med['annexes -j1']:.1f}x at -j1, "
          f"{med['openpyxl peer'] / med['annexes -j2']:.1f}x at -j2.")


if __name__ == "__main__":
    main()
