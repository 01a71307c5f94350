#!/usr/bin/env python3
"""Recomputes a built site's figures from its data, independently of the compiler, and checks
that the site, the open data, the review (HTML and PDF text) and the workbook all say them.

  recompute.py SITE_DIR OUT_DIR

Only DATA-MODEL.md is followed here (this file shares no code with the compiler): the data is
read with PyYAML/json, every figure is computed in Python, and the outputs are read as a user's
tools read them (json, openpyxl, pdftotext, the HTML text). For every municipality:
  - the centralised exam index of every school and school year (section 10.1: the rule in force
    on 30 June of the year, mean or min of the three exams, met when at least the threshold; no
    index without three results): the open data (ce-indekss.json) has every school year, the
    workbook's exam sheet exactly the review period's, with the same index and result; the
    review's PDF text and HTML show each index of the period, and no school year outside it;
  - the network by school year (students and teachers summed over the institutions): the open
    data (dinamika.json) agrees;
  - olympiad results (section 7) of its schools: the open data (olimpiades.json) has every one;
    the workbook's olympiad sheet exactly those whose school year is in the review period, with
    the same sums of participants and places;
  - the development norm on `as_of` (sections 12 and 15: courses in (D - years, D], at least
    `hours`): the workbook's development sheet has each school's teacher records, teachers
    meeting the norm and share, or nothing where fewer than `small_cell` teachers would be shown.
The key figures atop each municipality page, its own beside the nation's (institutions, students
and teachers in the latest school year with students, the mean exam index of the latest school
year with an index, the schools meeting the rule, the methodologists). And for the nation (the
national workbook, a row per municipality and school year of the review
period, then the nation's rows): the network, each diagnostic test's schools, mean and spread,
and the quality records' sums and the satisfaction's spread (each school one observation).
Prints PASS/FAIL lines and 'N passed, N failed'; exits 1 on any failure.
"""
import datetime
import glob
import html
import json
import os
import re
import subprocess
import sys

import openpyxl
import yaml

results = {"pass": 0, "fail": 0}


def check(ok, what, why=""):
    key = "pass" if ok else "fail"
    results[key] += 1
    if ok:
        print(f"PASS  {what}")
    else:
        print(f"FAIL  {what}" + (f"\n        {why}" if why else ""))


# --- the data, as DATA-MODEL.md section 1 describes it -----------------------------------------

def load_file(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.safe_load(f)


def load(site, name):
    """data/NAME.{yaml,yml,json}, or every file of data/NAME/ concatenated (lists)."""
    for ext in (".yaml", ".yml", ".json"):
        if os.path.isfile(os.path.join(site, "data", name + ext)):
            return load_file(os.path.join(site, "data", name + ext))
    folder = os.path.join(site, "data", name)
    if os.path.isdir(folder):
        out = []
        for path in sorted(glob.glob(os.path.join(folder, "*"))):
            if path.endswith((".yaml", ".yml", ".json")):
                data = load_file(path)
                out += data if isinstance(data, list) else [data]
        return out
    return None


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def num(value):
    """A number as the data may write it: 41.5, "41.5" (quoted numbers are accepted), or None."""
    return None if value is None else float(value)


def by_year(mapping):
    return {int(k): v for k, v in (mapping or {}).items() if v is not None}


def school_year(day):
    """The school year a date falls in, by its end year (section 2.1)."""
    return day.year + 1 if day.month >= 9 else day.year


DEFAULT_RULES = {
    "ce_index": [{"from": "2020-08-01", "to": "2025-07-31", "method": "mean", "threshold": 40},
                 {"from": "2025-08-01", "to": "2029-07-31", "method": "min", "threshold": 50}],
    "pd": {"hours": 36, "years": 3},
    "small_cell": 5,
}


def rule_for(rules, year):
    day = datetime.date(year, 6, 30)
    for rule in rules["ce_index"]:
        if as_date(rule["from"]) <= day <= as_date(rule["to"]):
            return rule
    return None


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- the outputs --------------------------------------------------------------------------------

def lv_percent(value):
    """A share as the site and the review print it: 53,2%."""
    return f"{value:.1f}".replace(".", ",") + "%"


def lv_school_year(year):
    return f"{year - 1}./{year}."


def page_text(path):
    """The text of an HTML page, tags dropped, entities decoded, spaces made plain."""
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"<[^>]+>", " ", f.read())
    return html.unescape(text).replace("\u00a0", " ").replace("\u202f", " ")


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.replace("\u00a0", " ").replace("\u202f", " ")


