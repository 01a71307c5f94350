// One render::Table on one worksheet: the generic part of every annex sheet. Column types map to
// number formats (money in EUR with thousands separators, percent as a fraction with `0.0%`,
// dates as dates), the header row is bold and frozen, widths
// follow the content, the data is a named Excel table (its filter off when there are group rows),
// and the page prints on A4 fitted to its width with the header repeated.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/common/table.h"
#include "render/xlsx/workbook.h"

namespace metodika::render::xlsx {

/// Where a table landed on its sheet.
struct SheetLayout {
  lxw_worksheet* ws = nullptr;
  std::string name;                      ///< the sheet's name (as the workbook made it unique)
  lxw_row_t header_row = 0;
  std::vector<lxw_row_t> rows;           ///< sheet row of each table row
  std::vector<lxw_col_t> money_columns;  ///< columns of ColumnType::kMoney
  lxw_row_t end_row = 0;                 ///< first row after the table and its notes
  const Table* table = nullptr;

  /// The sheet column of the table column `key`, if the table has one.
  [[nodiscard]] std::optional<lxw_col_t> column(std::string_view key) const;
};

/// A formula (without "=", e.g. "SUM(C2:E2)") for table cell (row, col), or "" to write its value.
using FormulaFn = std::function<std::string(const SheetLayout& layout, size_t row, size_t col)>;

struct SheetOptions {
  std::string lang = "lv";  ///< for school-year names ("2024./2025. m. g.")
  /// The note on a suppressed cell (the site's "nav rādīts: mazāk nekā 5 pedagogi").
  std::string suppressed_text;
  /// Written under an empty table.
  std::string empty_text;
  /// Written under a table with a blank number or date cell that has no reason of its own
  /// (Cell::reason, suppression): what a blank means, so that every blank cell is explained.
  std::string blank_text;
  /// Lines under the table, after the table's own note.
  std::vector<std::string> notes;
  /// Keys of columns whose text always wraps (a budget's notes).
  std::vector<std::string> wrap;
  /// Formulas that replace values; the value stays cached in the file.
  FormulaFn formula;
  /// A number in a kTotal row that is the sum of the column's data rows above it is written as
  /// that SUM formula (when no cell above is suppressed: a hidden part is not in the sum).
  bool sum_totals = true;
};

/// Writes `table` on a new sheet `name` of `wb`. Every formula is written with its value from
/// the table cached (worksheet_write_formula_num), so viewers that do not recalculate show it.
SheetLayout write_table_sheet(Workbook& wb, std::string_view name, const Table& table,
                              const SheetOptions& options);

/// The number written for a non-empty numeric cell of `column`: euro for money (cents / 100), a
/// fraction for a percent (45.3 → 0.453), the value otherwise; nullopt for text, dates and
/// school years.
[[nodiscard]] std::optional<double> sheet_number(const Column& column, const Cell& cell);

/// "SUM(a,b,...)" over `refs`, split into SUM(...)+SUM(...) past Excel's 255 arguments; "0"
/// for none.
[[nodiscard]] std::string sum_of(const std::vector<std::string>& refs);

}  // namespace metodika::render::xlsx
