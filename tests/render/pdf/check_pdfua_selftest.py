#!/usr/bin/env python3
"""check_pdfua.py must fail what breaks the rules: each case below damages a copy of a good
tagged review (pikepdf) and expects the checker to say so.

  check_pdfua_selftest.py GOOD.pdf
"""
import os, subprocess, sys, tempfile

try:
    import pikepdf
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("check_pdfua_selftest.py: pikepdf is missing (run scripts/install-deps.sh --test)")

HERE = os.path.dirname(os.path.abspath(__file__))


def elements(pdf, type_):
    out = []
    def walk(e):
        if not isinstance(e, pikepdf.Dictionary) or "/S" not in e:
            return
        if str(e.S) == type_:
            out.append(e)
        kids = e.get("/K")
        for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            walk(k)
    walk(pdf.Root.StructTreeRoot.K)
    return out


def no_alt(pdf):
    del elements(pdf, "/Figure")[0]["/Alt"]


def no_scope(pdf):
    del elements(pdf, "/TH")[0]["/A"]


def skipped_heading(pdf):
    elements(pdf, "/H2")[0].S = pikepdf.Name("/H3")


def custom_type(pdf):
    elements(pdf, "/P")[0].S = pikepdf.Name("/Paragraph")


def td_outside_tr(pdf):
    row = elements(pdf, "/TR")[0]
    row.S = pikepdf.Name("/Div")


def not_marked(pdf):
    del pdf.Root["/MarkInfo"]


def no_lang(pdf):
    del pdf.Root["/Lang"]


def no_display_title(pdf):
    pdf.Root.ViewerPreferences.DisplayDocTitle = False


def no_pdfua_id(pdf):
    meta = pdf.Root.Metadata.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b"")
    pdf.Root.Metadata = pdf.make_stream(meta)


def untagged_link(pdf):
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            del annot["/StructParent"]
            return


def link_without_contents(pdf):
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            del annot["/Contents"]
            return


def no_tabs(pdf):
    for page in pdf.pages:
        if "/Annots" in page.obj:
            del page.obj["/Tabs"]
            return


def no_tounicode(pdf):
    for page in pdf.pages:
        for _, font in page.obj.Resources.get("/Font", pikepdf.Dictionary()).items():
            del font["/ToUnicode"]
            return


def unmarked_text(pdf):
    # The first marked sequence of the first body page loses its BDC and EMC.
    page = pdf.pages[2]
    ops = pikepdf.parse_content_stream(page)
    keep, dropped, depth = [], False, 0
    for operands, operator in ops:
        if not dropped and str(operator) == "BDC" and "/MCID" in operands[1]:
            dropped, depth = True, 1
            continue
        if dropped and depth:
            if str(operator) in ("BDC", "BMC"):
                depth += 1
            elif str(operator) == "EMC":
                depth -= 1
                if depth == 0:
                    continue
        keep.append((operands, operator))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(keep))


def swapped_cells(pdf):
    # Two cells of a row read in the wrong order.
    for row in elements(pdf, "/TR"):
        kids = row.K
        if len(kids) >= 2:
            first, second = kids[0], kids[1]
            kids[0], kids[1] = second, first
            return


def orphan_mcid(pdf):
    # A paragraph's content no longer reachable from the structure.
    p = elements(pdf, "/P")[1]
    p.K = pikepdf.Array([])


def bad_actual_text(pdf):
    span = elements(pdf, "/Span")[0]
    span.ActualText = pikepdf.String("vārds")


CASES = [
    (no_alt, "has no /Alt"), (no_scope, "has no /Scope"), (skipped_heading, "skipped"),
    (custom_type, "not standard"), (td_outside_tr, "inside Div"), (not_marked, "/Marked"),
    (no_lang, "/Lang"), (no_display_title, "DisplayDocTitle"), (no_pdfua_id, "pdfuaid"),
    (untagged_link, "not tagged"), (link_without_contents, "without /Contents"),
    (no_tabs, "/Tabs"), (no_tounicode, "/ToUnicode"), (unmarked_text, "neither tagged"),
    (swapped_cells, "structure order"), (orphan_mcid, "in no structure element"),
    (bad_actual_text, "/ActualText"),
]


def main():
    good = sys.argv[1]
    checker = os.path.join(HERE, "check_pdfua.py")
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        result = subprocess.run([sys.executable, checker, good], capture_output=True, text=True)
        if result.returncode != 0:
            print(f"the good file fails: {result.stderr}", file=sys.stderr)
            return 1
        for damage, expected in CASES:
            pdf = pikepdf.open(good)
            damage(pdf)
            path = os.path.join(work, damage.__name__ + ".pdf")
            pdf.save(path)
            result = subprocess.run([sys.executable, checker, path], capture_output=True,
                                    text=True)
            if result.returncode == 0 or expected not in result.stderr:
                failures += 1
                print(f"{damage.__name__}: expected a failure with '{expected}', got exit "
                      f"{result.returncode}: {result.stderr.strip()[:300]}", file=sys.stderr)
    print(f"checker self-test: {len(CASES) - failures} of {len(CASES)} damaged files caught")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
