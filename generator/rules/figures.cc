#include "rules/figures.h"

#include <algorithm>
#include <tuple>

#include "rules/upcoming.h"

namespace metodika::rules {
namespace {

void add(std::optional<int64_t>& sum, const std::optional<int>& v) {
  if (v) sum = sum.value_or(0) + *v;
}

void add(OlympiadSums& to, const model::OlympiadResult& r) {
  ++to.results;
  to.participants += r.participants;
  to.first += r.first;
  to.second += r.second;
  to.third += r.third;
  to.honourable += r.honourable;
}

// Adds `rec`'s public quality figures to its school year in `quality`, its satisfaction to
// `satisfaction` (spread afterwards). DATA-MODEL.md 10: the head's evaluation is private to the
// report, so it makes no school count as reporting.
void add_quality(model::ByYear<QualityYear>& quality,
                 model::ByYear<std::vector<double>>& satisfaction, const model::MetricRecord& rec) {
  if (!(rec.observed_teachers || rec.observed_twice || rec.survey_respondents ||
        rec.survey_satisfaction || rec.motivation_awards)) {
    return;
  }
  QualityYear& q = quality[rec.year];
  ++q.schools;
  add(q.observed, rec.observed_teachers);
  add(q.observed_twice, rec.observed_twice);
  add(q.respondents, rec.survey_respondents);
  add(q.awards, rec.motivation_awards);
  if (rec.survey_satisfaction) satisfaction[rec.year].push_back(*rec.survey_satisfaction);
}

}  // namespace

std::optional<double> percent_change(int64_t from, int64_t to) {
  if (from <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(to - from) / static_cast<double>(from);
}

model::ByYear<NetworkYear> network(const model::Model& m, const std::vector<size_t>& schools) {
  model::ByYear<NetworkYear> out;
  for (size_t s : schools) {
    const model::Institution& in = m.institutions[s];
    // A school reports in a year when it gives either count for it.
    model::ByYear<bool> years;
    for (const auto& [y, n] : in.students) years[y] = true;
    for (const auto& [y, n] : in.teachers) years[y] = true;
    for (const auto& [y, unused] : years) ++out[y].reporting;
    for (const auto& [y, n] : in.students) out[y].students = out[y].students.value_or(0) + n;
    for (const auto& [y, n] : in.teachers) out[y].teachers = out[y].teachers.value_or(0) + n;
  }
  return out;
}

ActionCounts action_counts(const model::Programme& p) {
  ActionCounts c;
  for (const auto& a : p.actions) {
    ++c.all;
    c.done += a.status == model::ActionStatus::kDone;
    c.delayed += a.status == model::ActionStatus::kDelayed;
  }
  return c;
}

MunicipalityFigures municipality_figures(const model::Model& m, size_t mi,
                                         const std::vector<CeIndex>& ce,
                                         const std::vector<SchoolPd>& school_pd,
                                         const std::vector<BudgetTotals>& budgets,
                                         SchoolYears period) {
  MunicipalityFigures f;
  const std::string& id = m.municipalities[mi].id;
  std::vector<size_t> schools;
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    if (m.institutions[i].municipality_index == mi) schools.push_back(i);
  }
  f.area.institutions = static_cast<int64_t>(schools.size());
  f.area.network = network(m, schools);
  for (const auto& [year, counts] : f.area.network) {
    if (!period.contains(year)) continue;
    if (f.network_first == 0) f.network_first = year;
    f.network_last = year;
  }
  if (f.network_first != f.network_last) {
    const NetworkYear& first = f.area.network.at(f.network_first);
    const NetworkYear& last = f.area.network.at(f.network_last);
    if (first.students && last.students) {
      f.students_change = percent_change(*first.students, *last.students);
    }
  }
  for (const auto& me : m.methodologists) {
    if (me.municipality != id) continue;
    ++f.area.methodologists;
    f.area.municipal_methodologists += me.level == model::Level::kMunicipal;
  }
  for (size_t p = 0; p < m.programmes.size(); ++p) {
    if (m.programmes[p].municipality == id) {
      f.area.budget = f.area.budget.value_or(0) + budgets[p].grand_total;
    }
  }

  // Development: a school is shown with its share, or hidden (rules::school_pd).
  std::vector<double> shares;
  for (const SchoolPd& pd : school_pd) {
    if (m.institutions[pd.school_index].municipality_index != mi) continue;
    if (pd.suppressed || !pd.share || !pd.meeting) {
      ++f.pd_hidden;
    } else {
      shares.push_back(*pd.share);
    }
  }
  f.pd_shares = spread(std::move(shares));

  // The review period: exam indexes and quality records of the years in it.
  model::ByYear<std::vector<double>> indexes, satisfaction, all_indexes;
  // Through each school's own records (Model::index_by_school; none in a model not indexed).
  for (size_t s : schools) {
    if (s >= m.metrics_of_school.size()) break;
    for (size_t i : m.metrics_of_school[s]) {
      const model::MetricRecord& rec = m.metrics[i];
      if (rec.ce) {
        std::vector<double>& values = all_indexes[rec.year];
        if (ce[i].index) values.push_back(*ce[i].index);
      }
      if (!period.contains(rec.year)) continue;
      if (rec.ce) {
        std::vector<double>& values = indexes[rec.year];
        std::vector<size_t>& missed = f.ce_not_met[rec.year];
        if (ce[i].index) values.push_back(*ce[i].index);
        if (ce[i].status == CeIndex::Status::kNotMet) missed.push_back(s);
      }
      add_quality(f.quality, satisfaction, rec);
    }
  }
  for (auto& [y, values] : indexes) f.ce_spread[y] = spread(std::move(values));
  for (auto& [y, values] : all_indexes) f.ce_spread_all[y] = spread(std::move(values));
  for (auto& [y, values] : satisfaction) f.quality[y].satisfaction = spread(std::move(values));
  f.diagnostics = diagnostic_spreads(m, mi, period);

  // Olympiads of the period: each belongs to the school year of its first day.
  std::vector<size_t> olympiads;
  std::vector<OlympiadSums> sums(m.olympiads.size());
  for (size_t s : schools) {
    if (s >= m.results_of_school.size()) break;
    for (const auto& [o, r] : m.results_of_school[s]) {
      if (!period.contains(m.olympiads[o].start)) continue;
      if (sums[o].results == 0) olympiads.push_back(o);
      sums[o].olympiad = o;
      add(sums[o], m.olympiads[o].results[r]);
      add(f.olympiad_total, m.olympiads[o].results[r]);
    }
  }
  auto key = [&](size_t o) { return std::tie(m.olympiads[o].start, m.olympiads[o].id); };
  std::sort(olympiads.begin(), olympiads.end(),
            [&](size_t a, size_t b) { return std::tuple(key(a), a) < std::tuple(key(b), b); });
  for (size_t o : olympiads) f.olympiads.push_back(sums[o]);
  return f;
}

NationalFigures national_figures(const model::Model& m,
                                 const std::vector<MunicipalityFigures>& municipalities,
                                 const std::vector<BudgetTotals>& budgets,
                                 const std::vector<MaterialStatusResult>& materials,
                                 SchoolYears period) {
  NationalFigures n;
  n.all_methodologists = static_cast<int64_t>(m.methodologists.size());
  for (const model::Methodologist& me : m.methodologists) {
    n.state_methodologists += !me.municipality.has_value();
    for (const std::string& subject : me.subjects) ++n.methodologists_by_subject[subject];
  }
  for (const model::Olympiad& o : m.olympiads) n.upcoming_olympiads += is_upcoming(o, m.site.as_of);
  for (const MaterialStatusResult& s : materials) {
    n.materials_due += s.state == MaterialState::kOverdue || s.state == MaterialState::kDueSoon;
  }
  std::vector<size_t> all(m.institutions.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  n.area.institutions = static_cast<int64_t>(all.size());
  n.area.network = network(m, all);
  for (const auto& [y, year] : n.area.network) {
    if (year.students) n.latest_year = y;
  }
  for (const MunicipalityFigures& f : municipalities) {
    n.area.methodologists += f.area.methodologists;
    n.area.municipal_methodologists += f.area.municipal_methodologists;
    if (f.area.budget) n.area.budget = n.area.budget.value_or(0) + *f.area.budget;
  }
  for (const BudgetTotals& b : budgets) {
    for (int y : b.years) n.budget_by_year[y] += b.year_totals.at(y);
  }
  model::ByYear<std::vector<double>> satisfaction;
  for (const model::MetricRecord& rec : m.metrics) {
    if (period.contains(rec.year)) add_quality(n.quality, satisfaction, rec);
  }
  for (auto& [y, values] : satisfaction) n.quality[y].satisfaction = spread(std::move(values));
  n.diagnostics = diagnostic_spreads(m, std::nullopt, period);
  return n;
}

}  // namespace metodika::rules
