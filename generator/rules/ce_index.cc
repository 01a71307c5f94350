#include "rules/ce_index.h"

#include <algorithm>
#include <array>

namespace metodika::rules {

namespace {

// Exam means are typed with one decimal, so a mean that is exactly the threshold in decimal can
// come out a hair below it in binary ((30.4 + 36.3 + 53.3) / 3 == 39.99999999999999). A school
// must not fail an accreditation criterion on rounding; a millionth of a percentage point is far
// below any precision the data carries.
constexpr double kTolerance = 1e-6;

}  // namespace

const model::CeRule* rule_in_force(const model::Rules& rules, int school_year) {
  // DATA-MODEL.md section 2.1: the rule whose range contains <school_year>-06-30.
  const util::Date exam_day{school_year, 6, 30};
  for (const model::CeRule& rule : rules.ce_index) {
    if (rule.from <= exam_day && exam_day <= rule.to) return &rule;
  }
  return nullptr;
}

CeIndex ce_index(const model::MetricRecord& record, const model::Rules& rules) {
  CeIndex result;
  result.year = record.year;
  if (const model::CeRule* rule = rule_in_force(rules, record.year)) {
    result.rule = static_cast<size_t>(rule - rules.ce_index.data());
    result.method = rule->method;
    result.threshold = rule->threshold;
  }

  // Section 10: the three mandatory exams, in the order of the YAML keys.
  const std::array<std::pair<std::string_view, std::optional<double>>, 3> exams = {{
      {"mathematics", record.ce ? record.ce->mathematics : std::nullopt},
      {"latvian", record.ce ? record.ce->latvian : std::nullopt},
      {"foreign", record.ce ? record.ce->foreign : std::nullopt},
  }};
  std::vector<double> scores;
  for (const auto& [name, score] : exams) {
    if (score) {
      scores.push_back(*score);
    } else {
      result.missing.push_back(name);
    }
  }

  // Section 10.1: "A year with fewer than three exam results has no index, and says why."
  if (scores.empty()) {
    result.status = CeIndex::Status::kNoExams;
    result.missing.clear();
    return result;
  }
  if (!result.missing.empty()) {
    result.status = CeIndex::Status::kMissingExams;
    return result;
  }
  if (!result.rule) {
    result.status = CeIndex::Status::kNoRule;
    return result;
  }

  const double index = result.method == model::CeMethod::kMean
                           ? (scores[0] + scores[1] + scores[2]) / 3.0
                           : *std::min_element(scores.begin(), scores.end());
  result.index = index;
  result.status =
      index + kTolerance >= result.threshold ? CeIndex::Status::kMet : CeIndex::Status::kNotMet;
  return result;
}

}  // namespace metodika::rules