def open_data(out, municipality, table):
    path = os.path.join(out, "dati", municipality, table + ".json")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sheet_rows(workbook, table_name, totals=False):
    """The rows of the named Excel table as dicts by header label; None without that table.
    With `totals`, also the total rows right under it (outside the Excel table), up to the first
    empty row."""
    for ws in workbook.worksheets:
        for table in ws.tables.values():
            if table.name != table_name:
                continue
            cells = [[c.value for c in row] for row in ws[table.ref]]
            header = [str(h) for h in cells[0]]
            if totals:
                last = ws[table.ref][-1][0].row
                for row in ws.iter_rows(min_row=last + 1, max_col=len(header), values_only=True):
                    if all(v is None for v in row):
                        break
                    cells.append(list(row))
            return [dict(zip(header, row)) for row in cells[1:]]
    return None


def column(row, *labels):
    for label in labels:
        if label in row:
            return row[label]
    raise KeyError(f"none of {labels} in {sorted(row)}")


def close(a, b, tolerance):
    return a is not None and b is not None and abs(float(a) - float(b)) <= tolerance


def lv_name(value):
    return value if isinstance(value, str) else value["lv"]


def school_spread(values):
    """count, mean, lowest, median (the mean of the middle two for an even count), highest."""
    values = sorted(values)
    n = len(values)
    if n == 0:
        return (0, None, None, None, None)
    mid = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    return (n, sum(values) / n, values[0], mid, values[-1])


# --- the checks ---------------------------------------------------------------------------------

def lv_number(text):
    """A number as a page prints it ("93 788", "50,3%", "2 741 650 EUR"), or None ("—", a reason)."""
    text = text.replace("\u00a0", " ").replace("%", "").replace("EUR", "").replace(" ", "")
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def check_key_figures(out, rules, municipalities, schools, metrics, methodologists):
    """The key figures at the top of each municipality page, beside the nation's: institutions,
    students and teachers in the latest school year any institution reports students for, the
    mean exam index in the latest school year with an index (each school one observation) and
    the schools meeting the rule and having an index, and the methodologists attached."""
    students = {}
    for s in schools:
        for y in by_year(s.get("students")):
            students.setdefault(y, True)
    year = max(students) if students else None
    index_of = {}  # (school, year) -> index
    for r in metrics:
        y = int(r["year"])
        rule = rule_for(rules, y)
        scores = [num((r.get("ce") or {}).get(k)) for k in ("mathematics", "latvian", "foreign")]
        if rule is None or not r.get("ce") or any(v is None for v in scores):
            continue
        value = sum(scores) / 3 if rule["method"] == "mean" else min(scores)
        index_of[(r["school"], y)] = (value, value >= num(rule["threshold"]) - 1e-9)
    ce_year = max((y for _, y in index_of), default=None)

    def figures(ids):
        ids = set(ids)
        f = {"Izglītības iestādes": len(ids)}
        if year is not None:
            label = f"{lv_school_year(year)} m. g."
            reporting = [s for s in schools if s["id"] in ids and year in by_year(s.get("students"))]
            # No institution reporting the year: no figure ("—"), never 0.
            f[f"Izglītojamie, {label}"] = sum(int(num(by_year(s["students"])[year]))
                                              for s in reporting) if reporting else None
            with_teachers = [s for s in schools if s["id"] in ids and year in by_year(s.get("teachers"))]
            f[f"Pedagogi, {label}"] = sum(int(num(by_year(s["teachers"])[year]))
                                          for s in with_teachers) if with_teachers else None
        if ce_year is not None:
            label = f"{lv_school_year(ce_year)} m. g."
            here = [index_of[(i, ce_year)] for i in sorted(ids) if (i, ce_year) in index_of]
            if here:
                f[f"CE indekss, vidēji, {label}"] = sum(v for v, _ in here) / len(here)
                f[f"Iestādes, kas izpilda CE indeksu, {label}"] = sum(1 for _, met in here if met)
                f[f"Iestādes ar CE indeksu, {label}"] = len(here)
        return f

    nation = figures(s["id"] for s in schools)
    nation["Metodiķi"] = sum(1 for me in methodologists
                             if me.get("municipality") in {m["id"] for m in municipalities})
    for m in municipalities:
        mid = m["id"]
        path = os.path.join(out, "pasvaldibas", mid, "index.html")
        with open(path, encoding="utf-8") as f:
            page = f.read()
        table = re.search(r'<table class="key-figures">(.*?)</table>', page, re.S)
        if not table:
            check(False, f"{mid}: the municipality page has its key figures")
            continue
        shown = {html.unescape(label): (html.unescape(a), html.unescape(b)) for label, a, b in
                 re.findall(r'<tr><th scope="row">(.*?)</th><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>',
                            table.group(1))}
        own = figures(s["id"] for s in schools if s["municipality"] == mid)
        own["Metodiķi"] = sum(1 for me in methodologists if me.get("municipality") == mid)
        wrong = []
        for label, expected in own.items():
            if label not in shown:
                wrong.append(f"{label}: not shown")
                continue
            for side, want in (("own", expected), ("nation", nation.get(label))):
                got = lv_number(shown[label][0 if side == "own" else 1])
                if want is None and got is None:
                    continue
                if want is None or got is None or abs(got - want) > (0.051 if "CE indekss" in label else 0):
                    wrong.append(f"{label} ({side}): page {shown[label]}, recomputed {want}")
        check(not wrong, f"{mid}: key figures beside the nation's = recomputed ({len(own)} figures)",
              "; ".join(wrong[:5]))


