// Counts and sums over a municipality's or the nation's records: the network of schools by
// school year, methodologists, the programmes' budgets and actions, and the figures the review
// of a municipality states for its period (issue 20: every figure comes from the rules, none is
// read back out of a table by a renderer).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "rules/budget.h"
#include "rules/ce_index.h"
#include "rules/material_status.h"
#include "rules/period.h"
#include "rules/school_pd.h"
#include "rules/spread.h"

namespace metodika::rules {

/// One school year over a set of schools (students and teachers of DATA-MODEL.md section 5).
struct NetworkYear {
  int reporting = 0;                ///< schools with a student or a teacher count that year
  std::optional<int64_t> students;  ///< the sum of the counts given; nullopt when none is
  std::optional<int64_t> teachers;
};

/// An olympiad's results summed over a set of schools.
struct OlympiadSums {
  size_t olympiad = 0;  ///< index into model.olympiads
  int results = 0;      ///< school results summed (one a school)
  int64_t participants = 0, first = 0, second = 0, third = 0, honourable = 0;
  /// First, second and third places: the prizes (honourable mentions are not one).
  [[nodiscard]] int64_t prizes() const { return first + second + third; }
};

/// One school year of the quality records (DATA-MODEL.md section 10) over a set of schools.
struct QualityYear {
  int schools = 0;  ///< records giving any public quality figure (heads' evaluations aside)
  /// Sums over the records giving them; nullopt when none does.
  std::optional<int64_t> observed, observed_twice, respondents, awards;
  Spread satisfaction;  ///< of the schools' survey satisfaction
};

/// The actions of one programme by status (DATA-MODEL.md 11).
struct ActionCounts {
  int64_t all = 0, done = 0, delayed = 0;
};

/// A municipality's or the nation's figures over every year with data.
struct AreaFigures {
  int64_t institutions = 0;
  model::ByYear<NetworkYear> network;  ///< every school year any school has a count for
  /// Methodologists of the municipality (for the nation: of any municipality, as the rows of
  /// the national summary add up), and the municipal-level ones among them.
  int64_t methodologists = 0, municipal_methodologists = 0;
  /// The sum of the grand totals of its programmes; nullopt when it has none.
  std::optional<model::Cents> budget;
};

/// A municipality's figures: the area's, its schools' development shares, and those of the
/// review period (Results::review).
struct MunicipalityFigures {
  AreaFigures area;
  /// The shares of the schools whose development figures are shown (not suppressed), and how
  /// many schools with teacher records are hidden.
  Spread pd_shares;
  int64_t pd_hidden = 0;
  /// Every school year with an exam record, in or out of the review period: the spread of the
  /// schools' indexes (the site's exam chart above kMaxLineSeries schools draws it).
  model::ByYear<Spread> ce_spread_all;

  // The review period only.
  /// The first and the latest school year of the period in `area.network` (0 when none), and the
  /// change in students from the first to the latest in percent of the first (percent_change;
  /// nullopt when they are one year or either has no student count): the review's "from … to …
  /// (change …)".
  int network_first = 0, network_last = 0;
  std::optional<double> students_change;
  /// Every school year of the period with an exam record: the spread of the schools' indexes
  /// (count 0 when none has one) and the schools (indexes into model.institutions, in model
  /// order) whose index did not meet the rule in force.
  model::ByYear<Spread> ce_spread;
  model::ByYear<std::vector<size_t>> ce_not_met;
  model::ByYear<QualityYear> quality;
  /// Each diagnostic test of a school year of the period: the spread of the schools' results
  /// (rules::diagnostic_spreads).
  std::map<DiagnosticTest, Spread> diagnostics;
  /// Olympiads whose first day falls in the period with a result of the municipality's schools,
  /// by date, then id; and all of them together (`olympiad` meaningless).
  std::vector<OlympiadSums> olympiads;
  OlympiadSums olympiad_total;
};

struct NationalFigures {
  AreaFigures area;
  /// The latest school year with a student count anywhere (0 when none): the year of the
  /// national summary's counts.
  int latest_year = 0;
  /// Every methodologist, state-level ones included; olympiads still to come on as_of
  /// (rules::is_upcoming); materials whose deadline is past or near and not yet met
  /// (MaterialState kOverdue or kDueSoon). The home page's figures.
  int64_t all_methodologists = 0, upcoming_olympiads = 0, materials_due = 0;
  /// Methodologists of no municipality (the state level), and every methodologist by subject id
  /// (one who teaches several subjects counts under each): the methodologists overview's counts.
  int64_t state_methodologists = 0;
  std::map<std::string, int64_t, std::less<>> methodologists_by_subject;
  /// Every calendar year of any programme's budget (rules::BudgetTotals::years): the sum of the
  /// programmes' totals of that year.
  model::ByYear<model::Cents> budget_by_year;
  /// The review period over every school, as MunicipalityFigures' of a municipality: quality
  /// records by school year (the satisfaction's spread over every school, not the municipalities'
  /// means) and each diagnostic test's spread (the national rows of the national workbook).
  model::ByYear<QualityYear> quality;
  std::map<DiagnosticTest, Spread> diagnostics;
};

/// The change from `from` to `to` in percent of `from`; nullopt when `from` is not positive.
[[nodiscard]] std::optional<double> percent_change(int64_t from, int64_t to);

/// The network by school year of the institutions `schools` (indexes into model.institutions).
[[nodiscard]] model::ByYear<NetworkYear> network(const model::Model& model,
                                                 const std::vector<size_t>& schools);

/// The figures of municipality `mi`. `ce` is parallel to model.metrics, `school_pd` and
/// `budgets` are rules::Results'; `period` the review's.
[[nodiscard]] MunicipalityFigures municipality_figures(
    const model::Model& model, size_t mi, const std::vector<CeIndex>& ce,
    const std::vector<SchoolPd>& school_pd, const std::vector<BudgetTotals>& budgets,
    SchoolYears period);

/// The nation's figures; `municipalities` is municipality_figures of each, parallel to
/// model.municipalities.
/// `materials` is rules::Results', parallel to model.materials; upcoming is as of
/// model.site.as_of; `period` the review's.
[[nodiscard]] NationalFigures national_figures(
    const model::Model& model, const std::vector<MunicipalityFigures>& municipalities,
    const std::vector<BudgetTotals>& budgets, const std::vector<MaterialStatusResult>& materials,
    SchoolYears period);

/// The actions of `programme` by status.
[[nodiscard]] ActionCounts action_counts(const model::Programme& programme);

}  // namespace metodika::rules
