// libharu, wrapped once: pages of drawing operations (display.h) into PDF bytes, with the fonts
// subset and embedded, the outline, internal and web links, document info and the language,
// tagged with the document's structure (tagging.h: PDF/UA-1).
// libharu assembles the objects; page contents (content.h) and font data (embed.h) are written
// and compressed here, as its own page operators and per-document font set-up were most of the
// time.
#pragma once

#include <string>
#include <vector>

#include "render/pdf/display.h"
#include "render/pdf/fonts.h"
#include "render/pdf/structure.h"
#include "util/date.h"

namespace metodika::render::pdf {

inline constexpr double kPageWidth = 595.276;   // A4, points
inline constexpr double kPageHeight = 841.89;

struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;
  std::string lang;  ///< BCP 47: "lv", "en"
  util::Date created;
};

/// A bookmark: `level` 0 for chapters, 1 for sections; the position where it opens.
struct OutlineEntry {
  std::string title;
  int level = 0;
  int page = 0;
  double y = 0;  ///< from the top of the page
};

struct Document {
  std::vector<std::vector<Op>> pages;  ///< ops in page coordinates (y from the top)
  std::vector<OutlineEntry> outline;
  /// Targets of LinkOp::anchor: page and y.
  std::vector<std::pair<int, double>> anchors;
  DocumentInfo info;
  /// What the ops' `node`s refer to: the document is tagged with it (tagging.h).
  Structure structure;
};

/// The PDF. Same `document`, same bytes: nothing reads the clock. Throws std::runtime_error if
/// libharu fails.
[[nodiscard]] std::string write_pdf(const Document& document, const FontSet& fonts);

}  // namespace metodika::render::pdf
