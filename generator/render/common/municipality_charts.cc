#include "render/common/municipality_charts.h"

#include <algorithm>
#include <set>

#include "rules/ce_index.h"
#include "rules/spread.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render {
namespace {

// Whether school year `year` is in the tables' period (the review's; every year on the site), so
// that a chart shows the years its table shows.
bool in_period(const MunicipalityTables& tables, int year) {
  return !tables.period || tables.period->contains(year);
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
      if (m.metrics[i].ce && in_period(tables, m.metrics[i].year)) years.insert(m.metrics[i].year);
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
      if (!r.ce[i].index || !in_period(tables, m.metrics[i].year)) continue;
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
  // The years the chart draws: those with exam records, in the tables' period when they have
  // one (rules::MunicipalityFigures::ce_spread_all).
  const auto& spreads = r.municipalities[tables.municipality].ce_spread_all;
  std::vector<int64_t> years;
  for (const auto& [y, spread] : spreads) {
    if (!tables.period || tables.period->contains(y)) years.push_back(y);
  }
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
    const rules::Spread& s = spreads.at(static_cast<int>(y));
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

std::optional<Chart> pd_chart(const model::Model& m, const rules::Results& r,
                              const MunicipalityTables& tables, std::string_view lang,
                              const Translate& t) {
  const Table& pd = tables.development;
  if (pd.empty()) return std::nullopt;
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
  // A bar a school with teacher records, in the tables' order, then the municipality's total
  // (the rows of the table), each as the rules show or hide it (rules::school_pd).
  for (size_t s : tables.schools) {
    const rules::SchoolPd* school = r.pd_of_school(s);
    if (school == nullptr) continue;
    chart.categories.push_back(m.institutions[s].name.in(lang));
    const bool shown = !school->suppressed && school->share && school->meeting;
    series.values.push_back(shown ? school->share : std::nullopt);
  }
  const rules::PdSummary& total = r.municipality_pd[tables.municipality];
  chart.categories.push_back(t("directory.pd_total"));
  series.values.push_back(!total.suppressed && total.share && total.meeting ? total.share
                                                                             : std::nullopt);
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
      if (split.total_hours <= 0 || !in_period(tables, split.year)) continue;
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
      if (split.total_hours <= 0 || !in_period(tables, split.year) ||
          (latest_only && split.year != latest)) {
        continue;
      }
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
                                  const ProgrammeTables& pt, std::string_view lang,
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
    s.label = p.budget[g].id + ". " + p.budget[g].title.in(lang);
    for (int y : tot.years) {
      s.values.push_back(static_cast<double>(tot.group_by_year[g].at(y)) / 100.0);
    }
    chart.series.push_back(std::move(s));
  }
  return chart;
}

std::optional<Chart> dynamics_chart(const rules::Results& r, const MunicipalityTables& tables,
                                    std::string_view lang, const Translate& t) {
  Chart chart;
  chart.kind = ChartKind::kBars;
  chart.title = t("tables.dynamics");
  chart.description = t("tables.dynamics_desc");
  Series students, teachers;
  students.label = t("directory.students");
  teachers.label = t("directory.teachers");
  // The network by school year as the rules count it (rules/figures.h), in the tables' period.
  for (const auto& [y, year] : r.municipalities[tables.municipality].area.network) {
    if (!in_period(tables, y)) continue;
    chart.categories.push_back(util::format_school_year(y, lang));
    auto value = [](const std::optional<int64_t>& v) {
      return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
    };
    students.values.push_back(value(year.students));
    teachers.values.push_back(value(year.teachers));
  }
  if (chart.categories.empty()) return std::nullopt;
  chart.series = {std::move(students), std::move(teachers)};
  return chart;
}

}  // namespace metodika::render
