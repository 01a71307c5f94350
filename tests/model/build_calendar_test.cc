// Olympiads, materials and professional development events (DATA-MODEL.md sections 7–9).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/build.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::date;
using testing::with_base;

// ---------------------------------------------------------------- olympiads

TEST_CASE("an olympiad's digests: the entry, the entry without results, each result") {
  auto olympiad = [](std::string_view title, int participants) {
    std::string text = "- id: math-2026\n  subject: mathematics\n  stage: regional\n"
                       "  grades: [9, 12]\n  date: 2026-01-15\n  title: {lv: \"";
    text.append(title).append("\", en: Maths}\n  results:\n");
    text += "    - {school: ventspils-1-pamatskola, participants: 4, first: 1}\n";
    text += "    - {school: talsu-vidusskola, participants: " + std::to_string(participants) + "}\n";
    Built b = build(with_base({{"data/olympiads.yaml", text}}));
    REQUIRE(b.errors == 0);
    REQUIRE(b.model.olympiads.size() == 1);
    REQUIRE(b.model.olympiads[0].results.size() == 2);
    return b.model.olympiads[0];
  };
  const Olympiad base = olympiad("Matemātika", 3);
  const Olympiad count = olympiad("Matemātika", 5);
  CHECK(count.digest != base.digest);
  CHECK(count.head_digest == base.head_digest);
  CHECK(count.results[0].digest == base.results[0].digest);
  CHECK(count.results[1].digest != base.results[1].digest);
  const Olympiad title = olympiad("Matemātikas olimpiāde", 3);
  CHECK(title.head_digest != base.head_digest);
  CHECK(title.results[0].digest == base.results[0].digest);
  CHECK(base.results[0].digest != base.results[1].digest);
}

TEST_CASE("olympiads on one day and over several days") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: math-2026-regional
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  registration_deadline: 2026-01-05
  system: LU EDU
  location: Ventspils
  organizer: VISC
  special_education: false
  results:
    - {school: ventspils-1-pamatskola, participants: 4, first: 1, second: 0, third: 1, honourable: 1}
- id: latvian-2026-state
  title: {lv: Latviešu valodas olimpiāde, en: Latvian language olympiad}
  subject: latvian
  stage: state
  grades: 12
  start: 2026-03-10
  end: 2026-03-11
  special_education: yes
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.olympiads.size() == 2);
  const Olympiad& m = b.model.olympiads[0];
  CHECK(m.subject == "mathematics");
  CHECK(m.stage == OlympiadStage::kRegional);
  CHECK(m.grade_from == 9);
  CHECK(m.grade_to == 12);
  CHECK(m.start == date("2026-01-15"));
  CHECK(m.end == date("2026-01-15"));
  CHECK(m.registration_deadline == date("2026-01-05"));
  CHECK(m.system == "LU EDU");
  CHECK(m.organizer == "VISC");
  CHECK_FALSE(m.special_education);
  CHECK(m.title.empty());
  REQUIRE(m.results.size() == 1);
  CHECK(m.results[0].school == "ventspils-1-pamatskola");
  CHECK(m.results[0].participants == 4);
  CHECK(m.results[0].first == 1);
  CHECK(m.results[0].third == 1);
  CHECK(m.results[0].honourable == 1);
  const Olympiad& l = b.model.olympiads[1];
  CHECK(l.title.in("en") == "Latvian language olympiad");
  CHECK(l.stage == OlympiadStage::kState);
  CHECK(l.grade_from == 12);
  CHECK(l.grade_to == 12);
  CHECK(l.start == date("2026-03-10"));
  CHECK(l.end == date("2026-03-11"));
  CHECK(l.special_education);
}

TEST_CASE("an olympiad with both date and start") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: math-2026-regional
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  start: 2026-01-15
)"}}));
  CHECK(b.diagnostics ==
        R"(data/olympiads.yaml:6:10: error: give either "date" or "start" and "end", not both
 6 |   start: 2026-01-15
   |          ^
  hint: use date: for a one-day olympiad, start: and end: for several days
)");
}

