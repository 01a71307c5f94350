#include "rules/suppression.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

TEST_CASE("is_suppressed hides aggregates over fewer than small_cell people") {
  model::Rules rules = testing::seed_rules();
  REQUIRE(rules.small_cell == 5);
  CHECK(is_suppressed(0, rules));
  CHECK(is_suppressed(1, rules));
  CHECK(is_suppressed(4, rules));
  CHECK_FALSE(is_suppressed(5, rules));
  CHECK_FALSE(is_suppressed(45, rules));

  rules.small_cell = 10;
  CHECK(is_suppressed(4, rules));
  CHECK(is_suppressed(5, rules));
  CHECK(is_suppressed(9, rules));
  CHECK_FALSE(is_suppressed(10, rules));
}

}  // namespace
}  // namespace metodika::rules
