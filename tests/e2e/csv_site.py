#!/usr/bin/env python3
"""Converts a site's YAML/JSON data files to CSV tables, as a data officer's spreadsheet saves them.

  csv_site.py SRC DST [--style latvian|plain] [--only GLOB,...] [--keep GLOB,...] [--map FILE]

Copies the site folder SRC to DST (which must not exist) and replaces data files by .csv files
following docs/data-model.md "CSV tables": a header row of dotted field names, one row per entry,
one row per record of a list inside an entry (a teacher's courses, an olympiad's results, a
programme's actions and budget lines), list fields as comma-separated items, absent values as
empty cells.

--style latvian (the default) writes what a Latvian spreadsheet program saves: a byte order mark,
";" between cells, CRLF line ends, decimal commas, thousands grouped with a space or a no-break
space, dates as 31.08.2025., logical cells as PATIESS/APLAMS. --style plain writes ",", LF, ISO
dates and decimal points, as a program's export would.
--only converts just the data files whose path (relative to DST, e.g. data/schools/*.yml) matches
one of the globs; --keep leaves those matching as they are. --map writes "new path<TAB>old path" for
every converted file (to compare outputs that name their source files).

  csv_site.py --workbook DIR SITE FILE...

writes each data FILE of SITE (paths relative to SITE) as a workbook DIR/<n>.xlsx with openpyxl:
numbers as numbers (thousands shown grouped), dates as dates shown DD.MM.YYYY, as a data officer
keeps them; DIR/sheets.txt lists "<n><TAB>FILE". LibreOffice then saves them as CSV.

Used by tests/e2e/run_csv.sh (a converted site must build byte-identical output) and by
bench/to_csv.py. Needs PyYAML (python3-yaml). The shapes below repeat load/csv.cc's table.
"""
import argparse
import datetime
import fnmatch
import json
import os
import shutil
import sys

import yaml

# Lists of records inside an entry (one row per record) with their continuation key, and the
# fields whose cell holds a list; by slot (load/csv.cc csv_shape).
RECORD_LISTS = {
    "olympiads": {"results": None},
    "programmes": {"actions": None, "budget": "id", "budget.lines": None},
    "private/teachers": {"courses": None},
}
ENTRY_KEY = {"olympiads": "id", "programmes": "id", "private/teachers": "id"}
LIST_FIELDS = {
    "schools": {"tags"},
    "methodologists": {"subjects"},
    "materials": {"subjects"},
    "olympiads": {"grades"},
    "events": {"audience", "subjects"},
}
SLOTS = ["subjects", "municipalities", "schools", "methodologists", "olympiads", "materials",
         "events", "metrics", "programmes", "private/teachers"]

NBSP = "\u00a0"


def slot_of(rel):
    """data/schools/x.yaml -> schools."""
    base = os.path.splitext(rel[len("data/"):])[0]
    for s in SLOTS:
        if base == s or base.startswith(s + "/"):
            return s
    return None


class Native:
    """Values as a spreadsheet holds them (for --workbook): numbers and dates stay themselves."""
    delim = ";"

    def number(self, x):
        return x

    def date(self, d):
        return d

    def text(self, s):
        return s


class Style:
    def __init__(self, name, file_index=0):
        self.latvian = name == "latvian"
        # Alternate the thousands separator between files, as different programs do.
        self.thousands = " " if file_index % 2 == 0 else NBSP
        self.delim = ";" if self.latvian else ","

    def number(self, x):
        if isinstance(x, bool):
            return ("PATIESS" if x else "APLAMS") if self.latvian else ("true" if x else "false")
        if isinstance(x, int):
            s = str(abs(x))
            if self.latvian and len(s) > 4:  # not years: a spreadsheet shows 2025, 16 018
                groups = []
                while len(s) > 3:
                    groups.insert(0, s[-3:])
                    s = s[:-3]
                groups.insert(0, s)
                s = self.thousands.join(groups)
            return ("-" if x < 0 else "") + s
        s = repr(x)
        if "e" in s or "inf" in s or "nan" in s:
            raise SystemExit(f"cannot write the number {s} in a cell")
        if not self.latvian:
            return s
        s = s.replace(".", ",")
        whole, _, frac = s.lstrip("-").partition(",")
        if len(whole) <= 3 and len(frac) == 3:
            s += "0"  # 1,125 could be read as 1125 (Metodika refuses it): 1,1250
        return s

    def date(self, d):
        return d.strftime("%d.%m.%Y.") if self.latvian else d.isoformat()

    def text(self, s):
        """Dates and times written as text in YAML (2025-05-07T10:00) in the Latvian form."""
        if not self.latvian:
            return s
        for fmt, out in (("%Y-%m-%d", "%d.%m.%Y."), ("%Y-%m-%dT%H:%M", "%d.%m.%Y. %H:%M"),
                         ("%Y-%m-%d %H:%M", "%d.%m.%Y. %H:%M")):
            try:
                return datetime.datetime.strptime(s, fmt).strftime(out)
            except ValueError:
                pass
        return s


