#include "render/common/municipality_charts.h"

#include <algorithm>
#include <set>

#include "rules/ce_index.h"
#include "rules/spread.h"
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

std::optional<double> number(const Cell& c) {
  if (const auto* d = std::get_if<double>(&c.value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&c.value)) return static_cast<double>(*i);
  return std::nullopt;
}

}  // namespace

std::optional<Chart> ce_chart(const model::Model& m, const rules::Results& r,
                              const MunicipalityTables& tables, std::string_view lang,
                              const Translate& t) {
  // Through each school's own records (Model::metrics_of_school): a national site has ~50,000.
  std::set<int> years;
  for (size_t s = 0; s < m.institutions.size(); ++s) {
    if (m.institutions[s].municipality_index != tables.municipality) continue;
    for (size_t i : m.metrics_of_school[s]) {
      if (m.metrics[i].ce) years.insert(m.metrics[i].year);
    }
  }
  if (years.empty()) return std::nullopt;
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = t("directory.exam_index");
  chart.description = t("directory.exam_index_desc");
  chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
  chart.decimals = 1;
  std::vector<int> ys(years.begin(), years.end());
  for (int y : ys) chart.categories.push_back(util::format_school_year(y, lang));
  for (size_t s : tables.schools) {
    Series series;
    series.label = m.institutions[s].name.in(lang);
    series.values.assign(ys.size(), std::nullopt);
    bool any = false;
    for (size_t i : m.metrics_of_school[s]) {
      if (!r.ce[i].index) continue;
      auto at = std::find(ys.begin(), ys.end(), m.metrics[i].year) - ys.begin();
      series.values[static_cast<size_t>(at)] = r.ce[i].index;
      any = true;
    }
    if (any) chart.series.push_back(std::move(series));
  }
  if (chart.series.empty()) return std::nullopt;
  // One reference line per run of consecutive years under the same rule.
  const model::CeRule* current = nullptr;
  for (size_t k = 0; k < ys.size(); ++k) {
    const model::CeRule* rule = rules::rule_in_force(m.site.rules, ys[k]);
    if (rule && rule == current) {
      chart.references.back().to_category = k;
    } else if (rule) {
      chart.references.push_back(
          {t("directory.threshold") + " (" +
               t("directory.method." + std::string(model::enum_name(model::kCeMethods, rule->method))) +
               ")",
           rule->threshold, k, k});
    }
    current = rule;
  }
  return chart;
}

std::optional<Chart> ce_spread_chart(const model::Model& m, const rules::Results& r,
                                     const MunicipalityTables& tables, std::string_view lang,
                                     const Translate& t) {
  std::optional<Chart> chart = ce_chart(m, r, tables, lang, t);
  if (!chart) return chart;
  std::set<int64_t> year_set;
  const Table& detail = tables.ce_index;
  const size_t year = column_of(detail, "year");
  const size_t index = column_of(detail, "index");
  auto year_of = [&](const Row& row) -> std::optional<int64_t> {
    if (year >= row.cells.size()) return std::nullopt;
    if (const auto* i = std::get_if<int64_t>(&row.cells[year].value)) return *i;
    return std::nullopt;
  };
  for (const Row& row : detail.rows) {
    if (auto y = year_of(row)) year_set.insert(*y);
  }
  const std::vector<int64_t> years(year_set.begin(), year_set.end());
  if (years.size() != chart->categories.size()) return chart;  // not the chart's years
  Series municipal{t("review.summary.municipal_mean"), {}};
  Series national{t("review.summary.national_mean"), {}};
  Series low{t("review.summary.min"), {}};
  Series median{t("review.summary.median"), {}};
  Series high{t("review.summary.max"), {}};
  const auto& own = r.ce_summary.municipality[tables.municipality];
  for (const int64_t y : years) {
    const auto mine = own.find(static_cast<int>(y));
    municipal.values.push_back(mine != own.end() && mine->second.with_index > 0
                                   ? std::optional<double>(mine->second.mean)
                                   : std::nullopt);
    const auto nation = r.ce_summary.national.find(static_cast<int>(y));
    national.values.push_back(nation != r.ce_summary.national.end() &&
                                      nation->second.with_index > 0
                                  ? std::optional<double>(nation->second.mean)
                                  : std::nullopt);
    std::vector<double> values;
    for (const Row& row : detail.rows) {
      if (year_of(row) == y && index < row.cells.size()) {
        if (auto v = number(row.cells[index])) values.push_back(*v);
      }
    }
    const rules::Spread s = rules::spread(std::move(values));
    const auto put = [&s](Series& series, double rules::Spread::*member) {
      series.values.push_back(s.count > 0 ? std::optional<double>(s.*member) : std::nullopt);
    };
    put(low, &rules::Spread::min);
    put(median, &rules::Spread::median);
    put(high, &rules::Spread::max);
  }
  chart->series = {std::move(municipal), std::move(national), std::move(low), std::move(median),
                   std::move(high)};
  chart->title = util::fill(t("review.summary.title"), "title", chart->title);
  chart->description = t("review.summary.ce_chart_desc");
  return chart;
}

std::optional<Chart> ce_chart_capped(const model::Model& m, const rules::Results& r,
                                     const MunicipalityTables& tables, std::string_view lang,
                                     const Translate& t) {
  std::optional<Chart> chart = ce_chart(m, r, tables, lang, t);
  if (chart && chart->series.size() > kMaxLineSeries) {
    return ce_spread_chart(m, r, tables, lang, t);
  }
  return chart;
}

