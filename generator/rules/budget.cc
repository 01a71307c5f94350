#include "rules/budget.h"

#include <set>

namespace metodika::rules {

BudgetTotals budget_totals(const model::Programme& programme) {
  BudgetTotals totals;

  std::set<int> years;
  // A programme always has a period once validated; a default-constructed one (0..0) adds none.
  if (programme.period_from > 0) {
    for (int y = programme.period_from; y <= programme.period_to; ++y) years.insert(y);
  }
  for (const model::BudgetGroup& group : programme.budget) {
    for (const model::BudgetLine& line : group.lines) {
      for (const auto& [year, amount] : line.amounts) years.insert(year);
    }
  }
  totals.years.assign(years.begin(), years.end());

  model::ByYear<model::Cents> zeros;
  for (int year : totals.years) zeros[year] = 0;
  totals.year_totals = zeros;

  for (const model::BudgetGroup& group : programme.budget) {
    std::vector<model::Cents>& line_totals = totals.line_totals.emplace_back();
    model::ByYear<model::Cents>& by_year = totals.group_by_year.emplace_back(zeros);
    model::Cents group_total = 0;
    for (const model::BudgetLine& line : group.lines) {
      model::Cents line_total = 0;
      for (const auto& [year, amount] : line.amounts) {
        line_total += amount;
        by_year[year] += amount;
        totals.year_totals[year] += amount;
      }
      line_totals.push_back(line_total);
      group_total += line_total;
    }
    totals.group_totals.push_back(group_total);
    totals.grand_total += group_total;
  }
  return totals;
}

}  // namespace metodika::rules
