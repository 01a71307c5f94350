// The typed, validated site: what DATA-MODEL.md describes, after every check has passed.
// Immutable once built. Cross-references are ids plus resolved indexes, never pointers.
// Private teacher records are only declared here; their definition is in private_data.h, which
// only `rules` includes (STYLE.md: renderers get aggregates).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "model/enums.h"
#include "util/date.h"

namespace metodika::model {

using util::Date;
using util::DateTime;
using Pos = diag::SourcePos;

/// Text in every site language. After the model is built, every language of the site has a value
/// (a missing translation holds the default language's text, with a warning).
struct Text {
  std::map<std::string, std::string, std::less<>> by_lang;
  /// The languages whose text was filled in from another's, and that language ("lv" -> "en"):
  /// that text is in the other language (the PDF review tags it with its /Lang).
  std::map<std::string, std::string, std::less<>> filled_from;
  [[nodiscard]] const std::string& in(std::string_view lang) const;
  [[nodiscard]] bool empty() const { return by_lang.empty(); }
};

/// Values by school year (the calendar year in which the school year ends, section 2.1).
template <typename T>
using ByYear = std::map<int, T>;

// ---------------------------------------------------------------- site.yaml (section 2)

struct CeRule {
  Date from;
  Date to;
  CeMethod method = CeMethod::kMean;
  double threshold = 0;
  Pos pos;
};

/// A split of work over the four categories, in percent or hours.
struct WorkSplit {
  std::array<double, 4> by_category{};  // indexed by WorkCategory
  [[nodiscard]] double operator[](WorkCategory c) const {
    return by_category[static_cast<size_t>(c)];
  }
  [[nodiscard]] double total() const {
    return by_category[0] + by_category[1] + by_category[2] + by_category[3];
  }
};

struct Rules {
  std::vector<CeRule> ce_index;
  int pd_hours = 36;
  int pd_years = 3;
  WorkSplit methodologist_time{{20, 20, 40, 20}};
  int observations_per_teacher = 2;
  int small_cell = 5;
  int due_soon_days = 30;
};

/// The rules in force when DATA-MODEL.md gives no `rules:` block.
[[nodiscard]] Rules default_rules();

struct Publisher {
  std::string name;
  std::string email;
};

struct Site {
  Text title;
  std::string base_url;  // absolute, ends with '/'
  std::vector<std::string> languages;  // first is the default, served at the root
  Date as_of;                          // after --as-of / SOURCE_DATE_EPOCH overrides
  int review_from = 0;
  int review_to = 0;
  std::string theme = "default";
  Publisher publisher;
  Rules rules;
  bool raw_html = false;  // `markdown: {raw_html: true}` lets content carry raw HTML
  Pos pos;
  /// Of its source entry and file without `title`: the title is digested apart, per language
  /// (render/common/inputs.h), as each language's pages show only their own.
  uint64_t untitled_digest = 0;

