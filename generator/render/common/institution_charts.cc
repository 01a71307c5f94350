#include "render/common/institution_charts.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "util/format.h"
#include "util/text.h"

namespace metodika::render {

std::optional<Chart> institution_ce_chart(const model::Model& m, const rules::Results& r,
                                          size_t school, std::string_view lang,
                                          const Translate& t) {
  if (school >= m.metrics_of_school.size()) return std::nullopt;
  // The school's records with exam scores, by school year (one a year).
  std::vector<std::pair<int, size_t>> records;
  for (size_t i : m.metrics_of_school[school]) {
    if (m.metrics[i].ce) records.emplace_back(m.metrics[i].year, i);
  }
  if (records.empty()) return std::nullopt;
  std::sort(records.begin(), records.end());
  const size_t mi = m.institutions[school].municipality_index;
  const auto mean = [](const model::ByYear<rules::CeYearSummary>& by_year,
                       int year) -> std::optional<double> {
    const auto it = by_year.find(year);
    if (it == by_year.end() || it->second.with_index == 0) return std::nullopt;
    return it->second.mean;
  };
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = t("directory.exam_index_vs_means");
  chart.description = t("directory.exam_index_vs_means_desc");
  chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
  chart.decimals = 1;
  Series own, mun, nat;
  own.label = t("directory.this_school");
  mun.label = t("directory.municipality_mean");
  nat.label = t("directory.national_mean");
  bool any = false;
  for (const auto& [year, i] : records) {
    chart.categories.push_back(util::format_school_year(year, lang));
    own.values.push_back(r.ce[i].index);
    mun.values.push_back(mi < r.ce_summary.municipality.size()
                             ? mean(r.ce_summary.municipality[mi], year)
                             : std::nullopt);
    nat.values.push_back(mean(r.ce_summary.national, year));
    any = any || own.values.back().has_value();
  }
  if (!any) return std::nullopt;
  // The text alternative says what the lines show in the latest year with the school's index.
  for (size_t k = chart.categories.size(); k-- > 0;) {
    if (!own.values[k]) continue;
    auto value = [&](const std::optional<double>& v) {
      return v ? format_value(*v, chart.decimals, lang, chart.unit) : std::string("—");
    };
    std::string latest = t("directory.exam_index_latest");
    latest = util::fill(latest, "year", chart.categories[k]);
    latest = util::fill(latest, "school", value(own.values[k]));
    latest = util::fill(latest, "municipality", value(mun.values[k]));
    latest = util::fill(latest, "nation", value(nat.values[k]));
    chart.description += " " + latest;
    break;
  }
  chart.series = {std::move(own), std::move(mun), std::move(nat)};
  return chart;
}

}  // namespace metodika::render
