"""The Markdown report of bench.py: the run's context, the goals, every case, the ratios.

Every ratio is measured in the same run (interleaved rounds), never against figures from another
day. A goal's ratio of two cases is the median of their per-round ratios (the two runs of a round
are seconds apart, so the machine's drift between rounds cancels out); the ratio of their medians
is shown beside it.
"""
import statistics

BEGIN = "<!-- bench.py:begin -->"
END = "<!-- bench.py:end -->"
MIB = 1024  # KiB


def seconds(x):
    if x is None:
        return "—"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s" if x < 10 else f"{x:.1f} s"


def megabytes(n):
    return f"{n / 1e6:.1f} MB"


class Results:
    """Medians and peaks of the cases by key; None for a case that was not measured."""

    def __init__(self, cases):
        self.cases = {c.key: c for c in cases if c.samples and not c.error}
        self.errors = {c.key: c.error for c in cases if c.error}

    def median(self, key):
        c = self.cases.get(key)
        return statistics.median(s.seconds for s in c.samples) if c else None

    def peak_mib(self, key):
        c = self.cases.get(key)
        return max(s.rss_kib for s in c.samples) / MIB if c and c.samples[0].rss_kib else None

    def incremental(self):
        return {k: self.median(k) for k in self.cases if k.startswith("inc:")}


def ratio(a, b):
    return a / b if a is not None and b else None


def paired_ratio(r, a, b):
    """The median over rounds of case A's time ÷ case B's in the same round (rounds both ran)."""
    ca, cb = r.cases.get(a), r.cases.get(b)
    if not ca or not cb:
        return None
    pairs = [x.seconds / y.seconds for x, y in zip(ca.samples, cb.samples) if y.seconds]
    return statistics.median(pairs) if pairs else None


def ratios(r, a, b):
    """(paired ratio, ratio of medians, text) of cases A and B; text as "1.71× (… of medians)"."""
    p, m = paired_ratio(r, a, b), ratio(r.median(a), r.median(b))
    if p is None or m is None:
        return None, None, None
    n = min(len(r.cases[a].samples), len(r.cases[b].samples))
    return p, m, f"{p:.2f}× (median of {n} rounds' ratios; ratio of medians {m:.2f}×)"


def goal(r, keys, name, target, measured, met):
    """A row of the goals table for the figure of the cases KEYS.

    MET is None when the figure was not measured; a failed case fails the goal.
    """
    failed = [r.errors[k] for k in keys if k in r.errors]
    if failed:
        measured, result = f"failed: `{failed[0]}`", "**not met**"
    elif met is None:
        measured, result = "—", "not measured"
    else:
        result = "met" if met else "**not met**"
    return f"| {name} | {target} | {measured} | {result} |"


def goals(r, counts, cases):
    full, hugo, cp = r.median("full"), r.median("hugo"), r.median("cp")
    j2_key = "full-j2" if any(c.key == "full-j2" for c in cases) else "full"
    j1, j2 = r.median("full-j1"), r.median(j2_key)
    s10 = r.median("full-s10")
    reports = r.median("reports-j1")
    weasy_all = weasy_whole_set(r, counts)
    inc = r.incremental()
    inc_keys = [c.key for c in cases if c.key.startswith("inc:")]
    slowest = max(inc, key=inc.get) if inc else None
    rows = ["| goal | target | measured | result |", "| --- | --- | --- | --- |"]
    x, _, text = ratios(r, "hugo", "full")
    rows.append(goal(r, ["full", "hugo"], "cold full build (pages + 43 PDFs + 44 XLSX) vs Hugo "
                     "rendering the equivalent pages alone", "≥ 3× faster",
                     x and f"{text}; medians: Hugo {seconds(hugo)}, Metodika {seconds(full)}",
                     x and x >= 3))
    x, _, text = ratios(r, "full", "cp")
    rows.append(goal(r, ["full", "cp"], "cold full build vs `cp -r` of its output", "within 3×",
                     x and f"{text}; medians: {seconds(full)} vs {seconds(cp)}", x and x <= 3))
    m = r.peak_mib("full")
    rows.append(goal(r, ["full"], "peak memory, cold full build, scale 1", "< 300 MiB",
                     m and f"{m:.0f} MiB", m and m < 300))
    x = ratio(weasy_all, reports)
    label = "all" if counts.get("weasy", {}).get("all") else "extrapolated from the subset"
    rows.append(goal(r, ["weasy", "reports-j1"], "reviews vs WeasyPrint on the same content, "
                     "one core each (`--only reports -j1`)", "≥ 50× faster",
                     x and f"{x:.0f}× (WeasyPrint {seconds(weasy_all)}, {label}; Metodika "
                     f"{seconds(reports)})", x and x >= 50))
    rows.append(goal(r, inc_keys, "one-file incremental rebuild, scale 1 (slowest kind's "
                     "median)", "< 100 ms", slowest and f"{seconds(inc[slowest])} "
                     f"({slowest[4:]})", slowest and inc[slowest] < 0.1))
    for which in ("national", "bundled"):
        t = r.median(f"serve:{which}")
        rows.append(goal(r, [f"serve:{which}"], f"save → reload in `serve`, {which} site",
                         "< 200 ms", t and seconds(t), t and t < 0.2))
    m = r.peak_mib("full-s10")
    rows.append(goal(r, ["full-s10"], "peak memory, cold full build, scale 10", "< 2 GiB",
                     m and f"{m:.0f} MiB", m and m < 2048))
    x, _, text = ratios(r, "full-s10", "full")
    rows.append(goal(r, ["full-s10", "full"], "time at scale 10 ÷ time at scale 1", "≤ 12×",
                     x and f"{text}; medians: {seconds(s10)} vs {seconds(full)}", x and x <= 12))
    if any(c.key == "full-csv" for c in cases):  # issue 23: CSV tables
        csv = r.median("full-csv")
        x, _, text = ratios(r, "hugo", "full-csv")
        rows.append(goal(r, ["full-csv", "hugo"], "the same, teacher and metric records as CSV "
                         "tables (`bench/to_csv.py`)", "≥ 3× faster",
                         x and f"{text}; medians: Hugo {seconds(hugo)}, Metodika {seconds(csv)}",
                         x and x >= 3))
        x, _, text = ratios(r, "check", "check-csv")
        rows.append(goal(r, ["check", "check-csv"], "`check -j1` (read, validate, compute): YAML "
                         "site ÷ CSV site (the parse alone: BENCHMARKS.md \"CSV tables\")",
                         "≥ 3×", x and text, x and x >= 3))
    x, _, text = ratios(r, "full-j1", j2_key)
    rows.append(goal(r, ["full-j1", j2_key], "cold full build: `-j1` time ÷ `-j2` time",
                     "≥ 1.6×", x and f"{text}; medians: {seconds(j1)} vs {seconds(j2)}",
                     x and x >= 1.6))
    return rows


