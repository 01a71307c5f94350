// /iestades/<id>/: one institution's facts, students and teachers, metrics by year beside the
// municipality's and the nation's mean, olympiads and accreditation (issue 4). No league tables
// and no single summary grade.
#include <algorithm>
#include <string>
#include <vector>

#include "render/common/institution_charts.h"
#include "render/common/svg_chart.h"
#include "render/site/directory_view.h"
#include "render/common/municipality_tables.h"
#include "render/site/pages.h"
#include "render/site/table_view.h"
#include "rules/ce_index.h"
#include "util/format.h"

namespace metodika::render::site {
namespace {


}  // namespace

void write_institution_pages(SiteContext& c) {
  const auto& m = c.model();
  Translate t = [&c](std::string_view key) { return c.t(key); };
  for (size_t i = c.shard_begin(); i < std::min(c.shard_end(), m.institutions.size()); ++i) {
    const auto& in = m.institutions[i];
    const auto& mu = m.municipalities[in.municipality_index];
    Data body(Data::type::object);
    body.set("kind", directory::kind_label(c, in.kind));
    if (!in.head.empty()) body.set("head", in.head);
    if (!in.address.empty()) body.set("address", in.address);
    if (!in.url.empty()) body.set("url", in.url);
    body.set("municipality_name", mu.name.in(c.lang()));
    body.set("municipality_url", c.urls().page(c.lang(), directory::municipality_rel(mu)));
    // head_evaluation is private to the report (DATA-MODEL.md section 10): the tables here
    // never carry it.
    const InstitutionTables tables = institution_tables(m, c.results(), i, c.lang(), t);
    const std::string data_dir = directory::institution_rel(in);
    auto set_table = [&](const std::string& key, const Table& table) {
      if (table.empty()) return;
      // In the page's own folder, as CSV only, and not in the catalogue: the municipality's files
      // (CSV and JSON) hold the same rows, and a national site has ~1,300 institutions in each
      // language, so a folder or a second format of their own would add thousands of files
      // (each one costly to create on ext4) for no new data.
      c.write(c.urls().file(c.lang(), data_dir + table.id + ".csv"), table_csv(table));
      put(body, key, text_data(table_html(c, table, data_dir, {}, /*json=*/false)));
    };
    set_table("years_table", tables.by_year);
    if (auto chart = institution_ce_chart(m, c.results(), i, c.lang(), t)) {
      put(body, "ce_chart",
          text_data("<figure class=\"chart\">" +
                    render_svg_pair(*chart, c.lang(), "ce-" + in.id) + "</figure>\n" +
                    render_table_html(*chart, c.lang(), chart->title,
                                      c.t("tables.chart_data") + ": " + chart->title)));
    }
    set_table("ce_table", tables.ce_index);
    set_table("diagnostic_table", tables.diagnostics);
    set_table("quality_table", tables.quality);
    set_table("olympiad_table", tables.olympiads);
    if (in.accreditation) {
      Data a(Data::type::object);
      a.set("date", util::format_date_numeric(in.accreditation->date, c.lang()));
      a.set("valid_until", util::format_date_numeric(in.accreditation->valid_until, c.lang()));
      switch (c.results().accreditation[i]) {  // rules/accreditation.h
        case rules::AccreditationState::kExpired: a.set("flag", c.t("directory.expired")); break;
        case rules::AccreditationState::kExpiring: a.set("flag", c.t("directory.expiring")); break;
        case rules::AccreditationState::kValid:
        case rules::AccreditationState::kNone: break;
      }
      put(body, "accreditation", std::move(a));
    }
    Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                  {c.t("nav.institutions"), c.urls().page(c.lang(), "iestades/")},
                  {mu.name.in(c.lang()), c.urls().page(c.lang(), directory::municipality_rel(mu))}};
    c.emit(directory::institution_rel(in), in.name.in(c.lang()), "institution", std::move(body),
           std::move(crumbs));
  }
}

}  // namespace metodika::render::site
