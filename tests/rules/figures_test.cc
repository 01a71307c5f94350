#include "rules/figures.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;

// Two municipalities: "a" with schools 0 and 1, "b" with school 2.
model::Model two_municipalities() {
  model::Model m;
  m.site.rules = testing::seed_rules();
  m.municipalities.resize(2);
  m.municipalities[0].id = "a";
  m.municipalities[1].id = "b";
  m.institutions.resize(3);
  m.institutions[0].municipality_index = 0;
  m.institutions[1].municipality_index = 0;
  m.institutions[2].municipality_index = 1;
  return m;
}

std::vector<CeIndex> indexes(const model::Model& m) {
  std::vector<CeIndex> out;
  for (const auto& r : m.metrics) out.push_back(ce_index(r, m.site.rules));
  return out;
}

// The figures of `mi` with the model's indexes by school filled in, as build_model does.
MunicipalityFigures figures_of(model::Model m, size_t mi, SchoolYears period = {2022, 2025},
                               const std::vector<SchoolPd>& pd = {},
                               const std::vector<BudgetTotals>& budgets = {}) {
  m.index_by_school();
  return municipality_figures(m, mi, indexes(m), pd, budgets, period);
}

TEST_CASE("percent_change: in percent of the first count, none from 0") {
  CHECK(*percent_change(200, 150) == doctest::Approx(-25));
  CHECK(*percent_change(80, 100) == doctest::Approx(25));
  CHECK_FALSE(percent_change(0, 10).has_value());
}

TEST_CASE("network: reporting schools and sums by school year, nullopt when no school gives one") {
  model::Model m = two_municipalities();
  m.institutions[0].students = {{2024, 300}, {2025, 310}};
  m.institutions[0].teachers = {{2025, 30}};
  m.institutions[1].students = {{2025, 90}};
  m.institutions[1].teachers = {{2023, 12}};
  const auto n = network(m, {0, 1});
  REQUIRE(n.size() == 3);
  CHECK(n.at(2023).reporting == 1);
  CHECK_FALSE(n.at(2023).students.has_value());
  CHECK(*n.at(2023).teachers == 12);
  CHECK(n.at(2024).reporting == 1);
  CHECK(*n.at(2024).students == 300);
  CHECK_FALSE(n.at(2024).teachers.has_value());
  CHECK(n.at(2025).reporting == 2);
  CHECK(*n.at(2025).students == 400);
  CHECK(*n.at(2025).teachers == 30);
}

TEST_CASE("municipality_figures: methodologists, budget, actions") {
  model::Model m = two_municipalities();
  m.methodologists.resize(3);
  m.methodologists[0].municipality = "a";
  m.methodologists[0].level = model::Level::kMunicipal;
  m.methodologists[1].municipality = "a";
  m.methodologists[1].level = model::Level::kSchool;
  m.methodologists[2].level = model::Level::kNational;  // state level: no municipality
  m.methodologists[0].subjects = {"mathematics", "physics"};
  m.methodologists[2].subjects = {"mathematics"};
  m.programmes.resize(2);
  m.programmes[0].municipality = "a";
  m.programmes[1].municipality = "a";
  m.programmes[0].actions.resize(3);
  m.programmes[0].actions[0].status = model::ActionStatus::kDone;
  m.programmes[0].actions[1].status = model::ActionStatus::kDelayed;
  std::vector<BudgetTotals> budgets(2);
  budgets[0].grand_total = 6440000;  // Ventspils 2022, cents
  budgets[0].years = {2022};
  budgets[0].year_totals = {{2022, 6440000}};
  budgets[1].grand_total = 7217400;
  budgets[1].years = {2022, 2023};
  budgets[1].year_totals = {{2022, 0}, {2023, 7217400}};
  const MunicipalityFigures a = figures_of(m, 0, {2022, 2025}, {}, budgets);
  const MunicipalityFigures b = figures_of(m, 1, {2022, 2025}, {}, budgets);
  CHECK(a.area.institutions == 2);
  CHECK(a.area.methodologists == 2);
  CHECK(a.area.municipal_methodologists == 1);
  CHECK(*a.area.budget == 13657400);
  CHECK(b.area.methodologists == 0);
  CHECK_FALSE(b.area.budget.has_value());
  const ActionCounts c = action_counts(m.programmes[0]);
  CHECK(c.all == 3);
  CHECK(c.done == 1);
  CHECK(c.delayed == 1);

  const NationalFigures n = national_figures(m, {a, b}, budgets, {}, {2022, 2025});
  CHECK(n.area.methodologists == 2);  // of municipalities: the rows of the national summary
  CHECK(n.all_methodologists == 3);   // the home page's: state level included
  CHECK(n.state_methodologists == 1);
  // By subject, one who has several counted under each (the overview's links).
  CHECK(n.methodologists_by_subject.at("mathematics") == 2);
  CHECK(n.methodologists_by_subject.at("physics") == 1);
  CHECK(n.methodologists_by_subject.size() == 2);
  CHECK(*n.area.budget == 13657400);
  CHECK(n.budget_by_year.at(2022) == 6440000);
  CHECK(n.budget_by_year.at(2023) == 7217400);
  CHECK_FALSE(n.budget_by_year.contains(2024));
}

