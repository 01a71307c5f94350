#!/usr/bin/env python3
"""Checks the Excel annexes of a built site, independently of the compiler.

  check_xlsx.py SITE_DIR OUT_DIR RECALC_DIR [--budget MUNICIPALITY=Y1,Y2,...,TOTAL]

For every workbook under OUT_DIR/parskati/:
  - the workbook opens with openpyxl; its properties name the author and the creation date;
  - formulas are where totals are: in every budget sheet, each group row, line total and the
    totals row; in the national summary, the totals row; every formula has a cached value;
  - budget sheets agree with an independent computation from the site's data/programmes/;
  - recalculated by LibreOffice (RECALC_DIR holds the files LibreOffice wrote, one per workbook),
    no value changes: every cell of every sheet is the same as cached by the compiler;
  - no string in any part of the file holds a name or id from data/private/;
  - every sheet with rows holds them in one named Excel table headed by the first row, and the
    properties have a description (accessibility, EN 301 549 clause 10).
--budget asserts the recalculated totals row of the named municipality's budget sheet (euros).

Prints PASS/FAIL lines and 'N passed, N failed'; exits 1 on any failure.
"""
import datetime
import glob
import html
import json
import math
import os
import re
import sys
import zipfile

import openpyxl
import yaml

results = {"pass": 0, "fail": 0}


def check(ok, what, why=""):
    if ok:
        results["pass"] += 1
        print(f"PASS  {what}")
    else:
        results["fail"] += 1
        print(f"FAIL  {what}" + (f"\n        {why}" if why else ""))


