// Methodologists (DATA-MODEL.md section 6, and data-model.md section 16 "Methodologists").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/build.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::with_base;

TEST_CASE("a methodologist at each level") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: marta-pujate
  name: Marta Pujāte
  level: national
  subjects: [mathematics]
  email: marta.pujate@example.lv
  fte: 0.5
  activity:
    2025: {state: 160, teachers: 150, schools: 330, data: 160}
- id: ilze-ozola
  name: Ilze Ozola
  level: municipal
  municipality: talsi
  subjects: latvian
  phone: "+371 20000000"
- id: anna-kalna
  name: Anna Kalna
  level: school
  municipality: ventspils
  school: ventspils-1-pamatskola
  subjects: [mathematics, latvian]
)"}}));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.methodologists.size() == 3);
  const Methodologist& n = b.model.methodologists[0];
  CHECK(n.level == Level::kNational);
  CHECK_FALSE(n.municipality.has_value());
  CHECK(n.fte == 0.5);
  REQUIRE(n.activity.contains(2025));
  CHECK(n.activity.at(2025)[WorkCategory::kSchools] == 330);
  CHECK(n.activity.at(2025).total() == 800);
  const Methodologist& m = b.model.methodologists[1];
  CHECK(m.level == Level::kMunicipal);
  CHECK(m.municipality == "talsi");
  CHECK(m.subjects == std::vector<std::string>{"latvian"});
  CHECK(m.fte == 1.0);
  CHECK(m.phone == "+371 20000000");
  const Methodologist& s = b.model.methodologists[2];
  CHECK(s.level == Level::kSchool);
  CHECK(s.school == "ventspils-1-pamatskola");
}

TEST_CASE("a municipal methodologist without a municipality") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: ilze-ozola
  name: Ilze Ozola
  level: municipal
  subjects: [latvian]
)"}}));
  CHECK(b.diagnostics ==
        R"(data/methodologists.yaml:1:3: error: a municipal methodologist needs a "municipality"
 1 | - id: ilze-ozola
   |   ^
  hint: add `municipality: <id>` (an id from data/municipalities.yaml)
)");
}

TEST_CASE("a school methodologist without a school") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: anna-kalna
  name: Anna Kalna
  level: school
  municipality: ventspils
  subjects: [latvian]
)"}}));
  CHECK(b.diagnostics ==
        R"(data/methodologists.yaml:1:3: error: a school-level methodologist needs a "school"
 1 | - id: anna-kalna
   |   ^
  hint: add `school: <id>` (an id from data/schools/)
)");
}

TEST_CASE("a school methodologist whose school is in another municipality") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: anna-kalna
  name: Anna Kalna
  level: school
  municipality: ventspils
  school: talsu-vidusskola
  subjects: [latvian]
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/methodologists.yaml:5:11: error: the school "talsu-vidusskola" is in talsi, not in ventspils
 5 |   school: talsu-vidusskola
   |           ^
  hint: check the methodologist's municipality and school
)");
}

TEST_CASE("a methodologist's subjects, fte and level") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: a
  name: A
  level: national
  subjects: []
  fte: 0
- id: b
  name: B
  level: nacional
  subjects: [latvian]
  fte: 1.5
)"}}));
  CHECK(b.diagnostics ==
        R"(data/methodologists.yaml:4:13: error: a methodologist needs at least one subject
 4 |   subjects: []
   |             ^
data/methodologists.yaml:5:8: error: "fte" must be more than 0 (a share of a full-time post, up to 1)
 5 |   fte: 0
   |        ^
data/methodologists.yaml:8:10: error: unknown level "nacional" (did you mean "national"?)
 8 |   level: nacional
   |          ^
  hint: use one of: national, municipal, school
data/methodologists.yaml:10:8: error: "fte" is 1.5, but it must be between 0 and 1
 10 |   fte: 1.5
    |        ^
)");
}

TEST_CASE("an unknown activity category") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: ilze-ozola
  name: Ilze Ozola
  level: municipal
  municipality: talsi
  subjects: [latvian]
  activity:
    2025: {state: 160, teachers: 150, school: 330, data: 160}
    2024: {state: -1}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/methodologists.yaml:7:39: error: unknown field "school" in a year's activity (did you mean "schools"?)
 7 |     2025: {state: 160, teachers: 150, school: 330, data: 160}
   |                                       ^
  hint: the fields of a year's activity are: state, teachers, schools, data
data/methodologists.yaml:8:19: error: "state" is -1, but it must be between 0 and 10000
 8 |     2024: {state: -1}
   |                   ^
)");
}

TEST_CASE("subjects whose names together overflow a spreadsheet cell are reported at the list") {
  // Four names of 9,000 characters: each within the value limit, 36,006 together.
  std::string subjects;
  for (int i = 0; i < 4; ++i) {
    subjects += "- {id: s" + std::to_string(i) + ", name: \"" + std::string(9'000, 'x') +
                "\", area: mathematics}\n";
  }
  Built b = build(with_base({{"data/subjects.yaml", subjects},
                             {"data/methodologists.yaml", R"(- id: marta-pujate
  name: Marta Pujāte
  level: national
  subjects: [s0, s1, s2, s3]
- id: ilze-ozola
  name: Ilze Ozola
  level: national
  subjects: [s0, s1, s2]
)"}}));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.starts_with(
      "data/methodologists.yaml:4:13: error: the names of these subjects come to 36006 characters "
      "together, more than a spreadsheet cell holds (32767)\n"));
}

}  // namespace
}  // namespace metodika::model
