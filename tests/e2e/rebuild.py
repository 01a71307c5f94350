#!/usr/bin/env python3
"""Rebuilding over a previous output equals a clean build, and leaves unchanged files untouched.

    rebuild.py METODIKA SOURCE_DIR

On a copy of the bundled site: builds, then for several kinds of edit (a news post, a school's
metrics, a comment in site.yaml) rebuilds into the same output and compares it byte for byte
with a clean build into a fresh folder; files whose bytes did not change must keep their inode
and modification time, and at least one file must have changed. Standard library only.
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def build(metodika, site, out):
    subprocess.run([metodika, "build", site, "--out", out, "--quiet"], check=True,
                   stderr=subprocess.DEVNULL)


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


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main():
    metodika, src = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="metodika-rebuild.")
    try:
        site = os.path.join(work, "site")
        os.makedirs(site)
        for name in ["site.yaml", "data", "content", "templates", "themes"]:
            s = os.path.join(src, name)
            if os.path.isdir(s):
                shutil.copytree(s, os.path.join(site, name))
            elif os.path.exists(s):
                shutil.copy2(s, site)
        out = os.path.join(work, "out")
        build(metodika, site, out)
        news = sorted(os.listdir(os.path.join(site, "content/news")))[0]
        edits = [
            ("a news post", f"content/news/{news}", None, "\nOne more sentence.\n"),
            ("a school's metrics", "data/metrics/cesu-novads.yaml", "satisfaction: 84.9",
             "satisfaction: 85.9"),
            ("site.yaml", "site.yaml", None, "\n# a comment only\n"),
        ]
        for i, (kind, rel, old, new) in enumerate(edits):
            before = snapshot(out)
            path = os.path.join(site, rel)
            if old is None:
                with open(path, "a", encoding="utf-8") as f:
                    f.write(new)
            else:
                edit(path, old, new)
            build(metodika, site, out)
            clean = os.path.join(work, f"clean{i}")
            build(metodika, site, clean)
            diffs = same_tree(out, clean)
            check(not diffs, f"{kind}: the rebuild equals a clean build {diffs[:5]}")
            after = snapshot(out)
            kept = [p for p, (ino, mtime, data) in after.items()
                    if p in before and before[p][2] == data
                    and (before[p][0], before[p][1]) != (ino, mtime)]
            check(not kept, f"{kind}: unchanged files keep inode and mtime {kept[:5]}")
            changed = [p for p in after if p not in before or before[p][2] != after[p][2]]
            untouched = len(after) - len(changed)
            print(f"     {len(changed)} files changed, {untouched} untouched")
            if "comment only" not in new:
                check(changed, f"{kind}: the edit shows in the output")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
