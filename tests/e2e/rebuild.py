#!/usr/bin/env python3
"""Incremental builds equal clean builds, and re-render only what an edit touches.

    rebuild.py METODIKA SOURCE_DIR

On a copy of the bundled site and of the test site tests/sites/valid/kurzeme-json: one full
build, then for each kind of edit (a news post, a new and a deleted post, a school's metrics and
facts, an event, an olympiad result, a methodologist, a new school, a new data file, a budget amount, a private teacher record,
a material, a municipality's review narrative, site.yaml, a template, a data error and its fix)
an incremental build into the same output. After each, the output must equal byte for byte a
clean build (`--clean`; single-worker for the first edit) of the edited site into a fresh folder; files whose
bytes did not change must keep their inode and modification time; and an edit of one entry must
leave most pieces of work unchanged (the build says "N of M parts unchanged"). A broken edit must
fail with exit 1 and leave the output and the cache as they were. Standard library only.
"""
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(cond, what, detail=""):
    """Prints the result; `detail` only when the check fails."""
    print(("ok   " if cond else "FAIL ") + what + ("" if cond else " " + detail), flush=True)
    if not cond:
        failures.append(what)


def build(metodika, site, out, *extra):
    """Runs a build; returns (exit code, stderr)."""
    r = subprocess.run([metodika, "build", site, "--out", out, *extra],
                       stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    return r.returncode, r.stderr


def snapshot(out):
    files = {}
    for dirpath, _, names in os.walk(out):
        for n in names:
            p = os.path.join(dirpath, n)
            st = os.lstat(p)
            with open(p, "rb") as f:
                files[os.path.relpath(p, out)] = (st.st_ino, st.st_mtime_ns, f.read())
    return files


def same_tree(a, b):
    diffs = []

    def walk(c, rel):
        diffs.extend(os.path.join(rel, n) for n in c.left_only + c.right_only + c.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        diffs.extend(os.path.join(rel, n) for n in mismatch + errors)
        for name, sub in c.subdirs.items():
            walk(sub, os.path.join(rel, name))
    walk(filecmp.dircmp(a, b), "")
    return diffs


# ---------------------------------------------------------------- edits (each returns an undo)

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def sub_first(path, pattern, repl):
    """Replaces the first match of `pattern` in the file; the match must exist."""
    text = read(path)
    new, n = re.subn(pattern, repl, text, count=1)
    assert n == 1, (path, pattern)
    write(path, new)


def bump(path, key, by=1):
    """Adds `by` to the first number given for `key` (YAML `key: 5` or JSON `"key": 5`)."""
    def repl(m):
        num = m.group(2)
        value = float(num) + by if "." in num else int(num) + by
        return m.group(1) + (f"{value:.1f}" if "." in num else str(value))
    sub_first(path, r'((?:^|[\s{,])"?' + re.escape(key) + r'"?\s*:\s*)(\d+(?:\.\d+)?)', repl)


def first_file(folder, suffixes=(".yaml", ".yml", ".json", ".md")):
    names = sorted(n for n in os.listdir(folder) if n.endswith(suffixes))
    return os.path.join(folder, names[0])


class Site:
    def __init__(self, metodika, name, site, work):
        self.metodika, self.name, self.site, self.work = metodika, name, site, work
        self.out = os.path.join(work, name + "-out")
        self.runs = 0

    def path(self, rel):
        return os.path.join(self.site, rel)

    def start(self):
        code, err = build(self.metodika, self.site, self.out, "-q")
        check(code == 0, f"{self.name}: first build", err[-300:])
        check(os.path.isfile(self.out + ".cache/manifest"), f"{self.name}: the build cache is written")

    def work_digests(self):
        """The build cache's pieces of work: key -> digest (the manifest's "W" lines)."""
        with open(self.out + ".cache/manifest", encoding="utf-8") as f:
            return {fields[1]: fields[2] for fields in (line.split("\t") for line in f)
                    if fields[0] == "W"}

    def incremental(self, kind, edit, local=True, same=(), changed=(), kept_parts=()):
        """Applies `edit`, builds incrementally, compares with a clean build. The files `same`
        must be left as they were (inode included: not even rewritten); `changed` must change;
        the pieces of work `kept_parts` (build cache keys) must not even be rendered again (their
        digests stay)."""
        before = snapshot(self.out)
        digests_before = self.work_digests()
        edit()
        code, err = build(self.metodika, self.site, self.out)
        check(code == 0, f"{self.name}, {kind}: incremental build", err[-300:])
        m = re.search(r"updated (\d+) of \d+ files .*; (\d+) of (\d+) parts unchanged", err)
        check(m is not None, f"{self.name}, {kind}: the build was incremental", err.strip()[-200:])
        self.runs += 1
        clean = os.path.join(self.work, f"{self.name}-clean{self.runs}")
        # Single-worker for the first comparison of each site; later ones use every core, as
        # e2e_sites proves -j1 and -j2 builds identical (this test runs under ASan in CI).
        jobs = ["-j1"] if self.runs == 1 else []
        code, cerr = build(self.metodika, self.site, clean, "--clean", "-q", *jobs)
        check(code == 0, f"{self.name}, {kind}: clean build", cerr[-300:])
        diffs = same_tree(self.out, clean)
        check(not diffs, f"{self.name}, {kind}: equals a clean {'-j1 ' if jobs else ''}build",
              str(diffs[:5]))
        shutil.rmtree(clean, ignore_errors=True)
        shutil.rmtree(clean + ".cache", ignore_errors=True)
        after = snapshot(self.out)
        touched = [p for p, (ino, mtime, data) in after.items()
                   if p in before and before[p][2] == data
                   and (before[p][0], before[p][1]) != (ino, mtime)]
        check(not touched, f"{self.name}, {kind}: unchanged files keep inode and mtime",
              str(touched[:5]))
        digests_after = self.work_digests()
        rendered = [k for k in kept_parts if k not in digests_before
                    or digests_before[k] != digests_after.get(k)]
        check(not rendered, f"{self.name}, {kind}: these pieces are not rendered again",
              str(rendered[:5]))
        kept_whole = [p for p in same if p not in before or before[p] != after.get(p)]
        check(not kept_whole, f"{self.name}, {kind}: these outputs are not touched", str(kept_whole[:5]))
        unchanged = [p for p in changed if p not in after or before.get(p, (0, 0, b""))[2] == after[p][2]]
        check(not unchanged, f"{self.name}, {kind}: these outputs change", str(unchanged[:5]))
        changed = [p for p in after if p not in before or before[p][2] != after[p][2]]
        if m:
            kept, parts = int(m.group(2)), int(m.group(3))
            print(f"     {len(changed)} files changed; {kept} of {parts} parts kept")
            if local:
                check(kept > parts // 2, f"{self.name}, {kind}: most parts are kept ({kept} of {parts})")

    def killed(self, kind, edit, undo):
        """A build killed while it updates the output: the next build (after `undo`) is a clean
        one and leaves nothing of the killed one behind. The kill comes when the update's marker
        appears (publish/cache.h update_marker); a build too quick to be caught is still checked."""
        edit()
        marker = self.out + ".cache/updating"
        p = subprocess.Popen([self.metodika, "build", self.site, "--out", self.out, "-q"],
                             stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        caught = False
        while p.poll() is None:
            if os.path.exists(marker):
                p.kill()
                caught = True
                break
        p.wait()
        undo()
        code, err = build(self.metodika, self.site, self.out)
        check(code == 0, f"{self.name}, {kind}: the next build", err[-300:])
        check(not caught or "built " in err,
              f"{self.name}, {kind}: after an update was killed, the next build is a clean one",
              err.strip()[-200:])
        leftovers = [os.path.join(d, n) for d, _, names in os.walk(self.out) for n in names
                     if n.endswith(".metodika-new")]
        check(not leftovers, f"{self.name}, {kind}: nothing of the killed build is left",
              str(leftovers[:3]))
        check(not os.path.exists(marker), f"{self.name}, {kind}: the marker is gone")
        clean = os.path.join(self.work, f"{self.name}-clean-killed")
        code, cerr = build(self.metodika, self.site, clean, "--clean", "-q")
        check(code == 0, f"{self.name}, {kind}: clean build", cerr[-300:])
        diffs = same_tree(self.out, clean)
        check(not diffs, f"{self.name}, {kind}: equals a clean build", str(diffs[:5]))
        shutil.rmtree(clean, ignore_errors=True)
        shutil.rmtree(clean + ".cache", ignore_errors=True)
        print(f"     killed {'while updating' if caught else 'after it finished'}")

    def broken(self, kind, edit, undo):
        """A data error: exit 1, output and cache untouched; the fix builds incrementally."""
        before = snapshot(self.out)
        with open(self.out + ".cache/manifest", "rb") as f:
            manifest = f.read()
        edit()
        code, err = build(self.metodika, self.site, self.out)
        check(code == 1, f"{self.name}, {kind}: the build fails with exit 1")
        check(re.search(r"\S+:\d+:\d+: error", err) is not None,
              f"{self.name}, {kind}: the error names file:line:col")
        check(snapshot(self.out) == before, f"{self.name}, {kind}: the output is unchanged")
        with open(self.out + ".cache/manifest", "rb") as f:
            check(f.read() == manifest, f"{self.name}, {kind}: the cache is unchanged")
        self.incremental(kind + ", fixed", undo)


def copy_site(src, dst):
    os.makedirs(dst)
    for name in sorted(os.listdir(src)):
        if name in ("site.yaml", "site.yml", "site.json", "data", "content", "templates", "themes"):
            s = os.path.join(src, name)
            if os.path.isdir(s):  # not what a build of the source kept (data/private/.metodika-cache)
                shutil.copytree(s, os.path.join(dst, name),
                                ignore=shutil.ignore_patterns(".metodika-cache"))
            else:
                shutil.copy2(s, os.path.join(dst, name))


def bundled(metodika, src, work):
    site_dir = os.path.join(work, "bundled")
    copy_site(src, site_dir)
    s = Site(metodika, "bundled", site_dir, work)
    s.start()
    news = first_file(s.path("content/news"))
    s.incremental("a news post's text", lambda: write(news, read(news) + "\nVēl viens teikums.\n"))
    new_post = s.path("content/news/2026-11-20-jauns-pazinojums.md")
    s.incremental("a new news post", lambda: write(
        new_post, "---\ntitle: Jauns paziņojums\ndate: 2026-11-20\n---\nTeksts.\n"), local=False)
    s.incremental("a deleted news post", lambda: os.remove(new_post), local=False)
    s.incremental("a school's metrics", lambda: bump(s.path("data/metrics/cesu-novads.yaml"),
                                                     "satisfaction", -1))
    # The calendars and the methodologists' list show a school's name, not its head.
    s.incremental("a school's head", lambda: sub_first(
        s.path("data/schools/cesu-novads.yaml"), r"head: [^\n]+", "head: Ilze Kalniņa"),
                  kept_parts=[f"site/{lang}/{piece}" for lang in ("lv", "en")
                              for piece in ("olympiads", "events", "methodologists")])
    s.incremental("an event", lambda: bump(s.path("data/events.yaml"), "hours"))
    s.incremental("an olympiad result", lambda: bump(s.path("data/olympiads.yaml"), "participants"))
    s.incremental("a methodologist", lambda: sub_first(
        s.path("data/methodologists.yaml"), r"email: ", "email: a"))
    schools = s.path("data/schools/cesu-novads.yaml")
    s.incremental("a new school", lambda: write(schools, read(schools) + (
        "- id: cesu-jauna-pamatskola\n  name: \"Cēsu jaunā pamatskola\"\n"
        "  municipality: cesu-novads\n  kind: basic\n")), local=False)
    s.incremental("a new data file", lambda: write(
        s.path("data/metrics/cesu-jauna-pamatskola.yaml"),
        "- {school: cesu-jauna-pamatskola, year: 2025, motivation_awards: 1}\n"), local=False)
    s.incremental("a budget amount", lambda: bump(s.path("data/programmes/cesu-novads.yaml"),
                                                  "2024", 100))
    s.incremental("a private teacher record", lambda: bump(
        first_file(s.path("data/private/teachers")), "hours", 10))
    s.incremental("a material", lambda: sub_first(
        s.path("data/materials.yaml"), r'title: \{lv: "', 'title: {lv: "Jauns: '))
    review = s.path("content/municipalities/cesu-novads/review.md")
    s.incremental("a review narrative", lambda: write(review, read(review) + "\nPapildu secinājums.\n"))
    s.incremental("a comment in site.yaml", lambda: sub_first(s.path("site.yaml"), r"\n",
                                                              "\n# komentārs\n"))
    documents = [p for p in os.listdir(os.path.join(s.out, "parskati"))]
    # The English pages show the English title: a new Latvian one leaves them alone.
    english = [os.path.relpath(os.path.join(d, n), s.out)
               for d, _, names in os.walk(os.path.join(s.out, "en")) for n in names
               if n.endswith(".html")]
    check(len(english) > 10, "bundled: the site has English pages", str(len(english)))
    s.incremental("the site's title", lambda: sub_first(s.path("site.yaml"), r'\{lv: "',
                                                        '{lv: "Valsts '), local=False,
                  same=[os.path.join("parskati", p) for p in documents] + english,
                  kept_parts=[k for k in s.work_digests() if k.startswith("site/en/")])
    # The publisher is in every annex's properties: documents follow the rest of site.yaml.
    s.incremental("the publisher's name", lambda: sub_first(
        s.path("site.yaml"), r'publisher: \{name: "', 'publisher: {name: "Jaunais '), local=False,
                  changed=[os.path.join("parskati", p) for p in documents if p.endswith(".xlsx")])
    template_dir = s.path("templates/partials")
    os.makedirs(template_dir, exist_ok=True)
    s.incremental("a template of the site", lambda: write(
        os.path.join(template_dir, "footer-extra.mustache"), "<p>x</p>\n"), local=False)
    metrics = s.path("data/metrics/cesu-novads.yaml")
    good = read(metrics)
    site_yaml = read(s.path("site.yaml"))
    s.killed("a build killed while updating", lambda: sub_first(
        s.path("site.yaml"), r'\{lv: "', '{lv: "Pārtraukta '), lambda: write(s.path("site.yaml"),
                                                                         site_yaml))
    s.broken("a wrong date", lambda: sub_first(metrics, r"year: (\d+)", r"year: 20x\1"),
             lambda: write(metrics, good))


def kurzeme(metodika, src, work):
    site_dir = os.path.join(work, "kurzeme")
    copy_site(os.path.join(src, "tests/sites/valid/kurzeme-json"), site_dir)
    s = Site(metodika, "kurzeme", site_dir, work)
    s.start()
    s.incremental("metrics in JSON", lambda: bump(s.path("data/metrics/liepaja.json"), "respondents"))
    # The first result is Liepāja's school: the olympiad's schools in Kuldīga and Talsi show
    # their own results only, so their pages and their municipalities' documents stay.
    s.incremental("an olympiad result", lambda: bump(s.path("data/olympiads/2025-2026.yaml"),
                                                     "participants"),
                  # The 2025/2026 olympiad is outside the 2022-2025 reviews' period (rules/period.h):
                  # no review changes, only the school's page that lists its results.
                  same=["iestades/kuldigas-ventas-vidusskola/index.html",
                        "iestades/talsu-valsts-gimnazija/index.html",
                        "parskati/kuldigas-novads-2022-2025.pdf",
                        "parskati/liepaja-2022-2025.pdf",
                        "parskati/talsu-novads-2022-2025.xlsx"],
                  changed=["iestades/liepajas-kapsedes-vidusskola/index.html"])
    s.incremental("a school in JSON", lambda: sub_first(
        s.path("data/schools/kuldigas-novads.json"), r'"head": "', '"head": "Dr. '))
    s.incremental("a private teacher record", lambda: bump(
        first_file(s.path("data/private/teachers")), "hours", 5))


def main():
    metodika, src = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="metodika-rebuild.")
    try:
        bundled(metodika, src, work)
        kurzeme(metodika, src, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
