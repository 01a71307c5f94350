// The professional development norm of a teacher (DATA-MODEL.md sections 12 and 15;
// REFERENCE-lv.md section 3: 36 hours within 3 years).
#pragma once

#include <array>

#include "model/private_data.h"
#include "util/date.h"

namespace metodika::rules {

/// Course hours by model::CourseCategory.
using CategoryHours = std::array<double, 8>;

/// Whether a course dated `course` lies in the development window of `on`: (on − years, on],
/// where the start is the same calendar date `rules.pd_years` years earlier (29 February becomes
/// 28 February) and is excluded, `on` itself is included, and later dates are not
/// (DATA-MODEL.md section 15, "Development norm").
[[nodiscard]] bool in_pd_window(util::Date course, util::Date on, const model::Rules& rules);

/// Hours of the teacher's courses in the window of `on`, by course category.
[[nodiscard]] CategoryHours hours_by_category(const model::Teacher& teacher, util::Date on,
                                              const model::Rules& rules);

/// Hours of the teacher's courses in the window of `on`.
[[nodiscard]] double hours_in_window(const model::Teacher& teacher, util::Date on,
                                     const model::Rules& rules);

/// Whether `hours` in a window reach `rules.pd_hours`.
[[nodiscard]] bool reaches_norm(double hours, const model::Rules& rules);

/// Whether the teacher meets the norm on `on`: hours in the window reach `rules.pd_hours`
/// (DATA-MODEL.md section 12).
[[nodiscard]] bool meets_norm(const model::Teacher& teacher, util::Date on,
                              const model::Rules& rules);

}  // namespace metodika::rules
