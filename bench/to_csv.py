#!/usr/bin/env python3
"""Converts a generated national site's teacher and metric records to CSV tables (issue 23).

  python3 bench/to_csv.py SITE DEST [--all]

SITE is a site folder made by ../shared/bench/gen_national.py; DEST (new) gets a copy of it in
which data/private/teachers/*.yaml and data/metrics/*.yaml are CSV tables as a Latvian
spreadsheet saves them (BOM, ";", CRLF, decimal commas, 31.08.2025. dates, one row per course),
by tests/e2e/csv_site.py; --all converts every data file. The two sites give the same output;
BENCHMARKS.md "CSV tables" compares their load times:

  metodika check SITE --timings -j1      metodika check DEST --timings -j1
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CONVERT = os.path.join(HERE, "..", "tests", "e2e", "csv_site.py")


def main():
    args = [a for a in sys.argv[1:] if a != "--all"]
    if len(args) != 2:
        raise SystemExit(__doc__)
    only = [] if "--all" in sys.argv else ["--only", "data/private/teachers/*,data/metrics/*"]
    subprocess.run([sys.executable, CONVERT, args[0], args[1], *only], check=True)


if __name__ == "__main__":
    main()
