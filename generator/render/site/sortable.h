// Tables whose column headings sort them (issue 21): the theme's sort.js turns the headings of
// every data table inside `<div class="sortable">` into buttons; without JavaScript the table
// keeps its written order. The wrapper carries the sentence sort.js announces after a sort.
#pragma once

#include <string>
#include <string_view>

#include "render/site/context.h"

namespace metodika::render::site {

/// `table_html` (table_view.h) inside the sortable wrapper, followed by the script's tag when
/// `with_script` (once per page). Unchanged when the theme has no sort.js.
/// `page_note`: the table is one page of several (paging.h), and sorting it orders only this
/// page's rows: every heading button's name says so (tables.sorts_page), and `page_note` (HTML,
/// which links the whole table) shows above the table while the buttons are there.
[[nodiscard]] std::string sortable_html(const SiteContext& c, std::string_view table_html,
                                        bool with_script = true, std::string_view page_note = {});

}  // namespace metodika::render::site
