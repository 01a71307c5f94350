// Pagination: the vertical flow of items onto pages of a given height. Keeps what must stay
// together (a heading with what follows, a paragraph's first two and last two lines, a table's
// caption and header with its first row), starts chapters on a new page and repeats a table's
// header row at the top of each page it continues on.
#pragma once

#include <vector>

#include "render/pdf/display.h"

namespace metodika::render::pdf {

struct Flow {
  std::vector<Item> items;
  /// Header rows repeated on continuation pages (Item::repeat_header).
  std::vector<std::vector<Item>> headers;
};

struct Placement {
  const Item* item = nullptr;
  double y = 0;  ///< top of the item from the top of the text block
  /// Its index in Flow::items, placed only here (its ops may be moved out); -1 for a repeated
  /// table header, which other pages show too.
  int index = -1;
};

struct PageLayout {
  std::vector<Placement> placements;
};

struct AnchorPosition {
  int page = -1;  ///< index into the pages
  double y = 0;
};

struct Pagination {
  std::vector<PageLayout> pages;
  /// By Item::anchor.
  std::vector<AnchorPosition> anchors;
};

/// Distributes `flow` over pages `height` points tall. An item taller than a page gets a page
/// of its own and overflows it (nothing in a review is that tall).
[[nodiscard]] Pagination paginate(const Flow& flow, double height);

}  // namespace metodika::render::pdf
