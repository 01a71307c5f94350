// Subjects, municipalities, institutions and methodologists (DATA-MODEL.md sections 3–6), and the
// checks every collection shares: fields, types, ids and references.
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

TEST_CASE("the base data builds without diagnostics") {
  Built b = build(with_base({}));
  CHECK(b.diagnostics.empty());
  CHECK(b.model.subjects.size() == 2);
  CHECK(b.model.municipalities.size() == 2);
  CHECK(b.model.institutions.size() == 2);
}

// ---------------------------------------------------------------- fields

TEST_CASE("an unknown field, with did you mean, and the missing field it was meant to be") {
  Built b = build(with_base({{"data/municipalities/more.yaml", R"(- id: kuldiga
  name: Kuldīgas novads
  kind: county
  regin: kurzeme
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/municipalities/more.yaml:1:3: error: missing required field "region" in a municipality
 1 | - id: kuldiga
   |   ^
  hint: add `region: ...` to this entry
data/municipalities/more.yaml:4:3: error: unknown field "regin" in a municipality (did you mean "region"?)
 4 |   regin: kurzeme
   |   ^
  hint: the fields of a municipality are: id, name, kind, region, board, council
)");
}

TEST_CASE("an unknown field with nothing close to it") {
  Built b = build(with_base({{"data/subjects/more.yaml",
                              "- {id: physics, name: Fizika, area: science, colour: blue}\n"}}));
  CHECK(b.diagnostics == R"(data/subjects/more.yaml:1:46: error: unknown field "colour" in a subject
 1 | - {id: physics, name: Fizika, area: science, colour: blue}
   |                                              ^
  hint: the fields of a subject are: id, name, area
)");
}

TEST_CASE("a required field that is present but empty") {
  Built b = build(with_base({{"data/subjects/more.yaml", R"(- id: physics
  name:
  area: science
)"}}));
  CHECK(b.diagnostics ==
        R"(data/subjects/more.yaml:2:8: error: the required field "name" of a subject is empty
 2 |   name:
   |        ^
  hint: give it a value after the colon
)");
}

TEST_CASE("a list where a text is expected") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-2-vidusskola
  name: Ventspils 2. vidusskola
  municipality: ventspils
  kind: secondary
  head: [Anna Ozola, Jānis Kalns]
)"}}));
  CHECK(b.diagnostics == R"(data/schools/more.yaml:5:9: error: "head" must be a text, not a list
 5 |   head: [Anna Ozola, Jānis Kalns]
   |         ^
)");
}

TEST_CASE("a map where a reference is expected") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-2-vidusskola
  name: Ventspils 2. vidusskola
  municipality: {id: ventspils}
  kind: secondary
)"}}));
  CHECK(b.diagnostics ==
        R"(data/schools/more.yaml:3:17: error: "municipality" must be a text, not a map
 3 |   municipality: {id: ventspils}
   |                 ^
)");
}

TEST_CASE("a data file that is a map instead of a list") {
  Built b = build(with_base({{"data/subjects/more.yaml", "id: physics\nname: Fizika\n"}}));
  CHECK(
      b.diagnostics ==
      R"(data/subjects/more.yaml:1:1: error: the file data/subjects/more.yaml must be a list, not a map
 1 | id: physics
   | ^
  hint: start each entry with "- " on a new line, or write [a, b]
)");
}

TEST_CASE("a list entry that is not a map") {
  Built b = build(with_base({{"data/subjects/more.yaml", "- physics\n"}}));
  CHECK(
      b.diagnostics ==
      R"(data/subjects/more.yaml:1:3: error: each subject must be a map of fields (key: value), not a single value
 1 | - physics
   |   ^
  hint: write each field on its own line as `name: value`, or as {name: value, ...}
)");
}

TEST_CASE("an empty data file is an empty collection") {
  Built b = build(with_base({{"data/subjects/more.yaml", "# none yet\n"}}));
  CHECK(b.diagnostics.empty());
  CHECK(b.model.subjects.size() == 2);
}

// ---------------------------------------------------------------- ids

TEST_CASE("an id that is not a slug, with the slug as a suggestion") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: Ventspils 2. vidusskola
  name: Ventspils 2. vidusskola
  municipality: ventspils
  kind: secondary
- id: Rīgas Valsts 1. ģimnāzija
  name: Rīgas Valsts 1. ģimnāzija
  municipality: ventspils
  kind: state_gymnasium
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:1:7: error: "id" "Ventspils 2. vidusskola" is not a valid id: use only lower-case letters a-z, digits and "-"
 1 | - id: Ventspils 2. vidusskola
   |       ^
  hint: for example "ventspils-2-vidusskola"
data/schools/more.yaml:5:7: error: "id" "Rīgas Valsts 1. ģimnāzija" is not a valid id: use only lower-case letters a-z, digits and "-"
 5 | - id: Rīgas Valsts 1. ģimnāzija
   |       ^
  hint: for example "rigas-valsts-1-gimnazija"
)");
  CHECK(b.model.institutions.size() == 2);  // only the base schools
}

