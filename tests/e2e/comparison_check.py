#!/usr/bin/env python3
"""Checks the comparison of municipalities (/pasvaldibas/salidzinajums/, issue 21) of a built
site against the site's own other outputs:

  comparison_check.py OUTPUT_DIR

- its CSV (dati/latvija/salidzinajums.csv) holds the HTML table's rows and values, in order;
- each municipality's row has the figures of that municipality's page and open data: its
  institutions (iestades.csv), students and teachers of the year in the column header
  (dinamika.csv), the mean exam index of the year in the header and the schools with an index
  (ce-indekss.csv), methodologists (metodiki.csv), the programmes' budget (budzets-*.csv total
  rows) and the development share as its page's development table says it (total row);
- the national row is the sum of the rows, and its exam index the mean of every school's.
Prints each mismatch; exits 1 on any."""
import csv
import glob
import html.parser
import io
import os
import re
import sys

out = sys.argv[1]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL  comparison:", msg)


class Tables(html.parser.HTMLParser):
    """Every <table> of a page as rows of (text, href, tr class)."""

    def __init__(self):
        super().__init__()
        self.tables = {}  # id -> {"head": [...], "rows": [(class, [(text, href)])]}
        self.current = None
        self.cell = None
        self.row = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.current = {"head": [], "rows": []}
            self.tables[a.get("id", str(len(self.tables)))] = self.current
        elif self.current is None:
            return
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and not self.in_head:
            self.row = (a.get("class") or "", [])
            self.current["rows"].append(self.row)
        elif tag in ("td", "th"):
            self.cell = ["", None]
        elif tag == "a" and self.cell is not None:
            self.cell[1] = a.get("href")

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if tag == "table":
            self.current = None
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None:
            text = self.cell[0].strip()
            if self.in_head:
                self.current["head"].append(text)
            elif self.row is not None:
                self.row[1].append((text, self.cell[1]))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0] += data


def tables_of(path):
    p = Tables()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p.tables


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


lang = "lv"  # of the page being read: "1 253,5" in Latvian, "1,253.5" in English


def number(text):
    """A value as the site writes it ("1 253", "50,9%", "139 100 EUR"; en "1,253") or as CSV
    does ("50.9"), or None for no value ("—", a hidden value's reason, an empty CSV cell)."""
    t = re.sub(r"[\s\u00a0\u202f]|EUR|%", "", text)
    t = t.replace(",", "") if lang == "en" else t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def year_of(label):
    m = re.search(r"(\d{4})\.?/(\d{4})", label)
    return m.group(2) if m else None


