// Everything the rules compute, once, for all renderers (STYLE.md: renderers never compute; a
// total in a PDF comes from `rules`).
#pragma once

#include <vector>

#include "model/model.h"
#include "rules/budget.h"
#include "rules/ce_index.h"
#include "rules/ce_summary.h"
#include "rules/material_status.h"
#include "rules/methodologist_time.h"
#include "rules/school_pd.h"

namespace metodika::rules {

struct Results {
  std::vector<CeIndex> ce;                          // parallel to model.metrics
  CeSummary ce_summary;                             // means and counts of `ce`
  std::vector<SchoolPd> school_pd;                  // schools with teacher records
  std::vector<PdSummary> municipality_pd;           // parallel to model.municipalities
  PdSummary national_pd;                            // every school with teacher records
  std::vector<std::vector<TimeSplit>> time_splits;  // parallel to model.methodologists
  std::vector<MaterialStatusResult> materials;      // parallel to model.materials
  std::vector<BudgetTotals> budgets;                // parallel to model.programmes
};

/// Applies every rule of `model.site.rules` to the model, as of `model.site.as_of`. The
/// development norm is evaluated on `as_of` too. Olympiads and events are left to is_upcoming,
/// which needs nothing but a date.
[[nodiscard]] Results compute(const model::Model& model);

}  // namespace metodika::rules
