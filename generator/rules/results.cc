#include "rules/results.h"

#include <algorithm>

#include "rules/upcoming.h"
#include "util/digest.h"

namespace metodika::rules {

namespace {

// The development figures: per school, per municipality and for the nation.
void compute_pd(const model::Model& model, util::Date as_of, Results& results) {
  results.school_pd = school_pd(model, as_of);
  results.municipality_pd = pd_by_municipality(results.school_pd, model, as_of);
  // The nation's shown parts include the shown municipality totals (see pd_summary).
  results.national_pd = pd_summary(results.school_pd, model, as_of, results.municipality_pd);
}

}  // namespace

const SchoolPd* Results::pd_of_school(size_t institution) const {
  auto it = std::lower_bound(
      school_pd.begin(), school_pd.end(), institution,
      [](const SchoolPd& pd, size_t index) { return pd.school_index < index; });
  return it != school_pd.end() && it->school_index == institution ? &*it : nullptr;
}

Results compute(const model::Model& model, PdMemo* memo) {
  const model::Rules& rules = model.site.rules;
  const util::Date as_of = model.site.as_of;
  Results results;
  results.review = review_period(model.site);
  results.current_school_year = current_school_year(as_of);
  results.olympiad_upcoming.reserve(model.olympiads.size());
  for (const model::Olympiad& o : model.olympiads) {
    results.olympiad_upcoming.push_back(is_upcoming(o, as_of));
  }
  results.event_upcoming.reserve(model.events.size());
  for (const model::Event& e : model.events) results.event_upcoming.push_back(is_upcoming(e, as_of));
  results.accreditation.reserve(model.institutions.size());
  for (const model::Institution& institution : model.institutions) {
    results.accreditation.push_back(accreditation_state(institution, as_of));
  }

  results.ce.reserve(model.metrics.size());
  for (const model::MetricRecord& record : model.metrics) {
    results.ce.push_back(ce_index(record, rules));
  }
  results.ce_summary = ce_summary(model, results.ce);

  util::Digest pd_inputs;
  pd_inputs.add(model.site.untitled_digest).add(as_of.iso()).add(model.municipalities.size());
  for (const model::Municipality& m : model.municipalities) pd_inputs.add(m.digest);
  pd_inputs.add(model.institutions.size());
  for (const model::Institution& in : model.institutions) pd_inputs.add(in.digest);
  const uint64_t pd_key = pd_inputs.value();
  if (memo && memo->records && memo->records == model.private_data && memo->key == pd_key) {
    results.school_pd = memo->school_pd;
    results.municipality_pd = memo->municipality_pd;
    results.national_pd = memo->national_pd;
  } else {
    compute_pd(model, as_of, results);
    if (memo) {
      *memo = PdMemo{pd_key, model.private_data, results.school_pd, results.municipality_pd,
                     results.national_pd};
    }
  }

  results.time_splits.reserve(model.methodologists.size());
  results.time_splits.reserve(model.methodologists.size());
  for (const model::Methodologist& methodologist : model.methodologists) {
    results.time_splits.push_back(time_split(methodologist, rules));
  }

  results.materials.reserve(model.materials.size());
  for (const model::Material& material : model.materials) {
    results.materials.push_back(material_status(material, as_of, rules));
  }

  results.budgets.reserve(model.programmes.size());
  results.actions.reserve(model.programmes.size());
  for (const model::Programme& programme : model.programmes) {
    results.budgets.push_back(budget_totals(programme));
    results.actions.push_back(action_counts(programme));
  }
  results.municipalities.reserve(model.municipalities.size());
  for (size_t mi = 0; mi < model.municipalities.size(); ++mi) {
    results.municipalities.push_back(municipality_figures(
        model, mi, results.ce, results.school_pd, results.budgets, results.review));
  }
  results.nation =
      national_figures(model, results.municipalities, results.budgets, results.materials,
                       results.review);
  results.comparison =
      comparison_figures(results.municipalities, results.nation, results.ce_summary);
  return results;
}

}  // namespace metodika::rules