TEST_CASE("an id too long to name a file, with where it is") {
  const std::string id = "ventspils" + std::string(112, 'x');  // 121 characters
  Built b = build(with_base({{"data/schools/more.yaml", "- id: " + id + R"(
  name: Ventspils skola
  municipality: ventspils
  kind: secondary
- id: ventspils)" + std::string(111, 'y') + R"(
  name: Garš, bet der
  municipality: ventspils
  kind: secondary
)"}}));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.starts_with(
      "data/schools/more.yaml:1:7: error: \"id\" is 121 characters long; ids and slugs name the "
      "site's folders and files, so at most 120 characters\n"));
  CHECK(b.diagnostics.find("hint: shorten it (and the references to it)") != std::string::npos);
}

TEST_CASE("a duplicate id in another file of the same collection") {
  Built b = build(with_base({{"data/schools/zemgale.yaml", R"(- id: ventspils-1-pamatskola
  name: Cita skola
  municipality: talsi
  kind: basic
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/zemgale.yaml:1:7: error: duplicate school id "ventspils-1-pamatskola" (first used at data/schools/ventspils.yaml:1:8)
 1 | - id: ventspils-1-pamatskola
   |       ^
  hint: every school needs its own id
)");
  REQUIRE(b.model.institutions.size() == 2);
  CHECK(b.model.find_institution("ventspils-1-pamatskola")->municipality == "ventspils");
}

TEST_CASE("a duplicate id in the same file") {
  Built b =
      build(with_base({{"data/municipalities.yaml",
                        R"(- {id: ventspils, name: Ventspils, kind: state_city, region: kurzeme}
- {id: talsi, name: Talsi, kind: county, region: kurzeme}
- {id: ventspils, name: Ventspils, kind: state_city, region: kurzeme}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/municipalities.yaml:3:8: error: duplicate municipality id "ventspils" (first used at data/municipalities.yaml:1:8)
 3 | - {id: ventspils, name: Ventspils, kind: state_city, region: kurzeme}
   |        ^
  hint: every municipality needs its own id
)");
  CHECK(b.model.municipalities.size() == 2);
}

TEST_CASE("a missing id") {
  Built b = build(with_base({{"data/subjects/more.yaml", "- {name: Fizika, area: science}\n"}}));
  CHECK(b.diagnostics ==
        R"(data/subjects/more.yaml:1:3: error: missing required field "id" in a subject
 1 | - {name: Fizika, area: science}
   |   ^
  hint: add `id: ...` to this entry
)");
  CHECK(b.model.subjects.size() == 2);
}

// ---------------------------------------------------------------- references

TEST_CASE("an unknown municipality, with did you mean (DATA-MODEL.md section 14)") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-2-vidusskola
  name: Ventspils 2. vidusskola
  municipality: ventspls
  kind: secondary
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:3:17: error: unknown municipality "ventspls" (did you mean "ventspils"?)
 3 |   municipality: ventspls
   |                 ^
  hint: use the id of a municipality from data/municipalities.yaml
)");
}

// Regression: an institution with an unknown municipality used to be dropped after its id was
// registered, so its index pointed at another school, or past the end of the list.
TEST_CASE("an institution with an unknown municipality can still be referred to") {
  Built b = build(with_base({
      {"data/schools/zemgale.yaml", R"(- id: zemgales-skola
  name: Zemgales skola
  municipality: zemgale
  kind: basic
)"},
      {"data/methodologists.yaml", R"(- id: anna-kalna
  name: Anna Kalna
  level: school
  municipality: ventspils
  school: zemgales-skola
  subjects: [latvian]
)"},
      {"data/metrics/zemgale.yaml", "- {school: zemgales-skola, year: 2025}\n"},
  }));
  CHECK(
      b.diagnostics ==
      R"(data/methodologists.yaml:5:11: error: the school "zemgales-skola" is in zemgale, not in ventspils
 5 |   school: zemgales-skola
   |           ^
  hint: check the methodologist's municipality and school
data/schools/zemgale.yaml:3:17: error: unknown municipality "zemgale"
 3 |   municipality: zemgale
   |                 ^
  hint: use the id of a municipality from data/municipalities.yaml
)");
  REQUIRE(b.model.institutions.size() == 3);
  const Institution* z = b.model.find_institution("zemgales-skola");
  REQUIRE(z != nullptr);
  CHECK(z->id == "zemgales-skola");
  CHECK(b.model.find_institution("talsu-vidusskola")->id == "talsu-vidusskola");
  REQUIRE(b.model.metrics.size() == 1);
  CHECK(b.model.institutions[b.model.metrics[0].school_index].id == "zemgales-skola");
}

TEST_CASE("an unknown municipality with nothing close to it") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: rigas-skola
  name: Rīgas skola
  municipality: riga
  kind: basic
)"}}));
  CHECK(b.diagnostics == R"(data/schools/more.yaml:3:17: error: unknown municipality "riga"
 3 |   municipality: riga
   |                 ^
  hint: use the id of a municipality from data/municipalities.yaml
)");
}

TEST_CASE("a reference when the collection is empty") {
  Built b = build(
      {{"data/schools/x.yaml", "- {id: a, name: A, municipality: ventspils, kind: basic}\n"}});
  CHECK(b.diagnostics == R"(data/schools/x.yaml:1:34: error: unknown municipality "ventspils"
 1 | - {id: a, name: A, municipality: ventspils, kind: basic}
   |                                  ^
  hint: no municipality is defined yet (in data/municipalities.yaml)
)");
}

TEST_CASE("unknown subjects in a list, each at its own place") {
  Built b = build(with_base({{"data/methodologists.yaml", R"(- id: marta-pujate
  name: Marta Pujāte
  level: national
  subjects: [matematika, latvian, physics]
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/methodologists.yaml:4:14: error: unknown subject "matematika" (did you mean "mathematics"?)
 4 |   subjects: [matematika, latvian, physics]
   |              ^
  hint: use the id of a subject from data/subjects.yaml
data/methodologists.yaml:4:35: error: unknown subject "physics"
 4 |   subjects: [matematika, latvian, physics]
   |                                   ^
  hint: use the id of a subject from data/subjects.yaml
)");
}

// ---------------------------------------------------------------- enums

TEST_CASE("an unknown enum value, with did you mean") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-2-vidusskola
  name: Ventspils 2. vidusskola
  municipality: ventspils
  kind: secundary
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:4:9: error: unknown institution kind "secundary" (did you mean "secondary"?)
 4 |   kind: secundary
   |         ^
  hint: use one of: preschool, primary, basic, secondary, gymnasium, state_gymnasium, special, vocational, art, sport, interest
)");
}

TEST_CASE("unknown municipality kind, region and learning area") {
  Built b = build(with_base({
      {"data/municipalities/more.yaml",
       "- {id: kuldiga, name: Kuldīga, kind: novads, region: kurzem}\n"},
      {"data/subjects/more.yaml", "- {id: physics, name: Fizika, area: sciences}\n"},
  }));
  CHECK(b.diagnostics ==
        R"(data/municipalities/more.yaml:1:38: error: unknown municipality kind "novads"
 1 | - {id: kuldiga, name: Kuldīga, kind: novads, region: kurzem}
   |                                      ^
  hint: use one of: state_city, county
data/municipalities/more.yaml:1:54: error: unknown region "kurzem" (did you mean "kurzeme"?)
 1 | - {id: kuldiga, name: Kuldīga, kind: novads, region: kurzem}
   |                                                      ^
  hint: use one of: kurzeme, latgale, riga, vidzeme, zemgale
data/subjects/more.yaml:1:37: error: unknown learning area "sciences" (did you mean "science"?)
 1 | - {id: physics, name: Fizika, area: sciences}
   |                                     ^
  hint: use one of: languages, social_civic, culture_arts, science, mathematics, technology, health_physical
)");
}

// ---------------------------------------------------------------- institutions

TEST_CASE("an institution with every field") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-4-vidusskola
  name: {lv: Ventspils 4. vidusskola, en: Ventspils Secondary School No. 4}
  municipality: ventspils
  kind: secondary
  head: Sandra Šulce
  address: "Jūras iela 1, Ventspils"
  url: https://example.lv/
  students: {2022: 512, 2023: 530}
  teachers: {2022: 45, 2023: 47}
  accreditation: {date: 2021-05-10, valid_until: 2027-05-09}
  tags: [skola2030-pilot, "Pilotskola: ā"]
)"}}));
  CHECK(b.diagnostics.empty());
  const Institution* in = b.model.find_institution("ventspils-4-vidusskola");
  REQUIRE(in != nullptr);
  CHECK(in->name.in("en") == "Ventspils Secondary School No. 4");
  CHECK(in->municipality == "ventspils");
  CHECK(b.model.municipalities[in->municipality_index].id == "ventspils");
  CHECK(in->kind == InstitutionKind::kSecondary);
  CHECK(in->head == "Sandra Šulce");
  CHECK(in->address == "Jūras iela 1, Ventspils");
  CHECK(in->students == ByYear<int>{{2022, 512}, {2023, 530}});
  CHECK(in->teachers.at(2023) == 47);
  REQUIRE(in->accreditation.has_value());
  CHECK(in->accreditation->date == date("2021-05-10"));
  CHECK(in->accreditation->valid_until == date("2027-05-09"));
  CHECK(in->tags == std::vector<std::string>{"skola2030-pilot", "Pilotskola: ā"});
  CHECK(in->pos == Pos{"data/schools/more.yaml", 1, 3});
}

TEST_CASE("counts by school year: not a map, a bad year, a negative count") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-4-vidusskola
  name: Ventspils 4. vidusskola
  municipality: ventspils
  kind: secondary
  students: 512
  teachers: {2024/2025: 45, 2025: -3}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:5:13: error: "students" must be a map from school years to values, like {2024: 512, 2025: 530}, not a single value
 5 |   students: 512
   |             ^
data/schools/more.yaml:6:14: error: invalid school year "2024/2025" in "teachers"
 6 |   teachers: {2024/2025: 45, 2025: -3}
   |              ^
  hint: a school year is written as the year in which it ends: 2025 for 2024/2025
data/schools/more.yaml:6:35: error: "teachers" is -3, but it cannot be negative
 6 |   teachers: {2024/2025: 45, 2025: -3}
   |                                   ^
  hint: a count of people or things is 0 or more
)");
}

