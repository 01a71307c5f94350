#include "render/common/municipality_tables.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "rules/ce_index.h"
#include "rules/period.h"
#include "util/collate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render {
namespace {

Column row_header(std::string key, std::string label) {
  return column(std::move(key), std::move(label), ColumnType::kText, 0, true);
}

// A cell hidden by the rules, with its reason: the default "fewer than N teachers" for a small
// cell (every format's own suppressed text), its own text for a complementary suppression.
Cell hidden_cell(rules::Suppression why, const Translate& t) {
  return suppressed_cell(why == rules::Suppression::kComplementary
                             ? t("directory.pd_complementary")
                             : std::string());
}

std::optional<int64_t> at_year(const model::ByYear<int>& by, int year) {
  auto it = by.find(year);
  return it == by.end() ? std::nullopt : std::optional<int64_t>(it->second);
}

std::string institution_link(const model::Institution& in) { return "iestades/" + in.id + "/"; }

std::string period(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "–" + std::to_string(to);
}

// Schools of municipality `mi` in Latvian order of their names in `lang`, then by id.
std::vector<size_t> schools_of(const model::Model& m, size_t mi, std::string_view lang) {
  const util::Collator& collator = util::Collator::for_language(lang);
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < m.institutions.size(); ++i) {
    const auto& in = m.institutions[i];
    if (in.municipality_index == mi) {
      keyed.emplace_back(collator.sort_key(in.name.in(lang)) + '\x01' + in.id, i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  for (const auto& [key, i] : keyed) out.push_back(i);
  return out;
}

std::string ce_result(const rules::CeIndex& ce, const Translate& t) {
  switch (ce.status) {
    case rules::CeIndex::Status::kMet: return t("directory.met");
    case rules::CeIndex::Status::kNotMet: return t("directory.not_met");
    case rules::CeIndex::Status::kNoRule: return t("directory.no_rule");
    case rules::CeIndex::Status::kNoExams: return t("directory.no_exams");
    case rules::CeIndex::Status::kMissingExams: {
      std::string text = t("directory.missing_exams");
      for (size_t i = 0; i < ce.missing.size(); ++i) {
        text += (i ? ", " : " ") + t("directory.exam." + std::string(ce.missing[i]));
      }
      return text;
    }
  }
  return {};
}

// `table` without its column `key` (a per-school table shown on that school's own page).
Table drop(Table table, std::string_view key) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key != key) continue;
    table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(i));
    for (Row& row : table.rows) {
      if (i < row.cells.size()) row.cells.erase(row.cells.begin() + static_cast<std::ptrdiff_t>(i));
    }
    break;
  }
  return table;
}

