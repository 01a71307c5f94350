// generator/render/xlsx/annexes.cc and national.cc: the annexes of the test site, in memory.
// The golden file tests/golden/xlsx/liepaja-2022-2025.txt holds every XML part of Liepāja's
// workbook (the file itself is a zip of them; as text, a change shows in review).
// METODIKA_UPDATE_GOLDEN=1 rewrites it.
#include "render/xlsx/annexes.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "rules/results.h"
#include "xlsx_test_util.h"

namespace metodika::render::xlsx {
namespace {

using namespace testing;

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

std::map<std::string, std::string> build_annexes(unsigned jobs, const std::string& site = kSite) {
  diag::Diagnostics diags;
  auto sources = load::load_site(site, {}, diags);
  model::BuildOptions options;
  options.as_of_override = util::Date{2026, 11, 22};
  model::Model m = model::build_model(sources, options, diags);
  REQUIRE_FALSE(diags.has_errors());
  rules::Results results = rules::compute(m);
  load::Theme theme = load::load_theme(site, m.site.theme, m.site.languages, diags);
  util::MemorySink out;
  AnnexOptions annex;
  annex.jobs = jobs;
  CHECK(write_annexes(m, results, theme, out, annex) == m.municipalities.size() + 1);
  return out.files();
}

TEST_CASE("a workbook per municipality and the national one, the same on any number of jobs") {
  auto one = build_annexes(1);
  std::vector<std::string> names;
  for (const auto& [path, bytes] : one) names.push_back(path);
  CHECK(names == std::vector<std::string>{"parskati/kuldigas-novads-2022-2025.xlsx",
                                          "parskati/latvija-2022-2025.xlsx",
                                          "parskati/liepaja-2022-2025.xlsx",
                                          "parskati/talsu-novads-2022-2025.xlsx"});
  CHECK(build_annexes(4) == one);
}

TEST_CASE("sheets in Latvian, in the issue's order") {
  auto files = build_annexes(2);
  auto wb = unzip(files.at("parskati/liepaja-2022-2025.xlsx")).at("xl/workbook.xml");
  std::vector<std::string> sheets;
  std::regex name("<sheet name=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(wb.begin(), wb.end(), name); it != std::sregex_iterator();
       ++it) {
    sheets.push_back((*it)[1]);
  }
  // Every table of the review, in the review's order, after the programme's sheets.
  CHECK(sheets == std::vector<std::string>{"Budžets", "Pasākumi", "Iestādes", "Dinamika",
                                           "CE indekss", "Diagnostika", "Mācību kvalitāte",
                                           "Pilnveide", "Metodiķi", "Metodiķu laiks",
                                           "Olimpiādes"});
  auto national = unzip(files.at("parskati/latvija-2022-2025.xlsx"));
  const std::string& national_wb = national.at("xl/workbook.xml");
  sheets.clear();
  for (auto it = std::sregex_iterator(national_wb.begin(), national_wb.end(), name);
       it != std::sregex_iterator(); ++it) {
    sheets.push_back((*it)[1]);
  }
  // The national workbook has the municipal annex's indicators, in its order (the network,
  // diagnostic tests and quality were missing), after the summary and the budget.
  CHECK(sheets == std::vector<std::string>{"Pašvaldības", "Budžets", "Iestādes", "Dinamika",
                                           "CE indekss", "Diagnostika", "Mācību kvalitāte",
                                           "Pilnveide", "Metodiķi", "Olimpiādes"});
  // Each of the three a named table with the nation's rows after the municipalities'.
  for (const char* table : {"dinamika", "diagnostika", "macibu_kvalitate"}) {
    bool found = false;
    for (const auto& [part, body] : national) {
      if (part.starts_with("xl/tables/") && body.find(std::string("name=\"") + table + "\"") !=
                                                 std::string::npos) {
        found = true;
      }
    }
    CHECK_MESSAGE(found, table);
  }
  // The national budget: one row per programme with its total as a formula, totals by formula.
  const std::string& budget = national.at("xl/worksheets/sheet2.xml");
  CHECK(budget.find("<f>SUM(") != std::string::npos);
  // Every methodologist, the state-level ones named as such (they were left out).
  std::string strings = national.at("xl/sharedStrings.xml");
  CHECK(strings.find("Valsts līmenis") != std::string::npos);
  CHECK(strings.find("Latvijā kopā") != std::string::npos);
  CHECK(strings.find("Apmierinātība: vidēji iestādēs") != std::string::npos);
}

TEST_CASE("the national budget covers every year of the review, a year without amount noted") {
  auto bundled = build_annexes(2, METODIKA_SOURCE_DIR);
  auto national = unzip(bundled.at("parskati/latvija-2022-2025.xlsx"));
  const std::string& strings = national.at("xl/sharedStrings.xml");
  for (const char* year : {"2022", "2023", "2024", "2025"}) {
    CHECK_MESSAGE(strings.find(std::string("<t>") + year + "</t>") != std::string::npos, year);
  }
  std::string comments;
  for (const auto& [name, body] : national) {
    if (name.starts_with("xl/comments")) comments += body;
  }
  CHECK(comments.find("nav plānots") != std::string::npos);
  // A sheet with blank numbers says what a blank means.
  CHECK(strings.find("Tukša šūna: dati nav sniegti.") != std::string::npos);
}

TEST_CASE("teacher records reach the annex only as counts; small schools are hidden") {
  auto kurzeme = build_annexes(1);
  auto kuldiga = unzip(kurzeme.at("parskati/kuldigas-novads-2022-2025.xlsx"));
  std::string all;
  for (const auto& [name, body] : kuldiga) all += body;
  CHECK(all.find("kt-900001") == std::string::npos);
  CHECK(all.find("Kalnāja-Testa") == std::string::npos);

  // The bundled site: Ventspils Mākslas skola has fewer than 5 teacher records.
  auto bundled = build_annexes(2, METODIKA_SOURCE_DIR);
  auto ventspils = unzip(bundled.at("parskati/ventspils-2022-2025.xlsx"));
  // Notes are in one comments part per sheet that has any (the budget's "nav plānots" too).
  std::string comments;
  for (const auto& [name, body] : ventspils) {
    if (name.starts_with("xl/comments")) comments += body;
  }
  CHECK(comments.find("nav rādīts: mazāk nekā 5 pedagogi") != std::string::npos);
  // A total hidden because a hidden school could be recovered by subtraction says so.
  CHECK(comments.find("nav rādīts, lai slēpto iestāžu skaitļus nevarētu aprēķināt") !=
        std::string::npos);
  // A budget year without an amount is blank with a note, not 0 EUR.
  CHECK(comments.find("nav plānots") != std::string::npos);
}

TEST_CASE("golden: every part of Liepāja's workbook") {
  auto files = build_annexes(1);
  std::ostringstream text;
  for (const auto& [name, body] : unzip(files.at("parskati/liepaja-2022-2025.xlsx"))) {
    text << "=== " << name << " ===\n" << body << "\n";
  }
  const std::string path =
      std::string(METODIKA_TEST_DIR) + "/golden/xlsx/liepaja-2022-2025.txt";
  if (std::getenv("METODIKA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << text.str();
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing " << path << ": run with METODIKA_UPDATE_GOLDEN=1");
  std::string golden((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_MESSAGE(golden == text.str(),
                "the workbook changed; review and rewrite with METODIKA_UPDATE_GOLDEN=1");
}

}  // namespace
}  // namespace metodika::render::xlsx
