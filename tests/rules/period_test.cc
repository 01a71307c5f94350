#include "rules/period.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;

TEST_CASE("review_period: site.yaml review {from: 2022, to: 2025} is 2021/2022..2024/2025") {
  model::Site site;
  site.review_from = 2022;
  site.review_to = 2025;
  const SchoolYears p = review_period(site);
  CHECK(p.first_day() == date("2021-09-01"));
  CHECK(p.last_day() == date("2025-08-31"));
  CHECK(p.contains(2022));
  CHECK(p.contains(2025));
  CHECK_FALSE(p.contains(2021));
  CHECK_FALSE(p.contains(2026));
}

TEST_CASE("review_period: an olympiad belongs to the school year of its date") {
  const SchoolYears p{2022, 2025};
  CHECK(p.contains(date("2021-09-01")));
  CHECK_FALSE(p.contains(date("2021-08-31")));
  CHECK(p.contains(date("2025-08-31")));
  // The bundled site's first olympiad with results: 18.10.2025. is school year 2025/2026.
  CHECK_FALSE(p.contains(date("2025-10-18")));
  CHECK_FALSE(p.contains(date("2026-01-22")));
}

TEST_CASE("current_school_year: from 1 September") {
  CHECK(current_school_year(date("2026-11-22")) == 2027);
  CHECK(current_school_year(date("2026-08-31")) == 2026);
  CHECK(current_school_year(date("2026-09-01")) == 2027);
}

TEST_CASE("programme_period: calendar years of the budget") {
  model::Programme p;
  p.period_from = 2022;
  p.period_to = 2024;
  const CalendarYears y = programme_period(p);
  CHECK(y.contains(2022));
  CHECK(y.contains(2024));
  CHECK_FALSE(y.contains(2025));
}

}  // namespace
}  // namespace metodika::rules
