// CSV tables (load/csv.h) read through the model: the Latvian number, date and logical forms a
// spreadsheet saves are accepted from cells, and only from cells (DATA-MODEL.md section 16 keeps a
// decimal comma an error in YAML); errors point at the cell and name its row and column.
#include <doctest/doctest.h>

#include "model/private_data.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::date;
using testing::with_base;

/// The base site with `extra`, the base data/schools/talsi.yaml left out (replaced by a table).
testing::Files with_school_table(const testing::Files& extra) {
  testing::Files files = with_base(extra);
  files.erase("data/schools/talsi.yaml");
  return files;
}

TEST_CASE("a school's CSV row: thousands with a space or a no-break space, Latvian dates") {
  auto b = build(with_school_table({
      {"data/schools/talsi.csv",
       "\xEF\xBB\xBFid;name.lv;name.en;municipality;kind;students.2024;"
       "students.2025;accreditation.date;accreditation.valid_until;tags\r\n"
       "talsu-vidusskola;Talsu vidusskola;Talsi School;talsi;secondary;"
       "1 204;1\xC2\xA0"
       "310;05.10.2021.;2027-10-04;a, b\r\n"},
  }));
  INFO(b.diagnostics);
  CHECK(b.errors == 0);
  const Institution* in = b.model.find_institution("talsu-vidusskola");
  REQUIRE(in != nullptr);
  CHECK(in->students.at(2024) == 1204);
  CHECK(in->students.at(2025) == 1310);
  REQUIRE(in->accreditation.has_value());
  CHECK(in->accreditation->date == date("2021-10-05"));
  CHECK(in->accreditation->valid_until == date("2027-10-04"));
  CHECK(in->tags == std::vector<std::string>{"a", "b"});
  CHECK(in->name.in("en") == "Talsi School");
}

TEST_CASE("metric records from CSV: decimal commas and a percent sign where a percentage is") {
  auto b = build(with_base(
      {{"data/metrics/ventspils.csv",
        "school;year;ce.mathematics;ce.latvian;ce.foreign;survey.satisfaction;head_evaluation\n"
        "ventspils-1-pamatskola;2025;38,5;55.1;\"62,0 %\";78,5%;0,125\n"}}));
  INFO(b.diagnostics);
  CHECK(b.errors == 0);
  REQUIRE(b.model.metrics.size() == 1);
  const MetricRecord& r = b.model.metrics[0];
  CHECK(*r.ce->mathematics == doctest::Approx(38.5));
  CHECK(*r.ce->latvian == doctest::Approx(55.1));
  CHECK(*r.ce->foreign == doctest::Approx(62.0));
  CHECK(*r.survey_satisfaction == doctest::Approx(78.5));
  CHECK(*r.head_evaluation == doctest::Approx(0.125));  // 0,125 is no thousand
}

TEST_CASE("\"1,600\" could be an English spreadsheet's 1600 or a Latvian 1.6: an error") {
  auto b = build(with_base({{"data/metrics/ventspils.csv",
                             "school;year;head_evaluation;ce.mathematics\n"
                             "ventspils-1-pamatskola;2025;1,600;41,250\n"}}));
  CHECK(b.errors == 2);
  CHECK(b.diagnostics.find("\"head_evaluation\" must be a number, not \"1,600\"") !=
        std::string::npos);
  CHECK(b.diagnostics.find("  hint: this could be a thousand or more, or a decimal: write 1600 or "
                           "1,6 (a Latvian spreadsheet groups thousands with a space: 16 018)\n") !=
        std::string::npos);
}

TEST_CASE("the same decimal comma in YAML is still an error") {
  auto b = build(with_base({{"data/metrics/ventspils.yaml",
                             "- {school: ventspils-1-pamatskola, year: 2025, head_evaluation: "
                             "\"27,5\"}\n"}}));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.find("\"head_evaluation\" must be a number, not \"27,5\"") !=
        std::string::npos);
}

TEST_CASE("teacher records from CSV, one row per course, hours with a decimal comma") {
  auto b =
      build(with_base({{"data/private/teachers/ventspils.csv",
                        "id;name;school;courses.title;courses.category;courses.hours;courses.date\n"
                        "t-1;Anna;ventspils-1-pamatskola;A;digital;12,5;14.03.2024.\n"
                        "t-1;Anna;ventspils-1-pamatskola;B;other;8;1.9.2025\n"
                        "t-2;Jānis;ventspils-1-pamatskola;;;;\n"}}));
  INFO(b.diagnostics);
  CHECK(b.errors == 0);
  const auto& teachers = b.model.private_data->teachers;
  REQUIRE(teachers.size() == 2);
  REQUIRE(teachers[0].courses.size() == 2);
  CHECK(teachers[0].courses[0].hours == doctest::Approx(12.5));
  CHECK(teachers[0].courses[1].date == date("2025-09-01"));
  CHECK(teachers[1].courses.empty());
}

