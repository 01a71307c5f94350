#include "rules/methodologist_time.h"

namespace metodika::rules {

std::vector<TimeSplit> time_split(const model::Methodologist& methodologist,
                                  const model::Rules& rules) {
  std::vector<TimeSplit> result;
  result.reserve(methodologist.activity.size());
  for (const auto& [year, hours] : methodologist.activity) {  // ByYear is ordered: ascending
    TimeSplit split;
    split.year = year;
    split.hours = hours;
    split.total_hours = hours.total();
    split.norm = rules.methodologist_time;
    for (size_t c = 0; c < split.share.by_category.size(); ++c) {
      split.share.by_category[c] =
          split.total_hours > 0 ? 100.0 * hours.by_category[c] / split.total_hours : 0.0;
      split.deviation.by_category[c] = split.share.by_category[c] - split.norm.by_category[c];
    }
    result.push_back(split);
  }
  return result;
}

}  // namespace metodika::rules
