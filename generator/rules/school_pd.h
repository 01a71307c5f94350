// Professional development aggregates per school, municipality and nation, over the PRIVATE
// teacher records (DATA-MODEL.md sections 12 and 15). Nothing here returns a teacher's name or
// id: only counts, shares and hours, and none of those for fewer than `rules.small_cell` people.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/model.h"
#include "rules/suppression.h"
#include "util/date.h"

namespace metodika::rules {

/// One school's teachers against the development norm on a date.
struct SchoolPd {
  std::string school;           // institution id
  size_t school_index = 0;      // into model.institutions
  int teachers = 0;             // teacher records of the school
  bool suppressed = false;      // teachers < rules.small_cell: nothing below is shown
  Suppression reason = Suppression::kShown;  // kSmallCell when suppressed
  std::optional<int> meeting;   // teachers meeting the norm
  std::optional<double> share;  // meeting / teachers, percent 0..100
  /// Hours in the development window, by model::CourseCategory, summed over the school's
  /// teachers.
  std::array<std::optional<double>, 8> hours_by_category;
};

/// One entry per institution that has teacher records, in model.institutions order; empty when
/// the model has no private data. A school's share is teachers meeting the norm on `on` / its
/// teacher records (DATA-MODEL.md section 15); below `small_cell` records, `meeting`, `share` and
/// every category are nullopt, so no count can be recovered.
[[nodiscard]] std::vector<SchoolPd> school_pd(const model::Model& model, util::Date on);

/// The total over several schools: a municipality's or the nation's.
struct PdSummary {
  int teachers = 0;         // all teacher records of the schools, suppressed schools included
  bool suppressed = false;  // see pd_summary
  /// Why it is suppressed: kSmallCell when it covers fewer than small_cell teachers,
  /// kComplementary when it covers enough but would give a hidden part away by subtraction.
  Suppression reason = Suppression::kShown;
  std::optional<int> meeting;
  std::optional<double> share;  // percent 0..100
  /// Hours in the development window by model::CourseCategory over all its teachers (hidden
  /// schools' included), shown and hidden with the total.
  std::array<std::optional<double>, 8> hours_by_category;
};

/// The total over `schools` (entries of school_pd for the same `on`), counting every teacher
/// record of those schools. It is suppressed when it covers fewer than `small_cell` teachers, and
/// also when subtracting the shown parts would reveal the hidden ones: the teachers of `schools`
/// not covered by a shown part must number 0 or at least `small_cell`, or the total minus the
/// shown parts is an aggregate over a small cell (DATA-MODEL.md section 15: "neither the share
/// nor counts from which it could be recovered"). A suppressed summary with `teachers >=
/// small_cell` was hidden for this second reason.
///
/// The shown parts are the schools that are not suppressed, and, when `municipalities` is given
/// (pd_summary of every municipality, parallel to model.municipalities; for the nation), every
/// school of a municipality whose summary is shown.
[[nodiscard]] PdSummary pd_summary(std::span<const SchoolPd> schools, const model::Model& model,
                                   util::Date on, std::span<const PdSummary> municipalities = {});

/// pd_summary of each municipality's schools among `schools`, parallel to model.municipalities,
/// in one pass over the teacher records.
[[nodiscard]] std::vector<PdSummary> pd_by_municipality(std::span<const SchoolPd> schools,
                                                        const model::Model& model, util::Date on);

}  // namespace metodika::rules
