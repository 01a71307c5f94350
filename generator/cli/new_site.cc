// `metodika new DIR`: a minimal site that builds as it is, to start from. Kept as text here so
// that the binary carries it (a user has nothing else installed).
#include <array>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <utility>

#include "cli/commands.h"
#include "util/fs.h"

namespace metodika::cli {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kSkeleton = {{
    {"site.yaml", R"(# Site settings. See DATA-MODEL.md section 2.
title: {lv: "Pedagogu profesionālā atbalsta sistēma", en: "Teacher Professional Support System"}
base_url: "https://atbalsts.example.lv/"
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
theme: default
publisher: {name: "Izglītības pārvalde", email: "info@example.lv"}
)"},
    {"data/subjects.yaml", R"(- {id: mathematics, name: {lv: Matemātika, en: Mathematics}, area: mathematics}
- {id: latvian, name: {lv: Latviešu valoda, en: Latvian}, area: languages}
)"},
    {"data/municipalities.yaml", R"(- id: ventspils
  name: Ventspils valstspilsēta
  kind: state_city
  region: kurzeme
  board:
    name: Ventspils Izglītības pārvalde
    email: izglitiba@example.lv
  council: Ventspils valstspilsētas pašvaldības dome
)"},
    {"data/schools/ventspils.yaml", R"(- id: ventspils-1-pamatskola
  name: Ventspils 1. pamatskola
  municipality: ventspils
  kind: basic
  students: {2024: 512, 2025: 530}
  teachers: {2024: 45, 2025: 47}
)"},
    {"data/methodologists.yaml", R"(- id: marta-pujate
  name: Marta Pujāte
  level: municipal
  municipality: ventspils
  subjects: [mathematics]
  email: marta.pujate@example.lv
  fte: 0.5
)"},
    {"data/olympiads.yaml", R"(- id: math-2026-regional
  subject: mathematics
  stage: regional
  grades: [9, 12]
  date: 2026-01-15
  organizer: VISC
)"},
    // Metric records and teacher records as CSV tables, as a Latvian spreadsheet saves them
    // (docs/data-model.md section 17): the formats may be mixed in one site.
    {"data/metrics/ventspils.csv",
     "school;year;ce.mathematics;ce.latvian;ce.foreign;ce.examinees;observations.teachers;"
     "observations.observed_twice\n"
     "ventspils-1-pamatskola;2024;44,5;58,0;63,5;38;45;41\n"
     "ventspils-1-pamatskola;2025;;;;;47;40\n"},
    {"data/private/teachers/ventspils.csv",
     "id;name;school;courses.title;courses.category;courses.hours;courses.date\n"
     "t-000001;Jānis Bērziņš;ventspils-1-pamatskola;Digitālā pratība;digital;12;14.03.2024.\n"
     "t-000001;Jānis Bērziņš;ventspils-1-pamatskola;Formatīvā vērtēšana;content_didactics;24,5;"
     "02.10.2025.\n"
     "t-000002;Anna Ozola;ventspils-1-pamatskola;Bērnu tiesību aizsardzība;child_rights;8;"
     "20.01.2025.\n"},
    {"content/_index.md", R"(---
title: Sākums
---
Laipni lūdzam!
)"},
    {"content/about.md", R"(---
title: Par sistēmu
slug: par
---
Šī lapa stāsta par pedagogu profesionālā atbalsta sistēmu.
)"},
}};

}  // namespace

int run_new(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    std::cerr << "metodika: error: " << dir << " already exists and is not empty; choose a new "
              << "folder name\n";
    return 2;
  }
  try {
    for (const auto& [path, text] : kSkeleton) util::write_file(dir / path, text);
  } catch (const std::exception& e) {
    std::cerr << "metodika: error: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "metodika: created a new site in " << dir.string() << "\n"
            << "Build it with:  metodika build " << dir.string() << "\n";
  return 0;
}

}  // namespace metodika::cli
