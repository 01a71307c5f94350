#!/usr/bin/env python3
"""Checks a built output served by nginx with deploy/nginx/metodika.conf (tests/e2e/nginx.sh):

  nginx_check.py BASE_URL OUTPUT_DIR

Every file of the output is fetched: the right Content-Type, the file's own bytes to a client
that does not accept gzip, the precompressed FILE.gz's bytes (Content-Encoding: gzip) to one that
does, the security headers and the cache lifetime of its kind. Then the 404 page of each
language, the build's marker file, and the redirect of a folder without its slash."""
import http.client
import os
import sys
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".svg": "image/svg+xml; charset=utf-8",
}
SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
}

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL ", message)


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)

    def get(self, path, gzip=False):
        headers = {"Accept-Encoding": "gzip"} if gzip else {}
        try:
            self.conn.request("GET", path, headers=headers)
            r = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
            self.conn.request("GET", path, headers=headers)
            r = self.conn.getresponse()
        body = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def expected_type(rel):
    if rel.endswith("atom.xml"):
        return "application/atom+xml; charset=utf-8"
    return TYPES.get(os.path.splitext(rel)[1])


def expected_max_age(rel):
    if rel.startswith("static/"):
        return 31536000
    if rel.endswith((".pdf", ".xlsx")):
        return 86400
    return 600


def check_headers(rel, headers):
    csp = headers.get("content-security-policy", "")
    check("default-src 'none'" in csp and "script-src 'self'" in csp,
          f"{rel}: Content-Security-Policy is {csp!r}")
    for name, value in SECURITY.items():
        check(headers.get(name) == value, f"{rel}: {name} is {headers.get(name)!r}")


def main():
    base, out = sys.argv[1], sys.argv[2]
    client = Client(base)
    files = []
    for root, _, names in os.walk(out):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), out)
            if not rel.endswith(".gz") and rel != ".metodika-output":
                files.append(rel)
    files.sort()
    gz_checked = 0
    for rel in files:
        path = "/" + urllib.parse.quote(rel)
        if rel.endswith("index.html"):
            path = path[: -len("index.html")]
        with open(os.path.join(out, rel), "rb") as f:
            plain = f.read()
        status, headers, body = client.get(path)
        check(status == 200, f"{rel}: HTTP {status}")
        want = expected_type(rel)
        check(want is not None and headers.get("content-type") == want,
              f"{rel}: Content-Type {headers.get('content-type')!r}, expected {want!r}")
        check("content-encoding" not in headers and body == plain,
              f"{rel}: a client without gzip did not get the file's own bytes")
        check_headers(rel, headers)
        cc = headers.get("cache-control", "")
        check(cc == f"max-age={expected_max_age(rel)}", f"{rel}: Cache-Control {cc!r}")
        gz = os.path.join(out, rel + ".gz")
        if os.path.exists(gz):
            with open(gz, "rb") as f:
                packed = f.read()
            status, headers, body = client.get(path, gzip=True)
            # nginx's own compression (gzip_comp_level 1) would give other bytes than the
            # build's: equal bytes show the precompressed file was sent.
            check(status == 200 and headers.get("content-encoding") == "gzip" and body == packed,
                  f"{rel}: a client accepting gzip did not get {rel}.gz")
            check(headers.get("content-type") == want,
                  f"{rel}.gz: Content-Type {headers.get('content-type')!r}, expected {want!r}")
            check("Accept-Encoding" in headers.get("vary", ""), f"{rel}.gz: no Vary: Accept-Encoding")
            gz_checked += 1
    check(gz_checked > 0, "no precompressed files in the output")

    # The 404 page of each language.
    for prefix in [""] + sorted(d for d in os.listdir(out)
                                if len(d) == 2 and os.path.isfile(os.path.join(out, d, "404.html"))):
        page = os.path.join(out, prefix, "404.html")
        with open(page, "rb") as f:
            want = f.read()
        missing = f"/{prefix + '/' if prefix else ''}no-such-page/here/"
        status, headers, body = client.get(missing)
        check(status == 404 and body == want, f"{missing}: HTTP {status}, not {prefix or 'the'} 404 page")
        check(headers.get("content-type") == "text/html; charset=utf-8",
              f"{missing}: Content-Type {headers.get('content-type')!r}")
        check_headers(missing, headers)
    status, _, _ = client.get("/.metodika-output")
    check(status == 404, f"/.metodika-output: HTTP {status}, not 404")
    folder = next((f[: -len("/index.html")] for f in files
                   if f.endswith("/index.html") and "/" not in f[: -len("/index.html")]), None)
    if folder:
        status, headers, _ = client.get("/" + folder)
        check(status == 301 and headers.get("location") == f"/{folder}/",
              f"/{folder}: HTTP {status} to {headers.get('location')!r}, not a relative redirect")
    print(f"nginx: {len(files)} files, {gz_checked} with gzip, checked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
