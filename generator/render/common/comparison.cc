#include "render/common/comparison.h"

#include <algorithm>
#include <string>
#include <utility>

#include "render/common/municipality_tables.h"
#include "util/text.h"
#include "util/format.h"

namespace metodika::render {
namespace {

// The development share of a municipality or the nation, as the open-data table shows it.
Cell pd_cell(const rules::PdSummary& pd, const Translate& t) {
  if (pd.teachers == 0) {
    Cell none;
    none.reason = t("tables.no_teacher_records");
    return none;
  }
  if (pd.suppressed || !pd.share) {
    return suppressed_cell(pd.reason == rules::Suppression::kComplementary
                               ? t("directory.pd_complementary")
                               : std::string());
  }
  return number_cell(pd.share);
}

// Table `id` with the text of the keys `title` and `note`: the key figures' columns (with the
// mean exam index or not) and a row per municipality in Latvian order, then the nation's kTotal
// row; every figure rules::ComparisonFigures'.
Table key_figures_table(const model::Model& m, const rules::Results& r, std::string_view lang,
                        const Translate& t, bool ce_mean, std::string id, std::string_view title,
                        std::string_view note) {
  const rules::ComparisonFigures& f = r.comparison;
  Table table;
  table.id = std::move(id);
  table.title = t(title);
  table.note = t(note);
  const std::string year = f.year ? ", " + util::format_school_year(f.year, lang) : "";
  const std::string ce_year = f.ce_year ? ", " + util::format_school_year(f.ce_year, lang) : "";
  table.columns = {column("municipality", t("directory.municipality"), ColumnType::kText, 0, true),
                   column("region", t("tables.region")),
                   column("institutions", t("directory.institutions"), ColumnType::kInteger),
                   column("students", t("directory.students") + year, ColumnType::kInteger),
                   column("teachers", t("directory.teachers") + year, ColumnType::kInteger)};
  if (ce_mean) {
    table.columns.push_back(
        column("ce_mean", t("compare.ce_mean") + ce_year, ColumnType::kPercent, 1));
  }
  for (Column c : {column("ce_met", t("tables.ce_met") + ce_year, ColumnType::kInteger),
                   column("ce_with_index", t("tables.ce_with_index") + ce_year, ColumnType::kInteger),
                   column("pd_share", t("tables.pd_share_long"), ColumnType::kPercent, 1),
                   column("methodologists", t("directory.methodologists"), ColumnType::kInteger),
                   column("budget", t("tables.budget_total"), ColumnType::kMoney)}) {
    table.columns.push_back(std::move(c));
  }
  auto figure_cells = [&](Row& row, const rules::KeyFigures& k, const rules::PdSummary& pd) {
    row.cells.push_back(int_cell(k.institutions));
    row.cells.push_back(int_cell(k.students));
    row.cells.push_back(int_cell(k.teachers));
    if (ce_mean) row.cells.push_back(number_cell(k.ce_mean));
    row.cells.push_back(int_cell(k.ce_mean ? std::optional<int64_t>(k.ce_met) : std::nullopt));
    row.cells.push_back(
        int_cell(k.ce_mean ? std::optional<int64_t>(k.ce_with_index) : std::nullopt));
    row.cells.push_back(pd_cell(pd, t));
    row.cells.push_back(int_cell(k.methodologists));
    Cell money;
    if (k.budget) money.value = int64_t{*k.budget};
    row.cells.push_back(std::move(money));
  };
  for (size_t mi : municipalities_in_order(m, lang)) {
    const auto& mu = m.municipalities[mi];
    Row row;
    row.cells.push_back(text_cell(mu.name.in(lang), "pasvaldibas/" + mu.id + "/"));
    row.cells.push_back(
        text_cell(t("region." + std::string(model::enum_name(model::kRegions, mu.region)))));
    figure_cells(row, f.municipality[mi], r.municipality_pd[mi]);
    table.rows.push_back(std::move(row));
  }
  Row total;
  total.kind = RowKind::kTotal;
  total.cells.push_back(text_cell(t("tables.national_total")));
  total.cells.push_back(Cell{});
  figure_cells(total, f.national, r.national_pd);
  table.rows.push_back(std::move(total));
  return table;
}

}  // namespace

Table comparison_table(const model::Model& m, const rules::Results& r, std::string_view lang,
                       const Translate& t) {
  return key_figures_table(m, r, lang, t, true, "salidzinajums", "compare.table_title",
                           "compare.table_note");
}

Table national_summary(const model::Model& m, const rules::Results& r, std::string_view lang,
                       const Translate& t) {
  return key_figures_table(m, r, lang, t, false, "pasvaldibas", "tables.national_title",
                           "tables.national_note");
}

std::vector<Chart> comparison_charts(const model::Model& m, const rules::Results& r,
                                     std::string_view lang, const Translate& t) {
  const rules::ComparisonFigures& f = r.comparison;
  std::vector<Chart> out;
  if (!f.ce_year) return out;
  const std::vector<size_t> order = municipalities_in_order(m, lang);
  for (const auto& [region_id, region] : model::kRegions) {
    // Ranked from the highest index; equal ones in name order (stable sort of the name order).
    std::vector<size_t> here;
    for (size_t mi : order) {
      if (m.municipalities[mi].region == region && f.municipality[mi].ce_mean) here.push_back(mi);
    }
    std::stable_sort(here.begin(), here.end(), [&](size_t a, size_t b) {
      return *f.municipality[a].ce_mean > *f.municipality[b].ce_mean;
    });
    const std::string region_name = t("region." + std::string(region_id));
    const size_t parts = (here.size() + kComparisonBars - 1) / kComparisonBars;
    for (size_t part = 0; part < parts; ++part) {
      Chart chart;
      chart.kind = ChartKind::kBars;
      chart.title = t("compare.chart_title") + ": " + region_name +
                    (parts > 1 ? " (" + std::to_string(part + 1) + "/" + std::to_string(parts) + ")"
                               : std::string());
      chart.description = util::fill(util::fill(t("compare.chart_desc"), "region", region_name),
                                     "year", util::format_school_year(f.ce_year, lang));
      chart.unit = '%';  // a char: GCC 12 reports a false -Wrestrict (bug 105651) for "%"
      chart.decimals = 1;
      chart.y_min = 0;
      chart.y_max = 100;
      Series s;
      s.label = t("compare.ce_mean") + ", " + util::format_school_year(f.ce_year, lang);
      const size_t end = std::min(here.size(), (part + 1) * kComparisonBars);
      for (size_t k = part * kComparisonBars; k < end; ++k) {
        chart.categories.push_back(m.municipalities[here[k]].name.in(lang));
        s.values.push_back(f.municipality[here[k]].ce_mean);
      }
      chart.series.push_back(std::move(s));
      if (f.national.ce_mean) {
        chart.references.push_back({t("directory.national_mean"), *f.national.ce_mean, {}, {}});
      }
      out.push_back(std::move(chart));
    }
  }
  return out;
}

}  // namespace metodika::render