def load_data(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else yaml.safe_load(f)


def data_files(site, sub):
    """Files of a collection: data/<sub>.{yaml,yml,json} and data/<sub>/*."""
    base = os.path.join(site, "data", sub)
    files = [base + ext for ext in (".yaml", ".yml", ".json") if os.path.exists(base + ext)]
    for ext in ("yaml", "yml", "json"):
        files += glob.glob(os.path.join(base, "**", "*." + ext), recursive=True)
    return sorted(files)


def text(v, lang="lv"):
    return v.get(lang, next(iter(v.values()))) if isinstance(v, dict) else v


def expected_budgets(site):
    """Programme title -> {"years": {year: euros}, "groups": {gid: ...}, "lines": {lid: ...}}:
    every total computed here from the data, in cents, as section 11 defines them."""
    out = {}
    for path in data_files(site, "programmes"):
        doc = load_data(path)
        for prog in doc if isinstance(doc, list) else [doc]:
            years, groups, lines = {}, {}, {}
            for g in prog.get("budget", []):
                gy = {}
                for line in g.get("lines", []):
                    ly = {int(y): round(float(a) * 100) for y, a in (line.get("amounts") or {}).items()}
                    lines[str(line["id"])] = ly
                    for y, c in ly.items():
                        gy[y] = gy.get(y, 0) + c
                        years[y] = years.get(y, 0) + c
                groups[str(g["id"])] = gy
            out[prog["municipality"] + "/" + str(prog["id"])] = {
                "municipality": prog["municipality"], "years": years, "groups": groups,
                "lines": lines, "title": text(prog.get("title", ""))}
    return out


def private_needles(site):
    needles = set()
    for path in data_files(site, os.path.join("private", "teachers")):
        for rec in load_data(path) or []:
            for key in ("id", "name"):
                if rec.get(key):
                    needles.add(str(rec[key]))
    return needles


def same(a, b):
    if isinstance(a, datetime.datetime) or isinstance(b, datetime.datetime):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return (a if a != "" else None) == (b if b != "" else None)


def header_map(ws):
    return {c.value: c.column for c in ws[1] if c.value is not None}


def budget_sheets(wb):
    """Sheets laid out as a budget: an "ID" column, year columns and a total column."""
    for ws in wb.worksheets:
        heads = [c.value for c in ws[1]]
        if heads[:1] == ["ID"] and any(isinstance(h, str) and re.fullmatch(r"\d{4}", h) for h in heads):
            yield ws


def check_workbook(path, recalc_path, budgets, needles, expect):
    name = os.path.basename(path)
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    props = formulas.properties
    check(bool(props.creator) and props.created is not None and bool(props.title),
          f"{name}: title, author and creation date set", f"{props.title!r} {props.creator!r} {props.created!r}")

    # Every formula has a cached value.
    missing = [f"{ws.title}!{c.coordinate}" for ws in formulas.worksheets for row in ws.iter_rows()
               for c in row if isinstance(c.value, str) and c.value.startswith("=")
               and cached[ws.title][c.coordinate].value is None]
    check(not missing, f"{name}: every formula has a cached value", ", ".join(missing[:10]))

    # Accessible workbooks (EN 301 549 clause 10): a description in the properties, and every
    # sheet with rows has them in a named Excel table whose headers are the first row's labels;
    # a table with group rows (bold, filled, above their items) carries no filter.
    check(bool(props.description), f"{name}: a description in the document properties",
          repr(props.description))
    bad_tables = []
    for ws in formulas.worksheets:
        if ws.max_row < 2 or ws.cell(2, 1).value is None:
            continue
        tables = list(ws.tables.values())
        if len(tables) != 1:
            bad_tables.append(f"{ws.title}: {len(tables)} tables")
            continue
        table = tables[0]
        first, last = table.ref.split(":")
        headers = [c.name for c in table.tableColumns]
        labels = [ws.cell(1, i + 1).value for i in range(len(headers))]
        if first != "A1" or headers != [str(v) for v in labels]:
            bad_tables.append(f"{ws.title}: {table.ref} headers {headers[:3]} vs {labels[:3]}")
        if not table.name or table.name.lower().startswith("table"):
            bad_tables.append(f"{ws.title}: table named {table.name!r}")
    check(not bad_tables, f"{name}: every sheet's data is a named Excel table", "; ".join(bad_tables[:5]))

    # Budget sheets: formulas where totals are, values as computed from the data.
    for ws in budget_sheets(formulas):
        cws = cached[ws.title]
        heads = header_map(ws)
        year_cols = {int(h): col for h, col in heads.items() if isinstance(h, str) and re.fullmatch(r"\d{4}", h)}
        total_col = max(year_cols.values()) + 1
        not_formula, wrong = [], []
        mun = name.rsplit("-", 2)[0]
        progs = [b for b in budgets.values() if b["municipality"] == mun]
        for r in range(2, ws.max_row + 1):
            rid, label = ws.cell(r, 1).value, ws.cell(r, 2).value
            if rid is None and label is None:
                break
            is_total = rid is None
            is_group = not is_total and any(str(rid) in p["groups"] for p in progs) and \
                not any(str(rid) in p["lines"] for p in progs)
            cells = [total_col] + (list(year_cols.values()) if (is_total or is_group) else [])
            for col in cells:
                v = ws.cell(r, col).value
                if not (isinstance(v, str) and v.startswith("=")):
                    not_formula.append(ws.cell(r, col).coordinate)
            # Independent totals.
            for p in progs:
                src = p["years"] if is_total else p["groups"].get(str(rid)) if is_group else p["lines"].get(str(rid))
                if src is None:
                    continue
                for y, col in year_cols.items():
                    got = round((cws.cell(r, col).value or 0) * 100)
                    if got != src.get(y, 0):
                        wrong.append(f"{ws.cell(r, col).coordinate}={got / 100} expected {src.get(y, 0) / 100}")
                got = round((cws.cell(r, total_col).value or 0) * 100)
                if got != sum(src.values()):
                    wrong.append(f"{ws.cell(r, total_col).coordinate}={got / 100} expected {sum(src.values()) / 100}")
                break
        check(not not_formula, f"{name}: {ws.title}: totals are formulas", ", ".join(not_formula[:10]))
        check(not wrong, f"{name}: {ws.title}: totals equal an independent sum of the data", ", ".join(wrong[:10]))

    # The national summary's totals row is formulas where it sums counts.
    if name.startswith("latvija-"):
        ws = formulas.worksheets[0]
        last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value is not None and ws.cell(r, 3).value is not None)
        row = [ws.cell(last, c).value for c in range(1, ws.max_column + 1)]
        n_formulas = sum(1 for v in row if isinstance(v, str) and v.startswith("="))
        check(n_formulas >= 3, f"{name}: the national totals row has SUM formulas", repr(row))

    # Recalculated by LibreOffice: nothing changes.
    recalc = openpyxl.load_workbook(recalc_path, data_only=True)
    diffs, n_formula_cells = [], 0
    for ws in formulas.worksheets:
        cws, rws = cached[ws.title], recalc[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    n_formula_cells += 1
                a, b = cws[c.coordinate].value, rws[c.coordinate].value
                if not same(a, b):
                    diffs.append(f"{ws.title}!{c.coordinate}: cached {a!r}, recalculated {b!r}")
    check(not diffs, f"{name}: LibreOffice recalculation changes no value ({n_formula_cells} formulas)",
          "; ".join(diffs[:10]))

    # Budget expectations (the seed's Ventspils figures).
    for mun, values in expect.items():
        if not re.fullmatch(re.escape(mun) + r"-\d{4}-\d{4}\.xlsx", name):
            continue
        ws = next(budget_sheets(formulas))
        rws = recalc[ws.title]
        total_row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value is None)
        got = [rws.cell(total_row, c).value for c in range(3, 3 + len(values))]
        check(got == values, f"{name}: budget totals by formula are {values}", f"got {got}")

    # Private data: no name or id in any part of the file.
    leaks = []
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            body = html.unescape(z.read(part).decode("utf-8", "replace"))
            leaks += [f"{part}: {n}" for n in needles if n in body]
    check(not leaks, f"{name}: nothing from data/private/ ({len(needles)} names and ids)", "; ".join(leaks[:10]))


def main():
    args = sys.argv[1:]
    expect = {}
    while "--budget" in args:
        i = args.index("--budget")
        mun, values = args[i + 1].split("=")
        expect[mun] = [int(v) for v in values.split(",")]
        del args[i:i + 2]
    site, out, recalc_dir = args
    files = sorted(glob.glob(os.path.join(out, "parskati", "*.xlsx")))
    check(len(files) > 1, f"annexes written ({len(files)})")
    budgets = expected_budgets(site)
    needles = private_needles(site)
    for path in files:
        check_workbook(path, os.path.join(recalc_dir, os.path.basename(path)), budgets, needles, expect)
    print(f"{results['pass']} passed, {results['fail']} failed")
    sys.exit(1 if results["fail"] else 0)


if __name__ == "__main__":
    main()