def check_national(out, stem, period, municipalities, schools, metrics, subjects):
    """The national workbook's network, diagnostic tests and quality: a row per municipality and
    school year of the period (and test), then the nation's rows, recomputed from the data."""
    path = os.path.join(out, "parskati", f"latvija-{stem}.xlsx")
    if not os.path.isfile(path):
        check(False, "national workbook exists", path)
        return
    workbook = openpyxl.load_workbook(path)
    national = "Latvijā kopā"
    name_of_municipality = {m["id"]: lv_name(m["name"]) for m in municipalities}
    where = {s["id"]: name_of_municipality[s["municipality"]] for s in schools}
    subject_name = {s["id"]: lv_name(s["name"]) for s in subjects}

    def year_of(row):
        return int(str(column(row, "Mācību gads")).split("/")[1][:4])

    def compare(what, table, want, key_of, values_of, tolerances):
        sheet = sheet_rows(workbook, table, totals=True)
        if sheet is None:
            check(False, f"national workbook has the table {table}")
            return
        got = {key_of(row): values_of(row) for row in sheet}
        wrong = []
        for key in sorted(set(want) | set(got), key=str):
            a, b = got.get(key), want.get(key)
            if a is None or b is None:
                wrong.append(f"{key}: workbook {a}, recomputed {b}")
                continue
            for x, y, tol in zip(a, b, tolerances):
                if (x is None) != (y is None) or (x is not None and abs(x - y) > tol):
                    wrong.append(f"{key}: workbook {a}, recomputed {b}")
                    break
        check(not wrong, f"national workbook {what} = recomputed, review period only "
              f"({len(want)} rows)", "; ".join(wrong[:5]))

    # Network (section 5): schools giving a count, students and teachers summed.
    network = {}
    for s in schools:
        years = set(by_year(s.get("students"))) | set(by_year(s.get("teachers")))
        for who in (where[s["id"]], national):
            for y in years:
                if y not in period:
                    continue
                n = network.setdefault((who, y), [0, None, None])
                n[0] += 1
                for i, field in ((1, "students"), (2, "teachers")):
                    v = by_year(s.get(field)).get(y)
                    if v is not None:
                        n[i] = (n[i] or 0) + int(num(v))
    compare("network", "dinamika", {k: tuple(v) for k, v in network.items()},
            lambda row: (column(row, "Pašvaldība"), year_of(row)),
            lambda row: (column(row, "Iestādes ar datiem"), column(row, "Izglītojamie"),
                         column(row, "Pedagogi")), (0, 0, 0))

    # Diagnostic tests (section 10): each school's result one observation.
    results_by = {}
    for r in metrics:
        year = int(r["year"])
        if year not in period:
            continue
        for grade, tests in (r.get("diagnostic") or {}).items():
            label = f"{grade[len('grade'):]}. klase, "
            for subject, value in (tests or {}).items():
                if value is None:
                    continue
                for who in (where[r["school"]], national):
                    key = (who, year, label + subject_name.get(subject, subject))
                    results_by.setdefault(key, []).append(num(value))
    want = {}
    for key, values in results_by.items():
        n, mean, low, mid, high = school_spread(values)
        want[key] = (n, mean / 100, low / 100, mid / 100, high / 100)
    compare("diagnostic tests", "diagnostika", want,
            lambda row: (column(row, "Pašvaldība"), year_of(row),
                         column(row, "Diagnosticējošais darbs")),
            lambda row: tuple(column(row, label) for label in (
                "Iestādes", "Rezultāts: vidēji iestādēs", "Rezultāts: Zemākais iestādē",
                "Rezultāts: Mediāna", "Rezultāts: Augstākais iestādē")),
            (0, 0.00051, 0.00051, 0.00051, 0.00051))

    # Quality (section 10): records giving a public figure (a head's evaluation is private).
    quality = {}
    for r in metrics:
        year = int(r["year"])
        if year not in period:
            continue
        observations = r.get("observations") or {}
        survey = r.get("survey") or {}
        figures = (observations.get("teachers"), observations.get("observed_twice"),
                   survey.get("respondents"), r.get("motivation_awards"))
        satisfaction = survey.get("satisfaction")
        if all(v is None for v in figures) and satisfaction is None:
            continue
        for who in (where[r["school"]], national):
            q = quality.setdefault((who, year), [0, None, None, None, None, []])
            q[0] += 1
            for i, v in enumerate(figures):
                if v is not None:
                    q[1 + i] = (q[1 + i] or 0) + int(num(v))
            if satisfaction is not None:
                q[5].append(num(satisfaction))
    want = {}
    for key, q in quality.items():
        n, mean, low, mid, high = school_spread(q[5])
        spread = (None,) * 4 if n == 0 else (mean / 100, low / 100, mid / 100, high / 100)
        want[key] = tuple(q[:5]) + spread
    compare("quality", "macibu_kvalitate", want,
            lambda row: (column(row, "Pašvaldība"), year_of(row)),
            lambda row: tuple(column(row, label) for label in (
                "Iestādes", "Vērotie pedagogi", "Vēroti pēc normas", "Aptaujas respondenti",
                "Motivācijas programmas apbalvojumi", "Apmierinātība: vidēji iestādēs",
                "Apmierinātība: Zemākais iestādē", "Apmierinātība: Mediāna",
                "Apmierinātība: Augstākais iestādē")),
            (0, 0, 0, 0, 0, 0.00051, 0.00051, 0.00051, 0.00051))