std::optional<Chart> pd_chart(const model::Model&, const rules::Results&,
                              const MunicipalityTables& tables, std::string_view,
                              const Translate& t) {
  const Table& pd = tables.development;
  if (pd.empty()) return std::nullopt;
  size_t share = column_of(pd, "share");
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.title = t("directory.pd");
  chart.description = pd.note;
  chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
  chart.decimals = 1;
  chart.y_min = 0;
  chart.y_max = 100;
  Series series;
  series.label = t("directory.pd_share");
  for (const Row& row : pd.rows) {
    const auto* name = std::get_if<std::string>(&row.cells[0].value);
    chart.categories.push_back(name ? *name : std::string());
    series.values.push_back(number(row.cells[share]));
  }
  chart.series.push_back(std::move(series));
  return chart;
}

std::optional<Chart> time_chart(const model::Model& m, const rules::Results& r,
                                const MunicipalityTables& tables, std::string_view lang,
                                const Translate& t) {
  Chart chart;
  chart.kind = ChartKind::kStackedBars;
  chart.title = t("directory.time_split");
  chart.description = t("tables.time_note");
  chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
  chart.decimals = 0;
  for (const auto& [name, cat] : model::kWorkCategories) {
    Series s;
    s.label = t("directory.category." + std::string(name));
    chart.series.push_back(std::move(s));
  }
  auto add = [&](const std::string& label, const model::WorkSplit& split) {
    chart.categories.push_back(label);
    for (size_t k = 0; k < model::kWorkCategories.size(); ++k) {
      chart.series[k].values.push_back(split.by_category[k]);
    }
  };
  add(t("directory.norm"), m.site.rules.methodologist_time);
  // A bar per methodologist and school year; above kMaxBars (Rīga: 12 methodologists, 4 years)
  // only the latest school year's, and the table beside the chart has every year.
  size_t rows = 0;
  int latest = 0;
  auto mine = [&](const model::Methodologist& me) {
    return me.level == model::Level::kMunicipal &&
           me.municipality == m.municipalities[tables.municipality].id;
  };
  for (size_t i = 0; i < m.methodologists.size(); ++i) {
    if (!mine(m.methodologists[i])) continue;
    for (const auto& split : r.time_splits[i]) {
      if (split.total_hours <= 0) continue;
      ++rows;
      latest = std::max(latest, split.year);
    }
  }
  if (rows == 0) return std::nullopt;
  const bool latest_only = rows + 1 > kMaxBars;
  for (size_t i = 0; i < m.methodologists.size(); ++i) {
    const auto& me = m.methodologists[i];
    if (!mine(me)) continue;
    for (const auto& split : r.time_splits[i]) {
      if (split.total_hours <= 0 || (latest_only && split.year != latest)) continue;
      add(me.name + ", " + util::format_school_year(split.year, lang), split.share);
    }
  }
  if (latest_only) {
    // Appended piece by piece: GCC 12 -O2 misfires -Wrestrict on " " + std::string.
    chart.description.append(" ").append(
        util::fill(t("directory.time_latest"), "year", util::format_school_year(latest, lang)));
  }
  return chart;
}

std::optional<Chart> budget_chart(const model::Model& m, const rules::Results& r,
                                  const ProgrammeTables& pt, std::string_view,
                                  const Translate& t) {
  const model::Programme& p = m.programmes[pt.programme];
  const rules::BudgetTotals& tot = r.budgets[pt.programme];
  if (p.budget.empty() || tot.years.empty()) return std::nullopt;
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.title = pt.budget.title;
  chart.description = t("tables.budget_chart_desc");
  chart.unit = "EUR";
  for (int y : tot.years) chart.categories.push_back(std::to_string(y));
  for (size_t g = 0; g < p.budget.size(); ++g) {
    Series s;
    // Group rows of the table carry the title in the language of the page.
    s.label = p.budget[g].id + ". " + std::get<std::string>(
        std::find_if(pt.budget.rows.begin(), pt.budget.rows.end(), [&](const Row& row) {
          return row.kind == RowKind::kGroup &&
                 std::get<std::string>(row.cells[0].value) == p.budget[g].id;
        })->cells[1].value);
    for (int y : tot.years) {
      s.values.push_back(static_cast<double>(tot.group_by_year[g].at(y)) / 100.0);
    }
    chart.series.push_back(std::move(s));
  }
  return chart;
}

std::optional<Chart> dynamics_chart(const MunicipalityTables& tables, std::string_view lang,
                                    const Translate& t) {
  const Table& d = tables.dynamics;
  if (d.empty()) return std::nullopt;
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.title = t("tables.dynamics");
  chart.description = t("tables.dynamics_desc");
  Series students, teachers;
  students.label = t("directory.students");
  teachers.label = t("directory.teachers");
  for (const Row& row : d.rows) {
    chart.categories.push_back(
        util::format_school_year(static_cast<int>(std::get<int64_t>(row.cells[0].value)), lang));
    students.values.push_back(number(row.cells[2]));
    teachers.values.push_back(number(row.cells[3]));
  }
  chart.series = {std::move(students), std::move(teachers)};
  return chart;
}

}  // namespace metodika::render
