// Small values shared by the rules tests: dates from ISO text and the rules of DATA-MODEL.md
// section 2 (written out here, so the tests do not depend on model::default_rules).
#pragma once

#include <doctest/doctest.h>

#include <string_view>

#include "model/model.h"
#include "util/date.h"

namespace metodika::rules::testing {

/// A date from `YYYY-MM-DD`; fails the test on a typo.
inline util::Date date(std::string_view iso) {
  const auto parsed = util::parse_date(iso);
  REQUIRE_MESSAGE(parsed.has_value(), "bad date in test: " << iso);
  return *parsed;
}

inline model::CeRule ce_rule(std::string_view from, std::string_view to, model::CeMethod method,
                             double threshold) {
  model::CeRule rule;
  rule.from = date(from);
  rule.to = date(to);
  rule.method = method;
  rule.threshold = threshold;
  return rule;
}

/// DATA-MODEL.md section 2, `rules:` defaults; the CE table is REFERENCE-lv.md section 2 and the
/// Ventspils decision (seed 004: 40 % as the mean until 2025-07-31, then 50 % as the minimum).
inline model::Rules seed_rules() {
  model::Rules rules;
  rules.ce_index = {
      ce_rule("2020-08-01", "2025-07-31", model::CeMethod::kMean, 40),
      ce_rule("2025-08-01", "2029-07-31", model::CeMethod::kMin, 50),
  };
  rules.pd_hours = 36;
  rules.pd_years = 3;
  rules.methodologist_time = model::WorkSplit{{20, 20, 40, 20}};
  rules.observations_per_teacher = 2;
  rules.small_cell = 5;
  rules.due_soon_days = 30;
  return rules;
}

}  // namespace metodika::rules::testing
