#include "rules/upcoming.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;

TEST_CASE("is_upcoming: the last day on or after as_of") {
  const util::Date as_of = date("2026-01-15");
  CHECK(is_upcoming(date("2026-01-15"), as_of));
  CHECK(is_upcoming(date("2026-01-16"), as_of));
  CHECK_FALSE(is_upcoming(date("2026-01-14"), as_of));
}

TEST_CASE("is_upcoming: an olympiad until its end") {
  // DATA-MODEL.md section 7: math-2026-regional on 2026-01-15 (`date:` sets start and end).
  model::Olympiad math;
  math.id = "math-2026-regional";
  math.start = math.end = date("2026-01-15");
  CHECK(is_upcoming(math, date("2026-01-05")));
  CHECK(is_upcoming(math, date("2026-01-15")));
  CHECK_FALSE(is_upcoming(math, date("2026-01-16")));

  model::Olympiad several_days;
  several_days.start = date("2026-03-10");
  several_days.end = date("2026-03-12");
  CHECK(is_upcoming(several_days, date("2026-03-11")));  // under way: still listed
  CHECK(is_upcoming(several_days, date("2026-03-12")));
  CHECK_FALSE(is_upcoming(several_days, date("2026-03-13")));
}

TEST_CASE("is_upcoming: an event until the date of its end, whatever the time") {
  // DATA-MODEL.md section 9 / seed 001: training of board heads 2025-05-07 10:00-14:00.
  model::Event training;
  training.id = "ip-training-2025-05-07";
  training.start = util::DateTime{date("2025-05-07"), 10, 0, true};
  training.end = util::DateTime{date("2025-05-07"), 14, 0, true};
  CHECK(is_upcoming(training, date("2025-05-06")));
  CHECK(is_upcoming(training, date("2025-05-07")));
  CHECK_FALSE(is_upcoming(training, date("2025-05-08")));

  model::Event course;
  course.start = util::DateTime{date("2025-05-07"), 0, 0, false};
  course.end = util::DateTime{date("2025-05-09"), 0, 0, false};
  CHECK(is_upcoming(course, date("2025-05-09")));
  CHECK_FALSE(is_upcoming(course, date("2025-05-10")));
}

}  // namespace
}  // namespace metodika::rules
