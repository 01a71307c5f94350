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
                                                    std::optional<size_t> municipality) {
  std::map<DiagnosticTest, std::vector<double>> values;
  for (const model::MetricRecord& record : model.metrics) {
    if (record.diagnostic.empty()) continue;
    if (municipality &&
        model.institutions[record.school_index].municipality_index != *municipality) {
      continue;
    }
    for (const auto& [grade, subjects] : record.diagnostic) {
      for (const auto& [subject, percent] : subjects) {
        values[DiagnosticTest{record.year, grade, subject}].push_back(percent);
      }
    }
  }
  std::map<DiagnosticTest, Spread> out;
  for (auto& [test, list] : values) out.emplace(test, spread(std::move(list)));
  return out;
}

}  // namespace metodika::rules
