#include "rules/comparison_figures.h"

namespace metodika::rules {
namespace {

void ce_of(KeyFigures& f, const model::ByYear<CeYearSummary>& by, int year) {
  auto it = by.find(year);
  if (it == by.end() || it->second.with_index == 0) return;
  f.ce_mean = it->second.mean;
  f.ce_with_index = it->second.with_index;
  f.ce_met = it->second.met;
}

// An area's figures in school year `year` (rules::AreaFigures::network sums the counts given).
KeyFigures key_figures(const AreaFigures& area, int year) {
  KeyFigures f;
  f.institutions = static_cast<int>(area.institutions);
  if (auto it = area.network.find(year); it != area.network.end()) {
    f.students = it->second.students;
    f.teachers = it->second.teachers;
  }
  f.methodologists = static_cast<int>(area.methodologists);
  f.budget = area.budget;
  return f;
}

}  // namespace

ComparisonFigures comparison_figures(const std::vector<MunicipalityFigures>& municipalities,
                                     const NationalFigures& nation, const CeSummary& ce) {
  ComparisonFigures out;
  out.year = nation.latest_year;
  out.ce_year = ce.national.empty() ? 0 : ce.national.rbegin()->first;
  out.municipality.reserve(municipalities.size());
  for (size_t mi = 0; mi < municipalities.size(); ++mi) {
    KeyFigures f = key_figures(municipalities[mi].area, out.year);
    if (mi < ce.municipality.size()) ce_of(f, ce.municipality[mi], out.ce_year);
    out.municipality.push_back(f);
  }
  // The nation's own figures, which are the municipalities' sums (national_figures).
  out.national = key_figures(nation.area, out.year);
  ce_of(out.national, ce.national, out.ce_year);
  return out;
}

}  // namespace metodika::rules
