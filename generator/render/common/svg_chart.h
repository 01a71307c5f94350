// Charts for the website: inline SVG drawn from `layout_chart`, and the same numbers as an HTML
// table to put next to it, so that the data is there for screen readers, for copying and for
// anyone who cannot tell the series apart.
#pragma once

#include <string>
#include <string_view>

#include "render/common/chart.h"

namespace metodika::render {

/// `chart` as an inline `<svg>` element: `role="img"`, `aria-labelledby` naming its `<title>`
/// (the chart title) and `<desc>` (its description, left out when empty), a `width`-unit-wide
/// `viewBox` scaled by CSS (`width:100%;height:auto`), text in the page's font at 12 units.
/// Each bar and point carries a `<title>` tooltip ("2021./2022., Series: 45,3%"). `id` must be
/// unique in the page: the title, description and fill patterns get ids `<id>-title`,
/// `<id>-desc`, `<id>-fill-<n>`. The same chart always gives the same bytes.
[[nodiscard]] std::string render_svg(const Chart& chart, std::string_view lang,
                                     std::string_view id, double width = kChartWidth);

/// The page's chart: `render_svg` twice, laid out `kChartWidth` wide (class
/// `chart chart-wide`, ids from `id`) and `kNarrowChartWidth` wide (class `chart chart-narrow`,
/// ids from `id` + "-n"), for the stylesheet to show one by the screen's width. Scaling the wide
/// one down to a phone would draw its text 6 px high; letting it scroll hides half of it. The
/// hidden one is `display: none`, so a screen reader meets the chart once.
[[nodiscard]] std::string render_svg_pair(const Chart& chart, std::string_view lang,
                                          std::string_view id);

/// The data of `chart` as an HTML `<table>`: `caption`, a column per category
/// (`<th scope="col">`), a row per series (`<th scope="row">`), then a row per reference line
/// label with the threshold in the categories it covers (a share in % on stacked bars). Values
/// are formatted with `format_value` (lv "45,3%"); a missing value is "—". With a
/// `region_label`, the table sits in a labelled, keyboard-scrollable region
/// (`<section class="table-wrap" aria-label=… tabindex="0">`), so that a table wider
/// than a phone scrolls by itself instead of the whole page.
[[nodiscard]] std::string render_table_html(const Chart& chart, std::string_view lang,
                                            std::string_view caption,
                                            std::string_view region_label = {});

}  // namespace metodika::render
