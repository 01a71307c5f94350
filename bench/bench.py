#!/usr/bin/env python3
"""Metodika's benchmark: every goal of issue 7 measured in one run, beside Hugo and WeasyPrint.

  python3 bench/bench.py [--runs 5] [--scale10-runs 3] [--work /tmp/metodika-bench]
                         [--skip GROUP,...] [--weasy-all] [--verify] [--write]

Prepares its inputs once into WORK/inputs (regenerated when ../shared/bench's scripts change):
the national site at --scale 1 and 10 (gen_national.py), the equivalent Hugo site
(hugo_equiv.py) and the equivalent HTML reviews (weasy_equiv.py prepare). Then measures every
case once per round, round after round, so that the machine's drift hits all cases alike:

  cold full build (default jobs and -j1), each part alone (--only site|reports|annexes),
  Hugo building the equivalent site, WeasyPrint printing a subset of the reviews (the smallest,
  the median and the largest; --weasy-all prints all 43), `cp -r` of Metodika's output,
  incremental rebuilds after one-file edits of each kind, save-to-reload in `metodika serve`
  (national and bundled site), and the cold full build at scale 10 (first --scale10-runs rounds).

Every Metodika, Hugo and WeasyPrint run is under GNU time, for peak memory. Prints a Markdown
report (medians, min, max, ratios and goals); --write puts it into BENCHMARKS.md between the
`<!-- bench.py:begin -->` and `<!-- bench.py:end -->` lines. --skip leaves out groups: parts, j1,
hugo, weasy, cp, incremental, serve, scale10, csv (the scale-1 site with its teacher and
metric records as CSV tables, bench/to_csv.py: its cold build, and `check -j1` of both sites).
--verify compares the incrementally rebuilt output
with a clean -j1 build of the same edited site, byte for byte. bench/README.md says more.
"""
import argparse
import datetime
import hashlib
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import benchlib as bl
import edits
import report

GROUPS = ("parts", "j1", "hugo", "weasy", "cp", "incremental", "serve", "scale10", "csv")
BUILD_HELP = "cmake --preset release && cmake --build --preset release"


# ---------------------------------------------------------------- inputs

