// Exam-index context for a school's figures: the municipality's and the nation's mean index and
// how many schools met the rule, per school year (issue 4: "each beside the municipality's and
// the national mean"; the national summary of issue 6).
#pragma once

#include <span>
#include <vector>

#include "model/model.h"
#include "rules/ce_index.h"

namespace metodika::rules {

/// One school year over a set of schools.
struct CeYearSummary {
  int with_index = 0;  // schools with an index (status kMet or kNotMet)
  int met = 0;         // of those, schools meeting the rule in force
  double mean = 0;     // arithmetic mean of their indexes; meaningless when with_index == 0
};

struct CeSummary {
  std::vector<model::ByYear<CeYearSummary>> municipality;  // parallel to model.municipalities
  model::ByYear<CeYearSummary> national;
};

/// Summarises `ce` (rules::ce_index of each record, parallel to model.metrics): each school's
/// index counts once per year in its municipality and in the nation, unweighted by students
/// (every school is one observation, as the rule judges schools, not pupils). Years without any
/// index are absent.
[[nodiscard]] CeSummary ce_summary(const model::Model& model, std::span<const CeIndex> ce);

}  // namespace metodika::rules
