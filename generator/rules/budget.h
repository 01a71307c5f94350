// Totals of an action programme's budget (DATA-MODEL.md section 11: "Group totals, yearly totals
// and the grand total are always computed, never typed in").
#pragma once

#include <vector>

#include "model/model.h"

namespace metodika::rules {

/// Every total of one programme's budget, in euro cents. Every map below has an entry, possibly
/// 0, for each year of `years`, so a table can be drawn by walking `years`.
struct BudgetTotals {
  /// The programme's period, from..to inclusive, plus any other year in which a line has an
  /// amount; ascending.
  std::vector<int> years;
  std::vector<std::vector<model::Cents>> line_totals;      // [group][line]: over all years
  std::vector<model::ByYear<model::Cents>> group_by_year;  // [group]: sum of its lines
  std::vector<model::Cents> group_totals;                  // [group]: over all years
  model::ByYear<model::Cents> year_totals;                 // sum of every line
  model::Cents grand_total = 0;
};

/// Sums the lines of `programme.budget`: only lines carry amounts (section 11), a line without an
/// amount for a year counts 0, and a group without lines totals 0.
[[nodiscard]] BudgetTotals budget_totals(const model::Programme& programme);

}  // namespace metodika::rules
