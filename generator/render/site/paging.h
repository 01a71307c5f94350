// Long lists and tables on pages of bounded size (issue 21: no page over 200 KB, none taller
// than 40,000 px on a phone): a table's rows split over numbered pages with stable addresses,
// <rel>, <rel>2/, <rel>3/, …, and the navigation between them, which works without JavaScript.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/common/table.h"
#include "render/site/context.h"

namespace metodika::render::site {

/// The most bytes of table markup one page holds: with the layout, navigation and notes a page
/// stays well under 200 KB, and under 40,000 px at 360 px: a table page of the national site
/// is ~0.3 px tall per byte of markup (Rīga's review annex: 185,627 bytes, 59,364 px).
inline constexpr size_t kPageBudget = 96 * 1024;

/// The most rows a page holds: a row of a per-school table wraps to 70–120 px at 360 px (Rīga's
/// review annex: 472 rows, 55,960 px), so 250 stay under 40,000 px.
inline constexpr size_t kPageRows = 250;

/// `table` split into consecutive parts of about equal rows, each of whose HTML (table_html) is
/// under `budget` bytes and has at most kPageRows rows; one part (the table itself) when it fits. Every part keeps the title,
/// columns and note; the rows keep their order.
[[nodiscard]] std::vector<Table> split_rows(const SiteContext& c, const Table& table,
                                            size_t budget = kPageBudget);

/// The address of page `n` (1-based) of a paged list at `rel`: `rel` for 1, "<rel><n>/" after.
[[nodiscard]] std::string paged_rel(std::string_view rel, size_t n);

/// The navigation between the `labels.size()` pages of a list (page `current`, 1-based) as HTML:
/// "2. lapa no 3" and a link to every page, the current one marked aria-current. `labels`: each
/// page's link text (its number when empty). `rels`: each page's address. Empty for one page.
[[nodiscard]] std::string pager_html(const SiteContext& c, const std::vector<std::string>& rels,
                                     const std::vector<std::string>& labels, size_t current,
                                     std::string_view aria_label);

/// After the content of page `current` (1-based) of a paged list: a link to the next page,
/// "Nākamā lapa: <label>", or nothing on the last. (The navigation itself is once a page, at
/// the top: two navigation landmarks of one name are an error for html-validate.)
[[nodiscard]] std::string next_page_html(const SiteContext& c, const std::vector<std::string>& rels,
                                         const std::vector<std::string>& labels, size_t current);

/// The language switch of page `rel` of a list paged by size, which another language may page
/// differently: this language's page itself, every other language's first page, `first`.
[[nodiscard]] std::map<std::string, std::string> paged_alternates(const SiteContext& c,
                                                                  const std::string& rel,
                                                                  const std::string& first);

/// A choice of the list filter (the theme's list-filter.js, issue 21): a <select> that narrows
/// the list's items to those whose `data-<attr>` (a space-separated list of ids) holds the value
/// chosen, or, for a table, whose cell in `column` reads the chosen option's text. `param` names
/// it in the page's query string (?subject=…), the same in every language: values are ids.
struct FilterChoice {
  std::string param;
  std::string label;
  std::string attr;  ///< the items' data-* attribute; empty: `column`
  int column = -1;
  struct Option {
    std::string value;
    std::string label;
    std::string url;  ///< a page that lists all of this value's items (the subject's olympiads)
  };
  std::vector<Option> options;
};

/// The choices as HTML for inside the page's `<div class="list-filter" hidden>`, which shows
/// only with JavaScript on; a choice of fewer than two options is left out.
[[nodiscard]] std::string filter_choices_html(const SiteContext& c,
                                              const std::vector<FilterChoice>& choices);

/// Writes `table` as the "page" kind at `rel` (and "<rel>2/", … when split_rows parts it), each
/// part with its open data links (`data_dir`) and the navigation between the parts; the title
/// of page n > 1 says its number. Returns the number of pages.
/// `choices`: the list filter over the rows of each page (with a text box; none when empty).
size_t write_table_pages(SiteContext& c, const Table& table, std::string_view rel,
                         std::string_view data_dir, const std::string& title, Crumbs crumbs,
                         const std::vector<FilterChoice>& choices = {});

}  // namespace metodika::render::site
