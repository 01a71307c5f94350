#include "rules/school_pd.h"

#include <utility>

#include "model/private_data.h"
#include "rules/pd_norm.h"
#include "rules/suppression.h"

namespace metodika::rules {

namespace {

double percent(int part, int whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

}  // namespace

std::vector<SchoolPd> school_pd(const model::Model& model, util::Date on) {
  std::vector<SchoolPd> result;
  if (!model.private_data) return result;
  const model::Rules& rules = model.site.rules;

  // Accumulate per institution first, so the output follows model.institutions whatever the
  // order of the private files.
  struct Tally {
    int teachers = 0;
    int meeting = 0;
    CategoryHours hours{};
  };
  std::vector<Tally> tallies(model.institutions.size());
  for (const model::Teacher& teacher : model.private_data->teachers) {
    // The model resolves every school reference; an index out of range cannot name a school.
    if (teacher.school_index >= tallies.size()) continue;
    Tally& tally = tallies[teacher.school_index];
    ++tally.teachers;
    const CategoryHours hours = hours_by_category(teacher, on, rules);
    double total = 0;
    for (size_t c = 0; c < hours.size(); ++c) {
      tally.hours[c] += hours[c];
      total += hours[c];
    }
    if (reaches_norm(total, rules)) ++tally.meeting;
  }

  for (size_t i = 0; i < tallies.size(); ++i) {
    const Tally& tally = tallies[i];
    if (tally.teachers == 0) continue;
    SchoolPd school;
    school.school = model.institutions[i].id;
    school.school_index = i;
    school.teachers = tally.teachers;
    school.suppressed = is_suppressed(tally.teachers, rules);
    school.reason = school.suppressed ? Suppression::kSmallCell : Suppression::kShown;
    if (!school.suppressed) {
      school.meeting = tally.meeting;
      school.share = percent(tally.meeting, tally.teachers);
      for (size_t c = 0; c < tally.hours.size(); ++c) school.hours_by_category[c] = tally.hours[c];
    }
    result.push_back(std::move(school));
  }
  return result;
}

namespace {

// Which institutions a summary covers, and which of them are hidden from every shown part.
enum class Cover : unsigned char { kNone, kShown, kHidden };

std::vector<Cover> covered(std::span<const SchoolPd> schools, const model::Model& model,
                           std::span<const PdSummary> municipalities) {
  std::vector<Cover> cover(model.institutions.size(), Cover::kNone);
  for (const SchoolPd& school : schools) {
    if (school.school_index >= cover.size()) continue;
    bool hidden = school.suppressed;
    if (hidden && !municipalities.empty()) {
      const size_t m = model.institutions[school.school_index].municipality_index;
      hidden = m >= municipalities.size() || municipalities[m].suppressed;
    }
    cover[school.school_index] = hidden ? Cover::kHidden : Cover::kShown;
  }
  return cover;
}

std::span<const model::Teacher> teachers_of(const model::Model& model) {
  return model.private_data ? std::span<const model::Teacher>(model.private_data->teachers)
                            : std::span<const model::Teacher>();
}

// The teachers a summary covers, those of them hidden from every shown part, and those meeting
// the norm.
struct Count {
  int teachers = 0;
  int hidden = 0;
  int meeting = 0;
  CategoryHours hours{};

  void add(Cover cover, const model::Teacher& teacher, util::Date on, const model::Rules& rules) {
    ++teachers;
    if (cover == Cover::kHidden) ++hidden;
    // As school_pd counts: the norm is reached by the window's hours in all categories.
    const CategoryHours own = hours_by_category(teacher, on, rules);
    double total = 0;
    for (size_t c = 0; c < own.size(); ++c) {
      hours[c] += own[c];
      total += own[c];
    }
    if (reaches_norm(total, rules)) ++meeting;
  }
};

PdSummary summary_of(const Count& count, const model::Rules& rules) {
  PdSummary summary;
  summary.teachers = count.teachers;
  // A total minus its shown parts is the aggregate over the hidden teachers: it must itself be
  // empty or no small cell.
  if (is_suppressed(count.teachers, rules)) {
    summary.reason = Suppression::kSmallCell;
  } else if (count.hidden > 0 && is_suppressed(count.hidden, rules)) {
    summary.reason = Suppression::kComplementary;
  }
  summary.suppressed = summary.reason != Suppression::kShown;
  if (!summary.suppressed) {
    summary.meeting = count.meeting;
    summary.share = percent(count.meeting, count.teachers);
    for (size_t c = 0; c < count.hours.size(); ++c) summary.hours_by_category[c] = count.hours[c];
  }
  return summary;
}

}  // namespace

PdSummary pd_summary(std::span<const SchoolPd> schools, const model::Model& model, util::Date on,
                     std::span<const PdSummary> municipalities) {
  const std::vector<Cover> cover = covered(schools, model, municipalities);
  Count count;
  for (const model::Teacher& teacher : teachers_of(model)) {
    if (teacher.school_index >= cover.size() || cover[teacher.school_index] == Cover::kNone) {
      continue;
    }
    count.add(cover[teacher.school_index], teacher, on, model.site.rules);
  }
  return summary_of(count, model.site.rules);
}

std::vector<PdSummary> pd_by_municipality(std::span<const SchoolPd> schools,
                                          const model::Model& model, util::Date on) {
  // One pass over the teachers for all municipalities: a pd_summary call per municipality reads
  // every teacher record each time (430 municipalities × 250,000 records at 10× Latvia).
  const std::vector<Cover> cover = covered(schools, model, {});
  std::vector<Count> counts(model.municipalities.size());
  for (const model::Teacher& teacher : teachers_of(model)) {
    if (teacher.school_index >= cover.size() || cover[teacher.school_index] == Cover::kNone) {
      continue;
    }
    const size_t m = model.institutions[teacher.school_index].municipality_index;
    if (m < counts.size()) counts[m].add(cover[teacher.school_index], teacher, on, model.site.rules);
  }
  std::vector<PdSummary> result;
  result.reserve(counts.size());
  for (const Count& count : counts) result.push_back(summary_of(count, model.site.rules));
  return result;
}

}  // namespace metodika::rules