def cell(value, style):
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return style.number(value)
    if isinstance(value, datetime.datetime):
        raise SystemExit(f"a timestamp with seconds is not expected: {value}")
    if isinstance(value, datetime.date):
        return style.date(value)
    if isinstance(value, str):
        return style.text(value)
    raise SystemExit(f"not a single value: {value!r}")


def is_text_map(value):
    return isinstance(value, dict) and value and all(
        isinstance(k, str) and len(k) == 2 and k.islower() for k in value)


def text_maps(entry, slot, path, found):
    """The dotted names of fields given as texts by language ({lv: ..., en: ...}) anywhere."""
    for key, value in entry.items():
        name = f"{path}{key}"
        if is_text_map(value):
            found.add(name)
        elif isinstance(value, list) and name in RECORD_LISTS.get(slot, {}):
            for item in value:
                text_maps(item, slot, name + ".", found)
        elif isinstance(value, dict):
            text_maps(value, slot, name + ".", found)


# Set by table(): a text field that is a map by language in some entry is given in columns
# name.lv, name.en for all; a plain text then fills every language (the same Text in the model).
TEXT_MAPS = set()
LANGUAGES = ["lv", "en"]
# --text-columns union: a plain text stays in the column `title` beside `title.lv`, `title.en`
# (what a converter flattening each entry on its own writes).
UNION_TEXT = [False]


def flatten(entry, slot, style, prefix=""):
    """The cells of one map (no record lists): {dotted name: text}."""
    out = {}
    lists = LIST_FIELDS.get(slot, set())
    for key, value in entry.items():
        name = f"{prefix}{key}"
        if name in TEXT_MAPS and isinstance(value, str) and not UNION_TEXT[0]:
            value = {lang: value for lang in LANGUAGES}
        if isinstance(value, dict):
            out.update(flatten(value, slot, style, name + "."))
        elif isinstance(value, list):
            if name not in lists:
                raise SystemExit(f"{name}: a list where none is expected")
            items = [str(cell(v, style)) for v in value]
            if any("," in i for i in items):
                raise SystemExit(f"{name}: a list item holds a comma: {items}")
            out[name] = ", ".join(items)
        else:
            out[name] = cell(value, style)
    return out


def record_rows(entry, slot, style, path, repeat):
    """Rows (dicts of cells) for one entry or record, with its lists of records below `path`."""
    lists = {p: k for p, k in RECORD_LISTS.get(slot, {}).items()}
    own_lists = [p for p in lists if p.startswith(path) and "." not in p[len(path):]]
    own = {k: v for k, v in entry.items() if (path + str(k)) not in own_lists}
    head = flatten(own, slot, style, path)
    parts = []  # per list: its rows
    for lp in own_lists:
        field = lp[len(path):]
        items = entry.get(field) or []
        rows = []
        for item in items:
            rows.extend(record_rows(item, slot, style, lp + ".", repeat))
        parts.append(rows)
    # Rows of different lists share rows (an action and a budget line on one row).
    n = max([1] + [len(r) for r in parts])
    rows = []
    for i in range(n):
        row = dict(head) if (i == 0 or repeat) else {}
        if i > 0 and not repeat:
            # a continuation row: only its key, when it has one
            key = lists.get(path[:-1]) if path else ENTRY_KEY.get(slot)
            if key and (path + key) in head and i % 2 == 1:
                row[path + key] = head[path + key]
        for r in parts:
            if i < len(r):
                row.update(r[i])
        rows.append(row)
    return rows