def check_site_lang(prefix):
    global lang
    lang = prefix or "lv"
    page = os.path.join(out, prefix, "pasvaldibas/salidzinajums/index.html")
    if not os.path.exists(page):
        fail(f"no {page}")
        return
    table = tables_of(page).get("salidzinajums")
    if not table:
        fail(f"{page}: no table#salidzinajums")
        return
    head, rows = table["head"], table["rows"]
    keys = ["municipality", "region", "institutions", "students", "teachers", "ce_mean", "ce_met",
            "ce_with_index", "pd_share", "methodologists", "budget"]
    if len(head) != len(keys):
        fail(f"{page}: {len(head)} columns, expected {len(keys)}")
        return
    col = {k: i for i, k in enumerate(keys)}
    # 1. The CSV is the HTML table.
    data_dir = os.path.join(out, prefix, "dati")
    with open(os.path.join(data_dir, "latvija/salidzinajums.csv"), encoding="utf-8-sig",
              newline="") as f:
        csv_rows = list(csv.reader(f))
    if csv_rows[0][1:] != head:
        fail(f"{prefix or 'lv'}: CSV header {csv_rows[0][1:]} != HTML {head}")
    if len(csv_rows) - 1 != len(rows):
        fail(f"{prefix or 'lv'}: CSV has {len(csv_rows) - 1} rows, the HTML table {len(rows)}")
    for (cls, cells), crow in zip(rows, csv_rows[1:]):
        kind = "total" if "total" in cls else "data"
        if crow[0] != kind:
            fail(f"{prefix or 'lv'}: row {cells[0][0]}: CSV kind {crow[0]}, HTML {kind}")
        for k, ((text, _), value) in enumerate(zip(cells, crow[1:])):
            if k < 2:
                same = text == value or (not value and text in ("", "—"))
            else:
                a, b = number(text), number(value)
                same = a == b if a is None or b is None else abs(a - b) < 1e-9
            if not same:
                fail(f"{prefix or 'lv'}: {cells[0][0]}, {head[k]}: HTML {text!r}, CSV {value!r}")
    # 2. Each municipality's row against its own page and open data.
    year, ce_year = year_of(head[col["students"]]), year_of(head[col["ce_mean"]])
    sums = {k: None for k in ("institutions", "students", "teachers", "methodologists", "budget")}
    every_index = []
    national = None
    for cls, cells in rows:
        if "total" in cls:
            national = cells
            continue
        m = re.search(r"pasvaldibas/([a-z0-9-]+)/$", cells[0][1] or "")
        if not m:
            fail(f"{cells[0][0]}: no link to the municipality's page")
            continue
        mid = m.group(1)
        here = os.path.join(data_dir, mid)
        shown = {k: number(cells[col[k]][0]) for k in keys[2:]}
        want = {}
        inst = os.path.join(here, "iestades.csv")
        want["institutions"] = len(read_csv(inst)) if os.path.exists(inst) else 0
        want["students"] = want["teachers"] = None
        dyn = os.path.join(here, "dinamika.csv")
        if os.path.exists(dyn) and year:
            for r in read_csv(dyn):
                v = list(r.values())
                if v[0] == year:
                    want["students"], want["teachers"] = number(v[2]), number(v[3])
        indexes = []
        ce = os.path.join(here, "ce-indekss.csv")
        if os.path.exists(ce) and ce_year:
            for r in read_csv(ce):
                v = list(r.values())
                if v[1] == ce_year and number(v[6]) is not None:
                    indexes.append(number(v[6]))
        every_index += indexes
        want["ce_with_index"] = len(indexes) or None
        me = os.path.join(here, "metodiki.csv")
        want["methodologists"] = len(read_csv(me)) if os.path.exists(me) else 0
        budget = None
        for b in sorted(glob.glob(os.path.join(here, "budzets-*.csv"))):
            for r in read_csv(b):
                if r.get("row") == "total":
                    budget = (budget or 0) + number(list(r.values())[-2])
        want["budget"] = budget
        for k, v in want.items():
            if shown[k] != (float(v) if v is not None else None):
                fail(f"{prefix or 'lv'}: {mid}: {head[col[k]]} shown {shown[k]}, its data say {v}")
            if k in sums and v is not None:
                sums[k] = (sums[k] or 0) + v
        # Indexes rounded to one decimal give the mean within 0.05, and the mean shown is rounded
        # to one decimal too: within 0.1 in all.
        if indexes and (shown["ce_mean"] is None or
                        abs(shown["ce_mean"] - sum(indexes) / len(indexes)) > 0.1001):
            fail(f"{prefix or 'lv'}: {mid}: exam index mean {shown['ce_mean']}, "
                 f"its schools' indexes {indexes}")
        if not indexes and shown["ce_mean"] is not None:
            fail(f"{prefix or 'lv'}: {mid}: a mean exam index without any school's index")
        # The development share as the municipality page's table says it, word for word.
        mpage = os.path.join(out, prefix, "pasvaldibas", mid, "index.html")
        pd = tables_of(mpage).get("pilnveide")
        if pd is None and os.path.exists(os.path.join(out, prefix, "pasvaldibas", mid, "pilnveide")):
            pd = tables_of(os.path.join(out, prefix, "pasvaldibas", mid, "pilnveide/index.html")).get("pilnveide")
        if pd:
            total = [c for cls2, c in pd["rows"] if "total" in cls2]
            if total:
                texts = [t for t, _ in total[-1]]
                if cells[col["pd_share"]][0] not in texts:
                    fail(f"{prefix or 'lv'}: {mid}: development share {cells[col['pd_share']][0]!r}"
                         f" is not in its page's total row {texts}")
    # 3. The nation.
    if national is None:
        fail(f"{prefix or 'lv'}: no national row")
        return
    for k, v in sums.items():
        if number(national[col[k]][0]) != (float(v) if v is not None else None):
            fail(f"{prefix or 'lv'}: national {head[col[k]]} {national[col[k]][0]!r}, sum {v}")
    if every_index:
        mean = sum(every_index) / len(every_index)
        got = number(national[col["ce_mean"]][0])
        if got is None or abs(got - mean) > 0.1001:
            fail(f"{prefix or 'lv'}: national exam index {got}, every school's mean {mean:.2f}")


for prefix in [""] + sorted(d for d in os.listdir(out)
                            if len(d) == 2 and os.path.isdir(os.path.join(out, d, "pasvaldibas"))):
    check_site_lang(prefix)
print("comparison:", "FAILED" if failures else "the table, its CSV and the municipalities agree")
sys.exit(1 if failures else 0)
