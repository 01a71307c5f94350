#!/usr/bin/env python3
"""Benchmark of the Excel annexes on the national-scale site, against the openpyxl peer.

  python3 bench/bench_xlsx.py [--scale 1] [--runs 5] [--work /tmp/metodika-bench]
                              [--baseline OLD_BINARY] [--no-peer]

Generates the site with ../shared/bench/gen_national.py if needed, and the peer's view models
once (`weasy_equiv.py prepare`: its load and compute, not timed). Then, interleaved so that
machine noise hits all alike, each run times:
  - `metodika build --only annexes -j1` and `metodika check -j1`, as the processes' CPU time
    (user + system): the annexes stage's CPU is their difference (every municipality's workbook
    and the national one, from the shared tables to bytes in the staging folder);
  - the same build with TMPDIR=/dev/shm (libxlsxwriter's temporary files on tmpfs), and the
    stage's wall time from --timings, with -j1 and -j2;
  - with --baseline, the same for another binary;
  - unless --no-peer, `weasy_equiv.py xlsx`: openpyxl writing one workbook per municipality from
    the prepared views (process wall time; it writes no cached formula values and no national
    workbook).
Prints medians as a Markdown table for BENCHMARKS.md.
"""
import argparse, os, re, resource, shutil, statistics, subprocess, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "bench")


def run(cmd, env=None):
    """CPU seconds (user + system) of `cmd`, wall seconds, and its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    err = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         check=True, env=env).stderr
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall, err


def annexes(binary, site, out, jobs, tmpdir=None):
    """CPU of the whole `build --only annexes` and the stage's wall time (--timings)."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ)
    if tmpdir:
        env["TMPDIR"] = tmpdir
    cpu, _, err = run([binary, "build", site, "--out", out, f"-j{jobs}", "--only", "annexes",
                       "--timings"], env)
    return cpu, float(re.search(r"metodika: annexes\s+([\d.]+) ms", err).group(1)) / 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="1")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "metodika"))
    ap.add_argument("--baseline", help="another metodika binary, timed interleaved")
    ap.add_argument("--no-peer", action="store_true", help="skip openpyxl")
    ap.add_argument("--python", default="/usr/bin/python3", help="a python3 with openpyxl and PyYAML")
    a = ap.parse_args()

    site = os.path.join(a.work, f"site{a.scale}")
    if not os.path.exists(os.path.join(site, "site.yaml")):
        subprocess.run([a.python, os.path.join(SHARED, "gen_national.py"), "--scale", a.scale,
                        "--out", site], check=True, stdout=subprocess.DEVNULL)
    peer_work = os.path.join(a.work, f"xlsx-peer{a.scale}")
    if not a.no_peer and not os.path.exists(os.path.join(peer_work, "views.json")):
        subprocess.run([a.python, os.path.join(SHARED, "weasy_equiv.py"), "prepare", site, peer_work],
                       check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(a.work, "xlsx-out")
    peer_out = os.path.join(a.work, "xlsx-peer-out")
    shm = "/dev/shm" if os.path.isdir("/dev/shm") else None

    binaries = {"this build": a.binary}
    if a.baseline:
        binaries = {"baseline": a.baseline, "this build": a.binary}
    t = {}
    def add(key, value):
        t.setdefault(key, []).append(value)
    for _ in range(a.runs):
        for name, binary in binaries.items():
            check, _, _ = run([binary, "check", site, "-q", "-j1"])
            cpu, wall1 = annexes(binary, site, out, 1)
            add(f"{name}: annexes stage CPU, -j1 (build --only annexes − check)", cpu - check)
            add(f"{name}: annexes stage wall, -j1", wall1)
            _, wall2 = annexes(binary, site, out, 2)
            add(f"{name}: annexes stage wall, -j2", wall2)
            if shm:
                cpu_shm, wall_shm = annexes(binary, site, out, 1, shm)
                add(f"{name}: annexes stage CPU, -j1, TMPDIR=/dev/shm", cpu_shm - check)
                add(f"{name}: annexes stage wall, -j1, TMPDIR=/dev/shm", wall_shm)
        if not a.no_peer:
            shutil.rmtree(peer_out, ignore_errors=True)
            _, wall, _ = run([a.python, os.path.join(SHARED, "weasy_equiv.py"), "xlsx", peer_work,
                              peer_out])
            add("openpyxl peer, wall (from prepared views)", wall)

    books = [f for f in os.listdir(os.path.join(out, "parskati")) if f.endswith(".xlsx")]
    size = sum(os.path.getsize(os.path.join(out, "parskati", f)) for f in books)
    print(f"python3 bench/bench_xlsx.py --scale {a.scale} --runs {a.runs}"
          + (" --baseline OLD" if a.baseline else "") + (" --no-peer" if a.no_peer else "")
          + f"  (load {os.getloadavg()[0]:.1f} at the end)\n")
    print("| what | median | min | max |\n| --- | ---: | ---: | ---: |")
    for k, v in t.items():
        print(f"| {k} | {statistics.median(v) * 1e3:.0f} ms | {min(v) * 1e3:.0f} ms | "
              f"{max(v) * 1e3:.0f} ms |")
    print(f"\nMetodika: {len(books)} workbooks ({size / 1e6:.1f} MB, formulas with cached values, "
          "charts).")
    if not a.no_peer:
        peer_books = len([f for f in os.listdir(peer_out) if f.endswith(".xlsx")])
        peer = statistics.median(t["openpyxl peer, wall (from prepared views)"])
        ours = statistics.median(t["this build: annexes stage wall, -j1"])
        print(f"Peer: {peer_books} workbooks; it takes {peer / ours:.1f}× the annexes stage's "
              "wall time at -j1.")


if __name__ == "__main__":
    main()
