// Everything the rules compute, once, for all renderers (STYLE.md: renderers never compute; a
// total in a PDF comes from `rules`).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "model/model.h"
#include "rules/accreditation.h"
#include "rules/budget.h"
#include "rules/ce_index.h"
#include "rules/ce_summary.h"
#include "rules/figures.h"
#include "rules/material_status.h"
#include "rules/methodologist_time.h"
#include "rules/comparison_figures.h"
#include "rules/period.h"
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
  std::vector<ActionCounts> actions;                // parallel to model.programmes
  std::vector<MunicipalityFigures> municipalities;  // parallel to model.municipalities
  NationalFigures nation;                           // rules/figures.h
  ComparisonFigures comparison;                     // key figures side by side (comparison page)
  std::vector<AccreditationState> accreditation;    // parallel to model.institutions
  SchoolYears review;                               // site.yaml `review` (rules/period.h)
  int current_school_year = 0;                      // the school year of as_of
  /// Whether each olympiad and event is still to come on as_of (rules/upcoming.h): the site's
  /// calendars, archives and feeds take it from here.
  std::vector<bool> olympiad_upcoming;  // parallel to model.olympiads
  std::vector<bool> event_upcoming;     // parallel to model.events

  /// The entry of `school_pd` for the institution model.institutions[institution], or nullptr
  /// when it has no teacher records (a binary search: `school_pd` follows model.institutions).
  [[nodiscard]] const SchoolPd* pd_of_school(size_t institution) const;
};

/// What one process keeps between its builds (`serve`): the development figures computed from
/// the private records, valid while the records are the same object (model/build.h takes them
/// whole from its memo when no teacher file changed) and the site, the as-of date, the
/// municipalities and the institutions are the same (`key`).
struct PdMemo {
  uint64_t key = 0;
  std::shared_ptr<const model::PrivateData> records;
  std::vector<SchoolPd> school_pd;
  std::vector<PdSummary> municipality_pd;
  PdSummary national_pd;
};

/// Applies every rule of `model.site.rules` to the model, as of `model.site.as_of`. The
/// development norm is evaluated on `as_of` too, and so is whether each olympiad and event is
/// upcoming. With `memo`, the development figures of the last build are
/// taken again when nothing they are computed from changed.
[[nodiscard]] Results compute(const model::Model& model, PdMemo* memo = nullptr);

}  // namespace metodika::rules