TEST_CASE("a count from 2^31 up is too large, not negative; so is one of 30 digits") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-4-vidusskola
  name: Ventspils 4. vidusskola
  municipality: ventspils
  kind: secondary
  students: {2024: 2147483647, 2025: 2147483648}
  teachers: {2024: 999999999999999999999999999999, 2025: -999999999999999999999999999999}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:5:38: error: "students" is 2147483648, which is too large (at most 2147483647)
 5 |   students: {2024: 2147483647, 2025: 2147483648}
   |                                      ^
  hint: check the number: no count of people or things is that large
data/schools/more.yaml:6:20: error: "teachers" is 999999999999999999999999999999, which is too large (at most 2147483647)
 6 |   teachers: {2024: 999999999999999999999999999999, 2025: -999999999999999999999999999999}
   |                    ^
  hint: check the number: no count of people or things is that large
data/schools/more.yaml:6:58: error: "teachers" is -999999999999999999999999999999, but it cannot be negative
 6 |   teachers: {2024: 999999999999999999999999999999, 2025: -999999999999999999999999999999}
   |                                                          ^
  hint: a count of people or things is 0 or more
)");
}

TEST_CASE("an accreditation that ends before it was given") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: ventspils-4-vidusskola
  name: Ventspils 4. vidusskola
  municipality: ventspils
  kind: secondary
  accreditation: {date: 2021-05-10, valid_until: 2020-05-09}
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:5:50: error: the accreditation is valid until 2020-05-09, before it was given (2021-05-10)
 5 |   accreditation: {date: 2021-05-10, valid_until: 2020-05-09}
   |                                                  ^
)");
}

