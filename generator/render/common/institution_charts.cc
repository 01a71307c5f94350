#include "render/common/institution_charts.h"

#include <string>

#include "util/format.h"
#include "util/text.h"

namespace metodika::render {
namespace {

size_t column_of(const Table& t, std::string_view key) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  return t.columns.size();
}

std::optional<double> number(const Row& row, size_t column) {
  if (column >= row.cells.size()) return std::nullopt;
  if (const auto* d = std::get_if<double>(&row.cells[column].value)) return *d;
  return std::nullopt;
}

}  // namespace

std::optional<Chart> institution_ce_chart(const InstitutionTables& tables, std::string_view lang,
                                          const Translate& t) {
  const Table& ce = tables.ce_index;
  const size_t year = column_of(ce, "year"), index = column_of(ce, "index");
  const size_t municipal = column_of(ce, "municipality_mean");
  const size_t national = column_of(ce, "national_mean");
  if (ce.empty() || year == ce.columns.size() || index == ce.columns.size()) return std::nullopt;
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = t("directory.exam_index_vs_means");
  chart.description = t("directory.exam_index_vs_means_desc");
  chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
  chart.decimals = 1;
  Series school, mun, nat;
  school.label = t("directory.this_school");
  mun.label = t("directory.municipality_mean");
  nat.label = t("directory.national_mean");
  bool any = false;
  for (const Row& row : ce.rows) {
    const auto* y = std::get_if<int64_t>(&row.cells[year].value);
    if (!y) continue;
    chart.categories.push_back(util::format_school_year(static_cast<int>(*y), lang));
    school.values.push_back(number(row, index));
    mun.values.push_back(number(row, municipal));
    nat.values.push_back(number(row, national));
    any = any || school.values.back().has_value();
  }
  if (!any) return std::nullopt;
  // The text alternative says what the lines show in the latest year with the school's index.
  for (size_t k = chart.categories.size(); k-- > 0;) {
    if (!school.values[k]) continue;
    auto value = [&](const std::optional<double>& v) {
      return v ? format_value(*v, chart.decimals, lang, chart.unit) : std::string("—");
    };
    std::string latest = t("directory.exam_index_latest");
    latest = util::fill(latest, "year", chart.categories[k]);
    latest = util::fill(latest, "school", value(school.values[k]));
    latest = util::fill(latest, "municipality", value(mun.values[k]));
    latest = util::fill(latest, "nation", value(nat.values[k]));
    chart.description += " " + latest;
    break;
  }
  chart.series = {std::move(school), std::move(mun), std::move(nat)};
  return chart;
}

}  // namespace metodika::render
