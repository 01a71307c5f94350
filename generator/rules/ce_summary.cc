#include "rules/ce_summary.h"

namespace metodika::rules {

CeSummary ce_summary(const model::Model& model, std::span<const CeIndex> ce) {
  CeSummary out;
  out.municipality.resize(model.municipalities.size());
  // Sums first, then divide once, so the mean does not depend on record order beyond rounding.
  auto add = [](CeYearSummary& s, const CeIndex& r) {
    ++s.with_index;
    if (r.status == CeIndex::Status::kMet) ++s.met;
    s.mean += *r.index;
  };
  for (size_t i = 0; i < model.metrics.size() && i < ce.size(); ++i) {
    const CeIndex& r = ce[i];
    if (!r.index) continue;
    size_t mi = model.institutions[model.metrics[i].school_index].municipality_index;
    add(out.municipality[mi][r.year], r);
    add(out.national[r.year], r);
  }
  auto finish = [](model::ByYear<CeYearSummary>& by) {
    for (auto& [year, s] : by) s.mean /= s.with_index;
  };
  for (auto& m : out.municipality) finish(m);
  finish(out.national);
  return out;
}

}  // namespace metodika::rules
