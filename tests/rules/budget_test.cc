#include "rules/budget.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace metodika::rules {
namespace {

constexpr model::Cents kEur = 100;

model::BudgetLine line(std::string id, std::string title,
                       std::initializer_list<std::pair<const int, model::Cents>> euros) {
  model::BudgetLine l;
  l.id = std::move(id);
  l.title.by_lang["lv"] = std::move(title);
  for (const auto& [year, amount] : euros) l.amounts[year] = amount * kEur;
  return l;
}

model::BudgetGroup group(std::string id, std::string title, std::vector<model::BudgetLine> lines) {
  model::BudgetGroup g;
  g.id = std::move(id);
  g.title.by_lang["lv"] = std::move(title);
  g.lines = std::move(lines);
  return g;
}

/// Seed 004 (Ventspils council decision No. 97 of 2021-12-23), the annex "Plāns 2022. - 2024.
/// gadam". Only lines carry amounts (DATA-MODEL.md section 11). In the seed, group 2's amounts
/// (2 800 a year) sit in a cell merged over lines 2.1 and 2.2; they are put on line 2.1 here,
/// and 2.2 has none. Line 1.2's 500 is in 2023 and line 4.2 has nothing in 2022: the only years
/// that make the seed's group columns add up.
model::Programme ventspils_2022_2024() {
  model::Programme p;
  p.id = "ventspils-2022-2024";
  p.municipality = "ventspils";
  p.period_from = 2022;
  p.period_to = 2024;
  p.budget = {
      group("1", "Pedagogu atbalsta dienesta darbība",
            {line("1.1", "Pedagogu atbalsta dienesta Konsultantu atalgojums",
                  {{2022, 16018}, {2023, 16640}, {2024, 16640}}),
             line("1.2", "E-vides platformas pedagogu atbalstam pilnveide", {{2023, 500}}),
             line("1.3", "Mācību jomu konsultanti", {{2022, 16005}, {2023, 17292}, {2024, 17292}}),
             line("1.4", "Multimēdiju tehniskās aparatūras papildināšana",
                  {{2022, 1900}, {2023, 500}, {2024, 500}})}),
      group("2", "Mācīšanas kvalitātes uzlabošanai - darbs ar pedagogiem",
            {line("2.1", "Skolu pedagogiem", {{2022, 2800}, {2023, 2800}, {2024, 2800}}),
             line("2.2", "Pirmsskolas pedagogiem", {})}),
      group("3", "Kompetenču (lietpratības) attīstīšanas pieejas ieviešanas monitorings",
            {line("3.2", "Atgriezeniskās saites sistēmas Edurio izmantošana",
                  {{2022, 6419}, {2023, 6419}, {2024, 6419}})}),
      group("4", "Motivācijas programma pedagogu materiālai stimulēšanai",
            {line("4.1",
                  "Vispārizglītojošajās skolās un Mākslas skolā, interešu izglītības pedagogiem",
                  {{2022, 21258}, {2023, 22582}, {2024, 23082}}),
             line("4.2", "Pirmsskolas izglītības iestādēs", {{2023, 5441}, {2024, 5441}})}),
  };
  return p;
}

TEST_CASE("budget_totals: the Ventspils 2022-2024 programme (seed 004)") {
  const BudgetTotals t = budget_totals(ventspils_2022_2024());
  CHECK(t.years == std::vector<int>{2022, 2023, 2024});

  // "5. Kopā Rīcības programmai 64 400 72 174 72 174 208 748"
  CHECK(t.year_totals == model::ByYear<model::Cents>{
                             {2022, 64400 * kEur}, {2023, 72174 * kEur}, {2024, 72174 * kEur}});
  CHECK(t.grand_total == 208748 * kEur);

  // "1. Pedagogu atbalsta dienesta darbība 33 923 34 932 34 432 103 287"
  REQUIRE(t.group_totals.size() == 4);
  CHECK(t.group_totals[0] == 103287 * kEur);
  CHECK(t.group_by_year[0] == model::ByYear<model::Cents>{{2022, 33923 * kEur},
                                                          {2023, 34932 * kEur},
                                                          {2024, 34432 * kEur}});
  CHECK(t.group_totals[1] == 8400 * kEur);
  CHECK(t.group_totals[2] == 19257 * kEur);
  CHECK(t.group_totals[3] == 77804 * kEur);
  CHECK(t.group_by_year[3] == model::ByYear<model::Cents>{{2022, 21258 * kEur},
                                                          {2023, 28023 * kEur},
                                                          {2024, 28523 * kEur}});

  // Line totals, column "Kopā, EUR".
  REQUIRE(t.line_totals.size() == 4);
  CHECK(t.line_totals[0] ==
        std::vector<model::Cents>{49298 * kEur, 500 * kEur, 50589 * kEur, 2900 * kEur});
  CHECK(t.line_totals[1] == std::vector<model::Cents>{8400 * kEur, 0});
  CHECK(t.line_totals[2] == std::vector<model::Cents>{19257 * kEur});
  CHECK(t.line_totals[3] == std::vector<model::Cents>{66922 * kEur, 10882 * kEur});
}

TEST_CASE("budget_totals: cents, empty groups, years outside the period") {
  model::Programme p;
  p.period_from = 2023;
  p.period_to = 2024;
  model::BudgetLine cents = line("1.1", "Kancelejas preces", {});
  cents.amounts = {{2023, 12345}, {2024, 55}};  // 123.45 and 0.55 EUR
  p.budget = {group("1", "Materiāli", {cents, line("1.2", "Grāmatas", {{2026, 10}})}),
              group("2", "Vēl nav plānots", {})};
  const BudgetTotals t = budget_totals(p);
  // 2025 has nothing and is not in the period; 2026 has an amount, so it is a column.
  CHECK(t.years == std::vector<int>{2023, 2024, 2026});
  CHECK(t.line_totals[0] == std::vector<model::Cents>{12400, 1000});
  CHECK(t.group_by_year[0] == model::ByYear<model::Cents>{{2023, 12345}, {2024, 55}, {2026, 1000}});
  CHECK(t.group_totals[0] == 13400);
  // The empty group has a zero for every year, and no lines.
  CHECK(t.line_totals[1].empty());
  CHECK(t.group_by_year[1] == model::ByYear<model::Cents>{{2023, 0}, {2024, 0}, {2026, 0}});
  CHECK(t.group_totals[1] == 0);
  CHECK(t.year_totals == model::ByYear<model::Cents>{{2023, 12345}, {2024, 55}, {2026, 1000}});
  CHECK(t.grand_total == 13400);
}

TEST_CASE("budget_totals: a programme without a budget") {
  model::Programme p;
  p.period_from = 2022;
  p.period_to = 2024;
  const BudgetTotals t = budget_totals(p);
  CHECK(t.years == std::vector<int>{2022, 2023, 2024});
  CHECK(t.group_totals.empty());
  CHECK(t.year_totals == model::ByYear<model::Cents>{{2022, 0}, {2023, 0}, {2024, 0}});
  CHECK(t.grand_total == 0);
}

}  // namespace
}  // namespace metodika::rules
