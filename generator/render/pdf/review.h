// The four-year education quality review as a typeset PDF (issue 5; Education Law art. 18): A4,
// a cover, a table of contents with page numbers, numbered chapters and sections, a running
// header with the municipality and "N. lpp. no M" footers, an outline of the chapters, document
// info and language, DejaVu fonts subset and embedded, tagged for PDF/UA-1 (tagging.h). The
// cover also points to the accessible HTML version of the same review.
#pragma once

#include <memory>
#include <string>

#include "render/common/review.h"
#include "util/date.h"

namespace metodika::load {
struct Fonts;
}

namespace metodika::render::pdf {

class FontSet;
class Hyphenator;

/// The fonts and hyphenation patterns, parsed once per build and shared by every document and
/// thread (subsets are cached inside).
class Resources {
 public:
  /// Keeps views of `fonts`' bytes: `fonts` must outlive it.
  explicit Resources(const load::Fonts& fonts);
  ~Resources();
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  [[nodiscard]] const FontSet& fonts() const { return *fonts_; }
  [[nodiscard]] const Hyphenator& hyphenator() const { return *hyphenator_; }

 private:
  std::unique_ptr<FontSet> fonts_;
  std::unique_ptr<Hyphenator> hyphenator_;
};

struct ReviewOptions {
  /// The document's creation date (site `as_of`): never the clock, so the same input gives the
  /// same bytes.
  util::Date as_of;
  /// What a suppressed table cell says (the theme's "hidden: fewer than N teachers").
  std::string suppressed;
};

/// The review as PDF bytes. Pure: reads and writes nothing.
[[nodiscard]] std::string render_review(const Review& review, const Resources& resources,
                                        const ReviewOptions& options);

}  // namespace metodika::render::pdf
