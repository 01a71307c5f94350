"""One-file edits of a generated national site, for incremental rebuilds and live reload.

Every edit is a real change of the data (never a comment), keeps the site valid, and is computed
from the file's original text: variant 0 and variant 1 differ from the original and from each
other, so alternating them makes every save a change. Each edit finds its place with a regular
expression on a line that ../shared/bench/gen_national.py writes; when the generator's output
changes shape, the edit stops with a message instead of editing the wrong thing.
"""
import os
import re

MUNICIPALITY = "ventspils"  # a mid-sized state city; the bundled site's own example too


class Edit:
    """One kind of one-file edit: which file, and how a variant changes its original text."""

    def __init__(self, kind, path, change):
        self.kind = kind      # short label, e.g. "event title"
        self.path = path      # relative to the site folder
        self.change = change  # (original text, variant 0|1) -> edited text

    def apply(self, site, original, variant):
        """Write variant 0 or 1 of the edit into SITE; ORIGINAL is the file's pristine text."""
        with open(os.path.join(site, self.path), "w", encoding="utf-8") as f:
            f.write(self.change(original, variant))

    def read(self, site):
        with open(os.path.join(site, self.path), encoding="utf-8") as f:
            return f.read()


def sub_first(pattern, text, replace, what):
    """Replace the first match of PATTERN (multi-line mode) by replace(match)."""
    match = re.search(pattern, text, re.M)
    if not match:
        raise SystemExit(f"edit '{what}': no line matches {pattern!r}; did gen_national.py change?")
    return text[:match.start()] + replace(match) + text[match.end():]


def suffixed(m, v):
    """A text edit: append ' (A)' or ' (B)' to the quoted string in group 2 of a match."""
    return f"{m.group(1)}{m.group(2)} ({'AB'[v]}){m.group(3)}"


def bumped(step=1):
    """A number edit: add 1 or 2 steps to the whole number in group 2 of a match."""
    return lambda m, v: f"{m.group(1)}{int(m.group(2)) + step * (v + 1)}"


def regex_edit(kind, path, pattern, replace):
    return Edit(kind, path, lambda text, v: sub_first(pattern, text, lambda m: replace(m, v), kind))


def exam_score(m, v):
    """Move an exam score by 0.5 or 1.0 points, down when it is near the top of the scale."""
    score = float(m.group(2))
    delta = 0.5 * (v + 1) * (1 if score < 90 else -1)
    return f"{m.group(1)}{score + delta:.1f}"


def phone_change(text, v):
    """Set the first methodologist's phone (adding the optional field if absent)."""
    phone = f'"+371 6300000{v + 1}"'

    def replace(m):
        indent = m.group(2)
        return f"{m.group(1)}{indent}phone: {phone}\n"
    return sub_first(r"^(( +)email: .*\n)(?:\2phone: .*\n)?", text, replace, "methodologist phone")


def news_body_change(text, v):
    """Add or change the last paragraph of a news post's body."""
    body = re.sub(r"\n\nAtjaunināts: [AB]\.\n$", "\n", text)
    return body.rstrip("\n") + f"\n\nAtjaunināts: {'AB'[v]}.\n"


def newest_news(site):
    """The newest news post that is not a draft (relative path)."""
    folder = os.path.join(site, "content", "news")
    for name in sorted(os.listdir(folder), reverse=True):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            if name.endswith(".md") and "\ndraft: true\n" not in f.read():
                return os.path.join("content", "news", name)
    raise SystemExit(f"no news post in {folder}")


def national_edits(site):
    """The edit kinds measured on a site written by gen_national.py, in a fixed order."""
    m = MUNICIPALITY
    return [
        Edit("news post body", newest_news(site), news_body_change),
        regex_edit("event title", "data/events.yaml", r'^(  title: ")([^"]*)(")$',
                   suffixed),
        regex_edit("olympiad result count", "data/olympiads.yaml",
                   r'^(    - \{school: "[^"]+", participants: )(\d+)', bumped()),
        Edit("methodologist phone", "data/methodologists.yaml", phone_change),
        regex_edit("exam score", f"data/metrics/{m}.yaml",
                   r"^(  ce: \{(?:\w+: [\d.]+, )*?(?:mathematics|latvian|foreign): )([\d.]+)",
                   exam_score),
        regex_edit("school name", f"data/schools/{m}.yaml", r'^(  name: ")([^"]*)(")$',
                   suffixed),
        regex_edit("budget amount", f"data/programmes/{m}.yaml",
                   r"^(      - \{.*?amounts: \{\d{4}: )(\d+)", bumped(100)),
        regex_edit("private teacher hours", f"data/private/teachers/{m}.yaml",
                   r"^(    - \{title: .*?hours: )(\d+)", bumped()),
        regex_edit("site title", "site.yaml", r'^(title: \{lv: ")([^"]*)(")', suffixed),
    ]


def methodologist_phone():
    """The edit used for live reload, on any site with a block-style methodologists.yaml."""
    return Edit("methodologist phone", "data/methodologists.yaml", phone_change)
