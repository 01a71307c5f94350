#!/usr/bin/env python3
"""Save-to-reload latency of `metodika serve`.

  python3 bench/bench_serve.py [--runs 7] [--sites bundled,national] [--scale 1]
                               [--work /tmp/metodika-bench] [--write]

For each site, starts `metodika serve --port 0`, opens the live-reload event stream as a browser
page does, then repeatedly saves a data file (appending a YAML comment, so the data stays valid)
and measures the time from just before the write to the arrival of the `reload` event: the
watcher's quiet period (50 ms), the whole in-process rebuild, the swap of the output folder and
the event's delivery. Prints a Markdown table of medians; with --write, replaces the "Live reload
(serve)" section of BENCHMARKS.md.

Sites: `bundled` is a copy of the repository's own site (site.yaml, data/, content/, templates/,
themes/); `national` is ../shared/bench/gen_national.py --scale S (generated once into --work;
benchmarks are the one place allowed to use ../shared). Standard library only.
"""
import argparse
import http.client
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_national.py")
SECTION = "## Live reload (serve)"


class Serve:
    def __init__(self, binary, site, out):
        self.log = []
        self.proc = subprocess.Popen([binary, "serve", site, "--port", "0", "--out", out],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = None
        started = threading.Event()

        def read():
            for line in self.proc.stderr:
                self.log.append(line)
                m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
                if m and not self.port:
                    self.port = int(m.group(1))
                    started.set()
        threading.Thread(target=read, daemon=True).start()
        if not started.wait(300):
            self.stop()
            raise SystemExit("serve did not start:\n" + "".join(self.log[-20:]))
        self.events = queue.Queue()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        conn.request("GET", "/__metodika/events")
        resp = conn.getresponse()

        def listen():
            name = None
            while line := resp.readline():
                line = line.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif not line and name:
                    self.events.put((time.perf_counter(), name))
                    name = None
        threading.Thread(target=listen, daemon=True).start()
        self.wait_for("hello", 30)

    def wait_for(self, want, timeout):
        deadline = time.perf_counter() + timeout
        while True:
            t, name = self.events.get(timeout=max(0.01, deadline - time.perf_counter()))
            if name == want:
                return t
            if name == "build-error":
                raise SystemExit("the build failed:\n" + "".join(self.log[-30:]))

    def build_seconds(self):
        return [float(m.group(1)) for line in self.log
                if (m := re.search(r"metodika: built .* in ([\d.]+) s", line))]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure(binary, site, out, edit_file, runs):
    serve = Serve(binary, site, out)
    latencies = []
    try:
        time.sleep(0.5)
        for i in range(runs):
            t0 = time.perf_counter()
            with open(edit_file, "a", encoding="utf-8") as f:
                f.write(f"# bench_serve edit {i}\n")
            t1 = serve.wait_for("reload", 120)
            latencies.append(t1 - t0)
            time.sleep(0.5)  # let the old output's removal and the page cache settle
        builds = serve.build_seconds()[1:]  # the first is the start-up build
        if os.environ.get("BENCH_SERVE_LOG"):
            sys.stderr.write("".join(serve.log))
    finally:
        serve.stop()
    return latencies, builds


def copy_bundled(dest):
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    for name in ["site.yaml", "data", "content", "templates", "themes"]:
        src = os.path.join(ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name))
        elif os.path.exists(src):
            shutil.copy2(src, dest)


def ms(xs):
    return f"{statistics.median(xs) * 1000:.0f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sites", default="bundled,national")
    ap.add_argument("--scale", default="1")
    ap.add_argument("--work", default="/tmp/metodika-bench")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "metodika"))
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)

    load = os.getloadavg()[0]
    rows = []
    for which in a.sites.split(","):
        if which == "bundled":
            site = os.path.join(a.work, "serve-bundled")
            copy_bundled(site)
            edit = os.path.join(site, "data", "methodologists.yaml")
            label = "bundled site (repository root)"
        elif which == "national":
            pristine = os.path.join(a.work, f"site{a.scale}")
            if not os.path.exists(os.path.join(pristine, "site.yaml")):
                subprocess.run([sys.executable, GEN, "--scale", a.scale, "--out", pristine],
                               check=True, stdout=subprocess.DEVNULL)
            site = os.path.join(a.work, f"serve-national{a.scale}")
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(pristine, site)
            edit = os.path.join(site, "data", "methodologists.yaml")
            if not os.path.exists(edit):
                edit = os.path.join(site, "site.yaml")
            label = f"national site (gen_national.py --scale {a.scale})"
        else:
            raise SystemExit(f"unknown site {which}")
        out = os.path.join(a.work, f"serve-out-{which}")
        shutil.rmtree(out, ignore_errors=True)
        lat, builds = measure(a.binary, site, out, edit, a.runs)
        rows.append((label, os.path.relpath(edit, site), lat, builds))
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
        "`reload` server-sent event at a listening client: the watcher's 50 ms quiet period, the "
        "full in-process rebuild, the swap of the output folder and the event's delivery. "
        "Rebuild is the build alone, as `serve` prints it. Goal (issue 7): under 200 ms.", "",
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
        path = os.path.join(ROOT, "BENCHMARKS.md")
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
