#include "rules/pd_norm.h"

#include <doctest/doctest.h>

#include <string_view>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;
using testing::seed_rules;

model::Course course(std::string_view on, double hours,
                     model::CourseCategory category = model::CourseCategory::kContentDidactics) {
  model::Course c;
  c.category = category;
  c.hours = hours;
  c.date = date(on);
  return c;
}

TEST_CASE("hours_in_window: the start date, D years earlier, is excluded") {
  // 36 hours within 3 years (REFERENCE-lv.md section 3); D = 2025-11-22, window start 2022-11-22.
  const model::Rules rules = seed_rules();
  const util::Date on = date("2025-11-22");
  model::Teacher teacher;
  teacher.courses = {course("2022-11-22", 12),
                     course("2024-03-14", 12, model::CourseCategory::kDigital),
                     course("2025-05-07", 12, model::CourseCategory::kManagement)};
  CHECK(hours_in_window(teacher, on, rules) == doctest::Approx(24));
  CHECK_FALSE(meets_norm(teacher, on, rules));

  teacher.courses[0] = course("2022-11-23", 12);  // one day later: inside the window
  CHECK(hours_in_window(teacher, on, rules) == doctest::Approx(36));
  CHECK(meets_norm(teacher, on, rules));
  CHECK(in_pd_window(date("2022-11-23"), on, rules));
  CHECK_FALSE(in_pd_window(date("2022-11-22"), on, rules));
}

TEST_CASE("hours_in_window: a course on D counts, a course after D does not") {
  const model::Rules rules = seed_rules();
  const util::Date on = date("2025-11-22");
  model::Teacher teacher;
  teacher.courses = {course("2024-01-10", 24), course("2025-11-22", 12)};
  CHECK(hours_in_window(teacher, on, rules) == doctest::Approx(36));
  CHECK(meets_norm(teacher, on, rules));

  teacher.courses[1] = course("2025-11-23", 12);
  CHECK(hours_in_window(teacher, on, rules) == doctest::Approx(24));
  CHECK_FALSE(meets_norm(teacher, on, rules));
  // ...but the same course counts when the norm is checked on a later day.
  CHECK(meets_norm(teacher, date("2025-11-23"), rules));
}

TEST_CASE("hours_in_window: 29 February") {
  const model::Rules rules = seed_rules();
  model::Teacher teacher;
  teacher.courses = {course("2021-02-28", 12), course("2021-03-01", 12), course("2024-02-29", 12)};
  // From 2024-02-29 three years back is 2021-02-28 (no 29 February in 2021), excluded.
  CHECK(hours_in_window(teacher, date("2024-02-29"), rules) == doctest::Approx(24));
  // On 2027-02-28 the window starts 2024-02-28: the course on 2024-02-29 is inside.
  teacher.courses = {course("2024-02-28", 12), course("2024-02-29", 12)};
  CHECK(hours_in_window(teacher, date("2027-02-28"), rules) == doctest::Approx(12));
  // On 2027-03-01 the window starts 2024-03-01: both are out.
  CHECK(hours_in_window(teacher, date("2027-03-01"), rules) == doctest::Approx(0));
}

TEST_CASE("hours_by_category splits the window's hours by course category") {
  const model::Rules rules = seed_rules();
  model::Teacher teacher;
  teacher.courses = {course("2024-03-14", 12, model::CourseCategory::kDigital),
                     course("2025-01-20", 6, model::CourseCategory::kDigital),
                     course("2025-05-07", 8, model::CourseCategory::kChildRights),
                     course("2019-05-07", 40, model::CourseCategory::kManagement)};
  const CategoryHours hours = hours_by_category(teacher, date("2025-11-22"), rules);
  CHECK(hours[static_cast<size_t>(model::CourseCategory::kDigital)] == doctest::Approx(18));
  CHECK(hours[static_cast<size_t>(model::CourseCategory::kChildRights)] == doctest::Approx(8));
  CHECK(hours[static_cast<size_t>(model::CourseCategory::kManagement)] == doctest::Approx(0));
  CHECK(hours_in_window(teacher, date("2025-11-22"), rules) == doctest::Approx(26));
}

TEST_CASE("meets_norm follows rules.pd_hours and rules.pd_years") {
  model::Rules rules = seed_rules();
  model::Teacher teacher;
  teacher.courses = {course("2021-06-01", 20), course("2024-06-01", 20)};
  const util::Date on = date("2025-11-22");
  CHECK_FALSE(meets_norm(teacher, on, rules));  // 20 h in 3 years
  rules.pd_years = 5;
  CHECK(hours_in_window(teacher, on, rules) == doctest::Approx(40));
  CHECK(meets_norm(teacher, on, rules));
  rules.pd_hours = 48;
  CHECK_FALSE(meets_norm(teacher, on, rules));
  // Fractional hours that sum to the norm in decimal reach it: 15 × 2.4 h adds up to
  // 35.99999999999999 in double arithmetic.
  rules = seed_rules();
  teacher.courses.clear();
  for (int i = 0; i < 15; ++i) teacher.courses.push_back(course("2025-01-15", 2.4));
  CHECK(reaches_norm(hours_in_window(teacher, on, rules), rules));
  CHECK(meets_norm(teacher, on, rules));
  CHECK_FALSE(reaches_norm(35.9, rules));
}

}  // namespace
}  // namespace metodika::rules