TEST_CASE("national_figures: the latest school year with a student count") {
  model::Model m = two_municipalities();
  m.institutions[0].students = {{2024, 300}};
  m.institutions[2].students = {{2025, 50}};
  m.institutions[1].teachers = {{2026, 10}};  // teachers only: not a year of counts
  const std::vector<MunicipalityFigures> all = {figures_of(m, 0), figures_of(m, 1)};
  const NationalFigures n = national_figures(m, all, {}, {}, {2022, 2025});
  CHECK(n.latest_year == 2025);
  CHECK(*n.area.network.at(2025).students == 50);
  CHECK(n.area.institutions == 3);
}

TEST_CASE("municipality_figures: the change in students over the period's first and latest year") {
  model::Model m = two_municipalities();
  m.institutions[0].students = {{2021, 999}, {2022, 300}, {2024, 320}, {2026, 1}};
  m.institutions[1].students = {{2022, 100}, {2025, 60}};
  m.institutions[1].teachers = {{2025, 9}};
  MunicipalityFigures f = figures_of(m, 0);  // period 2022..2025: 2021 and 2026 are outside
  CHECK(f.network_first == 2022);
  CHECK(f.network_last == 2025);
  REQUIRE(f.students_change.has_value());
  CHECK(*f.students_change == doctest::Approx(-85.0));  // 400 -> 60

  // One school year in the period: no change.
  m.institutions[0].students = {{2024, 320}};
  m.institutions[1].students.clear();
  m.institutions[1].teachers.clear();
  f = figures_of(m, 0);
  CHECK(f.network_first == 2024);
  CHECK(f.network_last == 2024);
  CHECK_FALSE(f.students_change.has_value());

  // Teachers only in the latest year: its student count is missing, so no change either.
  m.institutions[0].students = {{2022, 320}};
  m.institutions[1].teachers = {{2025, 9}};
  f = figures_of(m, 0);
  CHECK(f.network_last == 2025);
  CHECK_FALSE(f.students_change.has_value());

  // No count in the period at all.
  f = figures_of(m, 1);
  CHECK(f.network_first == 0);
}

