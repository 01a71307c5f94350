"""Helpers shared by the benchmarks in bench/: paths, timed runs, file counts, the machine,
`metodika serve` with a live-reload client, and BENCHMARKS.md sections. Standard library only.
"""
import http.client
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Benchmarks are the one part of the project allowed to use ../shared.
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
GEN = os.path.join(SHARED, "gen_national.py")
BINARY = os.path.join(ROOT, "build", "metodika")
BENCHMARKS_MD = os.path.join(ROOT, "BENCHMARKS.md")
# The peers need Debian's python3-yaml, python3-openpyxl and weasyprint, whatever python runs us.
SYSTEM_PYTHON = "/usr/bin/python3"
GNU_TIME = "/usr/bin/time"


# ---------------------------------------------------------------- running and timing

class Failed(Exception):
    """A measured command failed; the message is its first error line (or its last line)."""

    def __init__(self, cmd, code, output):
        lines = output.splitlines()
        errors = [line for line in lines if "error:" in line]
        super().__init__((errors or lines or [f"exit status {code}"])[0].strip())
        self.detail = f"failed ({code}): {' '.join(cmd)}\n" + "\n".join(lines[-20:])


@dataclass
class Sample:
    """One timed run: wall seconds and, when measured, peak resident memory in KiB."""
    seconds: float
    rss_kib: int = 0


def run_quiet(cmd, cwd=None):
    """Run CMD untimed; stop with its last output lines if it fails."""
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.splitlines()[-20:])
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{tail}")
    return proc.stdout


def run_timed(cmd, cwd=None):
    """Run CMD under GNU time; return its wall time (measured here) and peak memory.

    Raises Failed when CMD fails.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, \
            tempfile.TemporaryFile("w+", errors="replace") as log:
        t0 = time.perf_counter()
        code = subprocess.call([GNU_TIME, "-f", "%M", "-o", rss.name] + cmd, cwd=cwd,
                               stdout=log, stderr=log)
        seconds = time.perf_counter() - t0
        if code != 0:
            log.seek(0)
            raise Failed(cmd, code, log.read())
        return Sample(seconds, int(rss.read().split()[-1]))


def peak_rss_mib(cmd):
    """Peak resident memory of one run of CMD, in MiB."""
    return run_timed(cmd).rss_kib / 1024


def remove(*paths):
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


class Trash:
    """Where the timed cases' earlier outputs go instead of being deleted: a folder in the work
    folder, emptied when the run ends (and anything left by an interrupted run with it).

    Why: on an ext4 without a journal (this VM's disk), creating a file in the minutes after
    many were deleted costs a scan of every one of them (`recently_deleted` in the kernel's
    inode allocator). Deleting an output just before timing a build made the next tool's time
    depend on which files were deleted before it, growing from round to round (`cp -r` went from
    0.6 s to 8 s in five rounds). Moving them aside is one rename; no tool meets the problem.
    """

    def __init__(self, work):
        self.folder = os.path.join(work, "trash")
        os.makedirs(self.folder, exist_ok=True)
        self.count = 0

    def put(self, *paths):
        for path in paths:
            if not os.path.lexists(path):
                continue
            self.count += 1
            aside = os.path.join(self.folder, f"{os.getpid()}-{self.count}")
            try:
                os.rename(path, aside)
            except OSError:  # another file system: delete it after all
                remove(path)

    def empty(self):
        # rm is several times faster than shutil.rmtree on the ~300,000 files of a whole run.
        subprocess.run(["rm", "-rf", "--one-file-system", self.folder], check=False)


def median(values):
    return statistics.median(values)


# ---------------------------------------------------------------- files

def tree_stats(folder, suffix="", skip_hidden=False):
    """(files, bytes) under FOLDER, counting only names ending with SUFFIX; with SKIP_HIDDEN,
    not what is under a hidden name (".x"), which Metodika never reads as input (its store of
    teacher records, data/private/.metodika-cache/, is one)."""
    files = size = 0
    for parent, dirs, names in os.walk(folder):
        if skip_hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            names = [n for n in names if not n.startswith(".")]
        for name in names:
            if name.endswith(suffix):
                files += 1
                size += os.path.getsize(os.path.join(parent, name))
    return files, size


def pdf_pages(path):
    info = run_quiet(["pdfinfo", path])
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_stats(folder):
    """(documents, pages, bytes) of the PDFs directly in FOLDER (pages counted by pdfinfo)."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))
    paths = [os.path.join(folder, n) for n in names]
    return len(paths), sum(pdf_pages(p) for p in paths), sum(os.path.getsize(p) for p in paths)


def generate_site(scale, dest):
    """Write the national site at SCALE into DEST with gen_national.py, unless it is there."""
    if not os.path.exists(os.path.join(dest, "site.yaml")):
        run_quiet([sys.executable, GEN, "--scale", str(scale), "--out", dest])


def copy_bundled(dest):
    """Copy the repository's own site (the bundled default site) to DEST."""
    remove(dest)
    os.makedirs(dest)
    for name in ["site.yaml", "data", "content", "templates", "themes"]:
        src = os.path.join(ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name))
        elif os.path.exists(src):
            shutil.copy2(src, dest)


