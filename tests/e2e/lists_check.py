#!/usr/bin/env python3
"""Checks the findable lists of a built site (issue 21):

  lists_check.py OUTPUT_DIR

- olympiads by subject: every subject with a feed, olimpiades/<subject>.ics, has its page,
  olimpiades/prieksmeti/<subject>/ (and the pages its pager links), linked from /olimpiades/
  with its feed; the pages list exactly the olympiads of the feed, upcoming ones first, each
  with a link to its results page when it has one (olimpiades/rezultati/<id>/);
- the filter choices (list-filter.js): every olympiad and event item carries its data-*
  attributes; each choice of a page's filter offers exactly the values its items carry, and
  a select of the institutions' table offers exactly the kinds in its column; the materials
  narrow by subject, level and deadline state.
In every language folder (the root and en/, …). Prints each mismatch; exits 1 on any."""
import glob
import html.parser
import os
import re
import sys

out = sys.argv[1]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL  lists:", msg)


class Page(html.parser.HTMLParser):
    """Items (li.cal-item: id, data-*, links), links, selects (options) and table rows."""

    def __init__(self):
        super().__init__()
        self.items = []  # {"id", "attrs", "links", "upcoming"}
        self.links = []
        self.selects = {}  # data-param -> {"attrs", "options": [values]}
        self.select = None
        self.depth = 0  # <li> nesting inside the current item
        self.item = None
        self.rows = []  # tbody rows: [cell texts]
        self.row = None
        self.cell = None
        self.in_tbody = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li":
            if self.item is not None:
                self.depth += 1
            elif "cal-item" in (a.get("class") or "").split():
                self.item = {"id": a.get("id"), "attrs": a, "links": [], "upcoming": False}
                self.depth = 0
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
            if self.item is not None:
                self.item["links"].append(a["href"])
        if tag == "span" and self.item is not None and a.get("class") == "cal-badge":
            self.item["upcoming"] = True
        if tag == "select":
            self.select = {"attrs": a, "options": [], "texts": []}
            self.selects[a.get("data-param")] = self.select
        if tag == "option" and self.select is not None:
            self.select["options"].append(a.get("value", ""))
            self.select["texts"].append("")
        if tag == "tbody":
            self.in_tbody = True
        if tag == "tr" and self.in_tbody:
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "li" and self.item is not None:
            if self.depth == 0:
                self.items.append(self.item)
                self.item = None
            else:
                self.depth -= 1
        if tag == "select":
            self.select = None
        if tag == "tbody":
            self.in_tbody = False
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.select is not None and self.select["texts"]:
            self.select["texts"][-1] += data
        if self.cell is not None:
            self.cell += data


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def file_of(root, href):
    """The file of a site-absolute href under the output, or None for another kind of link."""
    href = href.split("#")[0].split("?")[0]
    if not href.startswith("/"):
        return None
    path = os.path.join(out, href.lstrip("/"))
    return os.path.join(path, "index.html") if href.endswith("/") else path


def feed_ids(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"^UID:olympiad-(.+)@", f.read(), re.M)


def pages_of(first):
    """A paged list's first page and every page its pager links under the same folder."""
    pages, todo = [], [first]
    while todo:
        f = todo.pop(0)
        if f in pages or not os.path.isfile(f):
            continue
        pages.append(f)
        base = os.path.dirname(first)
        for href in parse(f).links:
            g = file_of(out, href)
            if g and os.path.dirname(os.path.dirname(g)) == base and re.search(r"/\d+/index\.html$", g):
                todo.append(g)
    return pages


def check_choices(name, page, attrs):
    """Each select of the page's filter offers the values its items carry, no more, no less."""
    for attr, param in attrs:
        values = set()
        for it in page.items:
            v = it["attrs"].get("data-" + attr)
            if v is None:
                fail(f"{name}: item {it['id']} has no data-{attr}")
                continue
            values.update(v.split())
        sel = page.selects.get(param)
        if len(values) < 2:
            if sel:
                fail(f"{name}: a choice of {param} with only {sorted(values)}")
            continue
        if not sel:
            fail(f"{name}: no choice of {param} for {len(values)} values")
            continue
        offered = [v for v in sel["options"] if v]
        if set(offered) != values or len(offered) != len(values):
            fail(f"{name}: {param} offers {offered}, items carry {sorted(values)}")


