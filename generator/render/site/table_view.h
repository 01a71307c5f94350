// A render::Table as the data of the `partials/table` template (scrollable region, caption,
// header cells with scope, number alignment, links, row kinds, the table's note and the links to
// its CSV and JSON), written directly when the theme has the default markup, and the open data
// files behind it.
#pragma once

#include <string>
#include <string_view>

#include "render/common/table.h"
#include "render/site/context.h"

namespace metodika::render::site {

/// The view of `table` for the current language. `data_dir`: where its open data files are,
/// relative to the language root ("dati/ventspils/"); empty for a table without downloads.
/// `anchor`: a page-unique prefix for the caption id.
[[nodiscard]] Data table_view(const SiteContext& c, const Table& table, std::string_view data_dir,
                              std::string_view anchor = {});

/// `table` rendered through the theme's `partials/table` template, for a page's {{{…}}} field
/// (rendering it here, once, spares copying its whole view into the page's data). With the
/// default theme's template the same bytes are written directly, without the engine.
[[nodiscard]] std::string table_html(const SiteContext& c, const Table& table,
                                     std::string_view data_dir, std::string_view anchor = {},
                                     bool json = true);

/// Whether `theme`'s `partials/table` is the default theme's, which table_html writes directly.
[[nodiscard]] bool has_default_table_markup(const load::Theme& theme);

/// Writes `table` as `<data_dir><id>.csv` and `.json` in the current language and registers
/// them in the open data catalogue under `dataset` (a municipality id or "latvija").
void write_table_data(SiteContext& c, const Table& table, std::string_view data_dir,
                      const std::string& dataset, const std::string& dataset_title);

}  // namespace metodika::render::site
