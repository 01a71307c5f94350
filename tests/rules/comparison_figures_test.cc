#include "rules/comparison_figures.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

// Municipalities "a" (schools 0 and 1) and "b" (school 2), "c" without schools.
model::Model sites() {
  model::Model m;
  m.site.rules = testing::seed_rules();
  m.municipalities.resize(3);
  m.municipalities[0].id = "a";
  m.municipalities[1].id = "b";
  m.municipalities[2].id = "c";
  m.institutions.resize(3);
  m.institutions[0].municipality_index = 0;
  m.institutions[1].municipality_index = 0;
  m.institutions[2].municipality_index = 1;
  return m;
}

// The comparison of `m` as rules::compute makes it: from each municipality's and the nation's
// figures, and `ce`.
ComparisonFigures compare(model::Model m, const CeSummary& ce,
                          const std::vector<BudgetTotals>& budgets = {}) {
  m.index_by_school();
  std::vector<MunicipalityFigures> all;
  for (size_t mi = 0; mi < m.municipalities.size(); ++mi) {
    all.push_back(municipality_figures(m, mi, {}, {}, budgets, {2022, 2025}));
  }
  return comparison_figures(all, national_figures(m, all, budgets, {}, {2022, 2025}), ce);
}

TEST_CASE("comparison_figures: students and teachers of the latest year, summed") {
  model::Model m = sites();
  m.institutions[0].students = {{2024, 100}, {2025, 110}};
  m.institutions[0].teachers = {{2024, 10}, {2025, 11}};
  m.institutions[1].students = {{2024, 50}};  // no 2025 figures: left out, not counted as 0
  m.institutions[2].students = {{2025, 30}};
  CeSummary ce;
  ce.municipality.resize(3);
  const ComparisonFigures f = compare(m, ce);
  CHECK(f.year == 2025);
  REQUIRE(f.municipality.size() == 3);
  CHECK(f.municipality[0].institutions == 2);
  CHECK(f.municipality[0].students == 110);
  CHECK(f.municipality[0].teachers == 11);
  CHECK(f.municipality[1].students == 30);
  CHECK_FALSE(f.municipality[1].teachers.has_value());
  CHECK(f.municipality[2].institutions == 0);
  CHECK_FALSE(f.municipality[2].students.has_value());
  CHECK(f.national.institutions == 3);
  CHECK(f.national.students == 140);
  CHECK(f.national.teachers == 11);
}

TEST_CASE("comparison_figures: methodologists, budgets and the exam index of the latest year") {
  model::Model m = sites();
  m.methodologists.resize(3);
  m.methodologists[0].municipality = "a";
  m.methodologists[1].municipality = "a";  // m.methodologists[2]: national, no municipality
  m.programmes.resize(2);
  m.programmes[0].municipality = "b";
  m.programmes[1].municipality = "b";
  std::vector<BudgetTotals> budgets(2);
  budgets[0].grand_total = 150000;
  budgets[1].grand_total = 50;
  CeSummary ce;
  ce.municipality.resize(3);
  ce.municipality[0][2024] = {2, 1, 35.0};
  ce.municipality[0][2025] = {2, 2, 55.0};
  ce.municipality[1][2024] = {1, 1, 60.0};  // nothing in 2025: no mean, not 0
  ce.national[2024] = {3, 2, 130.0 / 3};
  ce.national[2025] = {2, 2, 55.0};
  const ComparisonFigures f = compare(m, ce, budgets);
  CHECK(f.ce_year == 2025);
  CHECK(f.municipality[0].methodologists == 2);
  CHECK(f.national.methodologists == 2);  // the sum over municipalities
  CHECK_FALSE(f.municipality[0].budget.has_value());
  CHECK(f.municipality[1].budget == 150050);
  CHECK(f.national.budget == 150050);
  CHECK(f.municipality[0].ce_mean == doctest::Approx(55.0));
  CHECK(f.municipality[0].ce_met == 2);
  CHECK(f.municipality[0].ce_with_index == 2);
  CHECK_FALSE(f.municipality[1].ce_mean.has_value());
  CHECK(f.municipality[1].ce_with_index == 0);
  CHECK(f.national.ce_mean == doctest::Approx(55.0));
}

}  // namespace
}  // namespace metodika::rules
