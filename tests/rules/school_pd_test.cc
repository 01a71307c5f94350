#include "rules/school_pd.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "model/private_data.h"
#include "rules/results.h"

namespace metodika::rules {
namespace {

using testing::date;
using Category = model::CourseCategory;

size_t cat(Category c) { return static_cast<size_t>(c); }

/// Ventspils (0) and Ventspils novads (1); institutions are added by the tests.
model::Model base_model() {
  model::Model m;
  m.site.rules = testing::seed_rules();
  m.site.as_of = date("2025-11-22");
  for (const char* id : {"ventspils", "ventspils-novads"}) {
    model::Municipality& muni = m.municipalities.emplace_back();
    muni.id = id;
  }
  return m;
}

void add_school(model::Model& m, std::string id, size_t municipality) {
  model::Institution& school = m.institutions.emplace_back();
  school.id = std::move(id);
  school.municipality_index = municipality;
  school.municipality = m.municipalities[municipality].id;
}

model::Course course(double hours, Category category, std::string_view on = "2025-01-15") {
  model::Course c;
  c.category = category;
  c.hours = hours;
  c.date = date(on);
  return c;
}

model::Teacher teacher(const model::Model& m, size_t school, std::vector<model::Course> courses) {
  model::Teacher t;
  t.id = "t-" + std::to_string(school);
  t.school = m.institutions[school].id;
  t.school_index = school;
  t.courses = std::move(courses);
  return t;
}

/// Adds one teacher per entry of `hours`, each with one content/didactics course of that many
/// hours in the window.
void add_teachers(const model::Model& m, model::PrivateData& data, size_t school,
                  std::initializer_list<double> hours) {
  for (double h : hours) {
    data.teachers.push_back(teacher(m, school, {course(h, Category::kContentDidactics)}));
  }
}

TEST_CASE("school_pd: per-school counts, shares and hours; small schools suppressed") {
  model::Model m = base_model();
  add_school(m, "ventspils-1-pamatskola", 0);  // 6 teachers
  add_school(m, "ventspils-4-vidusskola", 0);  // 3 teachers: suppressed
  add_school(m, "ventspils-2-vidusskola", 0);  // no teacher records: no entry
  add_school(m, "ugales-vidusskola", 1);       // 5 teachers: exactly small_cell, shown
  model::PrivateData data;
  add_teachers(m, data, 3, {36, 36});  // records in any order; output follows model.institutions
  data.teachers.push_back(teacher(
      m, 0, {course(12, Category::kDigital), course(24, Category::kContentDidactics)}));   // 36
  data.teachers.push_back(teacher(m, 0, {course(40, Category::kManagement)}));             // 40
  data.teachers.push_back(teacher(m, 0, {course(12, Category::kDigital)}));                // 12
  data.teachers.push_back(teacher(m, 0, {course(36, Category::kGeneral, "2025-11-22")}));  // 36
  data.teachers.push_back(
      teacher(m, 0, {course(50, Category::kManagement, "2020-10-01")}));  // outside: 0
  data.teachers.push_back(teacher(m, 0,
                                  {course(24, Category::kContentDidactics),
                                   course(12, Category::kOther, "2025-11-23")}));  // 24
  add_teachers(m, data, 1, {36, 36, 36});
  add_teachers(m, data, 3, {36, 36, 10});
  m.private_data = std::make_shared<const model::PrivateData>(std::move(data));

  const std::vector<SchoolPd> pd = school_pd(m, m.site.as_of);
  REQUIRE(pd.size() == 3);

  CHECK(pd[0].school == "ventspils-1-pamatskola");
  CHECK(pd[0].school_index == 0);
  CHECK(pd[0].teachers == 6);
  CHECK_FALSE(pd[0].suppressed);
  CHECK(pd[0].meeting == std::optional<int>(3));
  REQUIRE(pd[0].share.has_value());
  CHECK(*pd[0].share == doctest::Approx(50.0));
  CHECK(pd[0].hours_by_category[cat(Category::kDigital)] == std::optional<double>(24));
  CHECK(pd[0].hours_by_category[cat(Category::kContentDidactics)] == std::optional<double>(48));
  CHECK(pd[0].hours_by_category[cat(Category::kManagement)] == std::optional<double>(40));
  CHECK(pd[0].hours_by_category[cat(Category::kGeneral)] == std::optional<double>(36));
  CHECK(pd[0].hours_by_category[cat(Category::kOther)] == std::optional<double>(0));
  CHECK(pd[0].hours_by_category[cat(Category::kChildRights)] == std::optional<double>(0));

  CHECK(pd[1].school == "ventspils-4-vidusskola");
  CHECK(pd[1].school_index == 1);
  CHECK(pd[1].teachers == 3);
  CHECK(pd[1].suppressed);
  CHECK(pd[1].reason == Suppression::kSmallCell);
  CHECK(pd[0].reason == Suppression::kShown);
  CHECK_FALSE(pd[1].meeting.has_value());
  CHECK_FALSE(pd[1].share.has_value());
  for (const auto& hours : pd[1].hours_by_category) CHECK_FALSE(hours.has_value());

  CHECK(pd[2].school == "ugales-vidusskola");
  CHECK(pd[2].school_index == 3);
  CHECK(pd[2].teachers == 5);
  CHECK_FALSE(pd[2].suppressed);
  CHECK(pd[2].meeting == std::optional<int>(4));
  CHECK(*pd[2].share == doctest::Approx(80.0));
  CHECK(pd[2].hours_by_category[cat(Category::kContentDidactics)] == std::optional<double>(154));

  // A later date moves the window: on 2025-11-23 the "other" course counts, and on 2028-01-16
  // every 2025-01-15 course has left it.
  CHECK(school_pd(m, date("2025-11-23"))[0].hours_by_category[cat(Category::kOther)] ==
        std::optional<double>(12));
  CHECK(school_pd(m, date("2028-01-16"))[2].meeting == std::optional<int>(0));

  // Summaries: Ugāle alone is 5 teachers, shown; Ventspils 4 alone is 3, suppressed.
  const PdSummary ugale = pd_summary(std::span(pd).subspan(2, 1), m, m.site.as_of);
  CHECK(ugale.teachers == 5);
  CHECK_FALSE(ugale.suppressed);
  CHECK(ugale.meeting == std::optional<int>(4));
  CHECK(*ugale.share == doctest::Approx(80.0));
  CHECK(ugale.reason == Suppression::kShown);
  // The total's hours by category are its schools' sums, as each school's are.
  CHECK(ugale.hours_by_category[cat(Category::kContentDidactics)] == std::optional<double>(154));
  CHECK(ugale.hours_by_category[cat(Category::kDigital)] == std::optional<double>(0));
  const PdSummary small = pd_summary(std::span(pd).subspan(1, 1), m, m.site.as_of);
  CHECK(small.teachers == 3);
  CHECK(small.suppressed);
  CHECK(small.reason == Suppression::kSmallCell);
  CHECK_FALSE(small.meeting.has_value());
  CHECK_FALSE(small.share.has_value());

  // Ventspils (schools 0 and 1) has 9 teachers, but 9 minus the shown 6 would give away the 3
  // of the suppressed school: hidden as well.
  const PdSummary ventspils = pd_summary(std::span(pd).first(2), m, m.site.as_of);
  CHECK(ventspils.teachers == 9);
  CHECK(ventspils.suppressed);
  // Not "fewer than 5 teachers": hidden so that the hidden school cannot be worked out.
  CHECK(ventspils.reason == Suppression::kComplementary);
  for (const auto& hours : ventspils.hours_by_category) CHECK_FALSE(hours.has_value());
  CHECK_FALSE(ventspils.meeting.has_value());
  CHECK_FALSE(ventspils.share.has_value());
}

TEST_CASE("pd_summary counts suppressed schools when the hidden part is no small cell") {
  model::Model m = base_model();
  add_school(m, "a", 0);
  add_school(m, "b", 0);
  add_school(m, "c", 0);
  model::PrivateData data;
  add_teachers(m, data, 0, {36, 36, 36, 0, 0, 0});  // 6, 3 meeting
  add_teachers(m, data, 1, {36, 36, 0});            // 3, hidden
  add_teachers(m, data, 2, {40, 12, 36});           // 3, hidden
  m.private_data = std::make_shared<const model::PrivateData>(std::move(data));
  const std::vector<SchoolPd> pd = school_pd(m, m.site.as_of);
  REQUIRE(pd.size() == 3);
  CHECK_FALSE(pd[0].suppressed);
  CHECK(pd[1].suppressed);
  CHECK(pd[2].suppressed);

  // The total minus school a is an aggregate over 6 teachers (b and c together): allowed.
  const PdSummary total = pd_summary(pd, m, m.site.as_of);
  CHECK(total.teachers == 12);
  CHECK_FALSE(total.suppressed);
  CHECK(total.meeting == std::optional<int>(7));
  CHECK(*total.share == doctest::Approx(100.0 * 7 / 12));

  // With small_cell 10 every school is hidden and 12 teachers are shown only as a whole.
  m.site.rules.small_cell = 10;
  const std::vector<SchoolPd> strict = school_pd(m, m.site.as_of);
  const PdSummary strict_total = pd_summary(strict, m, m.site.as_of);
  CHECK(strict[0].suppressed);
  CHECK_FALSE(strict_total.suppressed);
  CHECK(strict_total.meeting == std::optional<int>(7));
}

TEST_CASE("pd_summary for the nation also hides what shown municipalities would give away") {
  model::Model m = base_model();
  add_school(m, "a", 0);  // Ventspils: a 6 shown, b 3 and c 3 hidden: total shown (hidden 6)
  add_school(m, "b", 0);
  add_school(m, "c", 0);
  add_school(m, "d", 1);  // Ventspils novads: d 5 shown, e 2 hidden: total hidden (hidden 2)
  add_school(m, "e", 1);
  model::PrivateData data;
  add_teachers(m, data, 0, {36, 36, 36, 0, 0, 0});
  add_teachers(m, data, 1, {36, 36, 0});
  add_teachers(m, data, 2, {40, 12, 36});
  add_teachers(m, data, 3, {36, 36, 36, 36, 36});
  add_teachers(m, data, 4, {36, 0});
  m.private_data = std::make_shared<const model::PrivateData>(std::move(data));
  const std::vector<SchoolPd> pd = school_pd(m, m.site.as_of);
  REQUIRE(pd.size() == 5);

  const std::vector<PdSummary> munis = {
      pd_summary(std::span(pd).first(3), m, m.site.as_of),
      pd_summary(std::span(pd).subspan(3), m, m.site.as_of),
  };
  CHECK_FALSE(munis[0].suppressed);
  CHECK(munis[0].teachers == 12);
  CHECK(munis[0].meeting == std::optional<int>(7));
  CHECK(munis[1].suppressed);
  CHECK(munis[1].reason == Suppression::kComplementary);
  CHECK(munis[1].teachers == 7);

  // One pass for all municipalities gives what a pd_summary of each one's schools gives.
  const std::vector<PdSummary> by_municipality = pd_by_municipality(pd, m, m.site.as_of);
  REQUIRE(by_municipality.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(by_municipality[i].teachers == munis[i].teachers);
    CHECK(by_municipality[i].suppressed == munis[i].suppressed);
    CHECK(by_municipality[i].meeting == munis[i].meeting);
    CHECK(by_municipality[i].share == munis[i].share);
    CHECK(by_municipality[i].reason == munis[i].reason);
    CHECK(by_municipality[i].hours_by_category == munis[i].hours_by_category);
  }

  // Results find a school's entry by its institution index.
  Results results;
  results.school_pd = pd;
  for (size_t i = 0; i < pd.size(); ++i) {
    const SchoolPd* found = results.pd_of_school(pd[i].school_index);
    REQUIRE(found != nullptr);
    CHECK(found->school == pd[i].school);
  }
  CHECK(results.pd_of_school(pd.size()) == nullptr);
  results.school_pd.erase(results.school_pd.begin() + 1);  // "b" has no teacher records
  CHECK(results.pd_of_school(1) == nullptr);
  CHECK(results.pd_of_school(2)->school == "c");

  // Over schools alone, the hidden part (b, c, e: 8 teachers) is no small cell...
  const PdSummary by_schools = pd_summary(pd, m, m.site.as_of);
  CHECK_FALSE(by_schools.suppressed);
  CHECK(by_schools.teachers == 19);
  CHECK(by_schools.meeting == std::optional<int>(13));
  // ...but nation − Ventspils − d = e (2 teachers): with the municipalities shown, it is hidden.
  const PdSummary nation = pd_summary(pd, m, m.site.as_of, munis);
  CHECK(nation.teachers == 19);
  CHECK(nation.suppressed);
  CHECK(nation.reason == Suppression::kComplementary);
  CHECK_FALSE(nation.meeting.has_value());
  CHECK_FALSE(nation.share.has_value());
}

TEST_CASE("school_pd and pd_summary without private data") {
  model::Model m = base_model();
  add_school(m, "a", 0);
  CHECK(school_pd(m, m.site.as_of).empty());
  const PdSummary none = pd_summary({}, m, m.site.as_of);
  CHECK(none.teachers == 0);
  CHECK(none.suppressed);
  CHECK_FALSE(none.meeting.has_value());
  const std::vector<PdSummary> munis = pd_by_municipality({}, m, m.site.as_of);
  REQUIRE(munis.size() == 2);
  CHECK(munis[1].teachers == 0);
  CHECK(munis[1].suppressed);
}

}  // namespace
}  // namespace metodika::rules