TEST_CASE("municipality_figures: exam spread and schools not meeting, in the period only") {
  model::Model m = two_municipalities();
  auto add = [&m](size_t school, int year, double score) {
    model::MetricRecord r;
    r.school_index = school;
    r.year = year;
    r.ce = model::CeScores{score, score, score, 30};
    m.metrics.push_back(r);
  };
  add(0, 2024, 30);  // mean 30 < 40: not met
  add(1, 2024, 50);  // met
  add(0, 2021, 20);  // before the period
  add(2, 2024, 10);  // another municipality
  m.index_by_school();
  const MunicipalityFigures f = figures_of(m, 0);
  REQUIRE(f.ce_spread.size() == 1);
  CHECK(f.ce_spread.at(2024).count == 2);
  CHECK(f.ce_spread.at(2024).median == doctest::Approx(40));
  CHECK(f.ce_not_met.at(2024) == std::vector<size_t>{0});
  // The site's chart draws every school year: the spread of all years, the period's or not.
  REQUIRE(f.ce_spread_all.size() == 2);
  CHECK(f.ce_spread_all.at(2021).count == 1);
  CHECK(f.ce_spread_all.at(2021).max == doctest::Approx(20));
  CHECK(f.ce_spread_all.at(2024).median == doctest::Approx(40));
}

TEST_CASE("municipality_figures: quality sums, heads' evaluations alone do not report") {
  model::Model m = two_municipalities();
  model::MetricRecord r;
  r.school_index = 0;
  r.year = 2024;
  r.observed_teachers = 10;
  r.survey_satisfaction = 80;
  m.metrics.push_back(r);
  r = {};
  r.school_index = 1;
  r.year = 2024;
  r.observed_teachers = 5;
  r.observed_twice = 4;
  r.survey_satisfaction = 60;
  m.metrics.push_back(r);
  r = {};
  r.school_index = 1;
  r.year = 2025;
  r.head_evaluation = 4;  // private to the report: not a quality record of the summary
  m.metrics.push_back(r);
  m.index_by_school();
  const MunicipalityFigures f = figures_of(m, 0);
  REQUIRE(f.quality.size() == 1);
  const QualityYear& q = f.quality.at(2024);
  CHECK(q.schools == 2);
  CHECK(*q.observed == 15);
  CHECK(*q.observed_twice == 4);
  CHECK_FALSE(q.respondents.has_value());
  CHECK(q.satisfaction.mean == doctest::Approx(70));
}

TEST_CASE("national_figures: quality and diagnostic tests over every school, in the period only") {
  model::Model m = two_municipalities();
  auto add = [&m](size_t school, int year, int observed, double satisfaction, double maths) {
    model::MetricRecord r;
    r.school_index = school;
    r.year = year;
    r.observed_teachers = observed;
    r.survey_satisfaction = satisfaction;
    r.diagnostic["grade3"]["mathematics"] = maths;
    m.metrics.push_back(r);
  };
  add(0, 2024, 10, 80, 60);
  add(1, 2024, 5, 60, 70);
  add(2, 2024, 7, 40, 20);
  add(2, 2021, 9, 90, 99);  // before the period
  m.index_by_school();
  const std::vector<MunicipalityFigures> all = {figures_of(m, 0), figures_of(m, 1)};
  // A municipality's diagnostic tests: its own schools, the period's years.
  REQUIRE(all[0].diagnostics.size() == 1);
  const Spread& a = all[0].diagnostics.at(DiagnosticTest{2024, "grade3", "mathematics"});
  CHECK(a.count == 2);
  CHECK(a.mean == doctest::Approx(65));
  CHECK(all[1].diagnostics.size() == 1);
  const NationalFigures n = national_figures(m, all, {}, {}, {2022, 2025});
  REQUIRE(n.quality.size() == 1);
  const QualityYear& q = n.quality.at(2024);
  CHECK(q.schools == 3);
  CHECK(*q.observed == 22);
  // Every school is one observation: (80 + 60 + 40) / 3, not the mean of the municipalities'
  // means (70 and 40).
  CHECK(q.satisfaction.mean == doctest::Approx(60));
  CHECK(q.satisfaction.median == doctest::Approx(60));
  REQUIRE(n.diagnostics.size() == 1);
  const Spread& d = n.diagnostics.at(DiagnosticTest{2024, "grade3", "mathematics"});
  CHECK(d.count == 3);
  CHECK(d.mean == doctest::Approx(50));
  CHECK(d.min == doctest::Approx(20));
}

