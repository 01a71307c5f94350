// A complete small site, every collection of DATA-MODEL.md present: it builds without a single
// diagnostic and the model holds typed values.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/build.h"
#include "model/private_data.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::date;
using testing::Files;

Files complete_site() {
  return {
      {"site.yaml",
       R"(title: {lv: "Pedagogu profesionālā atbalsta sistēma", en: "Teacher Professional Support System"}
base_url: "https://atbalsts.example.lv/"
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
theme: default
publisher: {name: "Valsts izglītības satura centrs", email: "info@example.lv"}
rules:
  ce_index:
    - {from: 2020-08-01, to: 2025-07-31, method: mean, threshold: 40}
    - {from: 2025-08-01, to: 2029-07-31, method: min, threshold: 50}
  pd: {hours: 36, years: 3}
  methodologist_time: {state: 20, teachers: 20, schools: 40, data: 20}
  observations_per_teacher: 2
  small_cell: 5
  due_soon_days: 30
)"},
      {"data/subjects.yaml",
       R"(- {id: mathematics, name: {lv: Matemātika, en: Mathematics}, area: mathematics}
- {id: latvian, name: {lv: Latviešu valoda, en: Latvian}, area: languages}
- {id: physics, name: {lv: Fizika, en: Physics}, area: science}
)"},
      {"data/municipalities.json", R"([
  {"id": "ventspils", "name": {"lv": "Ventspils valstspilsēta", "en": "Ventspils State City"},
   "kind": "state_city", "region": "kurzeme",
   "board": {"name": "Ventspils Izglītības pārvalde", "email": "izglitiba@example.lv",
             "phone": "+371 63600000", "address": "Jūras iela 36, Ventspils",
             "url": "https://example.lv/"},
   "council": "Ventspils valstspilsētas pašvaldības dome"}
])"},
      {"data/schools/ventspils.yaml", R"(- id: ventspils-1-pamatskola
  name: Ventspils 1. pamatskola
  municipality: ventspils
  kind: basic
  head: Sandra Šulce
  students: {2022: 512, 2023: 530}
  teachers: {2022: 45, 2023: 47}
  accreditation: {date: 2021-05-10, valid_until: 2027-05-09}
  tags: [skola2030-pilot]
- id: ventspils-4-vidusskola
  name: Ventspils 4. vidusskola
  municipality: ventspils
  kind: secondary
)"},
      {"data/methodologists.yaml", R"(- id: marta-pujate
  name: Marta Pujāte
  level: municipal
  municipality: ventspils
  subjects: [mathematics]
  email: marta.pujate@example.lv
  fte: 0.5
  activity:
    2025: {state: 160, teachers: 150, schools: 330, data: 160}
)"},
      {"data/olympiads.yaml", R"(- id: math-2026-regional
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  registration_deadline: 2026-01-05
  system: LU EDU
  organizer: VISC
  special_education: false
  results:
    - {school: ventspils-4-vidusskola, participants: 4, first: 1, second: 0, third: 1, honourable: 1}
)"},
      {"data/materials.yaml", R"(- id: science-secondary-2025
  title: {lv: "Fizika vidusskolai", en: "Physics for secondary schools"}
  subjects: [physics]
  level: secondary
  deadline: 2025-08-31
  status: published
  published: 2025-08-20
)"},
      {"data/events.yaml", R"(- id: ip-training-2025-05-07
  title: {lv: "Mācības izglītības pārvalžu vadītājiem", en: "Training for education boards"}
  level: municipal
  municipality: ventspils
  audience: [board_staff, school_leaders]
  start: 2025-05-07T10:00
  end: 2025-05-07T14:00
  hours: 12
  format: in_person
)"},
      {"data/metrics/ventspils.yaml", R"(- school: ventspils-4-vidusskola
  year: 2025
  ce: {mathematics: 38.5, latvian: 55.1, foreign: 62.0, examinees: 41}
  observations: {teachers: 40, observed_twice: 38}
  head_evaluation: 27
)"},
      {"data/programmes/ventspils.yaml", R"(id: ventspils-2022-2024
title: {lv: "Kompetenču pieejas atbalsts", en: "Support for the competence approach"}
municipality: ventspils
decision: {number: "97", date: 2021-12-23, body: "Ventspils valstspilsētas pašvaldības dome"}
period: {from: 2022, to: 2024}
actions:
  - {id: "1.1", title: {lv: Dienests, en: Service}, from: 2022, to: 2024, status: ongoing}
budget:
  - id: "1"
    title: {lv: "Pedagogu atbalsta dienesta darbība", en: "Teacher support service"}
    lines:
      - {id: "1.1", title: {lv: Atalgojums, en: Salaries}, amounts: {2022: 16018, 2023: 16640.25}}
)"},
      {"data/private/teachers/ventspils.yaml", R"(- id: t-000123
  name: Jānis Bērziņš
  school: ventspils-1-pamatskola
  courses:
    - {title: "Digitālā pratība mācību stundā", category: digital, hours: 12, date: 2024-03-14}
)"},
      {"content/_index.md", "Sveicināti!\n"},
      {"content/en/_index.md", "Welcome!\n"},
      {"content/about.md", "---\ntitle: Par mums\nslug: par\n---\nTeksts\n"},
      {"content/news/2026-11-01-olimpiades.md", "---\ntitle: Olimpiādes\n---\nTeksts\n"},
      {"content/municipalities/ventspils/review.md", "---\ntitle: Pārskats\n---\nTeksts\n"},
  };
}