langs = [""] + [d + "/" for d in sorted(os.listdir(out))
                if len(d) == 2 and os.path.isfile(os.path.join(out, d, "index.html"))]
subjects_checked = choices_checked = 0
for lang in langs:
    root = os.path.join(out, lang)
    index = os.path.join(root, "olimpiades", "index.html")
    if not os.path.isfile(index):
        continue
    links = set(parse(index).links)
    for feed in sorted(glob.glob(os.path.join(root, "olimpiades", "*.ics"))):
        subject = os.path.basename(feed)[:-4]
        rel = f"/{lang}olimpiades/prieksmeti/{subject}/"
        first = os.path.join(root, "olimpiades", "prieksmeti", subject, "index.html")
        if rel not in links:
            fail(f"/{lang}olimpiades/ does not link {rel}")
        if f"/{lang}olimpiades/{subject}.ics" not in links:
            fail(f"/{lang}olimpiades/ does not link its feed {subject}.ics")
        if not os.path.isfile(first):
            fail(f"no page {rel}")
            continue
        listed, upcoming_done = [], False
        for f in pages_of(first):
            page = parse(f)
            check_choices(f"{rel} ({os.path.relpath(f, out)})", page, [("stage", "stage")])
            for it in page.items:
                listed.append(it["id"])
                if it["upcoming"] and upcoming_done:
                    fail(f"{rel}: upcoming {it['id']} after a past one")
                upcoming_done |= not it["upcoming"]
                results = f"/{lang}olimpiades/rezultati/{it['id']}/"
                if os.path.isfile(file_of(out, results)) and results not in it["links"]:
                    fail(f"{rel}: {it['id']} does not link its results {results}")
        ids = feed_ids(feed)
        if sorted(listed) != sorted(ids):
            fail(f"{rel} lists {len(listed)} olympiads, its feed {len(ids)}: "
                 f"{sorted(set(listed) ^ set(ids))[:5]}")
        subjects_checked += 1
    # The calendars' filter choices: /olimpiades/ and its archive and pager pages, /pasakumi/ …
    for f in sorted(glob.glob(os.path.join(root, "olimpiades", "**", "index.html"), recursive=True)):
        if "/prieksmeti/" in f or "/rezultati/" in f:
            continue
        check_choices(os.path.relpath(f, out), parse(f), [("subject", "subject"), ("stage", "stage")])
        choices_checked += 1
    for f in sorted(glob.glob(os.path.join(root, "pasakumi", "**", "index.html"), recursive=True)):
        check_choices(os.path.relpath(f, out), parse(f),
                      [("subject", "subject"), ("municipality", "municipality")])
        choices_checked += 1
    # The materials: by subject, level and deadline state.
    materials = os.path.join(root, "materiali", "index.html")
    if os.path.isfile(materials):
        check_choices(os.path.relpath(materials, out), parse(materials),
                      [("subject", "subject"), ("level", "level"), ("state", "state")])
        choices_checked += 1
    # The institutions of each municipality: the kind choice offers the kinds of its table.
    for f in sorted(glob.glob(os.path.join(root, "pasvaldibas", "*", "iestades", "index.html"))):
        page = parse(f)
        sel = page.selects.get("kind")
        if not sel:
            continue
        col = int(sel["attrs"].get("data-column", -1))
        kinds = {r[col] for r in page.rows if 0 <= col < len(r)}
        labels = [t.strip() for v, t in zip(sel["options"], sel["texts"]) if v]
        if len(labels) < 2 or not kinds <= set(labels):  # a page of a paged table: some
            fail(f"{os.path.relpath(f, out)}: kind offers {labels}, the table has {sorted(kinds)}")
        choices_checked += 1

if subjects_checked == 0:
    fail("no subject pages checked: no olympiad feeds found")
print(f"lists: {subjects_checked} subject pages, {choices_checked} filtered pages checked"
      + (f", {len(failures)} failures" if failures else ""))
sys.exit(1 if failures else 0)
