#include "rules/methodologist_time.h"

#include <doctest/doctest.h>

#include <vector>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using model::WorkCategory;

model::WorkSplit hours(double state, double teachers, double schools, double data) {
  return model::WorkSplit{{state, teachers, schools, data}};
}

TEST_CASE("time_split: the DATA-MODEL example year against the 20/20/40/20 norm") {
  // DATA-MODEL.md section 6: marta-pujate, 2025: state 160, teachers 150, schools 330, data 160.
  model::Methodologist marta;
  marta.id = "marta-pujate";
  marta.activity[2025] = hours(160, 150, 330, 160);
  const std::vector<TimeSplit> splits = time_split(marta, testing::seed_rules());
  REQUIRE(splits.size() == 1);
  const TimeSplit& s = splits[0];
  CHECK(s.year == 2025);
  CHECK(s.total_hours == doctest::Approx(800));
  CHECK(s.hours[WorkCategory::kSchools] == doctest::Approx(330));
  CHECK(s.share[WorkCategory::kState] == doctest::Approx(20.0));
  CHECK(s.share[WorkCategory::kTeachers] == doctest::Approx(18.75));
  CHECK(s.share[WorkCategory::kSchools] == doctest::Approx(41.25));
  CHECK(s.share[WorkCategory::kData] == doctest::Approx(20.0));
  // Seed 000: 20 % state, 20 % teachers, 40 % schools, 20 % data.
  CHECK(s.norm[WorkCategory::kState] == doctest::Approx(20));
  CHECK(s.norm[WorkCategory::kSchools] == doctest::Approx(40));
  CHECK(s.deviation[WorkCategory::kState] == doctest::Approx(0.0));
  CHECK(s.deviation[WorkCategory::kTeachers] == doctest::Approx(-1.25));
  CHECK(s.deviation[WorkCategory::kSchools] == doctest::Approx(1.25));
  CHECK(s.deviation[WorkCategory::kData] == doctest::Approx(0.0));
}

TEST_CASE("time_split: years ascending, a zero year kept, the site's own norm") {
  model::Rules rules = testing::seed_rules();
  rules.methodologist_time = hours(25, 25, 25, 25);
  model::Methodologist m;
  m.activity[2026] = hours(0, 0, 0, 0);
  m.activity[2024] = hours(100, 100, 100, 100);
  m.activity[2025] = hours(0, 40, 60, 0);
  const std::vector<TimeSplit> splits = time_split(m, rules);
  REQUIRE(splits.size() == 3);
  CHECK(splits[0].year == 2024);
  CHECK(splits[1].year == 2025);
  CHECK(splits[2].year == 2026);

  CHECK(splits[0].share[WorkCategory::kData] == doctest::Approx(25));
  CHECK(splits[0].deviation[WorkCategory::kData] == doctest::Approx(0));

  CHECK(splits[1].total_hours == doctest::Approx(100));
  CHECK(splits[1].share[WorkCategory::kState] == doctest::Approx(0));
  CHECK(splits[1].share[WorkCategory::kSchools] == doctest::Approx(60));
  CHECK(splits[1].deviation[WorkCategory::kState] == doctest::Approx(-25));
  CHECK(splits[1].deviation[WorkCategory::kSchools] == doctest::Approx(35));

  // Nothing reported: shares 0, and so each category is the whole norm short.
  CHECK(splits[2].total_hours == doctest::Approx(0));
  for (double share : splits[2].share.by_category) CHECK(share == doctest::Approx(0));
  for (double dev : splits[2].deviation.by_category) CHECK(dev == doctest::Approx(-25));

  CHECK(time_split(model::Methodologist{}, rules).empty());
}

}  // namespace
}  // namespace metodika::rules
