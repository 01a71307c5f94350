#include "rules/comparison_figures.h"

#include <algorithm>
#include <string_view>

namespace metodika::rules {
namespace {

void add_to(std::optional<int64_t>& sum, int64_t v) { sum = sum.value_or(0) + v; }

void ce_of(KeyFigures& f, const model::ByYear<CeYearSummary>& by, int year) {
  auto it = by.find(year);
  if (it == by.end() || it->second.with_index == 0) return;
  f.ce_mean = it->second.mean;
  f.ce_with_index = it->second.with_index;
  f.ce_met = it->second.met;
}

}  // namespace

ComparisonFigures comparison_figures(const model::Model& m,
                                         std::span<const BudgetTotals> budgets,
                                         const CeSummary& ce) {
  ComparisonFigures out;
  out.municipality.resize(m.municipalities.size());
  for (const auto& in : m.institutions) {
    if (!in.students.empty()) out.year = std::max(out.year, in.students.rbegin()->first);
  }
  out.ce_year = ce.national.empty() ? 0 : ce.national.rbegin()->first;
  for (const auto& in : m.institutions) {
    KeyFigures& f = out.municipality[in.municipality_index];
    ++f.institutions;
    if (auto it = in.students.find(out.year); it != in.students.end()) add_to(f.students, it->second);
    if (auto it = in.teachers.find(out.year); it != in.teachers.end()) add_to(f.teachers, it->second);
  }
  for (size_t mi = 0; mi < m.municipalities.size(); ++mi) {
    const std::string& id = m.municipalities[mi].id;
    KeyFigures& f = out.municipality[mi];
    for (const auto& me : m.methodologists) f.methodologists += me.municipality == id;
    for (size_t p = 0; p < m.programmes.size() && p < budgets.size(); ++p) {
      if (m.programmes[p].municipality == id) {
        f.budget = f.budget.value_or(0) + budgets[p].grand_total;
      }
    }
    if (mi < ce.municipality.size()) ce_of(f, ce.municipality[mi], out.ce_year);
  }
  KeyFigures& n = out.national;
  for (const KeyFigures& f : out.municipality) {
    n.institutions += f.institutions;
    if (f.students) add_to(n.students, *f.students);
    if (f.teachers) add_to(n.teachers, *f.teachers);
    n.methodologists += f.methodologists;
    if (f.budget) n.budget = n.budget.value_or(0) + *f.budget;
  }
  ce_of(n, ce.national, out.ce_year);
  return out;
}

}  // namespace metodika::rules
