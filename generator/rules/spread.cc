#include "rules/spread.h"

#include <algorithm>
#include <cmath>

namespace metodika::rules {

Spread spread(std::vector<double> values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  Spread s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.count = static_cast<int>(values.size());
  // Summed in ascending order: the same values give the same sum whatever order they came in.
  for (double v : values) s.sum += v;
  s.mean = s.sum / static_cast<double>(values.size());
  const auto at = [&values](double p) {
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<size_t>(std::floor(rank));
    const size_t upper = std::min(lower + 1, values.size() - 1);
    const double fraction = rank - static_cast<double>(lower);
    return values[lower] + fraction * (values[upper] - values[lower]);
  };
  s.min = values.front();
  s.q1 = at(0.25);
  s.median = at(0.5);
  s.q3 = at(0.75);
  s.max = values.back();
  return s;
}

std::map<DiagnosticTest, Spread> diagnostic_spreads(const model::Model& model,
                                                    std::optional<size_t> municipality,
                                                    std::optional<SchoolYears> period) {
  // Keyed by views of the model's own strings: a national pass meets some 250,000 results, and
  // a key of two std::strings would allocate for each.
  using Key = std::tuple<int, std::string_view, std::string_view>;
  std::map<Key, std::vector<double>> values;
  const auto add = [&values, &period](const model::MetricRecord& record) {
    if (period && !period->contains(record.year)) return;
    for (const auto& [grade, subjects] : record.diagnostic) {
      for (const auto& [subject, percent] : subjects) {
        values[Key{record.year, grade, subject}].push_back(percent);
      }
    }
  };
  if (municipality) {
    for (size_t s = 0; s < model.institutions.size(); ++s) {
      if (model.institutions[s].municipality_index != *municipality) continue;
      if (s >= model.metrics_of_school.size()) continue;
      for (size_t i : model.metrics_of_school[s]) add(model.metrics[i]);
    }
  } else {
    for (const model::MetricRecord& record : model.metrics) add(record);
  }
  std::map<DiagnosticTest, Spread> out;
  for (auto& [key, list] : values) {
    const auto& [year, grade, subject] = key;
    out.emplace(DiagnosticTest{year, std::string(grade), std::string(subject)},
                spread(std::move(list)));
  }
  return out;
}

}  // namespace metodika::rules
