// Tagged PDF (PDF 32000 14.7-14.8) and the rest of PDF/UA-1 (ISO 14289-1) that lives outside the
// page contents: the structure tree with its parent tree, /StructParents and /Tabs on pages,
// /StructParent and /Contents on link annotations, the catalog's /MarkInfo, /Lang and
// /ViewerPreferences, the XMP metadata stream, the 1.7 header, and saving with object streams.
//
// Why here and by hand: Debian's libharu 2.3 has no tagging API (nor does any later release),
// but it installs its object headers (hpdf_objects.h, hpdf_doc.h) and exports
// HPDF_Dict/HPDF_Array/HPDF_Xref and the writing of objects, so the structure is written as
// plain objects through them. This is the one place that reaches into libharu's internals for
// tagging (the writer's content streams and fonts predate it): a libharu upgrade that changes
// them touches this file. Object streams are written here because libharu writes every object
// uncompressed: a review's structure elements, one per table cell, would otherwise add half
// again to its size.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/structure.h"

namespace metodika::render::pdf {

struct DocumentInfo;
class Deflater;

/// PDF objects written as text, one after the other: object k ends at ends[k].
struct TextObjects {
  std::string text;
  std::vector<size_t> ends;
};

class Tagging {
 public:
  /// Tags `pdf` (whose pages are added as they are drawn) with `structure`, which must outlive
  /// this.
  Tagging(HPDF_Doc pdf, const Structure& structure);
  ~Tagging();
  Tagging(const Tagging&) = delete;
  Tagging& operator=(const Tagging&) = delete;

  /// Marked content `mcid` on `page` belongs to `node`. Called in reading order: an element's
  /// children come in the order their content is first given.
  void content(int node, HPDF_Page page, int mcid);
  /// The link annotation `annot` on `page` belongs to the Link element `node`; `contents` is
  /// its description (/Contents).
  void annotation(int node, HPDF_Page page, HPDF_Annotation annot, const std::string& contents);
  /// After a page's content: the element of each of its MCIDs (-1: none), for the parent tree.
  void end_page(HPDF_Page page, const std::vector<int>& node_of_mcid, bool has_annotations);
  /// The structure tree, the catalog's entries and the XMP metadata. Last: the tree's objects
  /// are numbered after every object of `pdf`.
  void finish(const DocumentInfo& info);
  /// The structure tree's objects, as text, numbered from the first number after `pdf`'s
  /// objects; for save_pdf.
  [[nodiscard]] const TextObjects& objects() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Sets `key` of `dict` (an outline item's /Title) to a PDF text string of `utf8`.
void set_text(HPDF_Dict dict, const char* key, std::string_view utf8);

/// The document information dictionary (title, author, subject, keywords, creator, dates),
/// with text strings written here: libharu's UTF-8 encoder cost 1.4 M instructions to set up a
/// document, more than the tagging. The XMP metadata (Tagging::finish) says the same.
void write_document_info(HPDF_Doc pdf, const DocumentInfo& info);

/// `pdf` as PDF 1.7 bytes: stream objects as they are, every other object in compressed object
/// streams with `extra` (numbered after `pdf`'s objects: Tagging::objects), a cross-reference
/// stream, compressed with `deflater`. Same objects, same bytes.
[[nodiscard]] std::string save_pdf(HPDF_Doc pdf, const TextObjects& extra, Deflater& deflater);

}  // namespace metodika::render::pdf
