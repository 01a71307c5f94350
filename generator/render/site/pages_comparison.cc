// /pasvaldibas/salidzinajums/: every municipality side by side on the key indicators, with the
// nation's row, charts of the exam index by planning region and the table's CSV and JSON (issue
// 21). The figures are rules::ComparisonFigures' (render/common/comparison.h); the table sorts
// by any column with sort.js when JavaScript is on and reads in Latvian order without it.
#include <string>

#include "render/common/comparison.h"
#include "render/common/svg_chart.h"
#include "render/site/pages.h"
#include "render/site/table_view.h"

namespace metodika::render::site {

void write_comparison(SiteContext& c) {
  Translate t = [&c](std::string_view key) { return c.t(key); };
  const Table table = comparison_table(c.model(), c.results(), c.lang(), t);
  // Beside the nation's other tables, so /dati/ and the catalogue list it with them.
  const std::string data_dir = "dati/latvija/";
  write_table_data(c, table, data_dir, "latvija", c.t("data.national"));
  Data body(Data::type::object);
  put(body, "table", text_data(table_html(c, table, data_dir)));
  std::string charts;
  const std::vector<Chart> list = comparison_charts(c.model(), c.results(), c.lang(), t);
  for (size_t i = 0; i < list.size(); ++i) {
    const Chart& chart = list[i];
    charts += "<figure class=\"chart\">" +
              render_svg_pair(chart, c.lang(), "cmp-" + std::to_string(i)) + "</figure>\n" +
              render_table_html(chart, c.lang(), chart.title,
                                c.t("tables.chart_data") + ": " + chart.title);
  }
  if (!charts.empty()) put(body, "charts", text_data(std::move(charts)));
  body.set("data_url", c.urls().page(c.lang(), "dati/"));
  body.set("script_url", c.asset_url("sort.js"));
  Crumbs crumbs{{c.t("nav.home"), c.urls().page(c.lang(), "")},
                {c.t("nav.municipalities"), c.urls().page(c.lang(), "pasvaldibas/")}};
  c.emit("pasvaldibas/salidzinajums/", c.t("compare.title"), "comparison", std::move(body),
         std::move(crumbs));
}

}  // namespace metodika::render::site