// The methodologists `keep` accepts, in Latvian order of their names, then by id.
template <typename Keep>
std::vector<size_t> methodologists_where(const model::Model& m, std::string_view lang, Keep keep) {
  const util::Collator& collator = util::Collator::for_language(lang);
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < m.methodologists.size(); ++i) {
    if (keep(m.methodologists[i])) {
      keyed.emplace_back(collator.sort_key(m.methodologists[i].name) + '\x01' + m.methodologists[i].id,
                         i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  for (const auto& [k, i] : keyed) out.push_back(i);
  return out;
}

std::string subjects_of(const model::Model& m, const model::Methodologist& me,
                        std::string_view lang) {
  std::string out;
  for (const auto& s : me.subjects) {
    const model::Subject* subj = m.find_subject(s);
    if (!out.empty()) out += ", ";
    out += subj ? subj->name.in(lang) : s;
  }
  return out;
}

// "metodiki" of the methodologists `which` (indexes into model.methodologists), in that order.
Table methodologists_table(const model::Model& m, const std::vector<size_t>& which,
                           std::string_view lang, const Translate& t) {
  Table table;
  table.id = "metodiki";
  table.title = t("directory.methodologists");
  table.columns = {row_header("name", t("directory.name")), column("level", t("calendar.level_label")),
                   column("subjects", t("tables.subjects")),
                   column("fte", t("tables.fte"), ColumnType::kDecimal, 2),
                   column("email", t("directory.email"))};
  for (size_t i : which) {
    const auto& me = m.methodologists[i];
    Row row;
    row.cells.push_back(text_cell(me.name));
    row.cells.push_back(
        text_cell(t("calendar.level." + std::string(model::enum_name(model::kLevels, me.level)))));
    row.cells.push_back(text_cell(subjects_of(m, me, lang)));
    row.cells.push_back(number_cell(me.fte));
    row.cells.push_back(me.email.empty() ? Cell{} : text_cell(me.email));
    table.rows.push_back(std::move(row));
  }
  return table;
}

class Builder {
 public:
  Builder(const model::Model& m, const rules::Results& r, size_t mi, std::string_view lang,
          const Translate& t, bool council, std::optional<rules::SchoolYears> period = {})
      : m_(m), r_(r), mi_(mi), lang_(lang), t_(t), council_(council), period_(period) {}

  InstitutionTables build_one(size_t school) {
    in_municipality_ = {school};
    const std::vector<size_t> schools = {school};
    InstitutionTables out;
    out.by_year = drop(institutions_by_year(schools), "name");
    out.by_year.id = "skaits";
    out.ce_index = drop(ce_index(schools), "school");
    out.diagnostics = drop(diagnostics(schools), "school");
    out.quality = drop(quality(schools), "school");
    out.olympiads = drop(olympiads(schools), "school");
    // Context for each year's index: the municipality's and the nation's mean.
    Table& ce = out.ce_index;
    ce.columns.push_back(column("municipality_mean", t_("directory.municipality_mean"),
                             ColumnType::kPercent, 1));
    ce.columns.push_back(column("national_mean", t_("directory.national_mean"), ColumnType::kPercent, 1));
    auto mean = [](const model::ByYear<rules::CeYearSummary>& by, int y) {
      auto it = by.find(y);
      return it == by.end() ? std::nullopt : std::optional<double>(it->second.mean);
    };
    // The rows are ce_index's, one a record with exam results, in the same order.
    const std::vector<size_t> ce_records = exam_records(schools);
    for (size_t k = 0; k < ce.rows.size() && k < ce_records.size(); ++k) {
      const int y = m_.metrics[ce_records[k]].year;
      ce.rows[k].cells.push_back(number_cell(mean(r_.ce_summary.municipality[mi_], y)));
      ce.rows[k].cells.push_back(number_cell(mean(r_.ce_summary.national, y)));
    }
    if (!ce.columns.empty()) ce.columns[0].row_header = true;  // the school year
    for (Table* t : {&out.by_year, &out.diagnostics, &out.quality, &out.olympiads}) {
      if (!t->columns.empty()) t->columns[0].row_header = true;
    }
    return out;
  }

  MunicipalityTables build() {
    MunicipalityTables out;
    out.municipality = mi_;
    out.period = period_;
    out.schools = schools_of(m_, mi_, lang_);
    for (size_t s : out.schools) in_municipality_.insert(s);
    out.years = years(out.schools);
    out.institutions = institutions(out.schools);
    out.institutions_by_year = institutions_by_year(out.schools);
    out.dynamics = dynamics();
    out.ce_index = ce_index(out.schools);
    out.diagnostics = diagnostics(out.schools);
    out.quality = quality(out.schools);
    out.development = development(out.schools);
    out.methodologists = methodologists();
    out.time_split = time_split();
    out.olympiads = olympiads(out.schools);
    for (size_t p = 0; p < m_.programmes.size(); ++p) {
      if (m_.programmes[p].municipality != m_.municipalities[mi_].id) continue;
      out.programmes.push_back({p, actions(m_.programmes[p]),
                                budget(m_.programmes[p], r_.budgets[p])});
    }
    if (period_) {
      // Each table says which period it covers: the school years of the review, the date of
      // the development norm and the methodologists, the programme's own years.
      const std::string years = util::format_school_years(period_->from, period_->to, lang_);
      for (Table* t : {&out.institutions, &out.institutions_by_year, &out.dynamics, &out.ce_index,
                       &out.diagnostics, &out.quality, &out.time_split, &out.olympiads}) {
        add_note(*t, util::fill(t_("tables.period_note"), "period", years));
      }
      const std::string as_of = util::format_date_numeric(m_.site.as_of, lang_);
      for (Table* t : {&out.development, &out.methodologists}) {
        add_note(*t, util::fill(t_("tables.as_of_note"), "date", as_of));
      }
      for (ProgrammeTables& pt : out.programmes) {
        const rules::CalendarYears py = rules::programme_period(m_.programmes[pt.programme]);
        const std::string text = util::fill(t_("tables.programme_period_note"), "period",
                                            period(py.from, py.to));
        add_note(pt.actions, text);
        add_note(pt.budget, text);
      }
    }
    return out;
  }

  /// diagnostics_by_school(): the per-school annex of a summarised review.
  Table build_diagnostics_by_school(const std::vector<size_t>& schools) const {
    return diagnostics_by_school(schools);
  }

 private:
  static void add_note(Table& t, const std::string& text) {
    t.note += (t.note.empty() ? "" : " ") + text;
  }

  // Whether school year `y` is in the tables' period (every year without one).
  bool in_period(int y) const { return !period_ || period_->contains(y); }

  std::vector<int> years(const std::vector<size_t>& schools) const {
    std::set<int> ys;
    for (size_t s : schools) {
      for (const auto& [y, n] : m_.institutions[s].students) ys.insert(y);
      for (const auto& [y, n] : m_.institutions[s].teachers) ys.insert(y);
    }
    for (size_t s : in_municipality_) {
      for (size_t i : m_.metrics_of_school[s]) ys.insert(m_.metrics[i].year);
    }
    std::erase_if(ys, [&](int y) { return !in_period(y); });
    return {ys.begin(), ys.end()};
  }

  Table institutions(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "iestades";
    t.title = t_("directory.institutions");
    int latest = 0;
    for (size_t s : schools) {
      const auto& in = m_.institutions[s];
      for (const auto& [y, n] : in.students) latest = in_period(y) ? std::max(latest, y) : latest;
      for (const auto& [y, n] : in.teachers) latest = in_period(y) ? std::max(latest, y) : latest;
    }
    std::string suffix = latest ? ", " + util::format_school_year(latest, lang_) : "";
    t.columns = {row_header("name", t_("directory.name")), column("kind", t_("directory.kind_label")),
                 column("students", t_("directory.students") + suffix, ColumnType::kInteger),
                 column("teachers", t_("directory.teachers") + suffix, ColumnType::kInteger),
                 column("accreditation_until", t_("tables.accreditation_until"), ColumnType::kDate),
                 column("accreditation", t_("tables.accreditation"))};
    for (size_t s : schools) {
      const auto& in = m_.institutions[s];
      Row row;
      row.cells.push_back(text_cell(in.name.in(lang_), institution_link(in)));
      row.cells.push_back(text_cell(
          t_("directory.kind." + std::string(model::enum_name(model::kInstitutionKinds, in.kind)))));
      row.cells.push_back(int_cell(at_year(in.students, latest)));
      row.cells.push_back(int_cell(at_year(in.teachers, latest)));
      // The accreditation's state on as_of, as the rules decide it (rules/accreditation.h).
      row.cells.push_back(date_cell(in.accreditation
                                        ? std::optional<util::Date>(in.accreditation->valid_until)
                                        : std::nullopt));
      switch (r_.accreditation[s]) {
        case rules::AccreditationState::kExpired: {
          Cell cell = text_cell(t_("tables.accreditation_expired"));
          cell.status = "not-met";
          row.cells.push_back(std::move(cell));
          break;
        }
        case rules::AccreditationState::kExpiring:
          row.cells.push_back(text_cell(t_("tables.accreditation_expiring")));
          break;
        case rules::AccreditationState::kValid:
          row.cells.push_back(text_cell(t_("tables.accreditation_valid")));
          break;
        case rules::AccreditationState::kNone: row.cells.push_back(Cell{}); break;
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table institutions_by_year(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "iestades-pa-gadiem";
    t.title = t_("directory.by_year");
    t.columns = {row_header("name", t_("directory.name")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("students", t_("directory.students"), ColumnType::kInteger),
                 column("teachers", t_("directory.teachers"), ColumnType::kInteger)};
    for (size_t s : schools) {
      const auto& in = m_.institutions[s];
      std::set<int> years;
      for (const auto& [y, n] : in.students) years.insert(y);
      for (const auto& [y, n] : in.teachers) years.insert(y);
      std::erase_if(years, [&](int y) { return !in_period(y); });
      for (int y : years) {
        Row row;
        row.cells = {text_cell(in.name.in(lang_), institution_link(in)), int_cell(y),
                     int_cell(at_year(in.students, y)), int_cell(at_year(in.teachers, y))};
        t.rows.push_back(std::move(row));
      }
    }
    return t;
  }

  // The network by school year as the rules count it (rules::network), in the period.
  Table dynamics() const {
    Table t;
    t.id = "dinamika";
    t.title = t_("tables.dynamics");
    t.columns = {column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("institutions", t_("tables.institutions_reporting"), ColumnType::kInteger),
                 column("students", t_("directory.students"), ColumnType::kInteger),
                 column("teachers", t_("directory.teachers"), ColumnType::kInteger)};
    t.columns[0].row_header = true;
    for (const auto& [y, year] : r_.municipalities[mi_].area.network) {
      if (!in_period(y)) continue;
      Row row;
      row.cells = {int_cell(y), int_cell(year.reporting), int_cell(year.students),
                   int_cell(year.teachers)};
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  // Metric records of `schools`, in that order, then by year (model::metrics_of_school).
  std::vector<size_t> records(const std::vector<size_t>& schools) const {
    std::vector<size_t> order;
    for (size_t s : schools) {
      for (size_t i : m_.metrics_of_school[s]) {
        if (in_period(m_.metrics[i].year)) order.push_back(i);
      }
    }
    return order;
  }

  // The records of records(schools) with exam results: the rows of ce_index.
  std::vector<size_t> exam_records(const std::vector<size_t>& schools) const {
    std::vector<size_t> order;
    for (size_t i : records(schools)) {
      if (m_.metrics[i].ce) order.push_back(i);
    }
    return order;
  }

  Table diagnostics(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "diagnostika";
    t.title = t_("directory.diagnostic");
    t.columns = {row_header("school", t_("directory.school")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("test", t_("tables.test")),
                 column("result", t_("directory.result"), ColumnType::kPercent, 1)};
    for (size_t i : records(schools)) {
      const auto& rec = m_.metrics[i];
      const auto& in = m_.institutions[rec.school_index];
      for (const auto& [grade, subjects] : rec.diagnostic) {
        for (const auto& [subject, pct] : subjects) {
          Row row;
          row.cells = {text_cell(in.name.in(lang_), institution_link(in)), int_cell(rec.year),
                       text_cell(test_label(grade, subject)), number_cell(pct)};
          t.rows.push_back(std::move(row));
        }
      }
    }
    return t;
  }

  // "diagnostika" a row per school and year, a column per test (grade, then subject, in the
  // order the tests first appear among the municipality's records): the same values as
  // diagnostics(), a school's year along one line.
  Table diagnostics_by_school(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "diagnostika";
    t.title = t_("directory.diagnostic");
    t.columns = {row_header("school", t_("directory.school")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear)};
    std::set<std::tuple<int, std::string, std::string>> first_seen;  // (year, grade, subject)
    for (size_t s : schools) {
      for (size_t i : m_.metrics_of_school[s]) {
        for (const auto& [grade, subjects] : m_.metrics[i].diagnostic) {
          for (const auto& [subject, pct] : subjects) {
            first_seen.emplace(m_.metrics[i].year, grade, subject);
          }
        }
      }
    }
    std::map<std::pair<std::string, std::string>, size_t> column_of;  // (grade, subject)
    std::map<std::string, size_t> column_of_label;
    for (const auto& [year, grade, subject] : first_seen) {
      if (column_of.contains({grade, subject})) continue;
      const std::string label = test_label(grade, subject);
      auto [at, added] = column_of_label.emplace(label, t.columns.size());
      if (added) {
        t.columns.push_back(column("test_" + std::to_string(t.columns.size() - 1), label,
                                ColumnType::kPercent, 1));
      }
      column_of[{grade, subject}] = at->second;
    }
    for (size_t i : records(schools)) {
      const auto& rec = m_.metrics[i];
      if (rec.diagnostic.empty()) continue;
      const auto& in = m_.institutions[rec.school_index];
      Row row;
      row.cells.assign(t.columns.size(), Cell{});
      row.cells[0] = text_cell(in.name.in(lang_), institution_link(in));
      row.cells[1] = int_cell(rec.year);
      for (const auto& [grade, subjects] : rec.diagnostic) {
        for (const auto& [subject, pct] : subjects) {
          row.cells[column_of.at({grade, subject})] = number_cell(pct);
        }
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  std::string test_label(const std::string& grade, const std::string& subject) const {
    return diagnostic_test_label(m_, grade, subject, lang_, t_);
  }

  Table quality(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "kvalitate";
    t.title = t_("tables.quality");
    t.note = util::fill(t_("tables.quality_note"), "n",
                        std::to_string(m_.site.rules.observations_per_teacher));
    t.columns = {row_header("school", t_("directory.school")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("observed", t_("tables.observed"), ColumnType::kInteger),
                 column("observed_norm", t_("tables.observed_norm"), ColumnType::kInteger),
                 column("respondents", t_("tables.respondents"), ColumnType::kInteger),
                 column("satisfaction", t_("tables.satisfaction"), ColumnType::kPercent, 1),
                 column("awards", t_("tables.awards"), ColumnType::kInteger)};
    if (council_) {
      t.columns.push_back(column("head_evaluation", t_("tables.head_evaluation"), ColumnType::kDecimal, 0));
    }
    auto opt = [](const std::optional<int>& v) {
      return v ? std::optional<int64_t>(*v) : std::nullopt;
    };
    for (size_t i : records(schools)) {
      const auto& rec = m_.metrics[i];
      bool any = rec.observed_teachers || rec.observed_twice || rec.survey_respondents ||
                 rec.survey_satisfaction || rec.motivation_awards ||
                 (council_ && rec.head_evaluation);
      if (!any) continue;
      const auto& in = m_.institutions[rec.school_index];
      Row row;
      row.cells = {text_cell(in.name.in(lang_), institution_link(in)), int_cell(rec.year),
                   int_cell(opt(rec.observed_teachers)), int_cell(opt(rec.observed_twice)),
                   int_cell(opt(rec.survey_respondents)), number_cell(rec.survey_satisfaction),
                   int_cell(opt(rec.motivation_awards))};
      if (council_) row.cells.push_back(number_cell(rec.head_evaluation));
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table ce_index(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "ce-indekss";
    t.title = t_("directory.exam_index");
    t.note = t_("tables.ce_note");
    t.columns = {row_header("school", t_("directory.school")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("mathematics", t_("tables.mathematics"), ColumnType::kPercent, 1),
                 column("latvian", t_("tables.latvian"), ColumnType::kPercent, 1),
                 column("foreign", t_("tables.foreign"), ColumnType::kPercent, 1),
                 column("examinees", t_("tables.examinees"), ColumnType::kInteger),
                 column("index", t_("directory.index"), ColumnType::kPercent, 1),
                 column("method", t_("tables.method")),
                 column("threshold", t_("directory.threshold"), ColumnType::kPercent, 1),
                 column("result", t_("directory.result"))};
    for (size_t i : exam_records(schools)) {
      const auto& rec = m_.metrics[i];
      const auto& ce = r_.ce[i];
      const auto& in = m_.institutions[rec.school_index];
      Row row;
      row.cells.push_back(text_cell(in.name.in(lang_), institution_link(in)));
      row.cells.push_back(int_cell(rec.year));
      row.cells.push_back(number_cell(rec.ce->mathematics));
      row.cells.push_back(number_cell(rec.ce->latvian));
      row.cells.push_back(number_cell(rec.ce->foreign));
      row.cells.push_back(
          int_cell(rec.ce->examinees ? std::optional<int64_t>(*rec.ce->examinees) : std::nullopt));
      row.cells.push_back(number_cell(ce.index));
      if (ce.rule) {
        row.cells.push_back(text_cell(
            t_("directory.method." + std::string(model::enum_name(model::kCeMethods, ce.method)))));
        row.cells.push_back(number_cell(ce.threshold));
      } else {
        row.cells.push_back(Cell{});
        row.cells.push_back(Cell{});
      }
      Cell result = text_cell(ce_result(ce, t_));
      if (ce.status == rules::CeIndex::Status::kMet) result.status = "met";
      if (ce.status == rules::CeIndex::Status::kNotMet) result.status = "not-met";
      row.cells.push_back(std::move(result));
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table development(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "pilnveide";
    t.title = t_("directory.pd");
    t.note = util::fill(t_("tables.pd_note"), "n", std::to_string(m_.site.rules.small_cell));
    t.columns = {row_header("school", t_("directory.school")),
                 column("teachers", t_("tables.teacher_records"), ColumnType::kInteger),
                 column("meeting", t_("tables.meeting"), ColumnType::kInteger),
                 column("share", t_("directory.pd_share"), ColumnType::kPercent, 1)};
    for (const auto& [name, cat] : model::kCourseCategories) {
      t.columns.push_back(column("hours_" + std::string(name),
                              t_("tables.hours") + ": " + t_("tables.course." + std::string(name)),
                              ColumnType::kDecimal, 0));
    }
    for (size_t s : schools) {
      if (const rules::SchoolPd* found = r_.pd_of_school(s)) {
        const rules::SchoolPd& pd = *found;
        const auto& in = m_.institutions[s];
        Row row;
        row.cells.push_back(text_cell(in.name.in(lang_), institution_link(in)));
        // A small school shows no count at all: only that it was hidden, and why.
        if (pd.suppressed || !pd.share || !pd.meeting) {
          row.cells.push_back(suppressed_cell());
          row.cells.push_back(suppressed_cell());
          row.cells.push_back(suppressed_cell());
          for (size_t k = 0; k < model::kCourseCategories.size(); ++k) {
            row.cells.push_back(suppressed_cell());
          }
        } else {
          row.cells.push_back(int_cell(pd.teachers));
          row.cells.push_back(int_cell(*pd.meeting));
          row.cells.push_back(number_cell(pd.share));
          for (const auto& hours : pd.hours_by_category) row.cells.push_back(number_cell(hours));
        }
        t.rows.push_back(std::move(row));
      }
    }
    if (!t.rows.empty()) {
      const auto& total = r_.municipality_pd[mi_];
      Row row;
      row.kind = RowKind::kTotal;
      row.cells.push_back(text_cell(t_("directory.pd_total")));
      if (total.suppressed || !total.share || !total.meeting) {
        // Every cell of the row, hours included, hidden for the total's own reason.
        for (size_t k = 0; k < 3 + model::kCourseCategories.size(); ++k) {
          row.cells.push_back(hidden_cell(total.reason, t_));
        }
      } else {
        row.cells.push_back(int_cell(total.teachers));
        row.cells.push_back(int_cell(*total.meeting));
        row.cells.push_back(number_cell(total.share));
        for (const auto& hours : total.hours_by_category) row.cells.push_back(number_cell(hours));
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  std::vector<size_t> methodologists_here() const {
    const std::string& id = m_.municipalities[mi_].id;
    return methodologists_where(m_, lang_, [&](const model::Methodologist& me) {
      return me.municipality == id;
    });
  }

  Table methodologists() const { return methodologists_table(m_, methodologists_here(), lang_, t_); }

  Table time_split() const {
    Table t;
    t.id = "laika-sadalijums";
    t.title = t_("directory.time_split");
    t.note = t_("tables.time_note");
    t.columns = {row_header("methodologist", t_("tables.methodologist")),
                 column("year", t_("directory.school_year"), ColumnType::kSchoolYear),
                 column("category", t_("directory.category_label")),
                 column("hours", t_("tables.hours"), ColumnType::kDecimal, 0),
                 column("actual", t_("directory.actual"), ColumnType::kPercent, 1),
                 column("norm", t_("directory.norm"), ColumnType::kPercent, 0),
                 column("difference", t_("tables.difference_pp"), ColumnType::kDecimal, 1)};
    for (size_t i : methodologists_here()) {
      const auto& me = m_.methodologists[i];
      if (me.level != model::Level::kMunicipal) continue;
      for (const auto& split : r_.time_splits[i]) {
        if (!in_period(split.year)) continue;
        for (const auto& [name, cat] : model::kWorkCategories) {
          Row row;
          row.cells.push_back(text_cell(me.name));
          row.cells.push_back(int_cell(split.year));
          row.cells.push_back(text_cell(t_("directory.category." + std::string(name))));
          row.cells.push_back(number_cell(split.hours[cat]));
          row.cells.push_back(number_cell(split.share[cat]));
          row.cells.push_back(number_cell(split.norm[cat]));
          row.cells.push_back(number_cell(split.deviation[cat]));
          t.rows.push_back(std::move(row));
        }
      }
    }
    return t;
  }

  Table olympiads(const std::vector<size_t>& schools) const {
    Table t;
    t.id = "olimpiades";
    t.title = t_("directory.olympiads");
    t.columns = {row_header("olympiad", t_("directory.olympiad")),
                 column("date", t_("directory.date"), ColumnType::kDate),
                 column("school", t_("directory.school")),
                 column("participants", t_("directory.participants"), ColumnType::kInteger),
                 column("first", t_("directory.first"), ColumnType::kInteger),
                 column("second", t_("directory.second"), ColumnType::kInteger),
                 column("third", t_("directory.third"), ColumnType::kInteger),
                 column("honourable", t_("directory.honourable"), ColumnType::kInteger)};
    // By olympiad date, then olympiad id, then the schools' order (model::results_of_school).
    std::vector<std::tuple<size_t, size_t, size_t>> picked;  // (olympiad, school, result)
    for (size_t s : schools) {
      for (const auto& [o, r] : m_.results_of_school[s]) {
        // An olympiad belongs to the school year of its first day (rules::SchoolYears).
        if (!period_ || period_->contains(m_.olympiads[o].start)) picked.emplace_back(o, s, r);
      }
    }
    auto date_key = [&](size_t o) { return std::tie(m_.olympiads[o].start, m_.olympiads[o].id); };
    std::stable_sort(picked.begin(), picked.end(), [&](const auto& a, const auto& b) {
      return date_key(std::get<0>(a)) < date_key(std::get<0>(b));
    });
    for (const auto& [oi, school, ri] : picked) {
      const model::Olympiad* o = &m_.olympiads[oi];
      const model::OlympiadResult& res = o->results[ri];
      const auto& in = m_.institutions[school];
      Row row;
      row.cells.push_back(text_cell(olympiad_title(m_, *o, lang_, t_)));
      row.cells.push_back(date_cell(o->start));
      row.cells.push_back(text_cell(in.name.in(lang_), institution_link(in)));
      for (int v : {res.participants, res.first, res.second, res.third, res.honourable}) {
        row.cells.push_back(int_cell(v));
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table actions(const model::Programme& p) const {
    Table t;
    t.id = "pasakumi-" + p.id;
    t.title = t_("directory.actions") + ": " + p.title.in(lang_);
    t.columns = {column("id", "ID"), row_header("title", t_("directory.action")),
                 column("period", t_("directory.period")),
                 column("responsible", t_("directory.responsible")),
                 column("status", t_("directory.status_label"))};
    for (const auto& a : p.actions) {
      Row row;
      row.cells.push_back(text_cell(a.id));
      row.cells.push_back(text_cell(a.title.in(lang_)));
      row.cells.push_back(text_cell(period(a.from, a.to)));
      row.cells.push_back(a.responsible.empty() ? Cell{} : text_cell(a.responsible));
      std::string status(model::enum_name(model::kActionStatuses, a.status));
      Cell c = text_cell(t_("directory.status." + status));
      c.status = status;
      row.cells.push_back(std::move(c));
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table budget(const model::Programme& p, const rules::BudgetTotals& tot) const {
    Table t;
    t.id = "budzets-" + p.id;
    t.title = t_("directory.budget") + ": " + p.title.in(lang_);
    t.columns = {column("id", "ID"), row_header("title", t_("tables.budget_item"))};
    for (int y : tot.years) {
      t.columns.push_back(column("y" + std::to_string(y), std::to_string(y), ColumnType::kMoney));
    }
    t.columns.push_back(column("total", t_("directory.total"), ColumnType::kMoney));
    t.columns.push_back(column("note", t_("tables.note")));
    auto money = [](model::Cents c) {
      Cell cell;
      cell.value = int64_t{c};
      return cell;
    };
    for (size_t g = 0; g < p.budget.size(); ++g) {
      const auto& group = p.budget[g];
      Row gr;
      gr.kind = RowKind::kGroup;
      gr.cells.push_back(text_cell(group.id));
      gr.cells.push_back(text_cell(group.title.in(lang_)));
      for (int y : tot.years) gr.cells.push_back(money(tot.group_by_year[g].at(y)));
      gr.cells.push_back(money(tot.group_totals[g]));
      gr.cells.push_back(Cell{});
      t.rows.push_back(std::move(gr));
      for (size_t l = 0; l < group.lines.size(); ++l) {
        const auto& line = group.lines[l];
        Row lr;
        lr.cells.push_back(text_cell(line.id));
        lr.cells.push_back(text_cell(line.title.in(lang_)));
        for (int y : tot.years) {
          // A year the line has no amount for is blank with its reason, not "0 EUR": the
          // programme planned nothing there (the sums count it as nothing all the same).
          auto it = line.amounts.find(y);
          if (it == line.amounts.end()) {
            Cell none;
            none.reason = t_("tables.no_amount");
            lr.cells.push_back(std::move(none));
          } else {
            lr.cells.push_back(money(it->second));
          }
        }
        lr.cells.push_back(money(tot.line_totals[g][l]));
        lr.cells.push_back(line.note.empty() ? Cell{} : text_cell(line.note));
        t.rows.push_back(std::move(lr));
      }
    }
    Row total;
    total.kind = RowKind::kTotal;
    total.cells.push_back(Cell{});
    total.cells.push_back(text_cell(t_("directory.total")));
    for (int y : tot.years) total.cells.push_back(money(tot.year_totals.at(y)));
    total.cells.push_back(money(tot.grand_total));
    total.cells.push_back(Cell{});
    t.rows.push_back(std::move(total));
    return t;
  }

  const model::Model& m_;
  const rules::Results& r_;
  size_t mi_;
  std::string_view lang_;
  const Translate& t_;
  bool council_;
  std::optional<rules::SchoolYears> period_;
  std::set<size_t> in_municipality_;
};

}  // namespace

std::string diagnostic_test_label(const model::Model& m, std::string_view grade,
                                  std::string_view subject, std::string_view lang,
                                  const Translate& t) {
  const std::string_view number = grade.starts_with("grade") ? grade.substr(5) : grade;
  const model::Subject* subj = m.find_subject(subject);
  return util::fill(t("directory.grade_of"), "n", number) + ", " +
         (subj ? subj->name.in(lang) : std::string(subject));
}

std::string olympiad_title(const model::Model& m, const model::Olympiad& o, std::string_view lang,
                           const Translate& t) {
  if (!o.title.empty()) return o.title.in(lang);
  const model::Subject* s = m.find_subject(o.subject);
  std::string subject = s ? s->name.in(lang) : o.subject;
  return subject + " — " +
         t("calendar.stage." + std::string(model::enum_name(model::kOlympiadStages, o.stage)));
}

std::vector<const Table*> MunicipalityTables::all() const {
  std::vector<const Table*> out = {&institutions, &institutions_by_year, &dynamics, &ce_index,
                                   &diagnostics,  &quality,      &development,
                                   &methodologists, &time_split, &olympiads};
  for (const auto& p : programmes) {
    out.push_back(&p.actions);
    out.push_back(&p.budget);
  }
  return out;
}

InstitutionTables institution_tables(const model::Model& model, const rules::Results& results,
                                     size_t school, std::string_view lang, const Translate& t) {
  return Builder(model, results, model.institutions[school].municipality_index, lang, t, false)
      .build_one(school);
}

Table diagnostics_by_school(const model::Model& model, const rules::Results& results,
                           const MunicipalityTables& tables, std::string_view lang,
                           const Translate& t) {
  Builder b(model, results, tables.municipality, lang, t, false, tables.period);
  Table out = b.build_diagnostics_by_school(tables.schools);
  out.note = tables.diagnostics.note;
  return out;
}

const Table* MunicipalityTables::find(std::string_view id) const {
  for (const Table* t : all()) {
    if (t->id == id) return t;
  }
  return nullptr;
}

MunicipalityTables municipality_tables(const model::Model& model, const rules::Results& results,
                                       size_t mi, std::string_view lang, const Translate& t,
                                       bool council, std::optional<rules::SchoolYears> period) {
  return Builder(model, results, mi, lang, t, council, period).build();
}

Table state_methodologists(const model::Model& model, std::string_view lang, const Translate& t) {
  return methodologists_table(
      model, methodologists_where(model, lang, [](const model::Methodologist& me) {
        return !me.municipality.has_value();
      }),
      lang, t);
}

std::vector<size_t> municipalities_in_order(const model::Model& m, std::string_view lang) {
  const util::Collator& collator = util::Collator::for_language(lang);
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < m.municipalities.size(); ++i) {
    keyed.emplace_back(collator.sort_key(m.municipalities[i].name.in(lang)) + '\x01' +
                           m.municipalities[i].id,
                       i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<size_t> out;
  for (const auto& [key, mi] : keyed) out.push_back(mi);
  return out;
}

namespace {

Cell municipality_cell(const model::Municipality& mu, std::string_view lang) {
  return text_cell(mu.name.in(lang), "pasvaldibas/" + mu.id + "/");
}

// A national table of the review period: its first column the municipality, its note the period.
Table national_table(std::string id, std::string title, std::string note,
                     const rules::Results& r, std::string_view lang, const Translate& t) {
  Table table;
  table.id = std::move(id);
  table.title = std::move(title);
  table.note = std::move(note);
  table.note += (table.note.empty() ? "" : " ") +
                util::fill(t("tables.period_note"), "period",
                           util::format_school_years(r.review.from, r.review.to, lang));
  table.columns = {row_header("municipality", t("directory.municipality")),
                   column("year", t("directory.school_year"), ColumnType::kSchoolYear)};
  return table;
}

// The lowest, median and highest school of a spread, labelled `prefix` + the review's words.
void add_spread_columns(Table& table, const std::string& prefix, const Translate& t) {
  for (const char* which : {"min", "median", "max"}) {
    table.columns.push_back(column(std::string("spread_") + which,
                                prefix + t(std::string("review.summary.") + which),
                                ColumnType::kPercent, 1));
  }
}

Cell spread_cell(const rules::Spread& s, double rules::Spread::*member) {
  return s.count > 0 ? number_cell(s.*member) : Cell{};
}

void add_spread_cells(Row& row, const rules::Spread& s) {
  for (double rules::Spread::*member : {&rules::Spread::mean, &rules::Spread::min,
                                        &rules::Spread::median, &rules::Spread::max}) {
    row.cells.push_back(spread_cell(s, member));
  }
}

Row network_row(Cell who, int year, const rules::NetworkYear& n) {
  Row row;
  row.cells = {std::move(who), int_cell(year), int_cell(n.reporting), int_cell(n.students),
               int_cell(n.teachers)};
  return row;
}

Row diagnostic_row(Cell who, const rules::DiagnosticTest& test, const rules::Spread& s,
                   const model::Model& m, std::string_view lang, const Translate& t) {
  Row row;
  row.cells = {std::move(who), int_cell(test.year),
               text_cell(diagnostic_test_label(m, test.grade, test.subject, lang, t)),
               int_cell(s.count)};
  add_spread_cells(row, s);
  return row;
}

Row as_total(Row row) {
  row.kind = RowKind::kTotal;
  return row;
}

}  // namespace

Table national_dynamics(const model::Model& m, const rules::Results& r, std::string_view lang,
                        const Translate& t) {
  Table table = national_table("dinamika", t("tables.dynamics"), "", r, lang, t);
  table.columns.push_back(
      column("institutions", t("tables.institutions_reporting"), ColumnType::kInteger));
  table.columns.push_back(column("students", t("directory.students"), ColumnType::kInteger));
  table.columns.push_back(column("teachers", t("directory.teachers"), ColumnType::kInteger));
  for (size_t mi : municipalities_in_order(m, lang)) {
    for (const auto& [y, year] : r.municipalities[mi].area.network) {
      if (r.review.contains(y)) {
        table.rows.push_back(network_row(municipality_cell(m.municipalities[mi], lang), y, year));
      }
    }
  }
  for (const auto& [y, year] : r.nation.area.network) {
    if (r.review.contains(y)) {
      table.rows.push_back(as_total(network_row(text_cell(t("tables.national_total")), y, year)));
    }
  }
  return table;
}

Table national_diagnostics(const model::Model& m, const rules::Results& r, std::string_view lang,
                           const Translate& t) {
  Table table = national_table("diagnostika", t("directory.diagnostic"),
                               t("review.summary.diagnostics_note"), r, lang, t);
  table.columns.push_back(column("test", t("tables.test")));
  table.columns.push_back(column("schools", t("review.summary.schools"), ColumnType::kInteger));
  const std::string result = t("directory.result") + ": ";
  table.columns.push_back(
      column("mean", result + t("review.summary.schools_mean"), ColumnType::kPercent, 1));
  add_spread_columns(table, result, t);
  for (size_t mi : municipalities_in_order(m, lang)) {
    for (const auto& [test, spread] : r.municipalities[mi].diagnostics) {
      table.rows.push_back(
          diagnostic_row(municipality_cell(m.municipalities[mi], lang), test, spread, m, lang, t));
    }
  }
  for (const auto& [test, spread] : r.nation.diagnostics) {
    table.rows.push_back(as_total(
        diagnostic_row(text_cell(t("tables.national_total")), test, spread, m, lang, t)));
  }
  return table;
}

Table national_quality(const model::Model& m, const rules::Results& r, std::string_view lang,
                       const Translate& t) {
  Table table = national_table(
      "kvalitate", t("tables.quality"),
      util::fill(t("tables.quality_note"), "n", std::to_string(m.site.rules.observations_per_teacher)),
      r, lang, t);
  // quality_by_year's columns and rows, each row under the municipality (or the nation) it is of.
  auto add = [&table](Cell who, const Table& by_year, RowKind kind) {
    for (const Row& row : by_year.rows) {
      Row out;
      out.kind = kind;
      out.cells.push_back(who);
      out.cells.insert(out.cells.end(), row.cells.begin(), row.cells.end());
      table.rows.push_back(std::move(out));
    }
  };
  const Table nation = quality_by_year(r.nation.quality, t);
  // Its school year is national_table's second column already.
  table.columns.insert(table.columns.end(), nation.columns.begin() + 1, nation.columns.end());
  for (size_t mi : municipalities_in_order(m, lang)) {
    add(municipality_cell(m.municipalities[mi], lang),
        quality_by_year(r.municipalities[mi].quality, t), RowKind::kData);
  }
  add(text_cell(t("tables.national_total")), nation, RowKind::kTotal);
  return table;
}

Table quality_by_year(const model::ByYear<rules::QualityYear>& quality, const Translate& t) {
  Table table;
  table.columns = {column("year", t("directory.school_year"), ColumnType::kSchoolYear, 0, true),
                   column("schools", t("review.summary.schools"), ColumnType::kInteger),
                   column("observed", t("tables.observed"), ColumnType::kInteger),
                   column("observed_norm", t("tables.observed_norm"), ColumnType::kInteger),
                   column("respondents", t("tables.respondents"), ColumnType::kInteger),
                   column("awards", t("tables.awards"), ColumnType::kInteger)};
  for (const char* which : {"mean", "min", "median", "max"}) {
    const std::string word = std::string(which) == "mean" ? "schools_mean" : which;
    table.columns.push_back(column(std::string("satisfaction_") + which,
                                   t("tables.satisfaction") + ": " + t("review.summary." + word),
                                   ColumnType::kPercent, 1));
  }
  for (const auto& [y, q] : quality) {
    Row row;
    row.cells = {int_cell(y),          int_cell(q.schools),     int_cell(q.observed),
                 int_cell(q.observed_twice), int_cell(q.respondents), int_cell(q.awards)};
    add_spread_cells(row, q.satisfaction);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace metodika::render