# ---------------------------------------------------------------- the machine and the tree

def machine():
    """What a result depends on: CPU, cores, memory, kernel."""
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo") as f:
        m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
        cpu = m.group(1).strip() if m else cpu
    with open("/proc/meminfo") as f:
        kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return dict(cpu=cpu, cores=os.cpu_count(), ram_gib=kib / 2**20,
                kernel=f"{platform.system()} {platform.release()}")


def load_average():
    return "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())


def git_commit():
    """Short commit of the tree and whether tracked files differ from it."""
    head = run_quiet(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip()
    dirty = run_quiet(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    return head, bool(dirty.strip())


def build_type(binary):
    """CMAKE_BUILD_TYPE and METODIKA_SANITIZE of the CMake tree that holds BINARY."""
    cache = os.path.join(os.path.dirname(binary), "CMakeCache.txt")
    if not os.path.exists(cache):
        return None, None
    with open(cache) as f:
        text = f.read()
    kind = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", text, re.M)
    sanitize = re.search(r"^METODIKA_SANITIZE:\w+=(.*)$", text, re.M)
    return (kind.group(1) if kind else None), (sanitize.group(1) if sanitize else None)


# ---------------------------------------------------------------- metodika serve

class Serve:
    """A running `metodika serve` and a client of its live-reload event stream."""

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
        if not started.wait(600):
            self.stop()
            raise SystemExit("serve did not start:\n" + "".join(self.log[-20:]))
        self.events = queue.Queue()
        self.stale = 0  # events that came with no save waiting for them (save_to_reload)
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
        """Time of the next event named WANT; raises Failed on a build error."""
        deadline = time.perf_counter() + timeout
        while True:
            t, name = self.events.get(timeout=max(0.01, deadline - time.perf_counter()))
            if name == want:
                return t
            if name == "build-error":
                raise Failed(["metodika", "serve"], 1, "".join(self.log[-30:]))

    def save_to_reload(self, write):
        """Seconds from just before WRITE() saves a file to the `reload` event.

        Events that arrived before the save (a second rebuild that one save set off, say) are
        dropped first and counted in `self.stale`, so that a measurement never takes the reload
        of an earlier save for its own.
        """
        while True:
            try:
                self.events.get_nowait()
                self.stale += 1
            except queue.Empty:
                break
        t0 = time.perf_counter()
        write()
        while True:
            t = self.wait_for("reload", 300)
            if t >= t0:
                return t - t0
            self.stale += 1

    def build_seconds(self):
        """Every build's time as `serve` printed it, the start-up build first."""
        return [float(m.group(1)) for line in self.log
                if (m := re.search(r"metodika: (?:built|updated) .* in ([\d.]+) s", line))]

    def peak_rss_kib(self):
        """The process's peak resident memory so far (VmHWM), in KiB."""
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M).group(1))

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---------------------------------------------------------------- BENCHMARKS.md

def replace_between(path, begin, end, text, where_new):
    """Replace what lies between the lines BEGIN and END of PATH by TEXT, markers kept.

    Without the markers, the block is inserted before the first line matching the regular
    expression WHERE_NEW (or appended).
    """
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    block = f"{begin}\n{text.strip()}\n{end}\n"
    start, stop = doc.find(begin), doc.find(end)
    if start >= 0 and stop > start:
        doc = doc[:start] + block + "\n" + doc[stop + len(end):].lstrip("\n")
    else:
        m = re.search(where_new, doc, re.M)
        at = m.start() if m else len(doc)
        doc = doc[:at] + block + "\n" + doc[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
