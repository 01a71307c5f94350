#include "render/site/paging.h"

#include "render/site/sortable.h"

#include <algorithm>

#include "render/common/html.h"
#include "render/site/table_view.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {

std::vector<Table> split_rows(const SiteContext& c, const Table& table, size_t budget) {
  const size_t bytes = table_html(c, table, {}).size();
  if ((bytes <= budget && table.rows.size() <= kPageRows) || table.rows.size() < 2) return {table};
  // Equal row counts by the table's average row: the header and the note are small beside
  // ~300 rows, and equal parts read better than a full page and a last one of three rows.
  const size_t parts =
      std::min(table.rows.size(), std::max((bytes + budget - 1) / budget,
                                           (table.rows.size() + kPageRows - 1) / kPageRows));
  const size_t per = (table.rows.size() + parts - 1) / parts;
  std::vector<Table> out;
  for (size_t at = 0; at < table.rows.size(); at += per) {
    Table part;
    part.id = table.id;
    part.title = table.title;
    part.note = table.note;
    part.columns = table.columns;
    const size_t end = std::min(table.rows.size(), at + per);
    part.rows.assign(table.rows.begin() + static_cast<std::ptrdiff_t>(at),
                     table.rows.begin() + static_cast<std::ptrdiff_t>(end));
    out.push_back(std::move(part));
  }
  return out;
}

std::string paged_rel(std::string_view rel, size_t n) {
  std::string out(rel);
  if (n > 1) out += std::to_string(n) + "/";
  return out;
}

std::string pager_html(const SiteContext& c, const std::vector<std::string>& rels,
                       const std::vector<std::string>& labels, size_t current,
                       std::string_view aria_label) {
  if (rels.size() < 2) return {};
  std::string out = "<nav class=\"pagination pages\" aria-label=\"";
  html_escape_to(out, aria_label);
  out += "\">\n<p>";
  html_escape_to(out, util::fill(util::fill(c.t("content.page_of"), "page",
                                            util::format_int(static_cast<int64_t>(current), c.lang())),
                                 "pages", util::format_int(static_cast<int64_t>(rels.size()), c.lang())));
  out += "</p>\n<ul>\n";
  for (size_t i = 0; i < rels.size(); ++i) {
    const std::string label =
        i < labels.size() && !labels[i].empty() ? labels[i] : std::to_string(i + 1);
    out += "<li><a href=\"";
    html_escape_to(out, c.urls().page(c.lang(), rels[i]));
    out += i + 1 == current ? "\" aria-current=\"page\">" : "\">";
    html_escape_to(out, label);
    out += "</a></li>\n";
  }
  out += "</ul>\n</nav>\n";
  return out;
}

std::string next_page_html(const SiteContext& c, const std::vector<std::string>& rels,
                           const std::vector<std::string>& labels, size_t current) {
  if (current >= rels.size()) return {};
  std::string out = "<p class=\"next-page\"><a href=\"";
  html_escape_to(out, c.urls().page(c.lang(), rels[current]));
  out += "\" rel=\"next\">";
  html_escape_to(out, c.t("content.next"));
  if (current < labels.size() && !labels[current].empty()) {
    out += ": ";
    html_escape_to(out, labels[current]);
  }
  out += "</a></p>\n";
  return out;
}

std::map<std::string, std::string> paged_alternates(const SiteContext& c, const std::string& rel,
                                                   const std::string& first) {
  std::map<std::string, std::string> alt;
  for (const std::string& lang : c.model().site.languages) alt[lang] = first;
  alt[c.lang()] = rel;
  return alt;
}

