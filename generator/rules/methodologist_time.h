// A methodologist's reported work split against the norm (DATA-MODEL.md sections 6 and 15;
// REFERENCE-lv.md section 3: 20 % state, 20 % teachers, 40 % schools, 20 % data).
#pragma once

#include <vector>

#include "model/model.h"

namespace metodika::rules {

/// One school year of reported activity.
struct TimeSplit {
  int year = 0;
  model::WorkSplit hours;      // as reported
  double total_hours = 0;      // hours.total()
  model::WorkSplit share;      // percent of total_hours
  model::WorkSplit norm;       // rules.methodologist_time, percent
  model::WorkSplit deviation;  // share − norm, percentage points
};

/// One entry per year of `activity`, ascending (DATA-MODEL.md section 15: "the share of each
/// category in the year's reported hours, compared with rules.methodologist_time"). A year
/// whose reported hours total 0 is still returned, with every share 0 (there is no split to
/// show) and so a deviation of −norm in each category: nothing of the norm was reported.
[[nodiscard]] std::vector<TimeSplit> time_split(const model::Methodologist& methodologist,
                                                const model::Rules& rules);

}  // namespace metodika::rules
