// The key figures of each municipality and of the nation, side by side (issue 21: the national
// comparison page, /pasvaldibas/salidzinajums/, and the national summary of /dati/ and the
// national workbook): one school year's view of rules::figures' counts and sums and of the exam
// index's summary (ce_summary), so that the page, its CSV and its chart only show them. Nothing is
// counted or summed here a second time.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/model.h"
#include "rules/ce_summary.h"
#include "rules/figures.h"

namespace metodika::rules {

/// One municipality's (or the nation's) figures.
struct KeyFigures {
  int institutions = 0;
  /// Students and teachers in `ComparisonFigures::year`, summed over the institutions that
  /// report that year; nullopt when none does (never 0 for "no data").
  std::optional<int64_t> students;
  std::optional<int64_t> teachers;
  /// The exam index in `ComparisonFigures::ce_year` (rules::ce_summary): the unweighted mean
  /// of the schools' indexes, how many schools have one and how many met the rule. nullopt mean
  /// when no school has an index that year.
  std::optional<double> ce_mean;
  int ce_with_index = 0;
  int ce_met = 0;
  /// Methodologists attached to the municipality (model::Methodologist::municipality); for the
  /// nation, the sum over municipalities, as the open-data table counts them.
  int methodologists = 0;
  /// The grand totals of the municipality's action programmes (rules::budget_totals), euro
  /// cents; nullopt without a programme.
  std::optional<model::Cents> budget;
};

struct ComparisonFigures {
  /// The latest school year in which any institution reports students (0 when none): the year
  /// of `students` and `teachers` everywhere, so that rows compare.
  int year = 0;
  /// The latest school year with any exam index in the nation (0 when none).
  int ce_year = 0;
  std::vector<KeyFigures> municipality;  ///< parallel to model.municipalities
  KeyFigures national;                   ///< sums of the above; the nation's own exam index
};

/// The figures of every municipality and of the nation, taken from `municipalities` (parallel
/// to model.municipalities) and `nation` (rules::municipality_figures, national_figures) at the
/// nation's latest school year with students, and from `ce` (the summary of the exam index) at its
/// latest school year.
[[nodiscard]] ComparisonFigures comparison_figures(
    const std::vector<MunicipalityFigures>& municipalities, const NationalFigures& nation,
    const CeSummary& ce);

}  // namespace metodika::rules
