// The centralised exam (CE) index of a school (DATA-MODEL.md sections 2.1 and 10.1;
// REFERENCE-lv.md section 2).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace metodika::rules {

/// The CE rule in force for the exams of `school_year`: the first rule of `rules.ce_index` whose
/// [from, to] contains 30 June of that year (exams of school year 2025 are taken in June 2025,
/// DATA-MODEL.md section 2.1). nullptr when no rule covers that day.
[[nodiscard]] const model::CeRule* rule_in_force(const model::Rules& rules, int school_year);

/// One school's CE index for one school year.
struct CeIndex {
  enum class Status {
    kMet,           // index >= threshold
    kNotMet,        // index < threshold
    kMissingExams,  // some, but not all three, mandatory exams have a result (see `missing`)
    kNoExams,       // no mandatory exam result at all
    kNoRule,        // all three results, but no rule is in force for the year
  };

  int year = 0;
  std::optional<double> index;  // set only for kMet and kNotMet
  std::optional<size_t> rule;   // index into rules.ce_index of the rule in force, if any
  model::CeMethod method = model::CeMethod::kMean;  // of the rule in force (kMean if none)
  double threshold = 0;                             // of the rule in force (0 if none)
  Status status = Status::kNoExams;
  /// For kMissingExams: the missing mandatory exams, in the order "mathematics", "latvian",
  /// "foreign" (the YAML keys of DATA-MODEL.md section 10). Points at static strings.
  std::vector<std::string_view> missing;
};

/// The CE index of `record` under the rule in force for `record.year` (DATA-MODEL.md 10.1):
/// `mean` is the arithmetic mean of the three mandatory exams, `min` the smallest; the school
/// meets the rule when the index is at least the threshold. Missing exams are reported before a
/// missing rule, since they are what the data officer can fix.
[[nodiscard]] CeIndex ce_index(const model::MetricRecord& record, const model::Rules& rules);

}  // namespace metodika::rules
