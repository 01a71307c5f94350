// Yearly metrics, action programmes with budgets, and private teacher records (DATA-MODEL.md
// sections 10–12).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/build.h"
#include "model/private_data.h"
#include "model/read_memo.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::date;
using testing::with_base;

// ---------------------------------------------------------------- metrics

TEST_CASE("a full metric record") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  ce: {mathematics: 38.5, latvian: 55.1, foreign: "62.0", examinees: 41}
  diagnostic:
    grade3: {mathematics: 70.1, latvian: 72.3}
    grade6: {mathematics: 64.0, latvian: 69.5, science: 61.2}
  observations: {teachers: 40, observed_twice: 38}
  survey: {respondents: 230, satisfaction: 78.5}
  motivation_awards: 8
  head_evaluation: 27
- school: ventspils-1-pamatskola
  year: 2024
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.metrics.size() == 2);
  const MetricRecord& r = b.model.metrics[0];
  CHECK(r.school == "ventspils-1-pamatskola");
  CHECK(b.model.institutions[r.school_index].id == "ventspils-1-pamatskola");
  CHECK(r.year == 2025);
  REQUIRE(r.ce.has_value());
  CHECK(r.ce->mathematics == 38.5);
  CHECK(r.ce->latvian == 55.1);
  CHECK(r.ce->foreign == 62.0);  // a quoted number, as JSON writers produce, is accepted
  CHECK(r.ce->examinees == 41);
  CHECK(r.diagnostic.at("grade6").at("science") == 61.2);
  CHECK(r.diagnostic.at("grade3").size() == 2);
  CHECK(r.observed_teachers == 40);
  CHECK(r.observed_twice == 38);
  CHECK(r.survey_respondents == 230);
  CHECK(r.survey_satisfaction == 78.5);
  CHECK(r.motivation_awards == 8);
  CHECK(r.head_evaluation == 27);
  const MetricRecord& empty = b.model.metrics[1];
  CHECK(empty.year == 2024);
  CHECK_FALSE(empty.ce.has_value());
  CHECK_FALSE(empty.observed_teachers.has_value());
  CHECK(empty.diagnostic.empty());
}

TEST_CASE("a decimal comma and a percent sign") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  ce:
    mathematics: 41,2
  survey: {satisfaction: 78%}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/metrics/ventspils.yaml:4:18: error: "mathematics" must be a number, not "41,2"
 4 |     mathematics: 41,2
   |                  ^
  hint: data files use a decimal point, not a comma: write 41.2
data/metrics/ventspils.yaml:5:26: error: "satisfaction" must be a number, not "78%"
 5 |   survey: {satisfaction: 78%}
   |                          ^
  hint: leave out the % sign: write 78
)");
}

TEST_CASE("a decimal comma inside { } splits the entry in two") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  ce: {mathematics: 41,2, latvian: 55}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/metrics/ventspils.yaml:3:24: error: unknown field "2" in the exam results (ce)
 3 |   ce: {mathematics: 41,2, latvian: 55}
   |                        ^
  hint: inside { } a comma separates entries: write the number 41,2 as 41.2
)");
}

TEST_CASE("a percentage outside 0..100") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  ce: {mathematics: 104.5, latvian: -1}
  diagnostic:
    grade3: {mathematics: 100.1}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/metrics/ventspils.yaml:3:21: error: "mathematics" is 104.5, but it must be between 0 and 100
 3 |   ce: {mathematics: 104.5, latvian: -1}
   |                     ^
data/metrics/ventspils.yaml:3:37: error: "latvian" is -1, but it must be between 0 and 100
 3 |   ce: {mathematics: 104.5, latvian: -1}
   |                                     ^
data/metrics/ventspils.yaml:5:27: error: "mathematics" is 100.1, but it must be between 0 and 100
 5 |     grade3: {mathematics: 100.1}
   |                           ^
)");
}

