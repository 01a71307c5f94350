#include "rules/ce_index.h"

#include <doctest/doctest.h>

#include <optional>
#include <string_view>
#include <vector>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::ce_rule;
using testing::seed_rules;
using Status = CeIndex::Status;

model::MetricRecord record(int year, std::optional<double> mathematics,
                           std::optional<double> latvian, std::optional<double> foreign) {
  model::MetricRecord r;
  r.school = "ventspils-4-vidusskola";
  r.year = year;
  r.ce = model::CeScores{mathematics, latvian, foreign, 41};
  return r;
}

TEST_CASE("rule_in_force picks the rule containing 30 June of the school year") {
  const model::Rules rules = seed_rules();
  // Exams of 2024/2025 are in June 2025: the 2020-08-01..2025-07-31 rule (mean, 40).
  REQUIRE(rule_in_force(rules, 2025) == &rules.ce_index[0]);
  CHECK(rule_in_force(rules, 2025)->method == model::CeMethod::kMean);
  CHECK(rule_in_force(rules, 2025)->threshold == 40);
  // The new rule starts on 2025-08-01, after the June 2025 exams: 2026 is the first year under it.
  REQUIRE(rule_in_force(rules, 2026) == &rules.ce_index[1]);
  CHECK(rule_in_force(rules, 2026)->method == model::CeMethod::kMin);
  CHECK(rule_in_force(rules, 2026)->threshold == 50);
  CHECK(rule_in_force(rules, 2021) == &rules.ce_index[0]);
  CHECK(rule_in_force(rules, 2029) == &rules.ce_index[1]);
  // June 2020 is before the first rule, June 2030 after the last.
  CHECK(rule_in_force(rules, 2020) == nullptr);
  CHECK(rule_in_force(rules, 2030) == nullptr);
  CHECK(rule_in_force(model::Rules{}, 2025) == nullptr);
}

TEST_CASE("rule_in_force: a boundary on 30 June itself is inclusive at both ends") {
  model::Rules ends_on_june_30;
  ends_on_june_30.ce_index = {
      ce_rule("2020-07-01", "2024-06-30", model::CeMethod::kMean, 40),
      ce_rule("2024-07-01", "2028-06-30", model::CeMethod::kMin, 45),
  };
  CHECK(rule_in_force(ends_on_june_30, 2024) == &ends_on_june_30.ce_index[0]);
  CHECK(rule_in_force(ends_on_june_30, 2025) == &ends_on_june_30.ce_index[1]);

  model::Rules starts_on_june_30;
  starts_on_june_30.ce_index = {
      ce_rule("2020-07-01", "2024-06-29", model::CeMethod::kMean, 40),
      ce_rule("2024-06-30", "2028-06-30", model::CeMethod::kMin, 45),
  };
  CHECK(rule_in_force(starts_on_june_30, 2024) == &starts_on_june_30.ce_index[1]);
  CHECK(rule_in_force(starts_on_june_30, 2023) == &starts_on_june_30.ce_index[0]);
  CHECK(ce_index(record(2024, 45, 50, 60), starts_on_june_30).status == Status::kMet);
  CHECK(ce_index(record(2024, 44.9, 50, 60), starts_on_june_30).status == Status::kNotMet);
}

TEST_CASE("ce_index: the DATA-MODEL example school under the old and the new rule") {
  // DATA-MODEL.md section 10: ventspils-4-vidusskola, mathematics 38.5, latvian 55.1, foreign 62.
  const model::Rules rules = seed_rules();
  const CeIndex y2025 = ce_index(record(2025, 38.5, 55.1, 62.0), rules);
  CHECK(y2025.year == 2025);
  CHECK(y2025.status == Status::kMet);
  REQUIRE(y2025.index.has_value());
  CHECK(*y2025.index == doctest::Approx(155.6 / 3));  // 51.8667
  CHECK(y2025.rule == std::optional<size_t>(0));
  CHECK(y2025.method == model::CeMethod::kMean);
  CHECK(y2025.threshold == 40);
  CHECK(y2025.missing.empty());

  const CeIndex y2026 = ce_index(record(2026, 38.5, 55.1, 62.0), rules);
  CHECK(y2026.status == Status::kNotMet);
  REQUIRE(y2026.index.has_value());
  CHECK(*y2026.index == doctest::Approx(38.5));
  CHECK(y2026.rule == std::optional<size_t>(1));
  CHECK(y2026.method == model::CeMethod::kMin);
  CHECK(y2026.threshold == 50);
}

