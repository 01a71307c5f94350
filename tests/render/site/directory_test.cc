// generator/render/site/pages_municipality.cc, pages_institution.cc, pages_directory.cc: the
// municipality and institution pages of the kurzeme-json test site (figures from its README).
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/site/site.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";
const std::string kNbsp = "\u00A0";

// The test site rendered into memory, after `change` has edited the rules' results.
std::unique_ptr<util::MemorySink> render(
    const std::function<void(const model::Model&, rules::Results&)>& change = {}) {
  auto out = std::make_unique<util::MemorySink>();
  diag::Diagnostics diags;
  load::LoadOptions lo;
  auto sources = load::load_site(kSite, lo, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  rules::Results results = rules::compute(m);
  if (change) change(m, results);
  load::Theme theme = load::load_theme(kSite, m.site.theme, m.site.languages, diags);
  render_site(m, results, theme, *out, diags);
  REQUIRE_FALSE(diags.has_errors());
  return out;
}

bool has(const std::string& page, const std::string& text) {
  return page.find(text) != std::string::npos;
}

TEST_CASE("every municipality and institution has a page, linked from the lists") {
  auto out = render();
  const auto& files = out->files();
  for (const char* id : {"liepaja", "kuldigas-novads", "talsu-novads"}) {
    CHECK(files.count("pasvaldibas/" + std::string(id) + "/index.html") == 1);
    CHECK(files.count("en/pasvaldibas/" + std::string(id) + "/index.html") == 1);
    CHECK(
        has(files.at("pasvaldibas/index.html"), "href=\"/pasvaldibas/" + std::string(id) + "/\""));
  }
  // /iestades/ lists municipalities with counts; each municipality's institutions have a page
  // (issue 21: 1,305 names on one page), which links every institution's page.
  CHECK(has(files.at("iestades/index.html"),
            "<a href=\"/pasvaldibas/talsu-novads/iestades/\">Talsu novads</a>"));
  REQUIRE(files.count("pasvaldibas/talsu-novads/iestades/index.html") == 1);
  CHECK(files.count("en/pasvaldibas/talsu-novads/iestades/index.html") == 1);
  CHECK(has(files.at("pasvaldibas/talsu-novads/iestades/index.html"),
            "href=\"/iestades/sabiles-vidusskola/\""));
  CHECK(files.count("iestades/sabiles-vidusskola/index.html") == 1);
}

TEST_CASE("the municipality page shows the board, institutions, budget and development norm") {
  auto out = render();
  const auto& talsi = out->files().at("pasvaldibas/talsu-novads/index.html");
  CHECK(has(talsi, "href=\"mailto:izglitiba@talsi.example.lv\""));
  CHECK(has(talsi,
            "<a href=\"/iestades/sabiles-vidusskola/\">Sabiles vidusskola</a></th>"
            "<td>Vidusskola</td><td class=\"num\">158</td><td class=\"num\">19</td>"
            // Accredited until 04.10.2027.: within a year of as_of (rules/accreditation.h).
            "<td>04.10.2027.</td><td>beidzas gada laikā</td></tr>"));
  CHECK(has(talsi, "<th scope=\"col\" class=\"num\">Izglītojamie, 2024./2025. m. g.</th>"));
  // Budget totals from rules::budget_totals, with NO-BREAK SPACE groups.
  CHECK(has(talsi, "<tr class=\"total\"><td></td><th scope=\"row\">Kopā</th>"));
  CHECK(has(talsi, "<td class=\"num\">10" + kNbsp + "000 EUR</td><td></td></tr>"));
  // Every table links to the CSV of exactly what it shows.
  CHECK(has(talsi, "href=\"/dati/talsu-novads/budzets-talsu-2024-2026.csv\""));
  CHECK(has(talsi, "<section class=\"table-wrap\" aria-label=\"Tabula: Izglītības iestādes\" tabindex=\"0\">"));
  CHECK(has(talsi, "<td class=\"num\">3" + kNbsp + "500,50 EUR</td>"));
  CHECK(has(talsi, "class=\"status-delayed\">kavējas</td>"));
  // The exam index chart has its data table, with the Latvian decimal comma and the threshold.
  CHECK(has(talsi, "<th scope=\"row\">Talsu Valsts ģimnāzija</th><td>72,5%</td><td>74,0%</td>"));
  CHECK(has(talsi, "<th scope=\"row\">Slieksnis (vidējais)</th><td>40,0%</td>"));

  const auto& kuldiga = out->files().at("pasvaldibas/kuldigas-novads/index.html");
  CHECK(has(kuldiga, "href=\"tel:+37163300002\""));
  CHECK(has(kuldiga, "Skrundas pamatskola</a></th><td class=\"num\">3</td><td class=\"num\">1</td>"
                     "<td class=\"num\">33,3%</td>"));
  CHECK(has(kuldiga, "<th scope=\"row\">Pašvaldībā kopā</th><td class=\"num\">6</td>"
                     "<td class=\"num\">3</td><td class=\"num\">50,0%</td>"));
  CHECK(has(kuldiga, "<td>Darbs ar iestādēm</td><td class=\"num\">160</td>"
                     "<td class=\"num\">40,0%</td><td class=\"num\">40%</td>"));
  // Institutions in Latvian order: "Kuldīgas PII" before "Kuldīgas Ventas" before "Skrundas".
  size_t pii = kuldiga.find(">Kuldīgas PII");
  size_t ventas = kuldiga.find(">Kuldīgas Ventas vidusskola</a></th>");
  size_t skrunda = kuldiga.find(">Skrundas pamatskola</a></th>");
  CHECK(pii < ventas);
  CHECK(ventas < skrunda);
}

TEST_CASE("a suppressed school shows the hidden text and no count") {
  auto out = render([](const model::Model& m, rules::Results& r) {
    for (auto& pd : r.school_pd) {
      if (m.institutions[pd.school_index].id == "skrundas-pamatskola") {
        pd.suppressed = true;
        pd.meeting.reset();
        pd.share.reset();
      }
    }
  });
  const auto& kuldiga = out->files().at("pasvaldibas/kuldigas-novads/index.html");
  CHECK(has(kuldiga,
            "Skrundas pamatskola</a></th><td class=\"num muted\">nav rādīts: mazāk nekā "
            "3 pedagogi</td>"));
  CHECK_FALSE(has(kuldiga, "Skrundas pamatskola</a></th><td class=\"num\">"));
  CHECK_FALSE(has(kuldiga, "33,3%"));
  CHECK(has(out->files().at("en/pasvaldibas/kuldigas-novads/index.html"),
            "hidden: fewer than 3 teachers"));
}

TEST_CASE("the institution page shows the exam index beside the municipal and national means") {
  auto out = render();
  const auto& ventas = out->files().at("iestades/kuldigas-ventas-vidusskola/index.html");
  // 2023/2024: index 39.5 under the mean rule (threshold 40), beside the municipality's and the
  // nation's mean of the year.
  CHECK(has(ventas,
            "<td class=\"num\">39,5%</td><td>vidējais</td><td class=\"num\">40,0%</td>"
            "<td class=\"status-not-met\">nav izpildīts</td><td class=\"num\">39,5%</td>"
            "<td class=\"num\">58,3%</td></tr>"));
  CHECK(has(ventas, "href=\"/iestades/kuldigas-ventas-vidusskola/ce-indekss.csv\""));
  CHECK(has(ventas, "<a href=\"/pasvaldibas/kuldigas-novads/\">Kuldīgas novads</a>"));
  CHECK(has(ventas, "<th scope=\"row\">2024./2025. m. g.</th><td class=\"num\">541</td>"));
  CHECK(has(out->files().at("iestades/kuldigas-ventas-vidusskola/skaits.csv"), "2025,541,48\r\n"));
  CHECK(has(out->files().at("en/iestades/kuldigas-ventas-vidusskola/skaits.csv"), "2025,541,48\r\n"));
  for (const auto& [path, bytes] : out->files()) CHECK_FALSE(path.starts_with("dati/iestades/"));
  const auto& sabile = out->files().at("iestades/sabiles-vidusskola/index.html");
  CHECK(has(sabile, "nav indeksa: trūkst eksāmenu svešvaloda"));
  // Accreditation valid until 2027-10-04, within a year of as_of 2026-11-22.
  CHECK(has(sabile, "Derīga līdz: 04.10.2027. <strong class=\"flag\">"));
  CHECK_FALSE(has(sabile, "head_evaluation"));
}

}  // namespace
}  // namespace metodika::render::site

