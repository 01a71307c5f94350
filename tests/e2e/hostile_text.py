#!/usr/bin/env python3
"""Text stays text in every output (issue 19): builds tests/sites/valid-hostile/<case>/ — the
valid site kurzeme-json with its patch/ laid over it, data values holding spreadsheet formulas,
newlines with `::: table` directives, Markdown headings, lists, emphasis and links, `<script>`,
web addresses, and news tags named like a translation's placeholders ("{tag}") — and checks that every output shows them only as inert text:

- open data CSV: no text cell starts a formula (=, +, -, @, tab, CR) unless it is a plain
  number; the payloads are kept, behind a single quote;
- HTML and XML pages: no raw <script>alert, no javascript: link;
- the review page: no heading, list or emphasis from a value, the directive lines as text, the
  board's web address as one proper link (no `www\\.`, no `%5C`);
- the PDF review (pdftotext, qpdf): the same text, the address as a link annotation, no
  javascript: link, no heading from a value in the contents.

    hostile_text.py METODIKA SOURCE_DIR
"""
import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

AS_OF = "2026-11-22"
URL = "https://www.ventspils.lv/lv/izglitiba"
PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+([.,][0-9]+)?")

failures = []


def check(name, problems):
    if problems:
        print(f"FAIL  {name}")
        for p in problems:
            print(f"        {p}")
        failures.append(name)
    else:
        print(f"PASS  {name}")


def make_site(base, case, dest):
    shutil.copytree(base, dest)
    patch = case / "patch"
    for f in sorted(patch.rglob("*")):
        if f.is_file():
            target = dest / f.relative_to(patch)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)


def csv_checks(out):
    problems, cells = [], []
    files = sorted(out.rglob("*.csv"))
    if not files:
        return ["no CSV files"], cells
    for f in files:
        text = f.read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                cells.append(cell)
                if cell and cell[0] in "=+-@\t\r" and not PLAIN_NUMBER.fullmatch(cell):
                    problems.append(f"{f.relative_to(out)}: a cell starts a formula: {cell!r}")
    for payload in ['=HYPERLINK("http://evil.example/","klikšķini")', "@SUM(1+1)", "+1+2",
                    "-2+3", "\t=1+1", "\r=1+1"]:
        if "'" + payload not in cells:
            problems.append(f"no neutralised cell '{payload!r} in the CSV files")
    return problems, cells


def html_checks(out):
    problems = []
    for f in sorted(list(out.rglob("*.html")) + list(out.rglob("*.xml"))):
        text = f.read_text("utf-8")
        if "<script>alert" in text:
            problems.append(f"{f.relative_to(out)}: a raw <script>alert")
        if re.search(r"""href=["']?\s*javascript:""", text, re.I):
            problems.append(f"{f.relative_to(out)}: a javascript: link")
    return problems


def placeholder_checks(out):
    """A value that looks like a translation's placeholder ("{tag}", "{n}") is shown as it is:
    a news tag named "{tag}" was filled into its own page title forever (a hang)."""
    problems = []
    pages = [f for f in out.rglob("index.html") if "birkas" in f.parts]
    if not any("{tag}" in f.read_text("utf-8") for f in pages):
        problems.append('no tag page shows the tag "{tag}"')
    return problems


def review_html_checks(out):
    page = out / "pasvaldibas/talsu-novads/parskats/index.html"
    if not page.is_file():
        return [f"no {page.relative_to(out)}"]
    text = page.read_text("utf-8")
    problems = []
    want = [
        f'<a href="{URL}">{URL}</a>',
        "::: table nav",
        "::: table iestades",
        "# Uzbrukums",
        "# Virsraksts",
        "- saraksts",
        "[klikšķini](javascript:alert(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "*slīpi*",
        "_slīpi_",
        '<a href="mailto:izglitiba@talsi.example.lv">izglitiba@talsi.example.lv</a>',
    ]
    for w in want:
        if w not in text:
            problems.append(f"the review page lacks {w!r}")
    for bad in ["www\\.", "%5C", ">Uzbrukums</h", ">Virsraksts</h", "<li>saraksts",
                "<em>slīpi</em>", "<a>klikšķini</a>"]:
        if bad in text:
            problems.append(f"the review page has {bad!r}")
    # The board's address once, the programme's title (with the address) twice.
    links = text.count(f'href="{URL}"')
    if links != 3:
        problems.append(f"{links} links to {URL}, expected 3")
    return problems


def review_pdf_checks(out, work):
    pdfs = sorted(out.glob("parskati/talsu-novads-*.pdf"))
    if len(pdfs) != 1:
        return [f"expected one Talsi review PDF, found {[p.name for p in pdfs]}"]
    pdf = pdfs[0]
    problems = []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for w in ["::: table nav", "::: table iestades", "# Uzbrukums", "# Virsraksts", "- saraksts",
              "<script>alert(1)</script>", "*slīpi*", URL]:
        if w not in flat:
            problems.append(f"the PDF text lacks {w!r}")
    if "www\\." in flat:
        problems.append("the PDF text has 'www\\.'")
    # The contents (page 2) list the template's chapters only.
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
    for heading in ["Uzbrukums", "Virsraksts"]:
        if heading in contents:
            problems.append(f"the PDF's contents list {heading!r} as a heading")
    qdf = work / "review.qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
    raw = qdf.read_bytes()
    uris = re.findall(rb"/URI \(([^)]*)\)", raw)
    if URL.encode() not in uris:
        problems.append(f"no link annotation to {URL} (found {uris[:5]})")
    for u in uris:
        if u.lower().startswith(b"javascript") or b"%5C" in u or b"\\\\" in u:
            problems.append(f"a bad link annotation: {u!r}")
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    metodika = Path(sys.argv[1]).resolve()
    src = Path(sys.argv[2]).resolve()
    base = src / "tests/sites/valid/kurzeme-json"
    cases = sorted(p for p in (src / "tests/sites/valid-hostile").iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory(prefix="metodika-hostile-") as tmp:
        work = Path(tmp)
        for case in cases:
            site, out = work / case.name / "site", work / case.name / "out"
            make_site(base, case, site)
            problems = []
            try:
                build = subprocess.run([str(metodika), "build", str(site), "--out", str(out),
                                        "--as-of", AS_OF, "--quiet"], capture_output=True,
                                       text=True, timeout=300)
            except subprocess.TimeoutExpired:
                check(f"{case.name}: builds", ["no exit within 300 s (a value filled forever?)"])
                continue
            if build.returncode != 0 or ": error: " in build.stderr:
                problems.append(f"exit {build.returncode}: {build.stderr[:2000]}")
            if re.search(r"Sanitizer|runtime error:|terminate called", build.stderr):
                problems.append(f"crash: {build.stderr[:2000]}")
            check(f"{case.name}: builds", problems)
            if problems:
                continue
            csv_problems, _ = csv_checks(out)
            check(f"{case.name}: CSV cells are text, not formulas", csv_problems)
            check(f"{case.name}: HTML has no live script or link", html_checks(out))
            if case.name == "text-values":
                check(f"{case.name}: placeholders in values stay text", placeholder_checks(out))
            check(f"{case.name}: review page", review_html_checks(out))
            check(f"{case.name}: review PDF", review_pdf_checks(out, work))
    print(f"hostile_text: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
