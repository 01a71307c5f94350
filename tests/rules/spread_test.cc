#include "rules/spread.h"

#include <doctest/doctest.h>

#include <cmath>

namespace metodika::rules {
namespace {

TEST_CASE("spread: five numbers by linear interpolation, mean and sum, order-free") {
  const Spread s = spread({40, 10, 30, 20});
  CHECK(s.count == 4);
  CHECK(s.sum == doctest::Approx(100));
  CHECK(s.mean == doctest::Approx(25));
  CHECK(s.min == doctest::Approx(10));
  CHECK(s.q1 == doctest::Approx(17.5));
  CHECK(s.median == doctest::Approx(25));  // the mean of the middle two
  CHECK(s.q3 == doctest::Approx(32.5));
  CHECK(s.max == doctest::Approx(40));
  const Spread odd = spread({5, 1, 3});
  CHECK(odd.median == doctest::Approx(3));
  CHECK(odd.q1 == doctest::Approx(2));
}

TEST_CASE("spread: one value, none, and non-finite values left out") {
  const Spread one = spread({7, NAN, INFINITY});
  CHECK(one.count == 1);
  CHECK(one.min == one.max);
  CHECK(one.q1 == doctest::Approx(7));
  CHECK(spread({}).count == 0);
}

TEST_CASE("diagnostic_spreads: per test and year, in a municipality or the nation") {
  model::Model m;
  m.municipalities.resize(2);
  m.institutions.resize(3);
  m.institutions[2].municipality_index = 1;
  const auto add = [&m](size_t school, int year, double maths) {
    model::MetricRecord r;
    r.school_index = school;
    r.year = year;
    r.diagnostic["grade3"]["mathematics"] = maths;
    m.metrics.push_back(r);
  };
  add(0, 2024, 60);
  add(1, 2024, 80);
  add(2, 2024, 40);
  add(0, 2025, 50);
  m.index_by_school();
  const auto here = diagnostic_spreads(m, 0);
  REQUIRE(here.size() == 2);
  const Spread& s = here.at(DiagnosticTest{2024, "grade3", "mathematics"});
  CHECK(s.count == 2);
  CHECK(s.mean == doctest::Approx(70));
  const auto nation = diagnostic_spreads(m, std::nullopt);
  CHECK(nation.at(DiagnosticTest{2024, "grade3", "mathematics"}).count == 3);
  CHECK(nation.at(DiagnosticTest{2024, "grade3", "mathematics"}).median == doctest::Approx(60));
  // Within a period: the school years in it only.
  const auto in_2025 = diagnostic_spreads(m, std::nullopt, SchoolYears{2025, 2026});
  REQUIRE(in_2025.size() == 1);
  CHECK(in_2025.begin()->first.year == 2025);
  CHECK(in_2025.begin()->second.mean == doctest::Approx(50));
}

}  // namespace
}  // namespace metodika::rules