TEST_CASE("ce_index: an index exactly at the threshold meets the rule") {
  const model::Rules rules = seed_rules();
  const CeIndex mean = ce_index(record(2024, 40, 40, 40), rules);
  CHECK(mean.status == Status::kMet);
  CHECK(*mean.index == doctest::Approx(40));
  const CeIndex min = ce_index(record(2027, 50, 72.5, 61), rules);
  CHECK(min.status == Status::kMet);
  CHECK(*min.index == doctest::Approx(50));
  CHECK(ce_index(record(2027, 49.9, 72.5, 61), rules).status == Status::kNotMet);
  CHECK(ce_index(record(2024, 39.9, 40, 40), rules).status == Status::kNotMet);
}

TEST_CASE("ce_index: a decimal mean of exactly 40 is not failed by binary rounding") {
  // (30.4 + 36.3 + 53.3) / 3 is 39.99999999999999 in double arithmetic.
  const CeIndex index = ce_index(record(2023, 30.4, 36.3, 53.3), seed_rules());
  CHECK(index.status == Status::kMet);
  CHECK(*index.index == doctest::Approx(40));
}

TEST_CASE("ce_index: mean 40 with a minimum of 38.5 passes in 2025 and fails under min/50") {
  const model::Rules rules = seed_rules();
  const CeIndex old_rule = ce_index(record(2025, 38.5, 40, 41.5), rules);
  CHECK(old_rule.status == Status::kMet);
  CHECK(*old_rule.index == doctest::Approx(40));
  const CeIndex new_rule = ce_index(record(2026, 38.5, 40, 41.5), rules);
  CHECK(new_rule.status == Status::kNotMet);
  CHECK(*new_rule.index == doctest::Approx(38.5));
}

TEST_CASE("ce_index: missing exams give no index and name what is missing") {
  const model::Rules rules = seed_rules();
  const CeIndex one = ce_index(record(2025, 38.5, 55.1, std::nullopt), rules);
  CHECK(one.status == Status::kMissingExams);
  CHECK_FALSE(one.index.has_value());
  CHECK(one.missing == std::vector<std::string_view>{"foreign"});
  CHECK(one.rule == std::optional<size_t>(0));  // the rule is still reported
  CHECK(one.threshold == 40);

  const CeIndex two = ce_index(record(2026, std::nullopt, std::nullopt, 62.0), rules);
  CHECK(two.status == Status::kMissingExams);
  CHECK(two.missing == std::vector<std::string_view>{"mathematics", "latvian"});
  CHECK_FALSE(two.index.has_value());

  // Missing exams are reported even when no rule is in force: the data is what can be fixed.
  const CeIndex no_rule = ce_index(record(2035, 38.5, std::nullopt, 62.0), rules);
  CHECK(no_rule.status == Status::kMissingExams);
  CHECK(no_rule.missing == std::vector<std::string_view>{"latvian"});
  CHECK_FALSE(no_rule.rule.has_value());
}

TEST_CASE("ce_index: a record without exam results") {
  const model::Rules rules = seed_rules();
  model::MetricRecord no_ce;
  no_ce.year = 2025;
  no_ce.survey_respondents = 230;
  const CeIndex none = ce_index(no_ce, rules);
  CHECK(none.year == 2025);
  CHECK(none.status == Status::kNoExams);
  CHECK_FALSE(none.index.has_value());
  CHECK(none.missing.empty());
  CHECK(none.rule == std::optional<size_t>(0));

  // `ce:` with only the number of examinees has no exam result either.
  const CeIndex only_examinees =
      ce_index(record(2025, std::nullopt, std::nullopt, std::nullopt), rules);
  CHECK(only_examinees.status == Status::kNoExams);
  CHECK(only_examinees.missing.empty());
}

TEST_CASE("ce_index: no rule in force") {
  const CeIndex after = ce_index(record(2030, 55, 60, 65), seed_rules());
  CHECK(after.status == Status::kNoRule);
  CHECK_FALSE(after.index.has_value());
  CHECK_FALSE(after.rule.has_value());
  CHECK(after.method == model::CeMethod::kMean);
  CHECK(after.threshold == 0);

  const CeIndex empty_table = ce_index(record(2025, 55, 60, 65), model::Rules{});
  CHECK(empty_table.status == Status::kNoRule);
  CHECK_FALSE(empty_table.index.has_value());
}

}  // namespace
}  // namespace metodika::rules
