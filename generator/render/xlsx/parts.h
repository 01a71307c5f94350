// What the municipal and the national workbook share (private to render/xlsx).
#pragma once

#include <string>
#include <string_view>

#include "render/xlsx/annexes.h"
#include "render/xlsx/sheet.h"
#include "render/xlsx/workbook.h"

namespace metodika::render::xlsx {

/// Sheet options every annex sheet starts from: language, the suppressed-cell note, "no data".
[[nodiscard]] SheetOptions base_options(const AnnexContext& ctx);

/// Document properties with `title`: author the board (or the publisher for the nation), company
/// the publisher, created on as_of.
[[nodiscard]] Properties properties(const AnnexContext& ctx, std::string title,
                                    std::string_view author);

/// Colours an exam index green or red against its threshold, by conditional formatting on the
/// "index" and "result" columns, so a changed threshold recolours.
void highlight_ce(Workbook& wb, const SheetLayout& layout);

}  // namespace metodika::render::xlsx
