// Golden files of the site renderer (STYLE.md): chosen pages of the kurzeme-json test site,
// compared byte for byte with tests/golden/site/. `METODIKA_UPDATE_GOLDEN=1 ctest` rewrites them;
// review the diff in the commit.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/site/site.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

namespace fs = std::filesystem;

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";
const fs::path kGolden = fs::path(METODIKA_TEST_DIR) / "golden" / "site";

// One page or file of every kind the site writes.
const char* const kFiles[] = {
    "index.html",
    "pasvaldibas/index.html",
    "pasvaldibas/salidzinajums/index.html",
    "dati/latvija/salidzinajums.csv",
    "pasvaldibas/talsu-novads/index.html",
    "pasvaldibas/kuldigas-novads/parskats/index.html",
    "iestades/kuldigas-ventas-vidusskola/index.html",
    "metodiki/index.html",
    "metodiki/mathematics/index.html",
    "olimpiades/index.html",
    "olimpiades.ics",
    "materiali/index.html",
    "pasakumi/index.html",
    "jaunumi/index.html",
    "jaunumi/atom.xml",
    "par-datiem/index.html",
    "dati/index.html",
    "dati/katalogs.jsonld",
    "dati/talsu-novads/budzets-talsu-2024-2026.csv",
    "dati/kuldigas-novads/pilnveide.json",
    "en/pasvaldibas/liepaja/index.html",
    "sitemap.xml",
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("site pages match their golden files") {
  util::MemorySink out;
  diag::Diagnostics diags;
  auto sources = load::load_site(kSite, {}, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  rules::Results results = rules::compute(m);
  load::Theme theme = load::load_theme(kSite, m.site.theme, m.site.languages, diags);
  render_site(m, results, theme, out, diags, SiteOptions{true, true});
  REQUIRE_FALSE(diags.has_errors());
  const bool update = std::getenv("METODIKA_UPDATE_GOLDEN") != nullptr;
  for (const char* name : kFiles) {
    CAPTURE(name);
    auto it = out.files().find(name);
    REQUIRE(it != out.files().end());
    const fs::path golden = kGolden / name;
    if (update) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << it->second;
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(golden), "no golden file; run with METODIKA_UPDATE_GOLDEN=1");
    const std::string want = read(golden);
    if (want != it->second) {
      // The first differing line, so the failure says where without a diff tool.
      size_t at = 0;
      while (at < want.size() && at < it->second.size() && want[at] == it->second[at]) ++at;
      size_t line = 1 + static_cast<size_t>(std::count(want.begin(), want.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
      FAIL_CHECK(std::string(name) << " differs from " << golden.string() << " at line " << line);
    }
  }
}

}  // namespace
}  // namespace metodika::render::site
