// The spread of a set of schools' values, for a review that summarises a municipality of many
// schools (render/common/review.h): how many, their sum and unweighted mean, and the five-number
// summary. Every school is one observation, as rules::ce_summary counts them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/model.h"
#include "rules/period.h"

namespace metodika::rules {

struct Spread {
  int count = 0;     ///< values summarised; the rest is meaningless when 0
  double sum = 0;
  double mean = 0;   ///< arithmetic, unweighted
  double min = 0;
  double q1 = 0;     ///< quartiles by linear interpolation between order statistics: the
  double median = 0; ///< value at rank p·(n − 1) (Excel's QUARTILE.INC, numpy's default), so
  double q3 = 0;     ///< the median of an even count is the mean of the middle two
  double max = 0;
};

/// The spread of `values`; non-finite values are left out.
[[nodiscard]] Spread spread(std::vector<double> values);

/// A diagnostic test in a school year: grade ("grade3") and subject id, as in
/// model::MetricRecord::diagnostic.
struct DiagnosticTest {
  int year = 0;
  std::string grade;
  std::string subject;
  friend auto operator<=>(const DiagnosticTest&, const DiagnosticTest&) = default;
};

/// Each diagnostic test's school results (one value a school and year) over the schools of
/// `municipality` (an index into model.municipalities), or over every school when nullopt; with
/// `period`, the school years in it only.
[[nodiscard]] std::map<DiagnosticTest, Spread> diagnostic_spreads(
    const model::Model& model, std::optional<size_t> municipality,
    std::optional<SchoolYears> period = std::nullopt);

}  // namespace metodika::rules
