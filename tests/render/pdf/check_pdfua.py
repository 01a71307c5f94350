#!/usr/bin/env python3
"""Checks a review PDF against the machine-checkable rules of PDF/UA-1 (ISO 14289-1) that apply
to it, as the Matterhorn Protocol 1.1 lists them, reading its objects with pikepdf.

  check_pdfua.py PDF... [--quiet]

Rules (Matterhorn checkpoint in brackets):
  - the file says PDF 1.7 and is tagged: /MarkInfo /Marked true, a structure tree [01-002]
  - every page-content operator that paints is inside marked content with an MCID (real content)
    or inside an /Artifact, never both, never neither [01-005, 01-006]
  - every MCID on a page is in the parent tree, which names the element whose /K holds it; every
    marked-content reference of the tree is on its page [01-006, 01-007]
  - every structure type is standard, or role-mapped to a standard one [02-001, 02-004]
  - the first heading is H1 and no level is skipped [14-002, 14-003]
  - tables: TR in Table, THead, TBody or TFoot; TH and TD in TR; every TH has /Scope [15-003]
  - lists: LI in L, Lbl and LBody in LI; TOCI in TOC [09-004, 09-005, 09-006]
  - every Figure has /Alt [13-004]
  - every link annotation is in a Link element (/StructParent and an /OBJR) and has /Contents;
    a page with annotations has /Tabs /S [28-002, 28-011, 28-012, 28-005]
  - fonts: every font a page uses is embedded and has /ToUnicode [31-001, 31-027]
  - metadata: catalog /Lang, /ViewerPreferences /DisplayDocTitle true, an XMP stream with
    dc:title (the /Title), dc:language, dc:creator, xmp:CreateDate and pdfuaid:part 1
    [06-001..06-003, 07-001, 11-001]
  - natural language: the catalog's and every element's /Lang is a language tag (BCP 47 form)
    [11-001..11-006]; with --expect-lang TEXT=LANG, TEXT is read in language LANG (the
    nearest /Lang of the elements that hold it), for text whose language the test knows
  - reading order: the text read in structure order (with /ActualText for the words broken
    across lines, figures and artifacts left out) equals, page by page, what pdftotext reads on
    a copy of the page that holds only the tagged text (spaces and hyphens aside).
Prints each failure as "PDF: message" and exits 1 if there was any.
"""
import argparse, collections, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

try:
    import pikepdf
except ImportError:  # run by a python3 without it: Debian's has python3-pikepdf
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("check_pdfua.py: pikepdf is missing (run scripts/install-deps.sh --test)")

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
           "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}, "LI": {"L"},
           "Lbl": {"LI"}, "LBody": {"LI"}, "TOCI": {"TOC"}}
PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"}
TEXT = {"Tj", "TJ", "'", '"'}
NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


