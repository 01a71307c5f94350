// The addresses content pages must not take (model/reserved.h) are every folder the site
// renderer writes: rendered from the kurzeme-json test site, each top-level folder of each
// language is a listed section, a page of content/, or (at the root) another language.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "model/reserved.h"
#include "render/site/site.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

TEST_CASE("every folder the site writes is reserved, or a content page's own") {
  util::MemorySink out;
  diag::Diagnostics diags;
  auto sources = load::load_site(kSite, {}, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  rules::Results results = rules::compute(m);
  load::Theme theme = load::load_theme(kSite, m.site.theme, m.site.languages, diags);
  render_site(m, results, theme, out, diags, SiteOptions{true, true});
  REQUIRE_FALSE(diags.has_errors());

  std::set<std::string> pages, news;  // (lang + "/" + slug)
  for (const model::Page& p : m.pages) {
    if (p.kind == model::PageKind::kPage) pages.insert(p.lang + "/" + p.slug);
    if (p.kind == model::PageKind::kNews) news.insert(p.lang + "/" + p.slug);
  }
  const auto reserved = [](const std::string& name) {
    return std::find(model::kSiteSections.begin(), model::kSiteSections.end(), name) !=
           model::kSiteSections.end();
  };
  size_t folders = 0;
  for (const auto& [path, bytes] : out.files()) {
    std::string rest = path;
    std::string lang = m.site.languages.front();
    for (size_t i = 1; i < m.site.languages.size(); ++i) {
      if (rest.starts_with(m.site.languages[i] + "/")) {
        lang = m.site.languages[i];
        rest = rest.substr(lang.size() + 1);
      }
    }
    const size_t slash = rest.find('/');
    if (slash == std::string::npos) continue;  // a file: slugs have no dots
    const std::string top = rest.substr(0, slash);
    ++folders;
    CAPTURE(path);
    // The theme's accessibility statement takes pieklustamiba/ only in a language where no page
    // has that slug (render/site/context.h kGeneratedAccessibilityRel), so it never collides.
    CHECK((reserved(top) || pages.contains(lang + "/" + top) || top == "pieklustamiba"));
    if (top == "jaunumi") {
      const std::string rest2 = rest.substr(slash + 1);
      const size_t slash2 = rest2.find('/');
      if (slash2 == std::string::npos) continue;
      const std::string sub = rest2.substr(0, slash2);
      const bool digits = std::all_of(sub.begin(), sub.end(), [](char c) {
        return c >= '0' && c <= '9';
      });
      CHECK((sub == model::kNewsTagsFolder || digits || news.contains(lang + "/" + sub)));
    }
  }
  CHECK(folders > 100);
}

}  // namespace
}  // namespace metodika::render::site