TEST_CASE("an olympiad without a date, and one with start but no end") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: a
  subject: mathematics
  stage: regional
  grades: [9, 12]
- id: b
  subject: mathematics
  stage: regional
  grades: [9, 12]
  start: 2026-01-15
)"}}));
  CHECK(b.diagnostics ==
        R"(data/olympiads.yaml:1:3: error: missing required field "date" in an olympiad
 1 | - id: a
   |   ^
  hint: add `date: YYYY-MM-DD`, or `start:` and `end:` for several days
data/olympiads.yaml:5:3: error: missing required field "end" in an olympiad
 5 | - id: b
   |   ^
  hint: add `end: ...` to this entry
)");
}

TEST_CASE("an olympiad that ends before it starts") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: a
  subject: mathematics
  stage: state
  grades: [9, 12]
  start: 2026-03-10
  end: 2026-03-09
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/olympiads.yaml:6:8: error: the olympiad ends (2026-03-09) before it starts (2026-03-10)
 6 |   end: 2026-03-09
   |        ^
)");
}

TEST_CASE("grades must be [first, last] or one grade, between 1 and 12") {
  Built b = build(with_base(
      {{"data/olympiads.yaml",
        R"(- {id: a, subject: mathematics, stage: school, date: 2026-01-15, grades: [12, 9]}
- {id: b, subject: mathematics, stage: school, date: 2026-01-15, grades: [9, 13]}
- {id: c, subject: mathematics, stage: school, date: 2026-01-15, grades: {from: 9}}
- {id: d, subject: mathematics, stage: school, date: 2026-01-15, grades: 9-12}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/olympiads.yaml:1:79: error: the last grade (9) is below the first (12)
 1 | - {id: a, subject: mathematics, stage: school, date: 2026-01-15, grades: [12, 9]}
   |                                                                               ^
  hint: write [first, last], e.g. [9, 12]
data/olympiads.yaml:2:78: error: "grades" is 13, but it must be between 1 and 12
 2 | - {id: b, subject: mathematics, stage: school, date: 2026-01-15, grades: [9, 13]}
   |                                                                              ^
data/olympiads.yaml:3:74: error: "grades" must be the first and last grade, like [9, 12]
 3 | - {id: c, subject: mathematics, stage: school, date: 2026-01-15, grades: {from: 9}}
   |                                                                          ^
data/olympiads.yaml:4:74: error: "grades" must be a whole number, not "9-12"
 4 | - {id: d, subject: mathematics, stage: school, date: 2026-01-15, grades: 9-12}
   |                                                                          ^
  hint: write digits only, without spaces or units
)");
}

TEST_CASE("registration that closes after the olympiad starts") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: a
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  registration_deadline: 2026-01-20
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/olympiads.yaml:6:26: error: registration closes (2026-01-20) after the olympiad starts (2026-01-15)
 6 |   registration_deadline: 2026-01-20
   |                          ^
)");
}

TEST_CASE("olympiad subject and stage are checked") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: a
  subject: physics
  stage: regionl
  grades: [9, 12]
  date: 2026-01-15
)"}}));
  CHECK(b.diagnostics == R"(data/olympiads.yaml:2:12: error: unknown subject "physics"
 2 |   subject: physics
   |            ^
  hint: use the id of a subject from data/subjects.yaml
data/olympiads.yaml:3:10: error: unknown stage "regionl" (did you mean "regional"?)
 3 |   stage: regionl
   |          ^
  hint: use one of: school, regional, state, open, international
)");
}