def main(site, out):
    config = next(load_file(os.path.join(site, name)) for name in ("site.yaml", "site.yml")
                  if os.path.isfile(os.path.join(site, name)))
    rules = dict(DEFAULT_RULES)
    rules.update(config.get("rules") or {})
    as_of = as_date(config["as_of"])
    period = range(int(config["review"]["from"]), int(config["review"]["to"]) + 1)
    stem = f"{period.start}-{period.stop - 1}"
    municipalities = load(site, "municipalities") or []
    schools = load(site, "schools") or []
    metrics = load(site, "metrics") or []
    olympiads = load(site, "olympiads") or []
    teachers = load(site, os.path.join("private", "teachers")) or []
    name_of = {s["id"]: s["name"] if isinstance(s["name"], str) else s["name"]["lv"]
               for s in schools}
    municipality_of = {s["id"]: s["municipality"] for s in schools}
    # Institutions that share a name with another (the national test data has some) cannot be
    # told apart in a table by name: their exam rows are left out of the by-name comparisons.
    names = [name_of[s["id"]] for s in schools]
    shared_names = {n for n in names if names.count(n) > 1}

    for m in municipalities:
        mid = m["id"]
        review_pdf = os.path.join(out, "parskati", f"{mid}-{stem}.pdf")
        workbook_path = os.path.join(out, "parskati", f"{mid}-{stem}.xlsx")
        if not os.path.isfile(review_pdf) or not os.path.isfile(workbook_path):
            check(False, f"{mid}: review and workbook exist", review_pdf)
            continue
        review = pdf_text(review_pdf)
        review_html = "".join(page_text(p) for p in sorted(glob.glob(
            os.path.join(out, "pasvaldibas", mid, "parskats", "**", "*.html"), recursive=True)))
        workbook = openpyxl.load_workbook(workbook_path)

        # Exam index (section 10.1).
        expected = {}
        for r in metrics:
            if municipality_of.get(r["school"]) != mid or not r.get("ce") or \
                    name_of[r["school"]] in shared_names:
                continue
            year = int(r["year"])
            rule = rule_for(rules, year)
            scores = [num(r["ce"].get(k)) for k in ("mathematics", "latvian", "foreign")]
            if rule is None or any(s is None for s in scores):
                index = None
            else:
                index = sum(scores) / 3 if rule["method"] == "mean" else min(scores)
            expected[(name_of[r["school"]], year)] = (index, rule)
        data = open_data(out, mid, "ce-indekss")
        if expected:
            got = {(row["school"], int(row["year"])): row for row in (data or {}).get("rows", [])}
            wrong = []
            for key, (index, rule) in sorted(expected.items()):
                row = got.get(key)
                if row is None:
                    wrong.append(f"{key}: missing")
                elif index is None:
                    if row.get("index") is not None:
                        wrong.append(f"{key}: index {row['index']} without three exams")
                elif not close(row.get("index"), index, 0.051):
                    wrong.append(f"{key}: index {row.get('index')}, recomputed {index:.3f}")
                elif (row.get("result") == "izpildīts") != (index >= num(rule["threshold"]) - 1e-9):
                    wrong.append(f"{key}: result {row.get('result')} for {index:.2f} against "
                                 f"{rule['threshold']}")
            check(not wrong, f"{mid}: open data exam index = recomputed ({len(expected)} rows)",
                  "; ".join(wrong[:5]))
            sheet = sheet_rows(workbook, "ce_indekss")
            if sheet is None:
                check(False, f"{mid}: workbook has the exam index table")
            else:
                in_period = {k: v for k, v in expected.items() if k[1] in period}
                seen = set()
                wrong = []
                for row in sheet:
                    label = str(column(row, "Mācību gads"))
                    year = int(label.split("/")[1][:4])
                    key = (column(row, "Iestāde"), year)
                    if key[0] in shared_names:
                        continue
                    seen.add(key)
                    if key not in in_period:
                        wrong.append(f"{key}: outside the review period or not in the data")
                        continue
                    index = in_period[key][0]
                    value = column(row, "Indekss")
                    if index is None:
                        if value is not None:
                            wrong.append(f"{key}: {value} without three exams")
                    elif not close(value, index / 100, 0.00051):
                        wrong.append(f"{key}: workbook {value}, recomputed {index / 100:.4f}")
                missing = sorted(set(in_period) - seen)
                check(not wrong and not missing,
                      f"{mid}: workbook exam index = recomputed, review period only "
                      f"({len(in_period)} rows)",
                      "; ".join(wrong[:5] + [f"{k}: missing" for k in missing[:5]]))
                # The review shows each index of the period, as the open data rounds it.
                absent = []
                for key in sorted(in_period):
                    row = got.get(key)
                    if row is None or row.get("index") is None:
                        continue
                    text = lv_percent(row["index"])
                    if text not in review:
                        absent.append(f"PDF {key} {text}")
                    if review_html and text not in review_html:
                        absent.append(f"HTML {key} {text}")
                check(not absent, f"{mid}: the review (PDF and HTML) shows every index of the "
                      f"period", "; ".join(absent[:5]))
            outside = [y for (_, y) in expected if y not in period]
            if outside:
                shown = [lv_school_year(y) for y in sorted(set(outside))
                         if re.search(r"(?<!\d)" + re.escape(lv_school_year(y)) + r" m\.\s?g\.",
                                      review)]
                # The review names school years outside its period only in prose about rules
                # (the threshold from 2025/2026), never in an exam table: a year's index there
                # would be a figure of another period.
                leaked = [f"{y}" for (name, y), (index, _) in expected.items()
                          if y not in period and index is not None and
                          re.search(re.escape(lv_school_year(y)) + r" m\.\s?g\.\s+\S*\s*" +
                                    re.escape(lv_percent(round(index, 1))), review)]
                check(not leaked, f"{mid}: no exam index outside the review period in the PDF",
                      f"years {sorted(set(leaked))} (named: {shown})")

        # Network by school year.
        data = open_data(out, mid, "dinamika")
        students, teachers_by_year = {}, {}
        for s in schools:
            if s["municipality"] != mid:
                continue
            for y, v in by_year(s.get("students")).items():
                students[y] = students.get(y, 0) + int(num(v))
            for y, v in by_year(s.get("teachers")).items():
                teachers_by_year[y] = teachers_by_year.get(y, 0) + int(num(v))
        if data is not None and (students or teachers_by_year):
            wrong = []
            for row in data["rows"]:
                y = int(row["year"])
                if row.get("students") != students.get(y):
                    wrong.append(f"{y}: students {row.get('students')}, summed {students.get(y)}")
                if row.get("teachers") != teachers_by_year.get(y):
                    wrong.append(f"{y}: teachers {row.get('teachers')}, summed "
                                 f"{teachers_by_year.get(y)}")
            years = {int(row["year"]) for row in data["rows"]}
            missing = sorted((set(students) | set(teachers_by_year)) - years)
            check(not wrong and not missing, f"{mid}: open data network = summed "
                  f"({len(years)} school years)", "; ".join(wrong[:5]) + f" missing {missing}")

        # Olympiad results of its schools.
        mine = []
        for o in olympiads:
            day = as_date(o.get("date") or o.get("start"))
            for r in o.get("results") or []:
                if municipality_of.get(r["school"]) == mid:
                    mine.append((school_year(day), r))
        data = open_data(out, mid, "olimpiades")
        keys = ("participants", "first", "second", "third", "honourable")

        def sums(results_):
            results_ = list(results_)
            return tuple(sum(int(num(r.get(k)) or 0) for r in results_) for k in keys)

        if data is not None:
            got = tuple(sum(int(row.get(k) or 0) for row in data["rows"]) for k in keys)
            check(got == sums(r for _, r in mine),
                  f"{mid}: open data olympiad results = data (all years)",
                  f"open data {got}, data {sums(r for _, r in mine)}")
        sheet = sheet_rows(workbook, "olimpiades")
        in_period = [r for y, r in mine if y in period]
        if sheet is None:
            check(not in_period, f"{mid}: workbook olympiads: none in the period, no table",
                  f"{len(in_period)} results in the period but no olympiad table")
        else:
            labels = ("Dalībnieki", "1. vieta", "2. vieta", "3. vieta", "Atzinība")
            got = tuple(sum(int(column(row, label) or 0) for row in sheet) for label in labels)
            dates = [column(row, "Datums") for row in sheet]
            outside = [d for d in dates if d is not None and school_year(as_date(d)) not in period]
            check(got == sums(in_period) and not outside,
                  f"{mid}: workbook olympiads = the review period's results",
                  f"workbook {got}, data {sums(in_period)}, dates outside {outside[:3]}")

        # Development norm on as_of (sections 12, 15).
        per_school = {}
        start = years_before(as_of, int(num(rules["pd"]["years"])))
        for t in teachers:
            if municipality_of.get(t["school"]) != mid:
                continue
            hours = sum(num(c["hours"]) for c in t.get("courses") or []
                        if start < as_date(c["date"]) <= as_of)
            records, meeting = per_school.get(t["school"], (0, 0))
            per_school[t["school"]] = (records + 1,
                                       meeting + (hours >= num(rules["pd"]["hours"]) - 1e-9))
        sheet = sheet_rows(workbook, "pilnveide")
        if per_school and sheet is None:
            check(False, f"{mid}: workbook has the development table")
        elif per_school:
            # Two institutions may have the same name: rows are compared name by name as sets.
            small = int(num(rules["small_cell"]))
            want, got = {}, {}
            for school, (records, meeting) in per_school.items():
                shown = (records, meeting) if records >= small else None
                want.setdefault(name_of[school], []).append(shown)
            wrong = []
            for row in sheet:
                share = column(row, "Daļa")
                records = column(row, "Pedagogu ieraksti")
                meeting = column(row, "Izpilda normu")
                shown = None if share is None else (records, meeting)
                if shown is not None and not close(share, meeting / records, 0.00051):
                    wrong.append(f"{column(row, 'Iestāde')}: share {share} of {meeting}/{records}")
                got.setdefault(column(row, "Iestāde"), []).append(shown)
            # A school with enough teachers may still be hidden, so that a hidden school cannot be
            # worked out from the total; one with too few is never shown.
            for name, rows in sorted(want.items()):
                have = got.get(name, [])
                remaining = [w for w in rows if w is not None]
                extra = []
                for h in have:
                    if h is None:
                        continue
                    if h in remaining:
                        remaining.remove(h)
                    else:
                        extra.append(h)
                if len(have) < len(rows) or extra:
                    wrong.append(f"{name}: workbook {have}, recomputed {rows}")
            check(not wrong, f"{mid}: workbook development norm on {as_of} = recomputed "
                  f"({len(per_school)} schools)", "; ".join(wrong[:5]))

    check_national(out, stem, period, municipalities, schools, metrics,
                   load(site, "subjects") or [])
    check_key_figures(out, rules, municipalities, schools, metrics,
                      load(site, "methodologists") or [])

    print(f"recompute: {results['pass']} passed, {results['fail']} failed")
    return 1 if results["fail"] else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