def file_key(*names):
    """A fingerprint of the given ../shared/bench scripts."""
    h = hashlib.sha256()
    for name in names:
        with open(os.path.join(bl.SHARED, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def prepared(dest, key, make):
    """Run MAKE() to write DEST unless DEST.stamp says it was made from the same KEY."""
    stamp = dest + ".stamp"
    if os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == key:
                return
    bl.remove(dest)
    t0 = time.perf_counter()
    make()
    with open(stamp, "w") as f:
        f.write(key)
    progress(f"prepared {dest} in {time.perf_counter() - t0:.0f} s")


def prepare_inputs(work, skip):
    """Generate the sites and the peers' inputs into WORK/inputs; return their paths."""
    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs, exist_ok=True)
    paths = {f"site{s}": os.path.join(inputs, f"site{s}") for s in (1, 10)}
    paths.update(hugo=os.path.join(inputs, "hugo1"), weasy=os.path.join(inputs, "weasy1"))
    gen = file_key("gen_national.py")
    scales = (1,) if "scale10" in skip else (1, 10)
    for s in scales:
        prepared(paths[f"site{s}"], f"{gen} scale {s}", lambda s=s: bl.run_quiet(
            [bl.SYSTEM_PYTHON, bl.GEN, "--scale", str(s), "--out", paths[f"site{s}"]]))
    if "csv" not in skip:
        here = os.path.dirname(os.path.abspath(__file__))
        to_csv = os.path.join(here, "to_csv.py")
        key = hashlib.sha256()
        for script in (to_csv, os.path.join(here, "..", "tests", "e2e", "csv_site.py")):
            with open(script, "rb") as f:
                key.update(f.read())
        paths["site1csv"] = os.path.join(inputs, "site1csv")
        prepared(paths["site1csv"], f"{gen} csv {key.hexdigest()[:16]}", lambda: bl.run_quiet(
            [bl.SYSTEM_PYTHON, to_csv, paths["site1"], paths["site1csv"]]))
    peer = file_key("sitemodel.py") + gen
    if "hugo" not in skip:
        prepared(paths["hugo"], file_key("hugo_equiv.py") + peer, lambda: bl.run_quiet(
            [bl.SYSTEM_PYTHON, os.path.join(bl.SHARED, "hugo_equiv.py"), paths["site1"],
             paths["hugo"]]))
    if "weasy" not in skip:
        prepared(paths["weasy"], file_key("weasy_equiv.py") + peer, lambda: bl.run_quiet(
            [bl.SYSTEM_PYTHON, os.path.join(bl.SHARED, "weasy_equiv.py"), "prepare",
             paths["site1"], paths["weasy"]]))
    return paths


def weasy_subset(weasy, dest, everything):
    """Link the reviews WeasyPrint prints each run into DEST/html; say which and how big.

    By default the smallest, the median and the largest review by HTML size, a fixed choice
    for a given input; with EVERYTHING, all of them.
    """
    html = os.path.join(weasy, "html")
    by_size = sorted((os.path.getsize(os.path.join(html, n)), n)
                     for n in os.listdir(html) if n.endswith(".html"))
    picks = by_size if everything else [by_size[0], by_size[len(by_size) // 2], by_size[-1]]
    bl.remove(dest)
    os.makedirs(os.path.join(dest, "html"))
    for name in ["report.css"] + [n for _, n in picks]:
        os.link(os.path.join(html, name), os.path.join(dest, "html", name))
    return dict(all=everything, names=[n[:-5] for _, n in picks],
                html_bytes=sum(b for b, _ in picks),
                all_html_bytes=sum(b for b, _ in by_size), all_reviews=len(by_size))


# ---------------------------------------------------------------- cases

@dataclass
class Case:
    """One measured thing: MEASURE(run index) gives a Sample; runs in the first RUNS rounds."""
    key: str
    label: str
    command: str
    runs: int
    measure: Callable[[int], bl.Sample]
    samples: list = field(default_factory=list)
    error: str = None                  # why it failed; a failed case is not run again
    finish: Callable[[], dict] = None  # after the rounds: more figures for the report
    extra: dict = field(default_factory=dict)


@dataclass
class Bench:
    """What the cases share: the binary, its flags, the folders, what to undo at the end."""
    binary: str
    clean: list          # ["--clean"] when this metodika has it (cold builds and --verify)
    runs_dir: str
    paths: dict
    serves: list = field(default_factory=list)
    restore: list = field(default_factory=list)   # (site, Edit, original text)
    trash: bl.Trash = None  # where removed outputs go until the run ends

    def out(self, name):
        return os.path.join(self.runs_dir, name)

    def build(self, site, out, *extra):
        return [self.binary, "build", site, "--out", out, "-q", *extra]


def cold_build(b, key, label, site, extra, runs):
    out = b.out(key)

    def measure(_):
        b.trash.put(out, out + ".cache", out + ".spare")
        return bl.run_timed(b.build(site, out, *b.clean, *extra))
    shown = {b.paths["site10"]: "S10", b.paths.get("site1csv"): "S1csv"}.get(site, "S1")
    return Case(key, label, f"metodika build {shown} --out OUT -q {' '.join(extra)}".rstrip(),
                runs, measure)


def check_case(b, key, label, site, runs):
    """`metodika check -j1`: reading, validating and computing, without the teacher records an
    earlier run kept (data/private/.metodika-cache is moved aside first)."""
    def measure(_):
        b.trash.put(os.path.join(site, "data", "private", ".metodika-cache"))
        return bl.run_timed([b.binary, "check", site, "-q", "-j1"])
    shown = "S1csv" if site == b.paths.get("site1csv") else "S1"
    return Case(key, label, f"metodika check {shown} -q -j1", runs, measure)


def hugo_case(b, runs):
    site = b.paths["hugo"]

    def measure(_):
        b.trash.put(os.path.join(site, "public"), os.path.join(site, "resources"))
        return bl.run_timed(["hugo", "--quiet"], cwd=site)
    return Case("hugo", "Hugo, equivalent site (pages only)", "cd H1 && hugo --quiet", runs,
                measure)


def weasy_case(b, subset, runs):
    pdfs = b.out("weasy-pdf")

    def measure(_):
        b.trash.put(pdfs)
        return bl.run_timed([bl.SYSTEM_PYTHON, os.path.join(bl.SHARED, "weasy_equiv.py"),
                             "render", subset, pdfs])
    return Case("weasy", "WeasyPrint, equivalent reviews", "weasy_equiv.py render W OUT", runs,
                measure)


def copy_case(b, runs):
    src, dst = b.out("full"), b.out("copy")

    def measure(_):
        b.trash.put(dst)
        sample = bl.run_timed(["cp", "-r", src, dst])
        b.trash.put(dst)
        return sample
    return Case("cp", "`cp -r` of the cold full build's output (floor)", "cp -r OUT COPY", runs,
                measure)


def edited_copy(b, name, pristine, kinds):
    """Copy PRISTINE to a fresh folder; remember the originals of the files KINDS edit."""
    site = b.out(name)
    b.trash.put(site)
    subprocess.run(["cp", "-r", pristine, site], check=True)
    originals = [(edit, edit.read(site)) for edit in kinds]
    b.restore += [(site, edit, text) for edit, text in originals]
    return site, originals


def incremental_cases(b, runs):
    """After a full build into OUT, one case per edit kind: edit one file, build into OUT."""
    site, originals = edited_copy(b, "inc-site1", b.paths["site1"],
                                  edits.national_edits(b.paths["site1"]))
    out = b.out("inc")
    b.trash.put(out, out + ".cache", out + ".spare")
    bl.run_quiet(b.build(site, out))
    cases = []
    for edit, original in originals:
        def measure(i, edit=edit, original=original):
            edit.apply(site, original, i % 2)
            return bl.run_timed(b.build(site, out))
        cases.append(Case(f"inc:{edit.kind}", f"incremental: {edit.kind}",
                          f"edit {edit.path}; metodika build S1 --out OUT -q", runs, measure))
    return cases


def serve_cases(b, runs):
    """Save-to-reload in `metodika serve`, national scale-1 site and bundled site.

    Both serve processes run through all the rounds; they sit idle between their saves.
    """
    bundled = b.out("bundled-site")
    bl.copy_bundled(bundled)
    edit = edits.methodologist_phone()
    cases = []
    for which, pristine in (("national", b.paths["site1"]), ("bundled", bundled)):
        site, [(_, original)] = edited_copy(b, f"serve-{which}-site", pristine, [edit])
        out = b.out(f"serve-{which}")
        b.trash.put(out, out + ".cache", out + ".spare")
        progress(f"starting metodika serve on the {which} site")
        serve = bl.Serve(b.binary, site, out)
        b.serves.append(serve)
        # One untimed save first: the measured ones are then alike (OUT.spare exists), and
        # variant 1 here makes the first measured save (variant 0) a change.
        serve.save_to_reload(lambda: edit.apply(site, original, 1))

        def measure(i, serve=serve, site=site, original=original):
            seconds = serve.save_to_reload(lambda: edit.apply(site, original, i % 2))
            time.sleep(0.5)  # the rest of the swap and the page cache settle before the next case
            return bl.Sample(seconds)
        cases.append(Case(f"serve:{which}", f"serve save → reload: {which} site, "
                          f"{edit.kind}", f"metodika serve S --out OUT; edit {edit.path}", runs,
                          measure, finish=lambda serve=serve: dict(
                              rebuilds=serve.build_seconds()[2:],  # after start and warm-up
                              peak_kib=serve.peak_rss_kib(), stale=serve.stale)))
    return cases


def make_cases(b, a, skip, subset):
    runs = a.runs
    jobs = os.cpu_count()
    cases = [cold_build(b, "full", f"cold full build (default jobs: {jobs})", b.paths["site1"],
                        [], runs)]
    if "j1" not in skip:
        cases.append(cold_build(b, "full-j1", "cold full build -j1", b.paths["site1"], ["-j1"],
                                runs))
        if jobs != 2:
            cases.append(cold_build(b, "full-j2", "cold full build -j2", b.paths["site1"],
                                    ["-j2"], runs))
    if "parts" not in skip:
        for part in ("site", "reports", "annexes"):
            cases.append(cold_build(b, part, f"cold --only {part}", b.paths["site1"],
                                    ["--only", part], runs))
        cases.append(cold_build(b, "reports-j1", "cold --only reports -j1", b.paths["site1"],
                                ["--only", "reports", "-j1"], runs))
    if "cp" not in skip:
        cases.append(copy_case(b, runs))
    if "hugo" not in skip:
        cases.append(hugo_case(b, runs))
    if "weasy" not in skip:
        cases.append(weasy_case(b, subset, runs))
    if "incremental" not in skip:
        cases += incremental_cases(b, runs)
    if "serve" not in skip:
        cases += serve_cases(b, runs)
    if "csv" not in skip:
        cases.append(cold_build(b, "full-csv", "cold full build, teacher and metric records as "
                                "CSV tables", b.paths["site1csv"], [], runs))
        cases.append(check_case(b, "check", "check -j1 (YAML)", b.paths["site1"], runs))
        cases.append(check_case(b, "check-csv", "check -j1, teacher and metric records as CSV",
                                b.paths["site1csv"], runs))
    if "scale10" not in skip:
        cases.append(cold_build(b, "full-s10", f"cold full build, scale 10 (default jobs: {jobs})",
                                b.paths["site10"], [], a.scale10_runs))
    return cases


def run_rounds(cases):
    """Measure every case once per round, in order, until each has its runs."""
    for r in range(max(c.runs for c in cases)):
        for case in cases:
            if r >= case.runs or case.error:
                continue
            try:
                sample = case.measure(r)
            except bl.Failed as e:
                case.error = str(e)
                progress(f"round {r + 1}: {case.label}: {e.detail}")
                continue
            case.samples.append(sample)
            progress(f"round {r + 1}: {case.label}: {report.seconds(sample.seconds)}")
    for case in cases:
        if case.finish:
            case.extra = case.finish()


# ---------------------------------------------------------------- after the rounds

def output_counts(b, paths, subset):
    """Sizes of the inputs and of what each side wrote, from the last round."""
    counts = {}
    for s in (1, 10):
        if os.path.exists(os.path.join(paths[f"site{s}"], "site.yaml")):
            counts[f"site{s}"] = bl.tree_stats(paths[f"site{s}"], skip_hidden=True)
    full = b.out("full")
    if not os.path.isdir(os.path.join(full, "parskati")):
        return counts  # the full build failed: nothing to count
    counts["metodika"] = dict(files=bl.tree_stats(full), html=bl.tree_stats(full, ".html")[0],
                              pdf=bl.pdf_stats(os.path.join(full, "parskati")),
                              xlsx=bl.tree_stats(os.path.join(full, "parskati"), ".xlsx")[0])
    public = os.path.join(paths["hugo"], "public")
    if os.path.isdir(public):
        counts["hugo"] = dict(files=bl.tree_stats(public), html=bl.tree_stats(public, ".html")[0],
                              own=hugo_own_counts(paths["hugo"]))
    if subset:
        counts["weasy"] = dict(subset, pdf=bl.pdf_stats(b.out("weasy-pdf")),
                               metodika_pages=review_pages(full, subset["names"]))
    return counts


def review_pages(out, municipalities):
    """Pages of Metodika's PDF reviews of the given municipalities."""
    folder = os.path.join(out, "parskati")
    return sum(bl.pdf_pages(os.path.join(folder, n)) for n in os.listdir(folder)
               if (m := re.fullmatch(r"(.+)-\d{4}-\d{4}\.pdf", n)) and
               m.group(1) in municipalities)


def hugo_own_counts(site):
    """Hugo's own summary ("Pages", "Paginator pages", ...), all languages, from one more run."""
    bl.remove(os.path.join(site, "public"), os.path.join(site, "resources"))
    text = bl.run_quiet(["hugo"], cwd=site)
    return {m.group(1): sum(int(n) for n in m.group(2).split("|"))
            for m in re.finditer(r"^\s*([A-Z][A-Za-z -]+?)\s*\|([\d |]+)$", text, re.M)}


def verify(b):
    """Compare the incremental output with a clean -j1 build of the same edited site."""
    site, out, ref = b.out("inc-site1"), b.out("inc"), b.out("verify")
    bl.remove(ref, ref + ".cache", ref + ".spare")
    bl.run_quiet(b.build(site, ref, *b.clean, "-j1"))
    diff = subprocess.run(["diff", "-r", "-q", out, ref], capture_output=True, text=True)
    lines = diff.stdout.splitlines()
    bl.remove(ref, ref + ".cache")
    return "identical" if diff.returncode == 0 else \
        f"different: {len(lines)} files or folders, e.g. " + "; ".join(lines[:3])


def cleanup(b):
    for serve in b.serves:
        serve.stop()
    for site, edit, original in b.restore:
        with open(os.path.join(site, edit.path), "w", encoding="utf-8") as f:
            f.write(original)
    progress("deleting the earlier outputs")
    b.trash.empty()


# ---------------------------------------------------------------- set-up

def check_binary(binary):
    """Refuse a missing or non-release binary; warn when sources are newer than it."""
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"{binary} is missing: build it with `{BUILD_HELP}`")
    kind, sanitize = bl.build_type(binary)
    if kind != "Release" or sanitize not in (None, "OFF"):
        raise SystemExit(f"{binary} is not a release build (CMAKE_BUILD_TYPE={kind}, "
                         f"METODIKA_SANITIZE={sanitize}): build it with `{BUILD_HELP}`")
    built = os.path.getmtime(binary)
    newer = [os.path.join(d, n) for d, _, ns in os.walk(os.path.join(bl.ROOT, "generator"))
             for n in ns if os.path.getmtime(os.path.join(d, n)) > built]
    if newer:
        progress(f"warning: {len(newer)} files under generator/ are newer than {binary} "
                 f"(e.g. {os.path.relpath(newer[0], bl.ROOT)}); rebuild with `{BUILD_HELP}`")


def versions(binary):
    def first_line(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip() \
                .splitlines()[0]
        except (OSError, IndexError):
            return "not installed"
    hugo = " ".join(first_line(["hugo", "version"]).split()[:2])
    return dict(metodika=first_line([binary, "--version"]), hugo=hugo,
                weasyprint=first_line([bl.SYSTEM_PYTHON, "-c",
                                       "import weasyprint; print(weasyprint.__version__)"]))


def has_clean_flag(binary):
    out = subprocess.run([binary, "build", "--help"], capture_output=True, text=True).stdout
    return ["--clean"] if re.search(r"--clean\b", out) else []


def progress(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="rounds (runs of each case); default 5")
    ap.add_argument("--scale10-runs", type=int, default=3, help="runs at scale 10; default 3")
    ap.add_argument("--work", default="/tmp/metodika-bench", help="inputs and outputs go here")
    ap.add_argument("--binary", default=bl.BINARY)
    ap.add_argument("--skip", default="", help="comma-separated groups: " + ", ".join(GROUPS))
    ap.add_argument("--weasy-all", action="store_true", help="WeasyPrint prints all reviews")
    ap.add_argument("--verify", action="store_true",
                    help="diff the incremental output against a clean -j1 build")
    ap.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    a = ap.parse_args()
    a.skip = {s for s in a.skip.split(",") if s}
    if a.skip - set(GROUPS):
        ap.error(f"unknown groups {sorted(a.skip - set(GROUPS))}; known: {', '.join(GROUPS)}")
    return a


def main():
    a = parse_args()
    started = time.time()
    meta = dict(command=" ".join(["python3", "bench/bench.py"] + [shlex.quote(x) for x in
                                                                   sys.argv[1:]]),
                date=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
                machine=bl.machine(), load_start=bl.load_average(), runs=a.runs,
                scale10_runs=a.scale10_runs, skip=a.skip, weasy_all=a.weasy_all)
    check_binary(a.binary)
    meta.update(commit=bl.git_commit(), versions=versions(a.binary))
    paths = prepare_inputs(a.work, a.skip)
    b = Bench(a.binary, has_clean_flag(a.binary), os.path.join(a.work, "runs"), paths,
              trash=bl.Trash(a.work))
    os.makedirs(b.runs_dir, exist_ok=True)
    subset = None
    if "weasy" not in a.skip:
        subset = weasy_subset(paths["weasy"], b.out("weasy-subset"), a.weasy_all)
    try:
        cases = make_cases(b, a, a.skip, b.out("weasy-subset"))
        run_rounds(cases)
        checked = verify(b) if a.verify and "incremental" not in a.skip else None
    finally:
        cleanup(b)
    counts = output_counts(b, paths, subset)
    meta.update(load_end=bl.load_average(), minutes=(time.time() - started) / 60,
                clean_flag=bool(b.clean), verify=checked)
    text = report.markdown(meta, cases, counts)
    print(text)
    if a.write:
        bl.replace_between(bl.BENCHMARKS_MD, report.BEGIN, report.END, text, r"^## ")
        progress(f"wrote {bl.BENCHMARKS_MD}")


if __name__ == "__main__":
    main()
