// What the PDF renderer draws, as data: vertical items with their drawing operations, laid out
// first and paginated after (flow.h), then written by libharu (writer.h). Coordinates are points,
// y growing downwards from the top of the item (or page); the writer flips them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "render/common/chart.h"
#include "render/pdf/fonts.h"
#include "render/pdf/structure.h"

namespace metodika::render::pdf {

inline constexpr Rgb kBlack{0x1A, 0x1A, 0x1A};
inline constexpr Rgb kGrey{0x59, 0x59, 0x59};
inline constexpr Rgb kLinkBlue{0x0B, 0x4F, 0x9C};

/// Text on one baseline.
struct TextOp {
  double x = 0;
  double y = 0;  ///< baseline
  FontStyle font = FontStyle::kRegular;
  double size = 10;
  Rgb colour = kBlack;
  std::string text;
  double rotate = 0;  ///< degrees, clockwise, about (x, y)
  int node = kArtifact;  ///< the structure element it belongs to (structure.h)
};

enum class Dash { kSolid, kDashed, kDotted, kReference };

struct LineOp {
  std::vector<Point> points;  ///< a polyline
  double width = 0.5;
  Rgb colour = kBlack;
  Dash dash = Dash::kSolid;
  int node = kArtifact;
};

struct RectOp {
  Box box;
  std::optional<Rgb> fill;
  Fill pattern = Fill::kSolid;  ///< drawn over `fill` in `ink`
  Rgb ink = kBlack;
  std::optional<Rgb> stroke;
  double stroke_width = 0.5;
  int node = kArtifact;
};

struct MarkerOp {
  Point at;
  Marker marker = Marker::kCircle;
  double scale = 1;  ///< chart units to points
  Rgb fill = kBlack;
  Rgb stroke = kBlack;
  int node = kArtifact;
};

/// A clickable area: a web address, or a heading of the document (`anchor` >= 0).
struct LinkOp {
  Box box;
  std::string url;
  int anchor = -1;
  /// What the link leads to, in words: the annotation's /Contents.
  std::string contents;
  /// Its Link element: the annotation is tagged with it (an /OBJR kid).
  int node = kArtifact;
};

using Op = std::variant<TextOp, LineOp, RectOp, MarkerOp, LinkOp>;

/// A piece of the vertical flow that is never split across pages: a line of text, a table row,
/// a chart.
struct Item {
  double height = 0;
  /// Space above it, dropped at the top of a page.
  double space_before = 0;
  /// No page break between this item and the next (headings, the first and last line of a
  /// paragraph, a table's caption and header).
  bool keep_with_next = false;
  /// Starts a new page (chapters).
  bool page_break_before = false;
  /// When a page starts with this item, these items (a table's header row) are drawn above it:
  /// an index into the flow's repeated headers, or -1.
  int repeat_header = -1;
  /// A heading: its number in the document's heading list, whose page and position are recorded.
  int anchor = -1;
  std::vector<Op> ops;  ///< relative to the left of the text block and the top of the item
};

/// Moves every op of `ops` by (dx, dy).
void translate(std::span<Op> ops, double dx, double dy);

/// The structure element `op` is marked with, or kArtifact / kPagination.
[[nodiscard]] int node_of(const Op& op);

/// Marks every op of `ops` as `node` (kArtifact for a repeated table header).
void set_node(std::span<Op> ops, int node);

}  // namespace metodika::render::pdf