TEST_CASE("counts must be whole and not negative") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  survey: {respondents: -3}
  motivation_awards: 2.5
  ce: {examinees: 41 pupils}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/metrics/ventspils.yaml:3:25: error: "respondents" is -3, but it cannot be negative
 3 |   survey: {respondents: -3}
   |                         ^
  hint: a count of people or things is 0 or more
data/metrics/ventspils.yaml:4:22: error: "motivation_awards" must be a whole number, not "2.5"
 4 |   motivation_awards: 2.5
   |                      ^
  hint: a whole number is expected here
data/metrics/ventspils.yaml:5:19: error: "examinees" must be a whole number, not "41 pupils"
 5 |   ce: {examinees: 41 pupils}
   |                   ^
  hint: write digits only, without spaces or units
)");
}

TEST_CASE("observed_twice may not exceed the observed teachers") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskola
  year: 2025
  observations: {teachers: 40, observed_twice: 42}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/metrics/ventspils.yaml:3:48: error: observed_twice (42) is more than the number of teachers (40)
 3 |   observations: {teachers: 40, observed_twice: 42}
   |                                                ^
  hint: observed_twice counts teachers, so it cannot exceed `teachers`
)");
}

TEST_CASE("a second record for the same school and year, in another file") {
  Built b = build(with_base({
      {"data/metrics/ventspils.yaml", "- {school: ventspils-1-pamatskola, year: 2025}\n"},
      {"data/metrics/zz.yaml",
       "- {school: talsu-vidusskola, year: 2025}\n"
       "- {school: ventspils-1-pamatskola, year: 2025}\n"},
  }));
  CHECK(
      b.diagnostics ==
      R"(data/metrics/zz.yaml:2:3: error: a second record for ventspils-1-pamatskola in 2025 (the first is at data/metrics/ventspils.yaml:1)
 2 | - {school: ventspils-1-pamatskola, year: 2025}
   |   ^
  hint: merge the two records into one
)");
  CHECK(b.model.metrics.size() == 2);
}

