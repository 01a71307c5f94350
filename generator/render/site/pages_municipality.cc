// /pasvaldibas/<id>/: one municipality's education board, institutions, methodologists, exam
// index, development norm, methodologists' time, olympiads and action programme (issue 4).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/common/chart.h"
#include "render/common/comparison.h"
#include "render/common/html.h"
#include "render/common/municipality_charts.h"
#include "render/common/municipality_tables.h"
#include "render/common/review.h"
#include "render/common/svg_chart.h"
#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "render/site/paging.h"
#include "render/site/sortable.h"
#include "render/site/table_view.h"
#include "rules/ce_index.h"
#include "util/collate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {
namespace {

using directory::set_list;

/// The most rows a table shows on a municipality page; a longer one has its own page.
constexpr size_t kInlineRows = 50;
/// The most methodologists a municipality page lists; more are counted and linked.
constexpr int64_t kInlineMethodologists = 20;

Data board_data(const model::Board& b) {
  Data d(Data::type::object);
  d.set("name", b.name);
  if (!b.email.empty()) d.set("email", b.email);
  directory::set_phone(d, b.phone);
  if (!b.address.empty()) d.set("address", b.address);
  if (!b.url.empty()) d.set("url", b.url);
  return d;
}

Data methodologists_by_subject(const SiteContext& c, const model::Municipality& mu) {
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, size_t>>>
      by_subject;  // (sort key, subject name) -> (sort key, methodologist)
  for (size_t i = 0; i < c.model().methodologists.size(); ++i) {
    const auto& me = c.model().methodologists[i];
    if (me.municipality != mu.id) continue;
    for (const auto& s : me.subjects) {
      const model::Subject* subj = c.model().find_subject(s);
      std::string label = subj ? subj->name.in(c.lang()) : s;
      by_subject[{c.collator().sort_key(label), label}].emplace_back(c.collator().sort_key(me.name),
                                                                     i);
    }
  }
  Data groups(Data::type::list);
  for (auto& [key, people] : by_subject) {
    std::sort(people.begin(), people.end());
    Data list(Data::type::list);
    for (const auto& [k, i] : people) {
      const auto& me = c.model().methodologists[i];
      Data p(Data::type::object);
      p.set("name", me.name);
      if (!me.email.empty()) p.set("email", me.email);
      append(list, std::move(p));
    }
    Data g(Data::type::object);
    g.set("subject", key.second);
    put(g, "people", std::move(list));
    append(groups, std::move(g));
  }
  return groups;
}

// "Key figures": the municipality's row of the national comparison beside the nation's total row
// (render/common/comparison.h, every figure rules::ComparisonFigures'), turned on its side, so
// that a reader sees first how the municipality stands against the whole country (issue 21),
// with the comparison of every municipality a click away. The region column is left out: the
// page says it. Empty when the table has no row for the municipality.
std::string key_figures_html(const SiteContext& c, const Table& comparison,
                             const model::Municipality& mu) {
  const std::string link = "pasvaldibas/" + mu.id + "/";
  const Row* own = nullptr;
  const Row* nation = nullptr;
  for (const Row& row : comparison.rows) {
    if (row.kind == RowKind::kTotal) nation = &row;
    if (row.kind == RowKind::kData && !row.cells.empty() && row.cells[0].link == link) own = &row;
  }
  if (!own || !nation) return {};
  const std::string suppressed = util::fill(c.t("directory.pd_hidden"), "n",
                                            std::to_string(c.model().site.rules.small_cell));
  std::string out = "<table class=\"key-figures\">\n<caption>";
  html_escape_to(out, util::fill(c.t("directory.key_figures_caption"), "name", mu.name.in(c.lang())));
  out += "</caption>\n<thead>\n<tr><th scope=\"col\">";
  html_escape_to(out, c.t("directory.indicator"));
  out += "</th><th scope=\"col\" class=\"num\">";
  html_escape_to(out, mu.name.in(c.lang()));
  out += "</th><th scope=\"col\" class=\"num\">";
  html_escape_to(out, c.t("directory.nation"));
  out += "</th></tr>\n</thead>\n<tbody>\n";
  for (size_t k = 0; k < comparison.columns.size(); ++k) {
    const Column& column = comparison.columns[k];
    if (column.type == ColumnType::kText) continue;  // the name and the region
    out += "<tr><th scope=\"row\">";
    html_escape_to(out, column.label);
    out += "</th>";
    for (const Row* row : {own, nation}) {
      out += "<td class=\"num\">";
      html_escape_to(out, format_cell(column, row->cells[k], c.lang(), suppressed));
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n<p><a href=\"";
  html_escape_to(out, c.urls().page(c.lang(), "pasvaldibas/salidzinajums/"));
  out += "\">";
  html_escape_to(out, c.t("compare.link"));
  out += "</a></p>\n";
  return out;
}

Data programmes_data(const SiteContext& c, const MunicipalityTables& tables,
                     const std::string& data_dir) {
  Data list(Data::type::list);
  for (const ProgrammeTables& pt : tables.programmes) {
    const auto& p = c.model().programmes[pt.programme];
    Data d(Data::type::object);
    d.set("title", p.title.in(c.lang()));
    d.set("period", std::to_string(p.period_from) + "–" + std::to_string(p.period_to));
    if (p.decision) {
      d.set("decision", p.decision->body + " " +
                            util::format_date_numeric(p.decision->date, c.lang()) + " Nr. " +
                            p.decision->number);
    }
    if (!pt.actions.empty()) put(d, "actions", text_data(table_html(c, pt.actions, data_dir)));
    // Totals come from rules::budget_totals through the table, never summed here.
    if (!pt.budget.empty()) put(d, "budget", text_data(table_html(c, pt.budget, data_dir)));
    append(list, std::move(d));
  }
  return list;
}

}  // namespace

void write_municipality_pages(SiteContext& c) {
  const auto& m = c.model();
  Translate t = [&c](std::string_view key) { return c.t(key); };
  const Table comparison = comparison_table(m, c.results(), c.lang(), t);
  for (size_t mi = c.shard_begin(); mi < std::min(c.shard_end(), m.municipalities.size()); ++mi) {
    const auto& mu = m.municipalities[mi];
    const MunicipalityTables& tables = c.municipality_tables(mi);
    const std::string data_dir = "dati/" + mu.id + "/";
    for (const Table* table : tables.all()) {
      if (!table->empty()) write_table_data(c, *table, data_dir, mu.id, mu.name.in(c.lang()));
    }
    Data body(Data::type::object);
    put(body, "board", board_data(mu.board));
    if (std::string key_figures = key_figures_html(c, comparison, mu); !key_figures.empty()) {
      put(body, "key_figures", text_data(std::move(key_figures)));
    }
    // A municipality page summarises: a table longer than kInlineRows (Rīga's institutions,
    // 315 rows) gets its own page, pasvaldibas/<id>/<table id>/, and the municipality page links
    // to it and its CSV (issue 21: Rīga's page was 782 KB, 199,255 px tall on a phone).
    const std::string mu_url = c.urls().page(c.lang(), directory::municipality_rel(mu));
    // `own_page`: the table has its page even when it is short (the institutions: /iestades/
    // links to every municipality's).
    auto set_table = [&](const std::string& key, const Table& table, bool own_page = false,
                         const std::vector<FilterChoice>& choices = {}) {
      if (table.empty()) return;
      if (table.rows.size() <= kInlineRows) {
        put(body, key, text_data(table_html(c, table, data_dir)));
        if (!own_page) return;
      }
      const std::string rel = directory::municipality_rel(mu) + table.id + "/";
      // Rīga's olympiad results (367 KB) go on numbered pages, each under the page budget.
      write_table_pages(c, table, rel, data_dir, mu.name.in(c.lang()) + ": " + table.title,
                        {{c.t("nav.home"), c.urls().page(c.lang(), "")},
                         {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")},
                         {mu.name.in(c.lang()), mu_url}},
                        choices);
      if (table.rows.size() <= kInlineRows) return;
      std::string link = "<p class=\"full-table\"><a href=\"";
      html_escape_to(link, c.urls().page(c.lang(), rel));
      link += "\">";
      html_escape_to(link, table.title);
      link += "</a> (";
      html_escape_to(
          link, util::fill(c.t("tables.rows_n"), "n",
                          util::format_int(static_cast<int64_t>(table.rows.size()), c.lang())));
      link += ") · <a href=\"";
      html_escape_to(link, c.urls().page(c.lang(), data_dir + table.id + ".csv"));
      link += "\" type=\"text/csv\" download>";
      html_escape_to(link, c.t("tables.csv"));
      link += "<span class=\"visually-hidden\">, ";
      html_escape_to(link, table.title);
      link += "</span></a></p>\n";
      put(body, key, text_data(std::move(link)));
    };
    // Its own page narrows by kind with JavaScript on (issue 21).
    set_table("institutions_table", tables.institutions, true,
              directory::kind_choice(c, mi, tables.institutions));
    // Up to kInlineMethodologists by subject with their e-mail; more (Rīga's 92) as a count
    // and a link to the municipality's methodologists page, where they are by subject in full.
    const int64_t methodologist_count = c.results().municipalities[mi].area.methodologists;
    if (methodologist_count > kInlineMethodologists) {
      Data more(Data::type::object);
      more.set("text", util::fill(c.t("directory.methodologists_more"), "count",
                                  util::format_count(methodologist_count,
                                                     c.t("directory.methodologist_one"),
                                                     c.t("directory.methodologist_many"), c.lang())));
      more.set("url", c.urls().page(c.lang(), methodologists_rel(&mu)));
      put(body, "methodologists_more", std::move(more));
    } else {
      set_list(body, "methodologists", methodologists_by_subject(c, mu));
    }
    // A line a school up to kMaxLineSeries, the schools' spread above (Rīga had 55 lines).
    if (auto chart = ce_chart_capped(m, c.results(), tables, c.lang(), t)) {
      put(body, "ce_chart",
          text_data("<figure class=\"chart\">" +
                    render_svg_pair(*chart, c.lang(), "ce-" + mu.id) + "</figure>\n" +
                    render_table_html(*chart, c.lang(), chart->title,
                                      c.t("tables.chart_data") + ": " + chart->title)));
    }
    set_table("ce_table", tables.ce_index);
    set_table("pd_table", tables.development);
    set_table("time_table", tables.time_split);
    set_table("olympiad_table", tables.olympiads);
    set_list(body, "programmes", programmes_data(c, tables, data_dir));
    if (c.theme().templates.contains(review_template_name(m.site.default_language()))) {
      std::string stem = review_stem(m, mu);
      Data review(Data::type::object);
      review.set("period",
                 std::to_string(m.site.review_from) + "–" + std::to_string(m.site.review_to));
      review.set("html_url",
                 c.urls().page(c.lang(), directory::municipality_rel(mu) + "parskats/"));
      if (c.options().reports) review.set("pdf_url", c.urls().asset("parskati/" + stem + ".pdf"));
      if (c.options().annexes) review.set("xlsx_url", c.urls().asset("parskati/" + stem + ".xlsx"));
      put(body, "review", std::move(review));
    }
    body.set("data_url", c.urls().page(c.lang(), "dati/"));
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")}};
    c.emit(directory::municipality_rel(mu), mu.name.in(c.lang()), "municipality", std::move(body),
           std::move(crumbs));
  }
}

}  // namespace metodika::render::site