TEST_CASE("a municipality's education board") {
  Built b = build(with_base({{"data/municipalities/more.yaml", R"(- id: kuldiga
  name: Kuldīgas novads
  kind: county
  region: kurzeme
  board:
    name: Kuldīgas Izglītības pārvalde
    e-mail: izglitiba@example.lv
    phone: 63300000
- id: saldus
  name: Saldus novads
  kind: county
  region: kurzeme
  board: [Saldus Izglītības pārvalde]
)"}}));
  CHECK(
      b.diagnostics ==
      R"(data/municipalities/more.yaml:7:5: error: unknown field "e-mail" in the education board (did you mean "email"?)
 7 |     e-mail: izglitiba@example.lv
   |     ^
  hint: the fields of the education board are: name, email, phone, address, url
data/municipalities/more.yaml:13:10: error: board must be a map of fields (key: value), not a list
 13 |   board: [Saldus Izglītības pārvalde]
    |          ^
  hint: write each field on its own line as `name: value`, or as {name: value, ...}
)");
  const Municipality* k = b.model.find_municipality("kuldiga");
  REQUIRE(k != nullptr);
  CHECK(k->board.name == "Kuldīgas Izglītības pārvalde");
  CHECK(k->board.phone == "63300000");
}

// ---------------------------------------------------------------- several errors, JSON

TEST_CASE("all errors of a file are reported in one run") {
  Built b = build(with_base({{"data/schools/more.yaml", R"(- id: a-skola
  name: A
  municipality: ventspls
  kind: basic
- id: B skola
  name: B
  municipality: talsi
  kind: secundary
- id: c-skola
  municipality: talsi
  kind: basic
  students: {2025: 12.5}
)"}}));
  CHECK(b.errors == 5);
  CHECK(
      b.diagnostics ==
      R"(data/schools/more.yaml:3:17: error: unknown municipality "ventspls" (did you mean "ventspils"?)
 3 |   municipality: ventspls
   |                 ^
  hint: use the id of a municipality from data/municipalities.yaml
data/schools/more.yaml:5:7: error: "id" "B skola" is not a valid id: use only lower-case letters a-z, digits and "-"
 5 | - id: B skola
   |       ^
  hint: for example "b-skola"
data/schools/more.yaml:8:9: error: unknown institution kind "secundary" (did you mean "secondary"?)
 8 |   kind: secundary
   |         ^
  hint: use one of: preschool, primary, basic, secondary, gymnasium, state_gymnasium, special, vocational, art, sport, interest
data/schools/more.yaml:9:3: error: missing required field "name" in an institution
 9 | - id: c-skola
   |   ^
  hint: add `name: ...` to this entry
data/schools/more.yaml:12:20: error: "students" must be a whole number, not "12.5"
 12 |   students: {2025: 12.5}
    |                    ^
  hint: a whole number is expected here
)");
}

TEST_CASE("a JSON data file builds the same model as YAML") {
  Built yaml = build(with_base({}));
  testing::Files files = testing::base_data();
  files.erase("data/municipalities.yaml");
  files.emplace("data/municipalities.json", R"([
  {"id": "ventspils", "name": "Ventspils valstspilsēta", "kind": "state_city",
   "region": "kurzeme"},
  {"id": "talsi", "name": {"lv": "Talsu novads", "en": "Talsu novads"}, "kind": "county",
   "region": "kurzeme", "board": {"name": "Talsu Izglītības pārvalde", "phone": "+371 63200000"}}
])");
  Built json = build(files);
  CHECK(json.diagnostics.empty());
  REQUIRE(json.model.municipalities.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    const Municipality& a = yaml.model.municipalities[i];
    const Municipality& j = json.model.municipalities[i];
    CHECK(a.id == j.id);
    CHECK(a.name.by_lang == j.name.by_lang);
    CHECK(a.kind == j.kind);
    CHECK(a.region == j.region);
  }
  CHECK(json.model.municipalities[1].board.phone == "+371 63200000");
  CHECK(json.model.municipalities[0].pos == Pos{"data/municipalities.json", 2, 3});
  CHECK(json.model.institutions.size() == 2);
}

TEST_CASE("errors in a JSON file carry its line and column") {
  Built b = build(with_base({{"data/subjects/more.json", R"([
  {"id": "physics", "name": "Fizika", "area": "sciense", "level": 1}
])"}}));
  CHECK(
      b.diagnostics ==
      R"(data/subjects/more.json:2:47: error: unknown learning area "sciense" (did you mean "science"?)
 2 |   {"id": "physics", "name": "Fizika", "area": "sciense", "level": 1}
   |                                               ^
  hint: use one of: languages, social_civic, culture_arts, science, mathematics, technology, health_physical
data/subjects/more.json:2:58: error: unknown field "level" in a subject
 2 |   {"id": "physics", "name": "Fizika", "area": "sciense", "level": 1}
   |                                                          ^
  hint: the fields of a subject are: id, name, area
)");
}

TEST_CASE("missing translations warn once per field and fall back to the default language") {
  Built b = build(
      with_base({{"data/subjects/more.yaml", R"(- {id: physics, name: {lv: Fizika}, area: science}
- {id: chemistry, name: {lv: Ķīmija}, area: science}
- {id: biology, name: {lv: Bioloģija, en: Biology}, area: science}
)"}}));
  CHECK(b.errors == 0);
  CHECK(b.warnings == 2);
  CHECK(b.diagnostics ==
        R"(data/subjects/more.yaml:1:23: warning: no en text for "name"; the lv text is used
 1 | - {id: physics, name: {lv: Fizika}, area: science}
   |                       ^
  hint: add `en: ...` to translate it
data/subjects/more.yaml:2:25: warning: no en text for "name"; the lv text is used
 2 | - {id: chemistry, name: {lv: Ķīmija}, area: science}
   |                         ^
  hint: add `en: ...` to translate it
)");
  const Subject* physics = b.model.find_subject("physics");
  REQUIRE(physics != nullptr);
  CHECK(physics->name.in("lv") == "Fizika");
  CHECK(physics->name.in("en") == "Fizika");
  CHECK(b.model.find_subject("biology")->name.in("en") == "Biology");
}

TEST_CASE("a text shared through an alias warns once") {
  Built b = build(with_base(
      {{"data/subjects/more.yaml", R"(- {id: physics, name: &n {lv: Dabaszinības}, area: science}
- {id: science, name: *n, area: science}
)"}}));
  CHECK(b.warnings == 1);
  CHECK(
      b.diagnostics.starts_with("data/subjects/more.yaml:1:23: warning: no en text for \"name\""));
  CHECK(b.model.find_subject("science")->name.in("en") == "Dabaszinības");
}

// ---------------------------------------------------------------- addresses

TEST_CASE("web addresses must be http(s), mailto: or tel:; e-mail addresses need an @") {
  Built b = build(with_base({{"data/schools/more.yaml",
                              R"y(- id: a
  name: A
  municipality: talsi
  kind: basic
  url: "javascript:alert(1)"
- id: b
  name: B
  municipality: talsi
  kind: basic
  url: https://b.example.lv/
)y"},
                             {"data/methodologists.yaml", R"(- id: m
  name: M
  level: national
  subjects: [mathematics]
  email: m.example.lv
)"}}));
  CHECK(b.diagnostics ==
        R"y(data/methodologists.yaml:5:10: error: "email" "m.example.lv" is not an e-mail address
 5 |   email: m.example.lv
   |          ^
  hint: write it as name@example.lv
data/schools/more.yaml:5:8: error: "url" "javascript:alert(1)" is not a web address
 5 |   url: "javascript:alert(1)"
   |        ^
  hint: write the full address, starting with https:// (mailto: and tel: links are also allowed)
)y");
  CHECK(b.model.find_institution("b")->url == "https://b.example.lv/");
}

TEST_CASE("a schools file that cannot be parsed does not also report every reference to it") {
  Built b = build(with_base({{"data/schools/talsi.yaml", "- {id: talsu-vidusskola, name: \"x}\n"},
                             {"data/metrics/talsi.yaml", "- {school: talsu-vidusskola, year: 2025}\n"},
                             {"data/metrics/ventspils.yaml",
                              "- {school: ventspils-1-pamatskola, year: 2025}\n"}}));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.find("unknown school") == std::string::npos);
}

}  // namespace
}  // namespace metodika::model