def weasy_whole_set(r, counts):
    """WeasyPrint's time for all reviews: measured, or the subset's scaled by HTML size."""
    w, info = r.median("weasy"), counts.get("weasy")
    if w is None or not info:
        return None
    return w * info["all_html_bytes"] / info["html_bytes"]


def case_rows(cases):
    rows = ["| case | command | median | min | max | runs | peak memory |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for c in cases:
        if c.error:
            rows.append(f"| {c.label} | `{c.command}` | **failed** | — | — | "
                        f"{len(c.samples)} | — |")
            continue
        if not c.samples:
            continue
        t = [s.seconds for s in c.samples]
        peak = max(s.rss_kib for s in c.samples)
        rows.append(f"| {c.label} | `{c.command}` | {seconds(statistics.median(t))} | "
                    f"{seconds(min(t))} | {seconds(max(t))} | {len(t)} | "
                    f"{f'{peak / MIB:.0f} MiB' if peak else '—'} |")
    return rows


def detail(r, cases, counts, meta):
    """Bullet points: per page, per review, scale, jobs, incremental, serve."""
    lines = [f"- **Failed:** {c.label}, in run {len(c.samples) + 1}: `{c.error}`."
             for c in cases if c.error]
    if "metodika" not in counts:
        return lines
    m = counts["metodika"]
    files, size = m["files"]
    docs, pages, pdf_bytes = m["pdf"]
    full = r.median("full")
    lines.append(f"- **Pages.** Metodika's full build writes {files:,} files ({megabytes(size)}): "
                 f"{m['html']:,} HTML pages, {docs} PDF reviews ({pages:,} pages), {m['xlsx']} "
                 f"workbooks; {full / m['html'] * 1000:.2f} ms of the whole build per HTML page"
                 + (f", `--only site` {r.median('site') / m['html'] * 1000:.2f} ms a page."
                    if r.median("site") else "."))
    if "hugo" in counts and r.median("hugo"):
        h = counts["hugo"]
        own = ", ".join(f"{k} {v:,}" for k, v in h["own"].items() if v)
        lines.append(f"- **Hugo** wrote {h['files'][0]:,} files ({megabytes(h['files'][1])}), "
                     f"{h['html']:,} of them HTML: {r.median('hugo') / h['html'] * 1000:.2f} ms "
                     f"a page. Its own summary: {own}. Hugo is given the computed view models as "
                     "JSON (hugo_equiv.py's Python step, not timed); Metodika's figures include "
                     "reading and validating the YAML.")
    if "weasy" in counts and r.median("weasy"):
        lines += weasy_lines(r, counts, pages)
    if r.median("full-s10"):
        s1, s10 = counts["site1"][1], counts["site10"][1]
        lines.append(f"- **Scale.** The scale-10 input is {s10 / s1:.1f}× the scale-1 input "
                     f"({megabytes(s10)} vs {megabytes(s1)}); the build took "
                     f"{r.median('full-s10') / full:.1f}× as long and "
                     f"{r.peak_mib('full-s10') / r.peak_mib('full'):.1f}× the memory.")
    inc = r.incremental()
    if inc:
        cache = ("`metodika build --clean` exists: builds into an existing output reuse "
                 "OUT.cache" if meta["clean_flag"] else
                 "this metodika has no `--clean` flag (no build cache yet), so every "
                 "incremental build above is a full rebuild into an existing output")
        check = f" `--verify`: the incremental output and a clean `-j1` build of the same edited " \
                f"site are {meta['verify']}." if meta["verify"] else ""
        lines.append(f"- **Incremental.** Each kind's file is edited for real (a value changes, "
                     f"alternating between two variants, never a comment) and `metodika build` "
                     f"runs into the same OUT; {cache}.{check}")
    served = [f"{seconds(statistics.median(c.extra['rebuilds']))} and "
              f"{c.extra['peak_kib'] / MIB:.0f} MiB on the {c.key[6:]} site"
              for c in cases if c.extra.get("rebuilds")]
    if served:
        lines.append(f"- **Serve.** Its own rebuild time as it prints it (median), and its peak "
                     f"memory over the whole run: {'; '.join(served)}. Save → reload is the 20 ms "
                     "quiet period after a save, the rebuild up to the swap of the output, and "
                     "the event's delivery; the printed rebuild time also counts what comes "
                     "after the reload is sent (writing the build cache's manifest).")
        stale = sum(c.extra.get("stale", 0) for c in cases if c.extra.get("rebuilds"))
        if stale:
            lines.append(f"- **Serve sent {stale} event(s) no save was waiting for** (a second "
                         "rebuild after one save?); they were dropped, not measured.")
    return lines


def weasy_lines(r, counts, metodika_pages):
    w = counts["weasy"]
    docs, pages, _ = w["pdf"]
    one = r.median("reports-j1")
    per_page_w = r.median("weasy") / pages
    lines = [f"- **Reviews.** WeasyPrint printed {docs} of the {w['all_reviews']} equivalent "
             f"reviews each run ({', '.join(w['names'])}; {pages} pages, "
             f"{w['html_bytes'] / w['all_html_bytes'] * 100:.0f}% of all the HTML), "
             f"{per_page_w * 1000:.0f} ms a page, in one process (its start and imports "
             "included)."]
    if one:
        per_page_m = one / metodika_pages
        lines.append(f"  Metodika `--only reports -j1`: {per_page_m * 1000:.2f} ms a page of its "
                     f"own {metodika_pages:,}, so {per_page_w / per_page_m:.0f}× per page. The "
                     f"two paginate the same content differently (the same {docs} reviews are "
                     f"{w['metodika_pages']} pages from Metodika, {pages} from WeasyPrint), so "
                     "the goal is judged on the time for the whole set of reviews.")
    if not w.get("all"):
        lines.append(f"  WeasyPrint's time for all {w['all_reviews']} reviews is "
                     f"**extrapolated**: the subset's time × all the HTML's bytes ÷ the subset's "
                     f"= {seconds(weasy_whole_set(r, counts))}; `--weasy-all` measures it.")
    return lines


def markdown(meta, cases, counts):
    r = Results(cases)
    mc = meta["machine"]
    commit, dirty = meta["commit"]
    v = meta["versions"]
    s1 = counts["site1"]
    s10 = counts.get("site10")
    text = [
        "## All goals in one run (bench.py)", "",
        f"Command: `{meta['command']}`  ",
        f"Date: {meta['date']}; the run took {meta['minutes']:.0f} min.  ",
        f"Machine: {mc['cpu']}, {mc['cores']} cores, {mc['ram_gib']:.1f} GiB RAM, "
        f"{mc['kernel']}; load average (1/5/15 min) {meta['load_start']} at the start, "
        f"{meta['load_end']} at the end.  ",
        f"Versions: Metodika {commit}{' with uncommitted changes' if dirty else ''} "
        f"(`{v['metodika']}`, release build), {v['hugo']}, WeasyPrint {v['weasyprint']}.  ",
        f"Inputs: `gen_national.py --scale 1` {s1[0]:,} files, {megabytes(s1[1])}"
        + (f"; `--scale 10` {s10[0]:,} files, {megabytes(s10[1])}" if s10 else "") + ".  ",
        f"Medians, min and max of {meta['runs']} interleaved rounds (every case once per round"
        + ("" if "scale10" in meta["skip"] else f"; scale 10 in the first {meta['scale10_runs']}")
        + "), each cold run into a fresh folder "
        "(OUT, OUT.cache and OUT.spare moved aside, and deleted only when the run ends, so that "
        "no case pays for another's deletions on a journal-less ext4; Hugo's public/ and "
        "resources/ alike). `S1`/`S10`: the "
        "generated sites, `H1`: the Hugo site, `W`: the WeasyPrint HTML."
        + (f" Skipped: {', '.join(sorted(meta['skip']))}." if meta["skip"] else ""),
        "", "### Goals", ""]
    text += goals(r, counts, cases) + ["", "### Cases", ""] + case_rows(cases)
    text += ["", "### Notes", ""] + detail(r, cases, counts, meta)
    return "\n".join(text) + "\n"
