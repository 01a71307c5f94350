#!/usr/bin/env python3
"""What tagging (PDF/UA-1) adds to the reviews' bytes, measured on the same content.

  pdf_tag_overhead.py PDF...

For each review, two copies are written by the same writer (pikepdf/qpdf, object streams
generated, every stream recompressed with zlib level 9): the review as it is, and the review
with its tagging taken out: the structure tree and its parent tree, /MarkInfo, the XMP
metadata, /StructParents and /Tabs on pages, /StructParent on annotations, and the
marked-content operators (BDC/BMC/EMC) in the page contents, content drawn as an /Artifact
kept as plain drawing. The difference between the two is what tagging costs, independent of
how Metodika compresses (comparing against an older untagged build would also count every
change of content since). Prints a line per file and the total.
"""
import io
import sys

import pikepdf


def written_size(pdf):
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
             recompress_flate=True, static_id=True)
    return out.tell()


def untag(pdf):
    root = pdf.Root
    for key in ("/StructTreeRoot", "/MarkInfo", "/Metadata"):
        if key in root:
            del root[key]
    for page in pdf.pages:
        for key in ("/StructParents", "/Tabs"):
            if key in page.obj:
                del page.obj[key]
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" in annot:
                del annot["/StructParent"]
        kept = [(operands, operator)
                for operands, operator in pikepdf.parse_content_stream(page)
                if str(operator) not in ("BDC", "BMC", "EMC")]
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))


def main(paths):
    total_tagged = total_untagged = 0
    for path in paths:
        tagged = written_size(pikepdf.open(path))
        pdf = pikepdf.open(path)
        untag(pdf)
        untagged = written_size(pdf)
        total_tagged += tagged
        total_untagged += untagged
        print(f"{path}\t{untagged}\t{tagged}\t{100 * (tagged - untagged) / untagged:+.1f} %")
    if len(paths) > 1:
        print(f"all {len(paths)}\t{total_untagged}\t{total_tagged}\t"
              f"{100 * (total_tagged - total_untagged) / total_untagged:+.1f} %")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
