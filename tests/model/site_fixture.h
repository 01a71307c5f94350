// Builds a tiny inline site for the model tests: writes the files into a temporary folder, runs
// load::load_site and model::build_model, and returns the Model with the formatted diagnostics,
// so that each test can assert the exact text a data officer would see.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "../load/temp_site.h"
#include "diag/diagnostics.h"
#include "load/site_sources.h"
#include "model/build.h"
#include "model/model.h"
#include "util/date.h"

namespace metodika::model::testing {

using metodika::testing::Files;

/// A valid site.yaml with two languages and an `as_of`; used when a test gives none.
inline constexpr std::string_view kSiteYaml = R"(title: {lv: Atbalsts, en: Support}
base_url: https://atbalsts.example.lv/
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC, email: info@example.lv}
)";

/// Subjects, two municipalities and one school in each, all valid: the things other
/// collections refer to.
inline Files base_data() {
  return {
      {"data/subjects.yaml",
       "- {id: mathematics, name: {lv: Matemātika, en: Mathematics}, area: mathematics}\n"
       "- {id: latvian, name: {lv: Latviešu valoda, en: Latvian}, area: languages}\n"},
      {"data/municipalities.yaml",
       "- {id: ventspils, name: Ventspils valstspilsēta, kind: state_city, region: kurzeme}\n"
       "- {id: talsi, name: Talsu novads, kind: county, region: kurzeme}\n"},
      {"data/schools/ventspils.yaml",
       "- {id: ventspils-1-pamatskola, name: Ventspils 1. pamatskola, municipality: ventspils, "
       "kind: basic}\n"},
      {"data/schools/talsi.yaml",
       "- {id: talsu-vidusskola, name: Talsu vidusskola, municipality: talsi, kind: secondary}\n"},
  };
}

/// `base_data()` with `extra` added; a file in `extra` replaces the base file of that name.
inline Files with_base(const Files& extra) {
  Files files = base_data();
  for (const auto& [rel, text] : extra) files[rel] = text;
  return files;
}

struct Built {
  Model model;
  std::string diagnostics;  // Diagnostics::format(): sorted, with source lines and carets
  size_t errors = 0;
  size_t warnings = 0;
};

/// Writes `files` (plus kSiteYaml unless a site file is given), loads and builds them.
inline Built build(Files files, const BuildOptions& options = {},
                   const load::LoadOptions& load_options = {}) {
  if (!files.contains("site.yaml") && !files.contains("site.json") && !files.contains("site.yml")) {
    files["site.yaml"] = std::string(kSiteYaml);
  }
  metodika::testing::TempSite site(files);
  diag::Diagnostics diags;
  load::SiteSources sources = load::load_site(site.root(), load_options, diags);
  Built out;
  out.model = build_model(sources, options, diags);
  out.diagnostics = diags.format();
  out.errors = diags.error_count();
  out.warnings = diags.warning_count();
  return out;
}

/// A date from `YYYY-MM-DD`; fails the test on a typo.
inline util::Date date(std::string_view iso) {
  auto d = util::parse_date(iso);
  REQUIRE_MESSAGE(d.has_value(), "bad date in test: " << iso);
  return *d;
}

}  // namespace metodika::model::testing