std::string filter_choices_html(const SiteContext& c, const std::vector<FilterChoice>& choices) {
  std::string out;
  for (const FilterChoice& f : choices) {
    if (f.options.size() < 2) continue;
    const std::string id = "f-" + f.param;
    out += "<p class=\"filter-choice\"><label for=\"";
    html_escape_to(out, id);
    out += "\">";
    html_escape_to(out, f.label);
    out += "</label> <select id=\"";
    html_escape_to(out, id);
    out += "\" data-param=\"";
    html_escape_to(out, f.param);
    if (f.attr.empty()) {
      out += "\" data-column=\"" + std::to_string(f.column);
    } else {
      out += "\" data-attr=\"";
      html_escape_to(out, f.attr);
    }
    out += "\">\n<option value=\"\">";
    html_escape_to(out, c.t("filter.any"));
    out += "</option>\n";
    for (const FilterChoice::Option& o : f.options) {
      out += "<option value=\"";
      html_escape_to(out, o.value);
      if (!o.url.empty()) {
        out += "\" data-url=\"";
        html_escape_to(out, o.url);
      }
      out += "\">";
      html_escape_to(out, o.label);
      out += "</option>\n";
    }
    out += "</select></p>\n";
  }
  return out;
}

size_t write_table_pages(SiteContext& c, const Table& table, std::string_view rel,
                         std::string_view data_dir, const std::string& title, Crumbs crumbs,
                         const std::vector<FilterChoice>& choices) {
  const std::vector<Table> parts = split_rows(c, table);
  std::vector<std::string> rels;
  for (size_t n = 1; n <= parts.size(); ++n) rels.push_back(paged_rel(rel, n));
  const std::string label = util::fill(c.t("tables.pages"), "title", table.title);
  auto page_note = [&](size_t n) {
    std::string note;
    html_escape_to(
        note, util::fill(util::fill(c.t("tables.sort_page_note"), "page",
                                    util::format_int(static_cast<int64_t>(n), c.lang())),
                         "pages", util::format_int(static_cast<int64_t>(parts.size()), c.lang())));
    if (data_dir.empty()) return note;
    note += " <a href=\"";
    html_escape_to(note, c.urls().page(c.lang(), std::string(data_dir) + table.id + ".csv"));
    note += "\" type=\"text/csv\" download>";
    html_escape_to(note, util::fill(c.t("tables.whole_table_csv"), "title", table.title));
    note += "</a>";
    return note;
  };
  for (size_t n = 1; n <= parts.size(); ++n) {
    std::string nav = pager_html(c, rels, {}, n, label);
    const std::string script = c.asset_url("list-filter.js");
    if (!choices.empty() && !script.empty()) {
      // The rows narrow by their text and the choices, on this page only when it is one of
      // several (the count says so).
      nav += "<div class=\"list-filter\" data-items=\"main table.data > tbody > tr\" data-label=\"";
      html_escape_to(nav, c.t("filter.label"));
      nav += "\" data-shown=\"";
      html_escape_to(nav, c.t(parts.size() > 1 ? "filter.shown_page" : "filter.shown"));
      nav += "\" hidden>\n" + filter_choices_html(c, choices) + "</div>\n<script src=\"";
      html_escape_to(nav, script);
      nav += "\" defer></script>\n";
    }
    Data page(Data::type::object);
    put(page, "body_html",
        // A long table sorts by its headings with JavaScript on (sortable.h), page by page:
        // a paged one says so, and links the whole table's CSV to sort all its rows.
        text_data(nav + sortable_html(c, table_html(c, parts[n - 1], data_dir), true,
                                      parts.size() > 1 ? page_note(n) : std::string()) +
                  next_page_html(c, rels, {}, n)));
    std::string page_title = title;
    if (n > 1) {
      page_title += " — " + util::fill(c.t("content.page_n"), "page",
                                       util::format_int(static_cast<int64_t>(n), c.lang()));
    }
    // Another language's rows may be longer and its pages fewer: its switch goes to page 1.
    const auto alt = paged_alternates(c, rels[n - 1], rels[0]);
    c.emit(rels[n - 1], page_title, "page", std::move(page), crumbs, n > 1 ? &alt : nullptr);
  }
  return parts.size();
}

}  // namespace metodika::render::site
