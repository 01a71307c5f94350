#!/usr/bin/env python3
"""Checks a review PDF the way a reader's tools see it (issue 5's quality bars).

  check_pdf.py PDF [--pages MIN-MAX] [--expect TEXT]... [--private-dir DIR] [--golden FILE]

qpdf --check is clean; pdffonts shows every font embedded (DejaVu); pdfinfo has the title,
author and creation date; pdftotext reads without warnings; every page after the cover has its
footer "N. lpp. no M" / "Page N of M"; every table-of-contents entry names the page its heading
is on, and the outline (bookmarks) has the same entries and pages; the catalog has /Lang; the
expected texts are there (no-break spaces read as spaces) and no private name or id from
DIR/**/*.y*ml is anywhere in the text or the uncompressed file. --golden compares the text and
structure with a file (METODIKA_UPDATE_GOLDEN=1 rewrites it).
"""
import argparse, json, os, re, subprocess, sys

failures = []


def fail(message):
    failures.append(message)


def run(*args):
    result = subprocess.run(args, capture_output=True)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode(
        "utf-8", "replace")


def page_texts(pdf, count):
    code, out, err = run("pdftotext", "-layout", pdf, "-")
    if code != 0 or err.strip():
        fail(f"pdftotext: exit {code}: {err.strip()[:300]}")
    pages = out.split("\f")
    return [p.replace("\u00a0", " ") for p in pages[:count]]


def private_strings(directory):
    found = set()
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.endswith((".yaml", ".yml", ".json")):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                for m in re.finditer(r'(?:\bid|\bname)"?\s*:\s*"?([^"\n,}]+)', f.read()):
                    value = m.group(1).strip()
                    if len(value) >= 5:
                        found.add(value)
    return sorted(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--pages", default="1-10000")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--private-dir")
    ap.add_argument("--golden")
    args = ap.parse_args()
    pdf = args.pdf

    code, out, err = run("qpdf", "--check", pdf)
    if code != 0 or "No syntax or stream encoding errors" not in out:
        fail(f"qpdf --check: exit {code}: {out.strip()[-300:]} {err.strip()[-300:]}")

    code, out, _ = run("pdffonts", pdf)
    rows = out.splitlines()[2:]
    if not rows:
        fail("pdffonts: no fonts")
    for row in rows:
        cols = row.split()
        # name type... encoding emb sub uni object ID
        if len(cols) < 7 or cols[-5] != "yes":
            fail(f"pdffonts: font not embedded: {row}")
        if "DejaVu" not in cols[0]:
            fail(f"pdffonts: not a DejaVu font: {row}")

    code, out, _ = run("pdfinfo", pdf)
    info = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    info = {k.strip(): v.strip() for k, v in info.items()}
    for key in ("Title", "Author", "CreationDate"):
        if not info.get(key):
            fail(f"pdfinfo: no {key}")
    pages = int(info.get("Pages", "0"))
    low, high = (int(x) for x in args.pages.split("-"))
    if not low <= pages <= high:
        fail(f"pdfinfo: {pages} pages, expected {args.pages}")

    texts = page_texts(pdf, pages)
    lang_lv = None
    for number in range(2, pages + 1):
        text = texts[number - 1] if number - 1 < len(texts) else ""
        lv = f"{number}. lpp. no {pages}" in text
        en = f"Page {number} of {pages}" in text
        if not (lv or en):
            fail(f"page {number}: no footer '{number}. lpp. no {pages}' / 'Page {number} of {pages}'")
        lang_lv = lv if lang_lv is None else lang_lv

    # The table of contents: entries "N. Title .... page" on the pages after the cover, up to the
    # first chapter.
    toc = []
    for number in range(2, pages + 1):
        text = texts[number - 1]
        if number > 2 and re.search(r"^\s*1\. \S", text, re.M) and not toc_page(text):
            break
        if not toc_page(text) and number > 2:
            break
        for m in re.finditer(r"^\s*((?:\d+\.)+) (.+?)\s{2,}(\d+)\s*$", text, re.M):
            toc.append((m.group(1), m.group(2).strip(), int(m.group(3))))
    if not toc:
        fail("no table of contents entries found")
    for number, title, page in toc:
        if not 1 <= page <= pages:
            fail(f"contents: '{number} {title}' on page {page} of {pages}")
            continue
        first_words = " ".join(title.split()[:2])
        if not re.search(rf"^\s*{re.escape(number)} {re.escape(first_words)}", texts[page - 1], re.M):
            fail(f"contents: '{number} {title}' says page {page}, the heading is not there")

    code, out, _ = run("qpdf", "--json", "--json-key=outlines", pdf)
    outline = []

    def walk(items):
        for item in items:
            outline.append((item["title"], item.get("destpageposfrom1")))
            walk(item.get("kids", []))

    walk(json.loads(out).get("outlines", []))
    expected_outline = [(f"{n} {t}", p) for n, t, p in toc]
    # TOC titles may wrap in the text; compare by number and page.
    if [(o[0].split(" ")[0], o[1]) for o in outline] != [(e[0].split(" ")[0], e[1]) for e in expected_outline]:
        fail(f"outline {outline} does not match the contents {expected_outline}")

    code, raw, _ = run("qpdf", "--qdf", "--object-streams=disable", pdf, "-")
    if not re.search(r"/Lang \((lv|en)\)", raw):
        fail("catalog: no /Lang")

    whole = "\n".join(texts)
    flat = re.sub(r"\s+", " ", whole)
    for expected in args.expect:
        if expected not in whole and expected not in flat:
            fail(f"text: '{expected}' not found")
    if args.private_dir:
        for secret in private_strings(args.private_dir):
            if secret in flat or secret in raw:
                fail(f"private data in the PDF: '{secret}'")

    if args.golden:
        summary = [f"pages: {pages}"]
        for key in ("Title", "Subject", "Keywords", "Author", "Creator", "Producer", "CreationDate"):
            summary.append(f"{key}: {info.get(key, '')}")
        summary.append("outline:")
        summary += [f"  {title} -> {page}" for title, page in outline]
        for number, text in enumerate(texts, 1):
            summary.append(f"--- page {number} ---")
            summary += [line.rstrip() for line in text.splitlines()]
        content = "\n".join(summary) + "\n"
        if os.environ.get("METODIKA_UPDATE_GOLDEN") == "1":
            os.makedirs(os.path.dirname(args.golden), exist_ok=True)
            with open(args.golden, "w", encoding="utf-8") as f:
                f.write(content)
        else:
            try:
                with open(args.golden, encoding="utf-8") as f:
                    golden = f.read()
            except FileNotFoundError:
                golden = ""
            if golden != content:
                new = args.golden + ".new"
                with open(new, "w", encoding="utf-8") as f:
                    f.write(content)
                fail(f"differs from {args.golden} (got {new}; diff them, or rerun with "
                     "METODIKA_UPDATE_GOLDEN=1 and review the change)")

    for message in failures:
        print(f"{pdf}: {message}", file=sys.stderr)
    return 1 if failures else 0


def toc_page(text):
    return bool(re.search(r"^\s*(Saturs|Contents)\s*$", text, re.M)) or bool(
        re.search(r"^\s*(?:\d+\.)+ .+?\s{2,}\d+\s*$", text, re.M))


if __name__ == "__main__":
    sys.exit(main())