TEST_CASE("a metric record's school, year and tests are checked") {
  Built b = build(with_base({{"data/metrics/ventspils.yaml", R"(- school: ventspils-1-pamatskla
  year: 2025
- school: ventspils-1-pamatskola
  diagnostic:
    3rd: {mathematics: 70}
    grade6: {Mathematics: 64}
  head_evaluation: 30
  observations: {teachers: 4}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/metrics/ventspils.yaml:1:11: error: unknown school "ventspils-1-pamatskla" (did you mean "ventspils-1-pamatskola"?)
 1 | - school: ventspils-1-pamatskla
   |           ^
  hint: use the id of a school from data/schools/
data/metrics/ventspils.yaml:3:3: error: missing required field "year" in a metric record
 3 | - school: ventspils-1-pamatskola
   |   ^
  hint: add `year: ...` to this entry
data/metrics/ventspils.yaml:5:5: error: unknown diagnostic test "3rd"
 5 |     3rd: {mathematics: 70}
   |     ^
  hint: name the tests by grade: grade3, grade6, grade9
data/metrics/ventspils.yaml:6:14: error: "Mathematics" is not a subject name
 6 |     grade6: {Mathematics: 64}
   |              ^
  hint: use lower-case names such as mathematics, latvian, science
data/metrics/ventspils.yaml:7:20: error: "head_evaluation" is 30, but it must be between 0 and 28
 7 |   head_evaluation: 30
   |                    ^
data/metrics/ventspils.yaml:8:17: error: missing required field "observed_twice" in the observations
 8 |   observations: {teachers: 4}
   |                 ^
  hint: add `observed_twice: ...` to this entry
)");
  CHECK(b.model.metrics.empty());
}

// ---------------------------------------------------------------- programmes and budgets

constexpr const char* kProgramme = R"(id: ventspils-2022-2024
title: "Kompetenču pieejas ieviešanas atbalsts"
municipality: ventspils
decision: {number: "97", date: 2021-12-23, body: "Ventspils valstspilsētas pašvaldības dome"}
period: {from: 2022, to: 2024}
actions:
  - {id: "1.1", title: "Atbalsta dienests", from: 2022, to: 2024, responsible: "Izglītības pārvalde", status: ongoing}
  - {id: "1.2", title: "Mācības", status: done}
budget:
  - id: "1"
    title: "Pedagogu atbalsta dienesta darbība"
    lines:
      - {id: "1.1", title: "Konsultantu atalgojums", amounts: {2022: 16018, 2023: 16640.5, 2024: 0.07}}
      - {id: "1.2", title: "E-vides platformas pilnveide", amounts: {2023: 500}, note: "ES fondi"}
  - id: "2"
    title: "Metodiskie materiāli"
)";

TEST_CASE("a programme with actions and a budget, amounts in cents") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", kProgramme}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.programmes.size() == 1);
  const Programme& p = b.model.programmes[0];
  CHECK(p.id == "ventspils-2022-2024");
  CHECK(p.municipality == "ventspils");
  REQUIRE(p.decision.has_value());
  CHECK(p.decision->number == "97");
  CHECK(p.decision->date == date("2021-12-23"));
  CHECK(p.period_from == 2022);
  CHECK(p.period_to == 2024);
  REQUIRE(p.actions.size() == 2);
  CHECK(p.actions[0].id == "1.1");
  CHECK(p.actions[0].status == ActionStatus::kOngoing);
  CHECK(p.actions[0].responsible == "Izglītības pārvalde");
  CHECK(p.actions[1].status == ActionStatus::kDone);
  CHECK(p.actions[1].from == 0);
  REQUIRE(p.budget.size() == 2);
  REQUIRE(p.budget[0].lines.size() == 2);
  const BudgetLine& l = p.budget[0].lines[0];
  CHECK(l.amounts == ByYear<Cents>{{2022, 1601800}, {2023, 1664050}, {2024, 7}});
  CHECK(p.budget[0].lines[1].amounts.at(2023) == 50000);
  CHECK(p.budget[0].lines[1].note == "ES fondi");
  CHECK(p.budget[1].lines.empty());
}

TEST_CASE("a file may hold a list of programmes") {
  Built b = build(
      with_base({{"data/programmes/talsi.yaml",
                  R"(- {id: talsi-a, title: A, municipality: talsi, period: {from: 2022, to: 2023}}
- {id: talsi-b, title: B, municipality: talsi, period: {from: 2024, to: 2025}}
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.programmes.size() == 2);
  CHECK(b.model.programmes[1].id == "talsi-b");
}

TEST_CASE("a budget group with its own amounts") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", R"(id: p
title: P
municipality: ventspils
period: {from: 2022, to: 2024}
budget:
  - id: "1"
    title: "Atbalsta dienests"
    amounts: {2022: 16018}
    lines:
      - {id: "1.1", title: "Atalgojums", amounts: {2022: 16018}}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/programmes/ventspils.yaml:8:5: error: a budget group cannot have its own amounts
 8 |     amounts: {2022: 16018}
   |     ^
  hint: group totals are computed from their lines; move the amounts into a line
)");
}

TEST_CASE("a budget amount outside the programme's period") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", R"(id: p
title: P
municipality: ventspils
period: {from: 2022, to: 2024}
budget:
  - id: "1"
    title: "Atbalsta dienests"
    lines:
      - {id: "1.1", title: "Atalgojums", amounts: {2021: 100, 2022: 200, 2025: 300}}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/programmes/ventspils.yaml:9:52: error: an amount for 2021, outside the programme's period 2022–2024
 9 |       - {id: "1.1", title: "Atalgojums", amounts: {2021: 100, 2022: 200, 2025: 300}}
   |                                                    ^
  hint: correct the year, or widen `period`
data/programmes/ventspils.yaml:9:74: error: an amount for 2025, outside the programme's period 2022–2024
 9 |       - {id: "1.1", title: "Atalgojums", amounts: {2021: 100, 2022: 200, 2025: 300}}
   |                                                                          ^
  hint: correct the year, or widen `period`
)");
}

TEST_CASE("budget amounts: more than two decimals, a bad year counted once") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", R"(id: p
title: P
municipality: ventspils
period: {from: 2022, to: 2024}
budget:
  - id: "1"
    title: "Atbalsta dienests"
    lines:
      - {id: "1.1", title: "Atalgojums", amounts: {2022: 100.005, 22/23: 5}}
)"}}));
  // The bad year is read by two checks; it is shown and counted once.
  CHECK(b.errors == 2);
  CHECK(b.diagnostics ==
        R"(data/programmes/ventspils.yaml:9:58: error: "amount" 100.005 has more than two decimals
 9 |       - {id: "1.1", title: "Atalgojums", amounts: {2022: 100.005, 22/23: 5}}
   |                                                          ^
  hint: amounts are in euro and cents, e.g. 1234.56
data/programmes/ventspils.yaml:9:67: error: invalid school year "22/23" in "amounts"
 9 |       - {id: "1.1", title: "Atalgojums", amounts: {2022: 100.005, 22/23: 5}}
   |                                                                   ^
  hint: a school year is written as the year in which it ends: 2025 for 2024/2025
)");
}

TEST_CASE("duplicate action and budget ids in a programme") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", R"(id: p
title: P
municipality: ventspils
period: {from: 2022, to: 2024}
actions:
  - {id: "1", title: A, status: planned}
  - {id: "1", title: B, status: planned}
budget:
  - id: "1"
    title: G
    lines:
      - {id: "1", title: L}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/programmes/ventspils.yaml:7:10: error: duplicate action id "1" in this programme
 7 |   - {id: "1", title: B, status: planned}
   |          ^
data/programmes/ventspils.yaml:12:14: error: duplicate budget id "1" in this programme
 12 |       - {id: "1", title: L}
    |              ^
)");
}