class Checker:
    def __init__(self, path, expect_lang=()):
        self.path = path
        self.expect_lang = list(expect_lang)
        self.mcid_lang = {}  # (page index, mcid) -> the language it is read in
        self.failures = []
        self.pdf = pikepdf.open(path)
        self.page_index = {p.objgen: i for i, p in enumerate(self.pdf.pages)}
        self.cmaps = {}
        self.owner_element = {}
        self.actual_texts = []

    def fail(self, message):
        if len(self.failures) < 60:
            self.failures.append(message)

    # --- fonts -------------------------------------------------------------------------------
    def cmap(self, font):
        key = font.objgen
        if key in self.cmaps:
            return self.cmaps[key]
        mapping = {}
        if "/ToUnicode" in font:
            data = font.ToUnicode.read_bytes().decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
                for lo, hi, dst in re.findall(
                        r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    start = int(dst, 16)
                    for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                        mapping[code] = chr(start + k)
        self.cmaps[key] = mapping
        return mapping

    def check_font(self, name, font, page):
        if "/ToUnicode" not in font:
            self.fail(f"page {page}: font {name} has no /ToUnicode")
        descendants = font.get("/DescendantFonts")
        target = descendants[0] if descendants is not None else font
        descriptor = target.get("/FontDescriptor")
        if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2",
                                                                    "/FontFile3")):
            self.fail(f"page {page}: font {name} ({target.get('/BaseFont')}) is not embedded")

    def decode(self, font, raw):
        mapping = self.cmap(font)
        two = str(font.get("/Subtype")) == "/Type0"
        out = []
        if two:
            for i in range(0, len(raw) - 1, 2):
                out.append(mapping.get(raw[i] * 256 + raw[i + 1], "\ufffd"))
        else:
            out = [mapping.get(b, chr(b)) for b in raw]
        return "".join(out)

    # --- content -----------------------------------------------------------------------------
    def read_page(self, number, page):
        """MCID -> text, the page's MCIDs in order, and its text runs: (MCID or None, x, y,
        text) with the text line matrix's origin; fails what paints unmarked."""
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        fonts = resources.get("/Font", pikepdf.Dictionary())
        for name, font in fonts.items():
            self.check_font(name, font, number)
        texts = collections.defaultdict(str)
        mcids = []
        stack = []  # ("mcid", n) / ("artifact",) / ("other",)
        font = None
        unmarked = 0
        runs = []
        line = [1, 0, 0, 1, 0, 0]  # the text line matrix
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BT":
                line = [1, 0, 0, 1, 0, 0]
            elif op in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                a, b, c, d, e, f = line
                line = [a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f]
            elif op == "Tm":
                line = [float(v) for v in operands]
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                if tag == "/Artifact":
                    stack.append(("artifact",))
                elif props is not None and isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                    if any(s[0] == "artifact" for s in stack):
                        self.fail(f"page {number}: MCID {mcid} inside an artifact")
                    if any(s[0] == "mcid" for s in stack):
                        self.fail(f"page {number}: MCID {mcid} inside another MCID")
                    if mcid in mcids:
                        self.fail(f"page {number}: MCID {mcid} used twice")
                    mcids.append(mcid)
                    stack.append(("mcid", mcid))
                else:
                    stack.append(("other",))
            elif op == "EMC":
                if not stack:
                    self.fail(f"page {number}: EMC without BDC")
                else:
                    stack.pop()
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
                if font is None:
                    self.fail(f"page {number}: font {operands[0]} not in the resources")
            elif op in PAINT:
                marked = [s for s in stack if s[0] in ("mcid", "artifact")]
                if not marked:
                    unmarked += 1
                if op in TEXT and font is not None:
                    strings = []
                    if op == "TJ":
                        strings = [x for x in operands[0] if isinstance(x, pikepdf.String)]
                    else:
                        strings = [operands[-1]]
                    text = "".join(self.decode(font, bytes(s)) for s in strings)
                    inner = [s for s in stack if s[0] == "mcid"]
                    if inner:
                        texts[inner[-1][1]] += text
                    runs.append((inner[-1][1] if inner else None, line[4], line[5], text))
        if stack:
            self.fail(f"page {number}: marked content left open")
        if unmarked:
            self.fail(f"page {number}: {unmarked} operators paint content that is neither tagged"
                      " nor an artifact")
        return texts, mcids, runs

    # --- structure ---------------------------------------------------------------------------
    def run(self):
        pdf = self.pdf
        if pdf.pdf_version != "1.7":
            self.fail(f"header says PDF {pdf.pdf_version}, not 1.7")
        root = pdf.Root
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.fail("catalog: no /MarkInfo /Marked true")
        lang = str(root.get("/Lang", ""))
        if not lang:
            self.fail("catalog: no /Lang")
        elif not LANG_TAG.fullmatch(lang):
            self.fail(f"catalog: /Lang {lang!r} is not a language tag")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            self.fail("catalog: no /ViewerPreferences /DisplayDocTitle true")
        self.check_metadata(root, lang)
        tree = root.get("/StructTreeRoot")
        if tree is None:
            self.fail("no structure tree")
            return self.failures
        role_map = tree.get("/RoleMap", pikepdf.Dictionary())

        pages = {}
        for i, page in enumerate(pdf.pages):
            pages[i] = self.read_page(i + 1, page)

        # Walk the tree in order.
        order = []  # (page index, mcid) or ("actual", page, text) in reading order
        headings = []
        mcr_owner = {}  # (page, mcid) -> element objgen
        objr_owner = {}  # annotation objgen -> element objgen
        seen = set()

        def standard(s):
            hops = 0
            while s not in STANDARD and ("/" + s) in role_map and hops < 10:
                s = str(role_map["/" + s])[1:]
                hops += 1
            return s

        def walk(element, parent_type, inherited_page, quiet, inherited_lang):
            if element.objgen in seen and element.objgen != (0, 0):
                self.fail(f"element {element.objgen} reached twice")
                return
            seen.add(element.objgen)
            s = standard(str(element.get("/S", "/?"))[1:])
            if s not in STANDARD:
                self.fail(f"structure type {element.get('/S')} is not standard nor role-mapped")
            if s in PARENTS and parent_type not in PARENTS[s]:
                self.fail(f"{s} inside {parent_type}")
            if s == "TH":
                scope = None
                attributes = element.get("/A")
                for a in (attributes if isinstance(attributes, pikepdf.Array) else
                          [attributes] if attributes is not None else []):
                    if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                        scope = str(a.Scope)
                if scope not in ("/Row", "/Column", "/Both"):
                    self.fail(f"TH {element.objgen} has no /Scope")
            if s == "Figure" and not str(element.get("/Alt", "")).strip():
                self.fail(f"Figure {element.objgen} has no /Alt")
            if re.fullmatch(r"H[1-6]", s):
                headings.append(int(s[1]))
            elif s == "H":
                self.fail("an H element (PDF/UA-1 asks for numbered headings here)")
            page = element.get("/Pg", inherited_page)
            here_lang = inherited_lang
            if "/Lang" in element:
                here_lang = str(element.Lang)
                if not LANG_TAG.fullmatch(here_lang):
                    self.fail(f"{s} {element.objgen}: /Lang {here_lang!r} is not a language tag")
            actual = element.get("/ActualText")
            replaced = quiet or s == "Figure"
            if actual is not None and not quiet:
                self.actual_texts.append((element, str(actual)))
            kids = element.get("/K")
            if kids is None:
                return
            if not isinstance(kids, pikepdf.Array):
                kids = [kids]
            for kid in kids:
                if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and
                                            kid._type_name == "integer"):
                    self.mcr(page, int(kid), element, mcr_owner, order, replaced)
                    self.set_lang(page, int(kid), here_lang)
                elif isinstance(kid, pikepdf.Dictionary):
                    t = str(kid.get("/Type", ""))
                    if t == "/MCR":
                        self.mcr(kid.get("/Pg", page), int(kid.MCID), element, mcr_owner, order,
                                 replaced)
                        self.set_lang(kid.get("/Pg", page), int(kid.MCID), here_lang)
                    elif t == "/OBJR":
                        objr_owner[kid.Obj.objgen] = element.objgen
                        if s != "Link" and str(kid.Obj.get("/Subtype")) == "/Link":
                            self.fail(f"link annotation {kid.Obj.objgen} tagged {s}, not Link")
                    else:
                        walk(kid, s, page, replaced, here_lang)

        top = tree.get("/K")
        for element in (top if isinstance(top, pikepdf.Array) else [top]):
            walk(element, "StructTreeRoot", None, False, lang)

        if not headings:
            self.fail("no headings")
        else:
            if headings[0] != 1:
                self.fail(f"the first heading is H{headings[0]}, not H1")
            for a, b in zip(headings, headings[1:]):
                if b > a + 1:
                    self.fail(f"heading level skipped: H{a} then H{b}")
                    break

        # Parent tree: each page's MCIDs name the element that owns them.
        nums = self.number_tree(tree.get("/ParentTree"))
        for i, page in enumerate(pdf.pages):
            _, mcids = pages[i][:2]
            key = page.obj.get("/StructParents")
            if mcids and key is None:
                self.fail(f"page {i + 1}: marked content but no /StructParents")
                continue
            if key is None:
                continue
            array = nums.get(int(key))
            if array is None:
                self.fail(f"page {i + 1}: /StructParents {key} not in the parent tree")
                continue
            for mcid in mcids:
                owner = mcr_owner.get((i, mcid))
                if owner is None:
                    self.fail(f"page {i + 1}: MCID {mcid} is in no structure element")
                elif mcid >= len(array) or array[mcid].objgen != owner:
                    self.fail(f"page {i + 1}: the parent tree does not name MCID {mcid}'s element")
        for (i, mcid) in mcr_owner:
            if mcid not in pages[i][1]:
                self.fail(f"page {i + 1}: the structure refers to MCID {mcid}, not on the page")

        # Annotations.
        for i, page in enumerate(pdf.pages):
            annots = page.obj.get("/Annots", [])
            if len(annots) and str(page.obj.get("/Tabs", "")) != "/S":
                self.fail(f"page {i + 1}: annotations but no /Tabs /S")
            for annot in annots:
                if str(annot.get("/Subtype")) != "/Link":
                    continue
                if not str(annot.get("/Contents", "")).strip():
                    self.fail(f"page {i + 1}: link annotation without /Contents")
                key = annot.get("/StructParent")
                owner = objr_owner.get(annot.objgen)
                if key is None or owner is None:
                    self.fail(f"page {i + 1}: link annotation not tagged")
                elif nums.get(int(key)) is None or nums[int(key)].objgen != owner:
                    self.fail(f"page {i + 1}: link annotation's /StructParent is not its Link")

        self.check_reading_order(pages, order)
        self.check_languages(pages, order)
        return self.failures

    def first_page(self, element, page):
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary):
                if str(kid.get("/Type", "")) == "/MCR":
                    return self.page_index.get(kid.Pg.objgen)
                if "/S" in kid:
                    found = self.first_page(kid, kid.get("/Pg", page))
                    if found is not None:
                        return found
            elif kid is not None:
                return self.page_index.get(page.objgen) if page is not None else None
        return None

    def set_lang(self, page, mcid, lang):
        index = self.page_index.get(page.objgen) if page is not None else None
        if index is not None:
            self.mcid_lang[(index, mcid)] = lang

    def check_languages(self, pages, order):
        """Each --expect-lang text is read, in structure order, in the language expected."""
        if not self.expect_lang:
            return
        by_lang = collections.defaultdict(str)
        for entry in order:
            if entry[0] == "actual":
                continue
            page, mcid = entry
            lang = self.mcid_lang.get((page, mcid), "")
            # Runs in one language are read together; another language's run ends them.
            for other in list(by_lang):
                if other != lang:
                    by_lang[other] += "\n"
            by_lang[lang] += pages[page][0].get(mcid, "")
        for text, lang in self.expect_lang:
            want = normalise(text)
            if not any(want in normalise(run) for run in by_lang.get(lang, "").split("\n")):
                where = [other for other, read in by_lang.items() if want in normalise(read)]
                self.fail(f"{text!r} is not read in language {lang!r}"
                          + (f" (it is read in {', '.join(map(repr, where))})" if where else
                             " (not found)"))

    def mcr(self, page, mcid, element, owner, order, quiet):
        if page is None:
            self.fail(f"element {element.objgen}: MCID {mcid} without a page")
            return
        index = self.page_index.get(page.objgen)
        if index is None:
            self.fail(f"element {element.objgen}: /Pg is not a page")
            return
        if (index, mcid) in owner:
            self.fail(f"page {index + 1}: MCID {mcid} in two elements")
        owner[(index, mcid)] = element.objgen
        self.owner_element[(index, mcid)] = element
        if not quiet:
            order.append((index, mcid))

    def number_tree(self, node):
        out = {}
        if node is None:
            self.fail("no parent tree")
            return out
        nums = node.get("/Nums")
        if nums is not None:
            for k in range(0, len(nums) - 1, 2):
                out[int(nums[k])] = nums[k + 1]
        for kid in node.get("/Kids", []):
            out.update(self.number_tree(kid))
        return out

    def check_metadata(self, root, lang):
        meta = root.get("/Metadata")
        if meta is None:
            self.fail("catalog: no XMP /Metadata")
            return
        try:
            xml = ET.fromstring(meta.read_bytes())
        except ET.ParseError as e:
            self.fail(f"XMP: not XML: {e}")
            return
        def find(path):
            node = xml.find(".//" + path, NS)
            return None if node is None else (node.text or "").strip()
        title = find("dc:title/rdf:Alt/rdf:li")
        info_title = str(self.pdf.docinfo.get("/Title", "")) if self.pdf.docinfo else ""
        if not title:
            self.fail("XMP: no dc:title")
        elif info_title and title != info_title:
            self.fail(f"XMP: dc:title '{title}' differs from the /Title '{info_title}'")
        if find("dc:language/rdf:Bag/rdf:li") != lang:
            self.fail(f"XMP: dc:language is not the catalog's /Lang {lang}")
        if not find("dc:creator/rdf:Seq/rdf:li"):
            self.fail("XMP: no dc:creator")
        if not find("xmp:CreateDate"):
            self.fail("XMP: no xmp:CreateDate")
        part = find("pdfuaid:part")
        if part is None:
            description = xml.find(".//rdf:Description", NS)
            part = description.get("{%s}part" % NS["pdfuaid"]) if description is not None else None
        if part != "1":
            self.fail("XMP: no pdfuaid:part 1")

    # --- reading order -----------------------------------------------------------------------
    def check_reading_order(self, pages, order):
        """The text in structure order against the text as the page shows it.

        Shown order: text runs top to bottom, then left to right (by their line's origin), a
        table cell's runs taken together where its first line is (a row is read cell by cell,
        each cell whole). Figures (read by their /Alt) and artifacts are left out. A word broken
        across lines is read as its /ActualText, which must be its parts joined. And pdftotext,
        reading a copy of the PDF that shows only the tagged text, finds the same characters.
        """
        structure = collections.defaultdict(str)
        for entry in order:
            if entry[0] == "actual":
                continue
            page, mcid = entry
            structure[page] += pages[page][0].get(mcid, "")
        for element, actual in self.actual_texts:
            parts = normalise("".join(pages[p][0].get(m, "") for p, m in self.mcids_of(element)))
            if normalise(actual) != parts:
                self.fail(f"/ActualText '{actual}' is not its content '{parts}'")
        extracted = self.tagged_text_only()
        for i in range(len(self.pdf.pages)):
            runs = pages[i][2]
            units = {}
            for k, (mcid, x, y, text) in enumerate(runs):
                if mcid is None or (i, mcid) not in self.owner_element:
                    continue
                element = self.owner_element[(i, mcid)]
                if self.inside(element, {"/Figure"}):
                    continue
                cell = self.inside(element, {"/TD", "/TH"})
                key = ("cell", cell.objgen) if cell is not None else ("run", k)
                unit = units.setdefault(key, [(-round(y, 1), x), []])
                unit[0] = min(unit[0], (-round(y, 1), x))
                unit[1].append((-round(y, 1), x, k, text))
            shown = "".join(
                "".join(t for *_, t in sorted(parts))
                for _, parts in sorted(units.values(), key=lambda u: u[0]))
            want = normalise(shown)
            got = normalise(structure.get(i, ""))
            if want != got:
                k = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]),
                         min(len(want), len(got)))
                self.fail(f"page {i + 1}: structure order reads '…{got[max(0, k - 30):k + 30]}…' "
                          f"where the page shows '…{want[max(0, k - 30):k + 30]}…'")
            seen = normalise(extracted[i] if i < len(extracted) else "")
            if sorted(seen) != sorted(got):
                missing = collections.Counter(seen) - collections.Counter(got)
                extra = collections.Counter(got) - collections.Counter(seen)
                self.fail(f"page {i + 1}: pdftotext reads other tagged text than the structure "
                          f"(only pdftotext: {''.join(sorted(missing.elements()))[:40]!r}, only "
                          f"the structure: {''.join(sorted(extra.elements()))[:40]!r})")

    def inside(self, element, types):
        hops = 0
        while element is not None and hops < 64:
            if str(element.get("/S", "")) in types:
                return element
            element = element.get("/P")
            hops += 1
        return None

    def mcids_of(self, element):
        out = []
        page = element.get("/Pg")
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary):
                if str(kid.get("/Type", "")) == "/MCR":
                    out.append((self.page_index[kid.Pg.objgen], int(kid.MCID)))
                elif "/S" in kid:
                    out += self.mcids_of(kid)
            elif kid is not None and page is not None:
                out.append((self.page_index[page.objgen], int(kid)))
        return out

    def tagged_text_only(self):
        """pdftotext's reading of a copy whose pages show only tagged text outside figures."""
        copy = pikepdf.open(self.path)
        nums = self.number_tree(copy.Root.StructTreeRoot.ParentTree)
        for page in copy.pages:
            key = page.obj.get("/StructParents")
            array = nums.get(int(key)) if key is not None else None
            keep = []
            stack = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    hidden = str(operands[0]) == "/Artifact"
                    if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and \
                            "/MCID" in operands[1] and array is not None:
                        mcid = int(operands[1].MCID)
                        if mcid < len(array) and self.inside(array[mcid], {"/Figure"}):
                            hidden = True
                    stack.append(hidden)
                elif op == "EMC" and stack:
                    stack.pop()
                if op in TEXT and any(stack):
                    continue
                keep.append((operands, operator))
            page.obj.Contents = copy.make_stream(pikepdf.unparse_content_stream(keep))
        with tempfile.TemporaryDirectory() as work:
            path = os.path.join(work, "tagged.pdf")
            copy.save(path)
            result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                                    capture_output=True)
        return result.stdout.decode("utf-8", "replace").split("\f")


# A language tag as BCP 47 writes one: a 2-3 letter language, then subtags ("lv", "en-GB").
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def normalise(text):
    # Spaces, line ends and hyphens aside: pdftotext joins lines with spaces and keeps a hyphen
    # where a word was broken, the structure reads the word whole.
    return re.sub(r"[\s\u00a0\u00ad\-\u2010\u2011]+", "", text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", nargs="+")
    ap.add_argument("--expect-lang", action="append", default=[], metavar="TEXT=LANG",
                    help="TEXT must be read in language LANG (repeatable)")
    args = ap.parse_args()
    expect = []
    for item in args.expect_lang:
        text, _, lang = item.rpartition("=")
        if not text or not lang:
            ap.error(f"--expect-lang {item!r}: TEXT=LANG")
        expect.append((text, lang))
    bad = 0
    for path in args.pdf:
        failures = Checker(path, expect).run()
        for message in failures:
            print(f"{path}: {message}", file=sys.stderr)
        bad += bool(failures)
    print(f"PDF/UA checks: {len(args.pdf) - bad} of {len(args.pdf)} files passed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
