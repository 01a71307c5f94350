#!/usr/bin/env python3
"""End-to-end test of `metodika serve` on a copy of tests/sites/valid/kurzeme-json.

    serve.py METODIKA SOURCE_DIR

Starts the server on a free port, fetches pages, edits a YAML file and waits for the reload
event, breaks the data (an impossible date) and checks that the last good page is still served
and that an error event names file:line:col, fixes it and waits for the reload, adds a CSV table
with a broken cell and fixes it, checks that no
request reaches a file outside the output folder, that the files on disk are byte for byte what
`metodika build` writes, and that SIGINT stops the server cleanly. Standard library only.
"""
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rebuild import same_tree as tree_diffs  # noqa: E402

AS_OF = "2026-11-22"
EVENT_TIMEOUT = 15  # seconds; a rebuild of this site takes well under one

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


class Server:
    def __init__(self, metodika, site):
        self.lines = []
        self.proc = subprocess.Popen(
            [metodika, "serve", site, "--port", "0", "--as-of", AS_OF, "--jobs", "2"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.url_seen = threading.Event()
        self.port = None
        threading.Thread(target=self._read, daemon=True).start()
        if not self.url_seen.wait(60):
            raise SystemExit("serve did not start:\n" + "".join(self.lines))

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line)
            m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if m and not self.port:
                self.port = int(m.group(1))
                self.url_seen.set()

    def log(self):
        return "".join(self.lines)

    def log_shows(self, text, timeout=5):
        """Whether the terminal output shows `text` within `timeout` seconds: the browser's
        event can arrive before the reader thread has taken the printed lines from the pipe."""
        end = time.time() + timeout
        while text not in self.log() and time.time() < end:
            time.sleep(0.05)
        return text in self.log()

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        return resp.status, resp.getheader("Content-Type"), body

    def raw_get(self, target):
        """The request line exactly as given: no client normalising '..' away."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                      .encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
        return status, data


class Events:
    """An open /__metodika/events stream; events arrive in a queue as (name, data)."""

    def __init__(self, port):
        self.queue = queue.Queue()
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.request("GET", "/__metodika/events")
        self.resp = self.conn.getresponse()
        self.content_type = self.resp.getheader("Content-Type")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        name, data = None, []
        try:
            while line := self.resp.readline():
                line = line.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif not line and name:
                    self.queue.put((name, json.loads("\n".join(data))))
                    name, data = None, []
        except (OSError, ValueError):
            pass
        self.queue.put(("closed", None))

    def next(self, timeout=EVENT_TIMEOUT):
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return ("timeout", None)


def replace_in(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main():
    metodika, src = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="metodika-serve-e2e.")
    try:
        run(metodika, src, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("\nall serve checks passed")


def run(metodika, src, work):
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(src, "tests/sites/valid/kurzeme-json"), site)
    out = os.path.join(site, "output")
    server = Server(metodika, site)
    try:
        serve_checks(metodika, server, site, out, work)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
    if failures:
        print("--- serve's output ---\n" + server.log(), file=sys.stderr)


def serve_checks(metodika, server, site, out, work):
    check("metodika: serving" in server.log(), "serve prints its address")

    status, ctype, body = server.get("/")
    check(status == 200 and ctype == "text/html; charset=utf-8", "/ is served as HTML")
    tag = b'<script src="/__metodika/live.js" data-generation="1"></script></body>'
    check(tag in body, "the live-reload script is added before </body>")
    with open(os.path.join(out, "index.html"), "rb") as f:
        check(b"__metodika" not in f.read(), "…but not into the file on disk")

    # The output on disk is exactly what `metodika build` writes.
    clean = os.path.join(work, "clean")
    subprocess.run([metodika, "build", site, "--out", clean, "--as-of", AS_OF, "--quiet"],
                   check=True, stderr=subprocess.DEVNULL)
    diffs = tree_diffs(out, clean)
    check(not diffs, f"served output identical to `metodika build` {diffs[:5]}")
    robots = os.stat(os.path.join(out, "robots.txt"))

    for path, want in [("/sitemap.xml", "application/xml"),
                       ("/olimpiades.ics", "text/calendar; charset=utf-8"),
                       ("/robots.txt", "text/plain; charset=utf-8"),
                       ("/__metodika/live.js", "text/javascript; charset=utf-8")]:
        status, ctype, _ = server.get(path)
        check(status == 200 and ctype == want, f"{path} is {want}")
    css = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if check(css is not None, "the home page links a stylesheet"):
        status, ctype, _ = server.get(css.group(1).decode())
        check(status == 200 and ctype == "text/css; charset=utf-8", "the stylesheet is text/css")
    status, _, page = server.get("/en/")
    check(status == 200 and b"<html" in page, "/en/ serves en/index.html")
    status, _, missing = server.get("/no/such/page/")
    check(status == 404 and b"live.js" in missing and b"<html" in missing,
          "a missing page gets the site's 404 page with status 404")

    # Nothing outside the output folder.
    with open(os.path.join(site, "site.yml"), "rb") as f:
        secret = f.read()[:40]
    os.symlink(os.path.join(site, "site.yml"), os.path.join(out, "link.yml"))
    os.symlink(site, os.path.join(out, "up"))
    for target in ["/../site.yml", "/%2e%2e/site.yml", "/%2E%2E%2Fsite.yml", "/..%2fsite.yml",
                   "/en/%2e%2e/%2e%2e/site.yml", "/..%5csite.yml", "//site.yml",
                   "/link.yml", "/up/site.yml", "/up/data/methodologists.yaml"]:
        status, data = server.raw_get(target)
        check(status in (400, 403, 404) and secret not in data,
              f"GET {target} is refused ({status})")
    # Incremental builds update the output in place and leave alone files they never wrote
    # (publish/patch.h), so the planted links go before the output is compared below.
    os.remove(os.path.join(out, "link.yml"))
    os.remove(os.path.join(out, "up"))

    events = Events(server.port)
    check(events.content_type == "text/event-stream", "the event stream is text/event-stream")
    name, data = events.next()
    check(name == "hello" and data == {"generation": 1}, f"the stream says hello ({name})")

    # An edit: reload.
    methodologists = os.path.join(site, "data/methodologists.yaml")
    replace_in(methodologists, "name: Rasma Vilka", "name: Rasma Vilka-Ozola")
    name, data = events.next()
    check(name == "reload" and data == {"generation": 2}, f"an edit sends reload ({name})")
    status, _, page = server.get("/metodiki/valsts/")  # the state's list (issue 21)
    check(status == 200 and "Vilka-Ozola".encode() in page, "the rebuilt page shows the edit")

    # Broken data: the last good site stays, the error arrives with file:line:col.
    kurzeme = os.path.join(site, "data/events/kurzeme.yaml")
    replace_in(kurzeme, "start: 2026-08-25T09:00", "start: 2026-13-45T09:00")
    name, data = events.next()
    check(name == "build-error", f"broken data sends build-error ({name})")
    problems = (data or {}).get("problems", [])
    check(any(p["location"] == "data/events/kurzeme.yaml:9:10" for p in problems),
          f"the error names data/events/kurzeme.yaml:9:10 ({[p['location'] for p in problems]})")
    check(any("invalid date" in p["text"] and "^" in p["text"] for p in problems),
          "the error carries the message, the quoted line and the caret")
    check(server.log_shows("data/events/kurzeme.yaml:9:10: error:"),
          "the terminal shows the error too")
    status, _, page = server.get("/metodiki/valsts/")  # the state's list (issue 21)
    check(status == 200 and "Vilka-Ozola".encode() in page, "the last good page is still served")
    late = Events(server.port)
    names = [late.next()[0], late.next()[0]]
    check(names == ["hello", "build-error"], f"a page opened now learns of the error ({names})")

    # Fixed: reload, and the overlay goes with the reload.
    replace_in(kurzeme, "start: 2026-13-45T09:00", "start: 2026-08-25T10:00")
    name, data = events.next()
    check(name == "reload" and data == {"generation": 3}, f"the fix sends reload ({name})")
    check(late.next()[0] == "reload", "…to every open page")

    # A CSV table (issue 23): a broken cell names its file:line:col and, after the caret, the
    # spreadsheet's row and column; the fixed table reloads.
    table = os.path.join(site, "data/metrics/kurzeme-extra.csv")
    with open(table, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffschool;year;motivation_awards\r\nsabiles-vidusskola;2023;daudz\r\n")
    name, data = events.next()
    problems = (data or {}).get("problems", [])
    check(name == "build-error" and any(
        p["location"] == "data/metrics/kurzeme-extra.csv:2:25" and
        'row 2, column C "motivation_awards"' in p["text"] for p in problems),
        f"a broken CSV cell is named with its row and column ({[p['location'] for p in problems]})")
    replace_in(table, ";daudz", ";3")
    name, _ = events.next()
    check(name == "reload", f"the fixed table sends reload ({name})")
    status, _, _ = server.get("/")
    check(status == 200, "the site is served after the table's fix")

    # A deleted post: its page goes from the output.
    status, _, _ = server.get("/jaunumi/olimpiazu-kalendars/")
    check(status == 200, "the news post is served")
    os.remove(os.path.join(site, "content/news/olimpiazu-kalendars.md"))
    name, _ = events.next()
    check(name == "reload", f"deleting a post sends reload ({name})")
    status, _, _ = server.get("/jaunumi/olimpiazu-kalendars/")
    check(status == 404, f"…and its page is gone ({status})")
    clean2 = os.path.join(work, "clean2")
    subprocess.run([metodika, "build", site, "--out", clean2, "--as-of", AS_OF, "--quiet"],
                   check=True, stderr=subprocess.DEVNULL)
    diffs = tree_diffs(out, clean2)
    check(not diffs, f"after the rebuilds the output equals a clean build {diffs[:5]}")
    robots_after = os.stat(os.path.join(out, "robots.txt"))
    check((robots_after.st_ino, robots_after.st_mtime_ns) == (robots.st_ino, robots.st_mtime_ns),
          "an output file that did not change was left untouched (inode and mtime)")

    # Editor temporary files and the output folder do not rebuild.
    with open(os.path.join(site, "data/.methodologists.yaml.swp"), "w") as f:
        f.write("x")
    with open(os.path.join(site, "data/methodologists.yaml~"), "w") as f:
        f.write("x")
    name, _ = events.next(timeout=1.0)
    check(name == "timeout", f"editor temporary files do not rebuild ({name})")

    # Ctrl-C: a clean stop, no staging folder left.
    server.proc.send_signal(signal.SIGINT)
    try:
        code = server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        code = None
    check(code == 0, f"SIGINT stops the server with exit code 0 ({code})")
    check("metodika: stopping" in server.log(), "…saying so")
    leftovers = [n for n in os.listdir(site) if n.startswith("output.") and n != "output.cache"]
    check(not leftovers, f"no staging or spare folder is left {leftovers}")
    check(os.path.isfile(os.path.join(site, "output.cache", "manifest")),
          "the build cache is kept for the next build")


if __name__ == "__main__":
    main()
