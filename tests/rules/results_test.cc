#include "rules/results.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "model/private_data.h"

namespace metodika::rules {
namespace {

using testing::date;

void add_teachers(const model::Model& m, model::PrivateData& data, size_t school,
                  std::initializer_list<double> hours) {
  for (double h : hours) {
    model::Teacher& t = data.teachers.emplace_back();
    t.id = "t-000123";
    t.school = m.institutions[school].id;
    t.school_index = school;
    t.courses.push_back(model::Course{model::CourseCategory::kDigital, h, date("2024-03-14")});
  }
}

/// Two municipalities; Ventspils has two schools with 6 and 3 teacher records, Ventspils novads
/// one school with 5; one methodologist, two materials, two metric records, one programme.
model::Model small_site() {
  model::Model m;
  m.site.as_of = date("2026-11-22");
  m.site.rules = testing::seed_rules();
  for (const char* id : {"ventspils", "ventspils-novads"}) {
    m.municipalities.emplace_back().id = id;
  }
  const std::pair<const char*, size_t> schools[] = {
      {"ventspils-1-pamatskola", 0}, {"ventspils-4-vidusskola", 0}, {"ugales-vidusskola", 1}};
  for (const auto& [id, municipality] : schools) {
    model::Institution& school = m.institutions.emplace_back();
    school.id = id;
    school.municipality_index = municipality;
  }

  model::PrivateData data;
  add_teachers(m, data, 0, {36, 36, 36, 36, 12, 0});
  add_teachers(m, data, 1, {36, 36, 36, 36, 36});
  add_teachers(m, data, 2, {36, 40, 20});  // 3 records: suppressed
  m.private_data = std::make_shared<const model::PrivateData>(std::move(data));

  model::MetricRecord ce2025;
  ce2025.school = "ventspils-4-vidusskola";
  ce2025.school_index = 1;
  ce2025.year = 2025;
  ce2025.ce = model::CeScores{38.5, 55.1, 62.0, 41};
  m.metrics.push_back(ce2025);
  model::MetricRecord ce2026 = ce2025;
  ce2026.year = 2026;
  m.metrics.push_back(ce2026);

  model::Methodologist& marta = m.methodologists.emplace_back();
  marta.id = "marta-pujate";
  marta.activity[2025] = model::WorkSplit{{160, 150, 330, 160}};
  m.methodologists.emplace_back().id = "no-activity";

  model::Material& science = m.materials.emplace_back();
  science.deadline = date("2025-08-31");
  science.status = model::MaterialStatus::kPublished;
  science.published = date("2025-08-20");
  model::Material& history = m.materials.emplace_back();
  history.deadline = date("2026-12-01");
  history.status = model::MaterialStatus::kReview;

  model::Programme& programme = m.programmes.emplace_back();
  programme.period_from = 2022;
  programme.period_to = 2024;
  model::BudgetGroup& group = programme.budget.emplace_back();
  model::BudgetLine& pay = group.lines.emplace_back();
  pay.amounts = {{2022, 1601800}, {2023, 1664000}, {2024, 1664000}};
  model::BudgetLine& platform = group.lines.emplace_back();
  platform.amounts = {{2023, 50000}};
  return m;
}

TEST_CASE("compute fills every part of Results") {
  const model::Model m = small_site();
  const Results r = compute(m);

  REQUIRE(r.ce.size() == 2);
  CHECK(r.ce[0].status == CeIndex::Status::kMet);
  CHECK(*r.ce[0].index == doctest::Approx(155.6 / 3));
  CHECK(r.ce[1].status == CeIndex::Status::kNotMet);
  CHECK(*r.ce[1].index == doctest::Approx(38.5));

  // Development norm on as_of (2026-11-22): the 2024-03-14 courses are in the window.
  REQUIRE(r.school_pd.size() == 3);
  CHECK(r.school_pd[0].school == "ventspils-1-pamatskola");
  CHECK(r.school_pd[0].meeting == std::optional<int>(4));
  CHECK(*r.school_pd[0].share == doctest::Approx(100.0 * 4 / 6));
  CHECK(r.school_pd[0].hours_by_category[static_cast<size_t>(model::CourseCategory::kDigital)] ==
        std::optional<double>(156));
  CHECK(r.school_pd[1].meeting == std::optional<int>(5));
  CHECK(*r.school_pd[1].share == doctest::Approx(100.0));
  CHECK(r.school_pd[2].teachers == 3);
  CHECK(r.school_pd[2].suppressed);
  CHECK_FALSE(r.school_pd[2].meeting.has_value());

  REQUIRE(r.municipality_pd.size() == 2);
  CHECK(r.municipality_pd[0].teachers == 11);
  CHECK_FALSE(r.municipality_pd[0].suppressed);
  CHECK(r.municipality_pd[0].meeting == std::optional<int>(9));
  CHECK(*r.municipality_pd[0].share == doctest::Approx(100.0 * 9 / 11));
  CHECK(r.municipality_pd[1].teachers == 3);
  CHECK(r.municipality_pd[1].suppressed);
  CHECK_FALSE(r.municipality_pd[1].share.has_value());

  // The nation minus Ventspils would be Ugāle's 3 teachers: hidden.
  CHECK(r.national_pd.teachers == 14);
  CHECK(r.national_pd.suppressed);
  CHECK_FALSE(r.national_pd.meeting.has_value());

  REQUIRE(r.time_splits.size() == 2);
  REQUIRE(r.time_splits[0].size() == 1);
  CHECK(r.time_splits[0][0].share[model::WorkCategory::kSchools] == doctest::Approx(41.25));
  CHECK(r.time_splits[0][0].deviation[model::WorkCategory::kTeachers] == doctest::Approx(-1.25));
  CHECK(r.time_splits[1].empty());

  REQUIRE(r.materials.size() == 2);
  CHECK(r.materials[0].state == MaterialState::kPublished);
  CHECK_FALSE(r.materials[0].published_late);
  CHECK(r.materials[1].state == MaterialState::kDueSoon);
  CHECK(r.materials[1].days_to_deadline == 9);

  REQUIRE(r.budgets.size() == 1);
  CHECK(r.budgets[0].years == std::vector<int>{2022, 2023, 2024});
  CHECK(r.budgets[0].group_totals == std::vector<model::Cents>{1601800 + 1664000 * 2 + 50000});
  CHECK(r.budgets[0].year_totals ==
        model::ByYear<model::Cents>{{2022, 1601800}, {2023, 1714000}, {2024, 1664000}});
  CHECK(r.budgets[0].grand_total == 4979800);
}

TEST_CASE("compute: a larger Ugāle school makes the national total visible") {
  model::Model m = small_site();
  auto data = std::make_shared<model::PrivateData>(*m.private_data);
  add_teachers(m, *data, 2, {36, 0});  // Ugāle: 5 records
  m.private_data = data;
  const Results r = compute(m);
  CHECK_FALSE(r.school_pd[2].suppressed);
  CHECK(r.school_pd[2].meeting == std::optional<int>(3));
  CHECK_FALSE(r.municipality_pd[1].suppressed);
  CHECK(*r.municipality_pd[1].share == doctest::Approx(60.0));
  CHECK(r.national_pd.teachers == 16);
  CHECK_FALSE(r.national_pd.suppressed);
  CHECK(r.national_pd.meeting == std::optional<int>(12));
  CHECK(*r.national_pd.share == doctest::Approx(75.0));
}

TEST_CASE("with a memo, the development figures are taken again only while their inputs hold") {
  model::Model m = small_site();
  PdMemo memo;
  const Results first = compute(m, &memo);
  CHECK(memo.records == m.private_data);
  CHECK(first.national_pd.teachers == compute(m).national_pd.teachers);

  // Unchanged records, site and institutions: the memo's figures (marked to tell them apart).
  memo.national_pd.teachers = 999;
  CHECK(compute(m, &memo).national_pd.teachers == 999);

  // The same records in a new object (a teacher file was read again): computed afresh.
  m.private_data = std::make_shared<model::PrivateData>(*m.private_data);
  memo.national_pd.teachers = 999;
  CHECK(compute(m, &memo).national_pd.teachers == 14);
  CHECK(memo.records == m.private_data);

  // An institution's entry changed: computed afresh.
  memo.national_pd.teachers = 999;
  m.institutions[0].digest ^= 1;
  CHECK(compute(m, &memo).national_pd.teachers == 14);

  // Another as-of date: computed afresh, and the school figures follow it.
  memo.national_pd.teachers = 999;
  m.site.as_of = util::Date{2040, 1, 1};
  const Results later = compute(m, &memo);
  CHECK(later.national_pd.teachers == 14);
  CHECK(later.school_pd.size() == compute(m).school_pd.size());
  CHECK(later.school_pd[0].meeting == compute(m).school_pd[0].meeting);
}

TEST_CASE("compute on an empty model") {
  model::Model m;
  m.site.rules = testing::seed_rules();
  const Results r = compute(m);
  CHECK(r.ce.empty());
  CHECK(r.school_pd.empty());
  CHECK(r.municipality_pd.empty());
  CHECK(r.national_pd.teachers == 0);
  CHECK(r.national_pd.suppressed);
  CHECK(r.time_splits.empty());
  CHECK(r.materials.empty());
  CHECK(r.budgets.empty());
}

}  // namespace
TEST_CASE("compute: whether each olympiad and event is upcoming on as_of, in the model's order") {
  model::Model m = small_site();  // as_of 2026-11-22
  for (const char* day : {"2026-11-21", "2026-11-22", "2027-01-15"}) {
    model::Olympiad& o = m.olympiads.emplace_back();
    o.id = std::string("olympiad-") + day;
    o.start = o.end = date(day);
  }
  model::Olympiad& several = m.olympiads.emplace_back();  // under way on as_of
  several.start = date("2026-11-20");
  several.end = date("2026-11-23");
  for (const char* day : {"2026-11-22", "2026-11-01"}) {
    model::Event& e = m.events.emplace_back();
    e.start = util::DateTime{date(day), 10, 0, true};
    e.end = util::DateTime{date(day), 14, 0, true};
  }
  const Results r = compute(m);
  CHECK(r.olympiad_upcoming == std::vector<bool>{false, true, true, true});
  CHECK(r.event_upcoming == std::vector<bool>{true, false});
}

}  // namespace metodika::rules