TEST_CASE("a complete valid site builds with no diagnostics") {
  Built b = build(complete_site());
  CHECK(b.diagnostics.empty());
  CHECK(b.errors == 0);
  CHECK(b.warnings == 0);
  const Model& m = b.model;
  CHECK(m.site.title.in("en") == "Teacher Professional Support System");
  CHECK(m.site.as_of == date("2026-11-22"));
  CHECK(m.subjects.size() == 3);
  CHECK(m.find_subject("physics")->area == LearningArea::kScience);
  CHECK(m.institutions.size() == 2);
  CHECK(m.methodologists.size() == 1);
  CHECK(m.olympiads.size() == 1);
  CHECK(m.materials.size() == 1);
  CHECK(m.events.size() == 1);
  CHECK(m.metrics.size() == 1);
  CHECK(m.programmes.size() == 1);
  CHECK(m.pages.size() == 5);
}

TEST_CASE("the complete site's values are typed") {
  Built b = build(complete_site());
  const Model& m = b.model;

  // A municipality from JSON, with its text in both languages.
  const Municipality* v = m.find_municipality("ventspils");
  REQUIRE(v != nullptr);
  CHECK(v->name.in("lv") == "Ventspils valstspilsēta");
  CHECK(v->name.in("en") == "Ventspils State City");
  CHECK(v->kind == MunicipalityKind::kStateCity);
  CHECK(v->region == Region::kKurzeme);
  CHECK(v->board.email == "izglitiba@example.lv");
  CHECK(v->board.address == "Jūras iela 36, Ventspils");
  CHECK(v->council == "Ventspils valstspilsētas pašvaldības dome");

  // By-year maps.
  const Institution* s = m.find_institution("ventspils-1-pamatskola");
  REQUIRE(s != nullptr);
  CHECK(s->kind == InstitutionKind::kBasic);
  CHECK(s->students == ByYear<int>{{2022, 512}, {2023, 530}});
  CHECK(s->teachers == ByYear<int>{{2022, 45}, {2023, 47}});
  const Methodologist& me = m.methodologists[0];
  CHECK(me.level == Level::kMunicipal);
  CHECK(me.activity.at(2025)[WorkCategory::kState] == 160);
  CHECK(me.activity.at(2025)[WorkCategory::kData] == 160);

  // Enums.
  CHECK(m.olympiads[0].stage == OlympiadStage::kRegional);
  CHECK(m.materials[0].status == MaterialStatus::kPublished);
  CHECK(m.materials[0].level == MaterialLevel::kSecondary);
  CHECK(m.events[0].format == EventFormat::kInPerson);
  CHECK(m.events[0].audience ==
        std::vector<Audience>{Audience::kBoardStaff, Audience::kSchoolLeaders});
  CHECK(m.programmes[0].actions[0].status == ActionStatus::kOngoing);

  // Budget amounts are exact cents.
  const BudgetLine& line = m.programmes[0].budget[0].lines[0];
  CHECK(line.amounts == ByYear<Cents>{{2022, 1601800}, {2023, 1664025}});
  CHECK(line.title.in("en") == "Salaries");

  // Metrics.
  CHECK(m.metrics[0].ce->foreign == 62.0);
  CHECK(m.institutions[m.metrics[0].school_index].id == "ventspils-4-vidusskola");

  // Private teacher records stay out of the public model, in private_data.
  REQUIRE(m.private_data != nullptr);
  REQUIRE(m.private_data->teachers.size() == 1);
  const Teacher& t = m.private_data->teachers[0];
  CHECK(t.id == "t-000123");
  CHECK(t.courses[0].category == CourseCategory::kDigital);
  CHECK(t.courses[0].hours == 12);

  // Pages in both languages.
  size_t en_pages = 0;
  for (const Page& p : m.pages) en_pages += p.lang == "en" ? 1 : 0;
  CHECK(en_pages == 1);
}

TEST_CASE("the same site builds the same model twice (no order from hash maps)") {
  Built a = build(complete_site());
  Built c = build(complete_site());
  REQUIRE(a.model.pages.size() == c.model.pages.size());
  for (size_t i = 0; i < a.model.pages.size(); ++i) {
    CHECK(a.model.pages[i].source == c.model.pages[i].source);
  }
  REQUIRE(a.model.institutions.size() == c.model.institutions.size());
  for (size_t i = 0; i < a.model.institutions.size(); ++i) {
    CHECK(a.model.institutions[i].id == c.model.institutions[i].id);
  }
}

}  // namespace
}  // namespace metodika::model
