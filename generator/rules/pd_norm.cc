#include "rules/pd_norm.h"

#include <numeric>

namespace metodika::rules {

namespace {

// Course hours may be fractional (a 1.5-hour seminar); summing decimals in binary can land a
// hair below a whole number, and a teacher must not miss the norm on rounding.
constexpr double kTolerance = 1e-6;

}  // namespace

bool in_pd_window(util::Date course, util::Date on, const model::Rules& rules) {
  const util::Date start = on.minus_years(rules.pd_years);  // excluded
  return start < course && course <= on;
}

CategoryHours hours_by_category(const model::Teacher& teacher, util::Date on,
                                const model::Rules& rules) {
  CategoryHours hours{};
  for (const model::Course& course : teacher.courses) {
    if (in_pd_window(course.date, on, rules)) {
      hours[static_cast<size_t>(course.category)] += course.hours;
    }
  }
  return hours;
}

double hours_in_window(const model::Teacher& teacher, util::Date on, const model::Rules& rules) {
  const CategoryHours hours = hours_by_category(teacher, on, rules);
  return std::accumulate(hours.begin(), hours.end(), 0.0);
}

bool reaches_norm(double hours, const model::Rules& rules) {
  return hours + kTolerance >= rules.pd_hours;
}

bool meets_norm(const model::Teacher& teacher, util::Date on, const model::Rules& rules) {
  return reaches_norm(hours_in_window(teacher, on, rules), rules);
}

}  // namespace metodika::rules