def table(doc, slot, style, repeat):
    entries = doc if isinstance(doc, list) else ([] if doc is None else [doc])
    TEXT_MAPS.clear()
    for e in entries:
        text_maps(e, slot, "", TEXT_MAPS)
    rows = []
    for e in entries:
        rows.extend(record_rows(e, slot, style, "", repeat))
    header = []
    for r in rows:
        for k in r:
            if k not in header:
                header.append(k)
    return header, rows


def write_csv(path, header, rows, style):
    def q(s):
        if s == "" or not (style.delim in s or '"' in s or "\n" in s or "\r" in s
                           or s != s.strip(" \t")):
            return s
        return '"' + s.replace('"', '""') + '"'
    eol = "\r\n" if style.latvian else "\n"
    lines = [style.delim.join(q(h) for h in header)]
    for r in rows:
        lines.append(style.delim.join(q(r.get(h, "")) for h in header))
    text = eol.join(lines) + eol
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if style.latvian else "") + text)


def load(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def convert(dst, rel, style, repeat):
    slot = slot_of(rel)
    src = os.path.join(dst, rel)
    header, rows = table(load(src), slot, style, repeat)
    new_rel = os.path.splitext(rel)[0] + ".csv"
    write_csv(os.path.join(dst, new_rel), header, rows, style)
    os.remove(src)
    return new_rel


def workbooks(out, site, files):
    """Each data file as a one-sheet workbook with native values and Latvian display formats."""
    import openpyxl
    os.makedirs(out, exist_ok=True)
    listing = []
    for n, rel in enumerate(files, 1):
        header, rows = table(load(os.path.join(site, rel)), slot_of(rel), Native(), False)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append([r.get(h) for h in header])
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, datetime.date):
                    c.number_format = "DD.MM.YYYY"
                elif isinstance(c.value, int) and not isinstance(c.value, bool) and c.value >= 10000:
                    c.number_format = "#,##0"
        wb.save(os.path.join(out, f"{n}.xlsx"))
        listing.append(f"{n}\t{rel}\n")
    with open(os.path.join(out, "sheets.txt"), "w", encoding="utf-8") as f:
        f.writelines(listing)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--workbook":
        if len(sys.argv) < 4:
            raise SystemExit("usage: csv_site.py --workbook DIR SITE FILE...")
        workbooks(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--style", choices=("latvian", "plain"), default="latvian")
    ap.add_argument("--only", default="")
    ap.add_argument("--keep", default="")
    ap.add_argument("--map")
    ap.add_argument("--text-columns", choices=("expand", "union"), default="expand")
    ap.add_argument("--typed", action="store_true",
                    help="teacher records as typed too: a course row leaves its teacher's cells empty")
    args = ap.parse_args()
    only = [g for g in args.only.split(",") if g]
    UNION_TEXT[0] = args.text_columns == "union"
    keep = [g for g in args.keep.split(",") if g]
    shutil.copytree(args.src, args.dst, ignore=shutil.ignore_patterns(".metodika-cache"))
    for name in ("site.yaml", "site.yml", "site.json"):
        if os.path.exists(os.path.join(args.dst, name)):
            site = load(os.path.join(args.dst, name)) or {}
            LANGUAGES[:] = site.get("languages") or LANGUAGES
    converted = []
    data = os.path.join(args.dst, "data")
    files = sorted(os.path.relpath(os.path.join(d, f), args.dst)
                   for d, _, fs in os.walk(data) for f in fs)
    index = 0
    for rel in files:
        if not rel.endswith((".yaml", ".yml", ".json")) or slot_of(rel) is None:
            continue
        if only and not any(fnmatch.fnmatch(rel, g) for g in only):
            continue
        if any(fnmatch.fnmatch(rel, g) for g in keep):
            continue
        # Teacher records as a database export (every row complete); the rest as typed, with
        # a continuation row's own cells left empty.
        repeat = slot_of(rel) == "private/teachers" and not args.typed
        converted.append((convert(args.dst, rel, Style(args.style, index), repeat), rel))
        index += 1
    if args.map:
        with open(args.map, "w", encoding="utf-8") as f:
            for new, old in converted:
                f.write(f"{new}\t{old}\n")
    print(f"csv_site.py: {len(converted)} data files converted to CSV", file=sys.stderr)


if __name__ == "__main__":
    main()