TEST_CASE("municipality_figures: development shares of shown schools, hidden ones counted") {
  model::Model m = two_municipalities();
  std::vector<SchoolPd> pd(3);
  pd[0].school_index = 0;
  pd[0].teachers = 20;
  pd[0].meeting = 10;
  pd[0].share = 50;
  pd[1].school_index = 1;
  pd[1].teachers = 3;
  pd[1].suppressed = true;
  pd[2].school_index = 2;
  pd[2].teachers = 30;
  pd[2].meeting = 30;
  pd[2].share = 100;
  const MunicipalityFigures f = figures_of(m, 0, {2022, 2025}, pd);
  CHECK(f.pd_shares.count == 1);
  CHECK(f.pd_shares.mean == doctest::Approx(50));
  CHECK(f.pd_hidden == 1);
}

TEST_CASE("municipality_figures: olympiads of the period by date, summed over schools") {
  model::Model m = two_municipalities();
  m.institutions[0].id = "s0";
  m.institutions[1].id = "s1";
  m.institutions[2].id = "s2";
  auto olympiad = [&m](std::string id, std::string_view day) {
    model::Olympiad o;
    o.id = std::move(id);
    o.start = o.end = date(day);
    m.olympiads.push_back(o);
    return &m.olympiads.back();
  };
  auto result = [](std::string school, int participants, int first, int second, int third) {
    model::OlympiadResult r;
    r.school = std::move(school);
    r.participants = participants;
    r.first = first;
    r.second = second;
    r.third = third;
    r.honourable = 1;
    return r;
  };
  olympiad("late", "2025-02-10")->results = {result("s0", 5, 1, 0, 1), result("s1", 3, 0, 1, 0)};
  olympiad("early", "2024-11-05")->results = {result("s1", 2, 1, 0, 0), result("s2", 9, 9, 0, 0)};
  // 18.10.2025 is in school year 2025/2026, after a period ending with 2024/2025.
  olympiad("after", "2025-10-18")->results = {result("s0", 7, 7, 0, 0)};
  m.institution_index = {{"s0", 0}, {"s1", 1}, {"s2", 2}};
  m.index_by_school();
  const MunicipalityFigures f = figures_of(m, 0);
  REQUIRE(f.olympiads.size() == 2);
  CHECK(m.olympiads[f.olympiads[0].olympiad].id == "early");
  CHECK(f.olympiads[0].results == 1);
  CHECK(f.olympiads[1].results == 2);
  CHECK(f.olympiads[1].participants == 8);
  CHECK(f.olympiads[1].prizes() == 3);
  CHECK(f.olympiads[1].honourable == 2);
  CHECK(f.olympiad_total.results == 3);
  CHECK(f.olympiad_total.participants == 10);
  CHECK(f.olympiad_total.first == 2);
  CHECK(f.olympiad_total.prizes() == 4);
}

TEST_CASE("national_figures: olympiads to come and materials due, as of the site's date") {
  model::Model m = two_municipalities();
  m.site.as_of = date("2025-03-01");
  m.olympiads.resize(3);
  m.olympiads[0].start = m.olympiads[0].end = date("2025-02-28");  // past
  m.olympiads[1].start = date("2025-02-27");
  m.olympiads[1].end = date("2025-03-01");  // its last day is as_of: still to come
  m.olympiads[2].start = m.olympiads[2].end = date("2025-04-01");
  std::vector<MaterialStatusResult> materials(4);
  materials[0].state = MaterialState::kOverdue;
  materials[1].state = MaterialState::kDueSoon;
  materials[2].state = MaterialState::kOnTrack;
  materials[3].state = MaterialState::kPublished;
  const NationalFigures n = national_figures(m, {figures_of(m, 0), figures_of(m, 1)}, {}, materials,
                                            {2022, 2025});
  CHECK(n.upcoming_olympiads == 2);
  CHECK(n.materials_due == 2);
}

}  // namespace
}  // namespace metodika::rules
