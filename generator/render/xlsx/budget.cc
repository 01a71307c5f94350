#include "render/xlsx/budget.h"

#include <cctype>
#include <optional>
#include <vector>

namespace metodika::render::xlsx {
namespace {

bool is_year_key(std::string_view key) {
  if (key.size() < 2 || key[0] != 'y') return false;
  for (char c : key.substr(1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

struct BudgetColumns {
  std::vector<lxw_col_t> years;
  std::optional<lxw_col_t> total;
};

BudgetColumns budget_columns(const Table& table) {
  BudgetColumns out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (is_year_key(table.columns[c].key)) out.years.push_back(static_cast<lxw_col_t>(c));
    if (table.columns[c].key == "total") out.total = static_cast<lxw_col_t>(c);
  }
  return out;
}

// The SUM of the year cells of sheet row `sr`; the year columns are adjacent in the annex, so
// this is one range when they are.
std::string sum_years(const BudgetColumns& bc, lxw_row_t sr) {
  bool adjacent = true;
  for (size_t i = 1; i < bc.years.size(); ++i) adjacent &= bc.years[i] == bc.years[i - 1] + 1;
  if (adjacent && !bc.years.empty()) {
    return "SUM(" + range_ref(sr, bc.years.front(), sr, bc.years.back()) + ")";
  }
  std::vector<std::string> refs;
  for (lxw_col_t c : bc.years) refs.push_back(cell_ref(sr, c));
  return sum_of(refs);
}

}  // namespace

std::string budget_formula(const SheetLayout& layout, size_t row, size_t col) {
  const Table& table = *layout.table;
  BudgetColumns bc = budget_columns(table);
  const lxw_col_t c = static_cast<lxw_col_t>(col);
  const bool is_total_col = bc.total == c;
  const bool is_year_col = std::find(bc.years.begin(), bc.years.end(), c) != bc.years.end();
  if (!is_total_col && !is_year_col) return "";
  const Row& r = table.rows[row];
  const lxw_row_t sr = layout.rows[row];
  if (is_total_col && r.kind != RowKind::kData) {
    return sum_years(bc, sr);
  }
  switch (r.kind) {
    case RowKind::kData:
      return is_total_col ? sum_years(bc, sr) : "";
    case RowKind::kGroup: {
      size_t last = row;
      while (last + 1 < table.rows.size() && table.rows[last + 1].kind == RowKind::kData) ++last;
      if (last == row) return "0";
      return "SUM(" + range_ref(layout.rows[row + 1], c, layout.rows[last], c) + ")";
    }
    case RowKind::kTotal: {
      // Group rows, and lines before the first group (which belong to none).
      std::vector<std::string> refs;
      bool in_group = false;
      for (size_t i = 0; i < row; ++i) {
        RowKind k = table.rows[i].kind;
        if (k == RowKind::kGroup) {
          in_group = true;
          refs.push_back(cell_ref(layout.rows[i], c));
        } else if (k == RowKind::kData && !in_group) {
          refs.push_back(cell_ref(layout.rows[i], c));
        } else if (k == RowKind::kTotal) {
          refs.clear();  // a total closes what came before it
          in_group = false;
        }
      }
      return sum_of(refs);
    }
  }
  return "";
}

SheetLayout write_budget_sheet(Workbook& wb, std::string_view name, const Table& budget,
                               SheetOptions options, std::string_view chart_title,
                               std::string_view chart_description) {
  options.formula = budget_formula;
  options.sum_totals = false;
  options.wrap.push_back("note");
  SheetLayout layout = write_table_sheet(wb, name, budget, options);

  BudgetColumns bc = budget_columns(budget);
  std::vector<size_t> series_rows;
  for (size_t r = 0; r < budget.rows.size(); ++r) {
    if (budget.rows[r].kind == RowKind::kGroup) series_rows.push_back(r);
  }
  if (series_rows.empty()) {
    for (size_t r = 0; r < budget.rows.size(); ++r) {
      if (budget.rows[r].kind == RowKind::kTotal) series_rows.push_back(r);
    }
  }
  if (series_rows.empty() || bc.years.empty()) return layout;

  // Amount by year (categories: the year headers), one stacked series per group.
  lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_COLUMN_STACKED);
  std::string title(chart_title);
  chart_title_set_name(chart, title.c_str());
  std::optional<lxw_col_t> title_col = layout.column("title");
  const char* sheet = layout.name.c_str();
  lxw_col_t y0 = bc.years.front(), y1 = bc.years.back();
  for (size_t r : series_rows) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet, layout.header_row, y0, layout.header_row, y1);
    chart_series_set_values(series, sheet, layout.rows[r], y0, layout.rows[r], y1);
    if (title_col) chart_series_set_name_range(series, sheet, layout.rows[r], *title_col);
  }
  chart_axis_set_num_format(chart->y_axis, "#,##0 \"EUR\"");
  chart_axis_major_gridlines_set_visible(chart->y_axis, LXW_TRUE);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options chart_options{};
  chart_options.x_scale = 1.6;
  chart_options.y_scale = 1.8;
  chart_options.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE;
  // Excel and LibreOffice read the description to a screen reader as the chart's alternative
  // text (EN 301 549 10.1.1.1): it says what the chart shows, not only its title again.
  std::string description(chart_description.empty() ? chart_title : chart_description);
  chart_options.description = description.data();
  check(worksheet_insert_chart_opt(layout.ws, layout.end_row + 1, 1, chart, &chart_options),
        "budget chart");
  // Printed, the chart starts a page of its own rather than being cut by a page break.
  lxw_row_t breaks[] = {layout.end_row, 0};
  check(worksheet_set_h_pagebreaks(layout.ws, breaks), "page break");
  return layout;
}

}  // namespace metodika::render::xlsx
