#!/usr/bin/env python3
"""A random walk of edits: after each, the incremental build and a clean build agree.

    rebuild_walk.py METODIKA SOURCE_DIR [--steps N] [--seed S] [--site bundled|kurzeme|DIR]

rebuild.py checks the kinds of edit we thought of; this walk makes edits nobody chose. On a copy
of a site it makes STEPS random edits (a string or number changed in a data file, a list item
deleted, duplicated or moved, a news post added or removed, a Markdown body or title changed, a
template, stylesheet or translation changed, an earlier edit undone), many of which break the
data. After each edit:

- `metodika build` into the same output (incremental, default workers) and `metodika build
  --clean -j1` of a copy of the edited site into a fresh folder must exit alike and print the
  same diagnostics;
- when they succeed, the two outputs must be equal byte for byte;
- when they fail, the output must be byte for byte the last good one.

When a build fails, the walk usually undoes all edits (so that most steps build a valid site).
The same seed makes the same edits. Standard library only.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rebuild import copy_site, read, same_tree, write  # noqa: E402

AS_OF = ["--as-of", "2026-11-23"]
EDITABLE = (".yaml", ".yml", ".json", ".md", ".mustache", ".css", ".js")


def build(metodika, site, out, *extra):
    r = subprocess.run([metodika, "build", site, "--out", out, "-q", *AS_OF, *extra],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return r.returncode, r.stderr


def tree_difference(a, b):
    """'' when folders A and B hold the same files with the same bytes, else what differs."""
    diffs = same_tree(a, b)
    return "" if not diffs else f"{len(diffs)} files differ: {sorted(diffs)[:6]}"


class Walk:
    def __init__(self, site, rng):
        self.site = site
        self.rng = rng
        self.originals = {p: read(p) for p in self.files()}

    def files(self):
        found = []
        for root, dirs, names in os.walk(self.site):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, n) for n in sorted(names) if n.endswith(EDITABLE)]
        return found

    def rel(self, path):
        return os.path.relpath(path, self.site)

    def undo_all(self):
        for path, text in self.originals.items():
            if not os.path.exists(path) or read(path) != text:
                write(path, text)
        for path in self.files():
            if path not in self.originals:
                os.remove(path)

    def edit(self):
        """Makes one random edit; returns what it did."""
        kind = self.rng.choice(["text", "text", "number", "number", "drop item", "repeat item",
                                "move item", "undo", "markdown", "new post", "drop post",
                                "theme"])
        files = self.files()
        if kind == "undo":
            edited = [p for p, t in self.originals.items() if not os.path.exists(p) or read(p) != t]
            if not edited:
                return "undo: nothing to undo"
            path = self.rng.choice(edited)
            write(path, self.originals[path])
            return f"undo {self.rel(path)}"
        posts = [p for p in files if f"{os.sep}content{os.sep}news{os.sep}" in p]
        if kind == "new post" and posts:
            source = self.rng.choice(posts)
            n = self.rng.randrange(1000)
            path = os.path.join(os.path.dirname(source),
                                f"2026-11-{self.rng.randrange(1, 23):02d}-walk-{n}.md")
            write(path, re.sub(r'^title: .*$', f'title: "Walk {n}"', read(source), count=1,
                               flags=re.M))
            return f"new post {self.rel(path)}"
        if kind == "drop post" and posts:
            path = self.rng.choice(posts)
            os.remove(path)
            return f"drop post {self.rel(path)}"
        if kind == "markdown":
            path = self.rng.choice([p for p in files if p.endswith(".md")])
            text = read(path)
            if self.rng.random() < 0.5 and re.search(r'^title: ', text, re.M):
                text = re.sub(r'^(title: "?)([^"\n]*)', lambda m: m.group(1) + m.group(2) + " W",
                              text, count=1, flags=re.M)
            else:
                text = text.rstrip("\n") + f"\n\nWalk paragraph {self.rng.randrange(100)}.\n"
            write(path, text)
            return f"markdown {self.rel(path)}"
        if kind == "theme":
            theme = [p for p in files if p.endswith((".mustache", ".css", ".js"))
                     or f"{os.sep}i18n{os.sep}" in p]
            if not theme:
                return "theme: the site has no theme files"
            path = self.rng.choice(theme)
            text = read(path)
            if path.endswith(".mustache"):
                lines = text.split("\n")
                i = self.rng.randrange(len(lines))
                if self.rng.random() < 0.7:
                    lines.insert(i, f"<!-- walk {self.rng.randrange(100)} -->")
                else:
                    del lines[i]
                text = "\n".join(lines)
            elif path.endswith((".yaml", ".yml")):
                text = re.sub(r': "([^"]*)"', lambda m: f': "{m.group(1)} W"', text, count=1)
            else:
                text += f"\n/* walk {self.rng.randrange(100)} */\n"
            write(path, text)
            return f"theme {self.rel(path)}"
        # A line of a data file (three times in four), else of any file.
        data = [p for p in files if f"{os.sep}data{os.sep}" in p or
                os.path.basename(p).startswith("site.")]
        path = self.rng.choice(data) if data and self.rng.random() < 0.75 else self.rng.choice(files)
        lines = read(path).split("\n")
        patterns = {"text": r': "[^"]+"', "number": r': -?\d+(\.\d+)?\b'}
        pattern = patterns.get(kind, r'\s*- ')
        candidates = [i for i, line in enumerate(lines) if re.search(pattern, line) and
                      (kind in patterns or re.match(pattern, line))]
        if not candidates:
            return f"{kind}: no such line in {self.rel(path)}"
        i = self.rng.choice(candidates)
        line = lines[i]
        if kind == "text":
            m = self.rng.choice(list(re.finditer(r': "([^"]+)"', line)))
            value = m.group(1)
            new = value[:-1] if self.rng.random() < 0.2 else value + self.rng.choice([" Q", "x"])
            lines[i] = line[:m.start(1)] + new + line[m.end(1):]
        elif kind == "number":
            m = self.rng.choice(list(re.finditer(r': (-?\d+(?:\.\d+)?)\b', line)))
            v = m.group(1)
            new = (f"{float(v) + self.rng.choice([-0.5, 0.5, 1.0]):.1f}" if "." in v
                   else str(int(v) + self.rng.choice([-1, 1, 2, 10])))
            lines[i] = line[:m.start(1)] + new + line[m.end(1):]
        elif kind == "drop item":
            del lines[i]
        elif kind == "repeat item":
            lines.insert(i, line)
        else:  # move item
            j = self.rng.choice(candidates)
            lines[i], lines[j] = lines[j], lines[i]
        write(path, "\n".join(lines))
        return f"{kind} {self.rel(path)}:{i + 1}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("metodika")
    ap.add_argument("source_dir")
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--site", default="bundled",
                    help="bundled (the repository's own), kurzeme (the JSON test site) or a folder")
    a = ap.parse_args()
    named = {"bundled": a.source_dir,
             "kurzeme": os.path.join(a.source_dir, "tests/sites/valid/kurzeme-json")}
    source = named.get(a.site, a.site)
    work = tempfile.mkdtemp(prefix="metodika-walk-")
    try:
        site, out = os.path.join(work, "site"), os.path.join(work, "out")
        edited, ref = os.path.join(work, "edited"), os.path.join(work, "ref")
        good = os.path.join(work, "good")
        copy_site(source, site)
        walk = Walk(site, random.Random(a.seed))
        code, err = build(a.metodika, site, out)
        if code != 0:
            print(f"FAIL the first build exited {code}:\n{err[-3000:]}")
            return 1
        shutil.copytree(out, good)
        failed = built = broken = 0
        for step in range(a.steps):
            what = walk.edit()
            code, err = build(a.metodika, site, out)
            for d in (edited, ref, ref + ".cache"):
                shutil.rmtree(d, ignore_errors=True)
            copy_site(site, edited)
            ref_code, ref_err = build(a.metodika, edited, ref, "--clean", "-j1")
            ref_err = ref_err.replace(edited, site)
            problem = ""
            if code not in (0, 1):
                problem = f"the build exited {code}:\n{err[-3000:]}"
            elif code != ref_code:
                problem = f"the incremental build exited {code}, the clean one {ref_code}"
            elif err != ref_err:
                problem = (f"the diagnostics differ\n--- incremental:\n{err[-2000:]}\n"
                           f"--- clean:\n{ref_err[-2000:]}")
            elif code == 0:
                built += 1
                problem = tree_difference(out, ref)
                if not problem:
                    shutil.rmtree(good)
                    shutil.copytree(out, good)
            else:
                broken += 1
                difference = tree_difference(out, good)
                problem = difference and "the failed build changed the output: " + difference
            print(f"{'ok  ' if not problem else 'FAIL'} [{step}] {what}: exit {code}", flush=True)
            if problem:
                print("     " + problem.replace("\n", "\n     "), flush=True)
                failed += 1
                if failed >= 3:
                    break
            if code == 1 and walk.rng.random() < 0.7:
                walk.undo_all()
        print(f"{a.steps} steps, seed {a.seed}: {built} built, {broken} refused, {failed} failed")
        return 1 if failed or built == 0 else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