TEST_CASE("olympiads and events from CSV: logical cells, grades and audiences as lists") {
  auto b = build(with_base(
      {{"data/olympiads.csv",
        "id;subject;stage;grades;date;special_education;results.school;results.participants\n"
        "o-1;mathematics;regional;9, 12;15.01.2026.;PATIESS;ventspils-1-pamatskola;4\n"
        "o-1;;;;;;talsu-vidusskola;2\n"
        "o-2;latvian;state;12;16.01.2026.;nē;;\n"},
       {"data/events.csv",
        "id;title;level;audience;start;end;hours\n"
        "e-1;Mācības;national;teachers, school_leaders;07.05.2025. 10:00;2025-05-07 "
        "14:00;4,5\n"}}));
  INFO(b.diagnostics);
  CHECK(b.errors == 0);
  REQUIRE(b.model.olympiads.size() == 2);
  CHECK(b.model.olympiads[0].special_education);
  CHECK(b.model.olympiads[0].grade_from == 9);
  CHECK(b.model.olympiads[0].grade_to == 12);
  CHECK(b.model.olympiads[0].results.size() == 2);
  CHECK_FALSE(b.model.olympiads[1].special_education);
  CHECK(b.model.olympiads[1].grade_from == 12);
  REQUIRE(b.model.events.size() == 1);
  CHECK(b.model.events[0].audience.size() == 2);
  CHECK(b.model.events[0].start.hour == 10);
  CHECK(b.model.events[0].end.hour == 14);
  CHECK(b.model.events[0].hours == doctest::Approx(4.5));
}

TEST_CASE("a budget from CSV: amounts with thousands and cents, groups by their id") {
  auto b = build(with_base(
      {{"data/programmes/ventspils.csv",
        "id;title;municipality;period.from;period.to;budget.id;budget.title;budget.lines.id;"
        "budget.lines.title;budget.lines.amounts.2024;budget.lines.amounts.2025\n"
        "p-1;Programma;ventspils;2024;2025;1;Atbalsts;1.1;Algas;16 018,50 €;16 640\n"
        ";;;;;;;1.2;Platforma;;500\n"}}));
  INFO(b.diagnostics);
  CHECK(b.errors == 0);
  REQUIRE(b.model.programmes.size() == 1);
  const auto& group = b.model.programmes[0].budget.at(0);
  REQUIRE(group.lines.size() == 2);
  CHECK(group.lines[0].amounts.at(2024) == 1601850);
  CHECK(group.lines[1].amounts.at(2025) == 50000);
}

TEST_CASE("errors in cells name the row and column; an unknown header gets a suggestion") {
  auto b = build(with_school_table({
      {"data/schools/talsi.csv",
       "id;name;municipality;kind;studnets.2024;teachers.2024\n"
       "talsu-vidusskola;Talsu vidusskola;talsi;secondary;10;daudz\n"},
  }));
  CHECK(b.errors == 2);
  CHECK(b.diagnostics.find(
            "data/schools/talsi.csv:1:27: error: unknown field \"studnets\" in an institution (did "
            "you mean \"students\"?)\n"
            " 1 | id;name;municipality;kind;studnets.2024;teachers.2024\n"
            "   |                           ^\n") != std::string::npos);
  CHECK(
      b.diagnostics.find("data/schools/talsi.csv:2:54: error: \"teachers\" must be a whole number, "
                         "not \"daudz\"\n"
                         " 2 | talsu-vidusskola;Talsu vidusskola;talsi;secondary;10;daudz\n"
                         "   |                                                      ^ row 2, "
                         "column F \"teachers.2024\"\n") != std::string::npos);
}

TEST_CASE("a required cell left empty is reported at the cell") {
  auto b = build(with_school_table({
      {"data/schools/talsi.csv", "id;name;municipality;kind\ntalsu-vidusskola;;talsi;secondary\n"},
  }));
  CHECK(b.errors == 1);
  CHECK(b.diagnostics.find("data/schools/talsi.csv:2:18: error: the required field \"name\" of an "
                           "institution is empty\n") != std::string::npos);
  CHECK(b.diagnostics.find("  hint: fill in the cell\n") != std::string::npos);
}

}  // namespace
}  // namespace metodika::model
