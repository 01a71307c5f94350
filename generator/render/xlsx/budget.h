// The `Budžets` sheet: a programme's budget as in the council annex (seed 004), with every total
// a live SUM formula, and a chart of the amounts by year and group. Every cached value comes from
// rules::BudgetTotals through the budget Table (render/common/municipality_tables.h).
#pragma once

#include <string>
#include <string_view>

#include "render/common/table.h"
#include "render/xlsx/sheet.h"
#include "render/xlsx/workbook.h"

namespace metodika::render::xlsx {

/// The formula of budget cell (row, col) laid out as `layout`, or "" for a typed amount:
///  - a line's total: the SUM of its years;
///  - a group's year: the SUM of its lines' cells below it ("0" for a group without lines), and
///    its total the SUM of its years;
///  - the total row's year: the SUM of the group rows (and of lines outside any group), and the
///    grand total the SUM of the total row's years.
/// Year columns are those keyed "y<year>", the total column "total" (the budget Table's keys).
[[nodiscard]] std::string budget_formula(const SheetLayout& layout, size_t row, size_t col);

/// Writes `budget` on a new sheet `name` with budget_formula, notes wrapped, and a stacked
/// column chart titled `chart_title` of each group's amount by year under the table, whose
/// description (its alternative text) is `chart_description`, or the title when that is empty.
SheetLayout write_budget_sheet(Workbook& wb, std::string_view name, const Table& budget,
                               SheetOptions options, std::string_view chart_title,
                               std::string_view chart_description = {});

}  // namespace metodika::render::xlsx