namespace metodika::render::site {
namespace {

TEST_CASE("methodologists: a page per subject, per municipality and the state's, with contacts") {
  auto out = render();
  const auto& files = out->files();
  const auto& all = files.at("metodiki/index.html");
  // The overview links the lists; nobody is listed on it (issue 21: 600 people, 335 KB).
  CHECK_FALSE(has(all, "class=\"person\""));
  CHECK(has(all, "href=\"/metodiki/pasvaldibas/talsu-novads/\""));
  CHECK(has(files.at("en/metodiki/index.html"), "methodologists shown"));
  REQUIRE(files.count("metodiki/pasvaldibas/talsu-novads/index.html") == 1);
  CHECK(files.count("en/metodiki/pasvaldibas/talsu-novads/index.html") == 1);
  CHECK(has(files.at("metodiki/pasvaldibas/talsu-novads/index.html"), "class=\"person\""));
  CHECK(has(files.at("meklet/index.json"), "/metodiki/pasvaldibas/talsu-novads/#m-"));
  REQUIRE(files.count("metodiki/mathematics/index.html") == 1);
  const auto& maths = files.at("metodiki/mathematics/index.html");
  CHECK(has(maths, "href=\"mailto:"));
  CHECK(has(all, "href=\"/metodiki/mathematics/\""));
}

TEST_CASE("open data: CSV and JSON beside each table, the national table and a DCAT catalogue") {
  auto out = render();
  const auto& files = out->files();
  const auto& csv = files.at("dati/talsu-novads/budzets-talsu-2024-2026.csv");
  CHECK(has(csv, "total,,Kopā,3000.00,3500.50,3499.50,10000.00,\r\n"));
  CHECK(files.count("en/dati/talsu-novads/budzets-talsu-2024-2026.csv") == 1);
  CHECK(has(files.at("dati/latvija/pasvaldibas.json"), "\"budget\": 13000.0"));
  const auto& catalogue = files.at("dati/katalogs.jsonld");
  CHECK(has(catalogue, "\"@type\": \"dcat:Catalog\""));
  CHECK(has(catalogue, "/dati/talsu-novads/budzets-talsu-2024-2026.csv"));
  CHECK(has(catalogue, "file-type/CSV"));
  CHECK(has(files.at("dati/index.html"), "href=\"/dati/katalogs.jsonld\""));
  // Each municipality's files on a page of their own, at the address the catalogue gives its
  // dataset (issue 21: /dati/ was 230 KB on the national site).
  CHECK(has(files.at("dati/index.html"), "href=\"/dati/talsu-novads/\""));
  REQUIRE(files.count("dati/talsu-novads/index.html") == 1);
  CHECK(has(files.at("dati/talsu-novads/index.html"),
            "href=\"/dati/talsu-novads/budzets-talsu-2024-2026.csv\""));
  CHECK(has(catalogue, "/dati/talsu-novads/\""));
}

TEST_CASE("the review page: numbered chapters, contents, tables without heads' evaluations") {
  auto out = render();
  const auto& review = out->files().at("pasvaldibas/talsu-novads/parskats/index.html");
  CHECK(has(review, ">1. Kopsavilkums</h2>"));
  CHECK(has(review, "<nav class=\"toc\""));
  CHECK(has(review, "10" + kNbsp + "000 EUR"));
  CHECK_FALSE(has(review, "Vadītāja novērtējums"));
  CHECK(has(out->files().at("pasvaldibas/talsu-novads/index.html"),
            "href=\"/pasvaldibas/talsu-novads/parskats/\""));
}

}  // namespace
}  // namespace metodika::render::site