TEST_CASE("olympiad results: unknown school, missing participants, more awards than participants") {
  Built b = build(with_base({{"data/olympiads.yaml", R"(- id: a
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  results:
    - {school: ventspils-1-pamatskla, participants: 4}
    - {school: talsu-vidusskola, participants: 2, first: 1, second: 1, third: 1}
    - {school: ventspils-1-pamatskola, first: -1}
)"}}));
  CHECK(b.errors == 3);
  CHECK(b.warnings == 1);
  CHECK(
      b.diagnostics ==
      R"(data/olympiads.yaml:7:16: error: unknown school "ventspils-1-pamatskla" (did you mean "ventspils-1-pamatskola"?)
 7 |     - {school: ventspils-1-pamatskla, participants: 4}
   |                ^
  hint: use the id of a school from data/schools/
data/olympiads.yaml:8:48: warning: the school has 3 awards but only 2 participants
 8 |     - {school: talsu-vidusskola, participants: 2, first: 1, second: 1, third: 1}
   |                                                ^
  hint: check the counts: first + second + third + honourable is usually not more than participants
data/olympiads.yaml:9:7: error: missing required field "participants" in an olympiad result
 9 |     - {school: ventspils-1-pamatskola, first: -1}
   |       ^
  hint: add `participants: ...` to this entry
data/olympiads.yaml:9:47: error: "first" is -1, but it cannot be negative
 9 |     - {school: ventspils-1-pamatskola, first: -1}
   |                                               ^
  hint: a count of people or things is 0 or more
)");
  REQUIRE(b.model.olympiads.size() == 1);
  REQUIRE(b.model.olympiads[0].results.size() == 1);  // only the complete result
  CHECK(b.model.olympiads[0].results[0].school == "talsu-vidusskola");
}

// ---------------------------------------------------------------- materials

TEST_CASE("materials") {
  Built b = build(with_base({{"data/materials.yaml", R"(- id: science-secondary-2025
  title: {lv: Dabaszinātnes vidusskolai, en: Science for secondary schools}
  subjects: [mathematics, latvian]
  level: secondary
  deadline: 2025-08-31
  status: published
  published: 2025-08-20
  url: https://mape.gov.lv/x
- id: basic-2026
  title: Pamatskolai
  level: both
  deadline: 2026-01-31
  status: in_progress
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.materials.size() == 2);
  const Material& a = b.model.materials[0];
  CHECK(a.title.in("en") == "Science for secondary schools");
  CHECK(a.subjects == std::vector<std::string>{"mathematics", "latvian"});
  CHECK(a.level == MaterialLevel::kSecondary);
  CHECK(a.deadline == date("2025-08-31"));
  CHECK(a.status == MaterialStatus::kPublished);
  CHECK(a.published == date("2025-08-20"));
  CHECK(a.url == "https://mape.gov.lv/x");
  const Material& c = b.model.materials[1];
  CHECK(c.level == MaterialLevel::kBoth);
  CHECK(c.status == MaterialStatus::kInProgress);
  CHECK_FALSE(c.published.has_value());
  CHECK(c.subjects.empty());
}

TEST_CASE("a published material without a published date") {
  Built b = build(with_base({{"data/materials.yaml", R"(- id: m1
  title: M1
  level: basic
  deadline: 2025-08-31
  status: published
)"}}));
  CHECK(b.diagnostics ==
        R"(data/materials.yaml:5:11: error: a published material needs its "published" date
 5 |   status: published
   |           ^
  hint: add `published: YYYY-MM-DD` (the day it was published)
)");
}

TEST_CASE("a published date on a material that is not published") {
  Built b = build(with_base({{"data/materials.yaml", R"(- id: m1
  title: M1
  level: basic
  deadline: 2025-08-31
  status: planned
  published: 2025-08-20
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/materials.yaml:6:14: error: the material has a "published" date but its status is "planned"
 6 |   published: 2025-08-20
   |              ^
  hint: set `status: published`, or remove the published date
)");
}

TEST_CASE("a misspelt status is reported once, not also as a status without its date") {
  Built b = build(with_base({{"data/materials.yaml", R"(- id: m1
  title: M1
  level: secundary
  deadline: 2025-08-31
  status: publised
  published: 2025-08-20
)"}}));
  CHECK(b.diagnostics ==
        R"(data/materials.yaml:3:10: error: unknown level "secundary" (did you mean "secondary"?)
 3 |   level: secundary
   |          ^
  hint: use one of: basic, secondary, both
data/materials.yaml:5:11: error: unknown status "publised" (did you mean "published"?)
 5 |   status: publised
   |           ^
  hint: use one of: planned, in_progress, review, published
)");
}

TEST_CASE("invalid dates: a day that does not exist, the Latvian form, free text") {
  Built b = build(
      with_base({{"data/materials.yaml",
                  R"(- {id: m1, title: M1, level: basic, status: planned, deadline: 2025-02-30}
- {id: m2, title: M2, level: basic, status: planned, deadline: 31.08.2025.}
- {id: m3, title: M3, level: basic, status: planned, deadline: 1.9.2025}
- {id: m4, title: M4, level: basic, status: planned, deadline: next week}
- {id: m5, title: M5, level: basic, status: planned, deadline: [2025-08-31]}
)"}}));
  CHECK(b.diagnostics == R"(data/materials.yaml:1:64: error: invalid date "2025-02-30" in "deadline"
 1 | - {id: m1, title: M1, level: basic, status: planned, deadline: 2025-02-30}
   |                                                                ^
  hint: this day does not exist in the calendar; check the month and day
data/materials.yaml:2:64: error: invalid date "31.08.2025." in "deadline"
 2 | - {id: m2, title: M2, level: basic, status: planned, deadline: 31.08.2025.}
   |                                                                ^
  hint: data files write dates year first: 2025-08-31
data/materials.yaml:3:64: error: invalid date "1.9.2025" in "deadline"
 3 | - {id: m3, title: M3, level: basic, status: planned, deadline: 1.9.2025}
   |                                                                ^
  hint: data files write dates year first: 2025-09-01
data/materials.yaml:4:64: error: invalid date "next week" in "deadline"
 4 | - {id: m4, title: M4, level: basic, status: planned, deadline: next week}
   |                                                                ^
  hint: write dates as YYYY-MM-DD, e.g. 2025-08-31
data/materials.yaml:5:64: error: "deadline" must be a date (YYYY-MM-DD), not a list
 5 | - {id: m5, title: M5, level: basic, status: planned, deadline: [2025-08-31]}
   |                                                                ^
)");
}

TEST_CASE("a leap day is a real date only in a leap year") {
  Built b = build(
      with_base({{"data/materials.yaml",
                  R"(- {id: m1, title: M1, level: basic, status: planned, deadline: 2024-02-29}
- {id: m2, title: M2, level: basic, status: planned, deadline: 2025-02-29}
)"}}));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.starts_with(
      "data/materials.yaml:2:64: error: invalid date \"2025-02-29\" in \"deadline\"\n"));
  REQUIRE(b.model.materials.size() == 2);
  CHECK(b.model.materials[0].deadline == date("2024-02-29"));
}

// ---------------------------------------------------------------- events

TEST_CASE("events") {
  Built b = build(with_base({{"data/events.yaml", R"(- id: ip-training-2025-05-07
  title: "Mācības izglītības pārvalžu vadītājiem"
  level: national
  audience: [board_staff, school_leaders]
  subjects: []
  start: 2025-05-07T10:00
  end: 2025-05-07T14:00
  hours: 12
  format: in_person
  location: Rīga
  url: https://skolo.lv/x
- id: talsi-2025-06-01
  title: Talsu seminārs
  level: school
  municipality: talsi
  school: talsu-vidusskola
  audience: teachers
  subjects: [latvian]
  start: 2025-06-01 09:30
  hours: 2.5
  format: hybrid
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.events.size() == 2);
  const Event& n = b.model.events[0];
  CHECK(n.title.in("lv") == "Mācības izglītības pārvalžu vadītājiem");
  CHECK(n.level == Level::kNational);
  CHECK(n.audience == std::vector<Audience>{Audience::kBoardStaff, Audience::kSchoolLeaders});
  CHECK(n.start.date == date("2025-05-07"));
  CHECK(n.start.hour == 10);
  CHECK(n.start.has_time);
  CHECK(n.end.hour == 14);
  CHECK(n.hours == 12);
  CHECK(n.format == EventFormat::kInPerson);
  CHECK(n.location == "Rīga");
  const Event& s = b.model.events[1];
  CHECK(s.level == Level::kSchool);
  CHECK(s.municipality == "talsi");
  CHECK(s.school == "talsu-vidusskola");
  CHECK(s.audience == std::vector<Audience>{Audience::kTeachers});
  CHECK(s.subjects == std::vector<std::string>{"latvian"});
  CHECK(s.start.hour == 9);
  CHECK(s.start.minute == 30);
  CHECK(s.end == s.start);  // no end: it ends when it starts
  CHECK(s.hours == 2.5);
  CHECK(s.format == EventFormat::kHybrid);
}

TEST_CASE("a municipal or school event without a municipality") {
  Built b = build(
      with_base({{"data/events.yaml", R"(- {id: a, title: A, level: municipal, start: 2025-06-01}
- {id: b, title: B, level: school, school: talsu-vidusskola, start: 2025-06-01}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/events.yaml:1:3: error: a municipal-level event needs a "municipality"
 1 | - {id: a, title: A, level: municipal, start: 2025-06-01}
   |   ^
  hint: add `municipality: <id>` (an id from data/municipalities.yaml)
data/events.yaml:2:3: error: a school-level event needs a "municipality"
 2 | - {id: b, title: B, level: school, school: talsu-vidusskola, start: 2025-06-01}
   |   ^
  hint: add `municipality: <id>` (an id from data/municipalities.yaml)
)");
}

TEST_CASE("event audience, format, hours and references are checked") {
  Built b = build(with_base({{"data/events.yaml", R"(- id: a
  title: A
  level: municipal
  municipality: talsu
  school: talsu-skola
  audience: [teacher, parents]
  format: zoom
  hours: -2
  start: 2025-06-01
- id: b
  title: B
  level: national
  audience: {teachers: true}
  start: 2025-06-01
)"}}));
  CHECK(b.diagnostics ==
        R"(data/events.yaml:4:17: error: unknown municipality "talsu" (did you mean "talsi"?)
 4 |   municipality: talsu
   |                 ^
  hint: use the id of a municipality from data/municipalities.yaml
data/events.yaml:5:11: error: unknown school "talsu-skola"
 5 |   school: talsu-skola
   |           ^
  hint: use the id of a school from data/schools/
data/events.yaml:6:14: error: unknown audience "teacher" (did you mean "teachers"?)
 6 |   audience: [teacher, parents]
   |              ^
  hint: use one of: teachers, school_leaders, board_staff, municipal_methodologists, national_methodologists
data/events.yaml:6:23: error: unknown audience "parents"
 6 |   audience: [teacher, parents]
   |                       ^
  hint: use one of: teachers, school_leaders, board_staff, municipal_methodologists, national_methodologists
data/events.yaml:7:11: error: unknown format "zoom"
 7 |   format: zoom
   |           ^
  hint: use one of: in_person, online, hybrid
data/events.yaml:8:10: error: "hours" is -2, but it must be between 0 and 10000
 8 |   hours: -2
   |          ^
data/events.yaml:13:13: error: "audience" must be a list, like [teachers, school_leaders]
 13 |   audience: {teachers: true}
    |             ^
)");
}

TEST_CASE("event times") {
  Built b = build(with_base(
      {{"data/events.yaml", R"(- {id: a, title: A, level: national, start: 2025-05-07 10.00}
- {id: b, title: B, level: national, start: 2025-05-07T14:00, end: 2025-05-07T10:00}
- {id: c, title: C, level: national}
)"}}));
  CHECK(b.diagnostics ==
        R"(data/events.yaml:1:45: error: invalid date and time "2025-05-07 10.00" in "start"
 1 | - {id: a, title: A, level: national, start: 2025-05-07 10.00}
   |                                             ^
  hint: write YYYY-MM-DDTHH:MM, e.g. 2025-05-07T10:00, or just the date YYYY-MM-DD
data/events.yaml:2:68: error: the event ends before it starts
 2 | - {id: b, title: B, level: national, start: 2025-05-07T14:00, end: 2025-05-07T10:00}
   |                                                                    ^
data/events.yaml:3:3: error: missing required field "start" in an event
 3 | - {id: c, title: C, level: national}
   |   ^
  hint: add `start: ...` to this entry
)");
}

}  // namespace
}  // namespace metodika::model