  [[nodiscard]] const std::string& default_language() const { return languages.front(); }
};

// ---------------------------------------------------------------- entities (sections 3–11)

struct Subject {
  std::string id;
  Text name;
  LearningArea area = LearningArea::kLanguages;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct Board {
  std::string name, email, phone, address, url;
};

struct Municipality {
  std::string id;
  Text name;
  MunicipalityKind kind = MunicipalityKind::kCounty;
  Region region = Region::kRiga;
  Board board;
  std::string council;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct Accreditation {
  Date date;
  Date valid_until;
};

struct Institution {
  std::string id;
  Text name;
  std::string municipality;
  size_t municipality_index = 0;
  InstitutionKind kind = InstitutionKind::kBasic;
  std::string head, address, url;
  ByYear<int> students;
  ByYear<int> teachers;
  std::optional<Accreditation> accreditation;
  std::vector<std::string> tags;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct Methodologist {
  std::string id;
  std::string name;
  Level level = Level::kNational;
  std::optional<std::string> municipality;
  std::optional<std::string> school;
  std::vector<std::string> subjects;
  std::string email, phone;
  double fte = 1.0;
  ByYear<WorkSplit> activity;  // hours
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct OlympiadResult {
  std::string school;
  int participants = 0, first = 0, second = 0, third = 0, honourable = 0;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry
};

struct Olympiad {
  std::string id;
  std::string subject;
  Text title;  // optional; renderers derive one from subject and stage when empty
  OlympiadStage stage = OlympiadStage::kRegional;
  int grade_from = 0, grade_to = 0;
  Date start, end;  // `date:` sets both
  std::optional<Date> registration_deadline;
  std::string system, location, organizer;
  bool special_education = false;
  std::vector<OlympiadResult> results;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
  /// Of the same entry without its results: what a school's or municipality's outputs read of
  /// the olympiad besides the school's own result (OlympiadResult::digest).
  uint64_t head_digest = 0;
};

struct Material {
  std::string id;
  Text title;
  std::vector<std::string> subjects;
  MaterialLevel level = MaterialLevel::kBoth;
  Date deadline;
  MaterialStatus status = MaterialStatus::kPlanned;
  std::optional<Date> published;
  std::string url;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct Event {
  std::string id;
  Text title;
  Level level = Level::kNational;
  std::optional<std::string> municipality;
  std::optional<std::string> school;
  std::vector<Audience> audience;
  std::vector<std::string> subjects;
  DateTime start, end;
  double hours = 0;
  EventFormat format = EventFormat::kInPerson;
  std::string location, url;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct CeScores {
  std::optional<double> mathematics, latvian, foreign;
  std::optional<int> examinees;
};

struct MetricRecord {
  std::string school;
  size_t school_index = 0;
  int year = 0;
  std::optional<CeScores> ce;
  std::map<std::string, std::map<std::string, double>> diagnostic;  // grade -> subject -> %
  std::optional<int> observed_teachers, observed_twice;
  std::optional<int> survey_respondents;
  std::optional<double> survey_satisfaction;
  std::optional<int> motivation_awards;
  std::optional<double> head_evaluation;  // private to the report (section 10)
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

struct Decision {
  std::string number;
  Date date;
  std::string body;
};

struct Action {
  std::string id;
  Text title;
  int from = 0, to = 0;
  std::string responsible;
  ActionStatus status = ActionStatus::kPlanned;
  Pos pos;
};

/// An amount in euro cents, exact (budgets are summed; floating point would drift).
using Cents = int64_t;

struct BudgetLine {
  std::string id;
  Text title;
  ByYear<Cents> amounts;
  std::string note;
  Pos pos;
};

struct BudgetGroup {
  std::string id;
  Text title;
  std::vector<BudgetLine> lines;
  Pos pos;
};

struct Programme {
  std::string id;
  Text title;
  std::string municipality;
  std::optional<Decision> decision;
  int period_from = 0, period_to = 0;
  std::vector<Action> actions;
  std::vector<BudgetGroup> budget;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

// ---------------------------------------------------------------- content (section 13)

enum class PageKind { kHome, kPage, kNews, kReview };

struct Page {
  PageKind kind = PageKind::kPage;
  std::string lang;      // site language of the page
  std::string source;    // "content/en/about.md"
  std::string slug;      // URL path segment(s) without slashes at the ends; "" for home
  std::string municipality;  // for reviews
  std::string title;
  std::optional<Date> date;
  std::vector<std::string> tags;
  std::string summary;
  bool draft = false;
  std::string body;  // Markdown
  uint32_t body_line = 1;
  Pos pos;
  uint64_t digest = 0;  ///< of its source entry and file: see entry_digest (model/builders.h)
};

// ---------------------------------------------------------------- the whole site

struct PrivateData;  // section 12: defined in private_data.h, seen only by `rules`

struct Model {
  Site site;
  std::vector<Subject> subjects;
  std::vector<Municipality> municipalities;
  std::vector<Institution> institutions;
  std::vector<Methodologist> methodologists;
  std::vector<Olympiad> olympiads;
  std::vector<Material> materials;
  std::vector<Event> events;
  std::vector<MetricRecord> metrics;
  std::vector<Programme> programmes;
  std::vector<Page> pages;
  std::shared_ptr<const PrivateData> private_data;
  /// Of every private file's path and bytes: what the private aggregates are computed from.
  uint64_t private_digest = 0;

  // Indexes by id, filled by the builder.
  std::unordered_map<std::string, size_t> subject_index, municipality_index, institution_index;
  /// Per institution (parallel to `institutions`): its metric records by year, as indexes into
  /// `metrics`; and its olympiad results as (olympiad, result) indexes, by olympiad date then id.
  /// Filled by `index_by_school`, which build_model calls.
  std::vector<std::vector<size_t>> metrics_of_school;
  std::vector<std::vector<std::pair<size_t, size_t>>> results_of_school;

  /// Fills `metrics_of_school` and `results_of_school` from the entities.
  void index_by_school();

  [[nodiscard]] const Municipality* find_municipality(std::string_view id) const;
  [[nodiscard]] const Institution* find_institution(std::string_view id) const;
  [[nodiscard]] const Subject* find_subject(std::string_view id) const;
};

}  // namespace metodika::model