TEST_CASE("programme municipality, period and actions are checked") {
  Built b = build(with_base({{"data/programmes/ventspils.yaml", R"(id: p
title: P
municipality: ventspls
period: {from: 2024, to: 2022}
actions:
  - {id: "1", title: A, from: 2024, to: 2023, status: ongoin}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/programmes/ventspils.yaml:3:15: error: unknown municipality "ventspls" (did you mean "ventspils"?)
 3 | municipality: ventspls
   |               ^
  hint: use the id of a municipality from data/municipalities.yaml
data/programmes/ventspils.yaml:4:26: error: the period ends before it starts
 4 | period: {from: 2024, to: 2022}
   |                          ^
data/programmes/ventspils.yaml:6:41: error: the action ends before it starts
 6 |   - {id: "1", title: A, from: 2024, to: 2023, status: ongoin}
   |                                         ^
data/programmes/ventspils.yaml:6:55: error: unknown status "ongoin" (did you mean "ongoing"?)
 6 |   - {id: "1", title: A, from: 2024, to: 2023, status: ongoin}
   |                                                       ^
  hint: use one of: planned, ongoing, done, delayed, cancelled
)");
}

TEST_CASE("a programme needs a period, and a decision needs its date") {
  Built b = build(with_base({
      {"data/programmes/talsi.yaml", "id: talsi-p\ntitle: P\nmunicipality: talsi\n"},
      {"data/programmes/ventspils.yaml", R"(id: ventspils-p
title: P
municipality: ventspils
decision: {number: "97", body: Dome}
period: {from: 2022, to: 2024}
)"},
  }));
  CHECK(b.diagnostics ==
        R"(data/programmes/talsi.yaml:1:1: error: missing required field "period" in a programme
 1 | id: talsi-p
   | ^
  hint: add `period: ...` to this entry
data/programmes/ventspils.yaml:4:11: error: missing required field "date" in the decision
 4 | decision: {number: "97", body: Dome}
   |           ^
  hint: add `date: ...` to this entry
)");
}

// ---------------------------------------------------------------- private teacher records

TEST_CASE("teacher records load into the private data") {
  Built b = build(with_base({{"data/private/teachers/ventspils.yaml", R"(- id: t-000123
  name: Jānis Bērziņš
  school: ventspils-1-pamatskola
  courses:
    - {title: "Digitālā pratība mācību stundā", category: digital, hours: 12, date: 2024-03-14}
    - {category: child_rights, hours: 8.5, date: 2023-10-01}
- id: t-000124
  school: talsu-vidusskola
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.private_data != nullptr);
  const auto& teachers = b.model.private_data->teachers;
  REQUIRE(teachers.size() == 2);
  const Teacher& t = teachers[0];
  CHECK(t.id == "t-000123");
  CHECK(t.school == "ventspils-1-pamatskola");
  CHECK(b.model.institutions[t.school_index].id == "ventspils-1-pamatskola");
  REQUIRE(t.courses.size() == 2);
  CHECK(t.courses[0].category == CourseCategory::kDigital);
  CHECK(t.courses[0].hours == 12);
  CHECK(t.courses[0].date == date("2024-03-14"));
  CHECK(t.courses[1].category == CourseCategory::kChildRights);
  CHECK(t.courses[1].hours == 8.5);
  CHECK(teachers[1].courses.empty());
}

TEST_CASE("teacher records: unknown school, duplicate id, bad courses") {
  Built b = build(with_base({{"data/private/teachers/ventspils.yaml", R"(- id: t-1
  school: ventspils-1-pamatskla
- id: t-2
  school: ventspils-1-pamatskola
  courses:
    - {title: A, category: digitl, hours: 12, date: 2024-03-14}
    - {title: B, category: digital, date: 14.03.2024}
- id: t-2
  school: talsu-vidusskola
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/private/teachers/ventspils.yaml:2:11: error: unknown school "ventspils-1-pamatskla" (did you mean "ventspils-1-pamatskola"?)
 2 |   school: ventspils-1-pamatskla
   |           ^
  hint: use the id of a school from data/schools/
data/private/teachers/ventspils.yaml:6:28: error: unknown course category "digitl" (did you mean "digital"?)
 6 |     - {title: A, category: digitl, hours: 12, date: 2024-03-14}
   |                            ^
  hint: use one of: management, child_rights, special_education, upbringing, content_didactics, general, digital, other
data/private/teachers/ventspils.yaml:7:7: error: missing required field "hours" in a course
 7 |     - {title: B, category: digital, date: 14.03.2024}
   |       ^
  hint: add `hours: ...` to this entry
data/private/teachers/ventspils.yaml:7:43: error: invalid date "14.03.2024" in "date"
 7 |     - {title: B, category: digital, date: 14.03.2024}
   |                                           ^
  hint: data files write dates year first: 2024-03-14
data/private/teachers/ventspils.yaml:8:7: error: duplicate teacher id "t-2" (first used at data/private/teachers/ventspils.yaml:3:7)
 8 | - id: t-2
   |       ^
  hint: every teacher needs its own id
)");
  REQUIRE(b.model.private_data != nullptr);
  REQUIRE(b.model.private_data->teachers.size() == 1);
  CHECK(b.model.private_data->teachers[0].courses.empty());
}

}  // namespace
}  // namespace metodika::model

namespace metodika::model {
namespace {

using testing::build;
using testing::with_base;

TEST_CASE("with a memo, a teacher file read before gives the same records and diagnostics") {
  const std::string good =
      "- {id: t-1, name: A, school: ventspils-1-pamatskola, courses: "
      "[{title: K, category: content_didactics, hours: 12, date: 2026-01-10}]}\n";
  const std::string typo = "- {id: t-2, name: B, school: ventspils-1-pamatskla}\n";
  auto memo = make_read_memo();
  BuildOptions with_memo;
  with_memo.memo = memo.get();
  auto files = with_base({{"data/private/teachers/ventspils.yaml", good},
                          {"data/private/teachers/talsi.yaml", typo}});
  auto teachers = [](const Built& b) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& t : b.model.private_data->teachers) {
      out.emplace_back(t.id, t.courses.empty() ? 0 : t.courses[0].hours);
    }
    return out;
  };
  const Built plain = build(files);
  const Built first = build(files, with_memo);
  const Built again = build(files, with_memo);  // both files from the memo
  CHECK(memo->teacher_files.size() == 2);
  CHECK(again.model.private_data == first.model.private_data);  // taken whole from the memo
  CHECK(teachers(again) == teachers(plain));
  CHECK(again.diagnostics == plain.diagnostics);
  CHECK(again.errors == 1);
  CHECK(first.diagnostics == plain.diagnostics);

  // An edited file is read again; so is every file when the institutions change.
  std::string edited = good;
  edited.replace(edited.find("hours: 12"), 9, "hours: 13");
  files["data/private/teachers/ventspils.yaml"] = edited;
  const Built after_edit = build(files, with_memo);
  CHECK(after_edit.model.private_data != first.model.private_data);
  CHECK(teachers(after_edit) == teachers(build(files)));
  CHECK(after_edit.diagnostics == build(files).diagnostics);
  files["data/schools/ventspils.yaml"] =
      "- {id: ventspils-1-pamatskla, name: V, municipality: ventspils, kind: basic}\n";
  const Built renamed = build(files, with_memo);
  CHECK(renamed.diagnostics == build(files).diagnostics);
  CHECK(renamed.diagnostics.find("unknown school \"ventspils-1-pamatskola\"") != std::string::npos);
}

TEST_CASE("with a memo, a data file parsed before gives the same tree and diagnostics") {
  load::LoadOptions deferred;
  deferred.defer_data = true;
  auto memo = make_read_memo();
  BuildOptions with_memo;
  with_memo.memo = memo.get();
  auto files = with_base({{"data/schools/talsi.yaml",
                           "- {id: talsu-vidusskola, name: Talsu vidusskola, municipality: tals, "
                           "kind: secondary}\n"},
                          {"data/events.yaml", "- {id: e1, title: [unclosed\n"}});
  auto names = [](const Built& b) {
    std::vector<std::string> out;
    for (const auto& in : b.model.institutions) out.push_back(in.id + "/" + in.name.in("lv"));
    return out;
  };
  const Built plain = build(files, {}, deferred);
  const Built first = build(files, with_memo, deferred);
  const auto tree = memo->data_files.at("data/schools/talsi.yaml").file;
  const Built again = build(files, with_memo, deferred);  // every data file from the memo
  CHECK(memo->data_files.size() >= 4);
  CHECK(memo->data_files.at("data/schools/talsi.yaml").file == tree);  // not parsed again
  CHECK(memo->data_files.at("data/events.yaml").file == nullptr);
  CHECK(plain.errors == 2);  // the unknown municipality and the syntax error
  CHECK(first.diagnostics == plain.diagnostics);
  CHECK(again.diagnostics == plain.diagnostics);
  CHECK(names(again) == names(plain));
  auto digests = [](const Built& b) {  // from the memo, without walking the entries again
    std::vector<uint64_t> out;
    for (const auto& in : b.model.institutions) out.push_back(in.digest);
    for (const auto& mu : b.model.municipalities) out.push_back(mu.digest);
    for (const auto& su : b.model.subjects) out.push_back(su.digest);
    return out;
  };
  CHECK(digests(again) == digests(plain));
  CHECK(digests(first) == digests(plain));

  // Edited files are parsed again: the fixed syntax error goes, the renamed school shows.
  files["data/events.yaml"] = "[]\n";
  files["data/schools/ventspils.yaml"] =
      "- {id: ventspils-1-pamatskola, name: Jaunais nosaukums, municipality: ventspils, "
      "kind: basic}\n";
  const Built edited = build(files, with_memo, deferred);
  CHECK(memo->data_files.at("data/events.yaml").file != nullptr);
  CHECK(edited.diagnostics == build(files, {}, deferred).diagnostics);
  CHECK(edited.errors == 1);
  const std::vector<std::string> renamed = names(edited);
  CHECK(renamed == names(build(files, {}, deferred)));
  CHECK(std::find(renamed.begin(), renamed.end(), "ventspils-1-pamatskola/Jaunais nosaukums") !=
        renamed.end());
}

}  // namespace
}  // namespace metodika::model
