// libFuzzer harness: the review template (generator/render/common/review.h) on any bytes as a
// site's templates/report/review-lv.mustache, filled for a municipality of the kurzeme-json test
// site: Mustache, the directive parser, then every Markdown block rendered as the HTML page and
// the PDF do. A template error is an expected answer; anything else that escapes is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/common/markdown.h"
#include "render/common/municipality_tables.h"
#include "render/common/review.h"
#include "rules/results.h"

using namespace metodika;

namespace {

struct Fixture {
  model::Model model;
  rules::Results results;
  load::Theme theme;
  render::MunicipalityTables tables;
  render::Translate t;
  size_t municipality = 0;
};

Fixture* fixture = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::string site = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";
  diag::Diagnostics diags;
  fixture = new Fixture;
  Fixture& f = *fixture;
  f.model = model::build_model(load::load_site(site, {}, diags), {}, diags);
  if (diags.has_errors()) std::abort();
  f.results = rules::compute(f.model);
  f.theme = load::load_theme(site, "default", f.model.site.languages, diags);
  const auto* mu = f.model.find_municipality("talsu-novads");
  if (mu == nullptr) std::abort();
  f.municipality = static_cast<size_t>(mu - f.model.municipalities.data());
  const auto& strings = f.theme.strings.at("lv");
  f.t = [&strings](std::string_view key) {
    auto it = strings.find(key);
    return it == strings.end() ? std::string(key) : it->second;
  };
  f.tables = render::municipality_tables(f.model, f.results, f.municipality, "lv", f.t, true);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = *fixture;
  render::ReviewInputs in;
  in.municipality = f.municipality;
  in.lang = "lv";
  in.t = f.t;
  in.template_text.assign(reinterpret_cast<const char*>(data), size);
  in.template_source = "templates/report/review-lv.mustache";
  in.council = true;
  in.tables = &f.tables;
  render::Review review;
  try {
    review = render::build_review(f.model, f.results, in);
  } catch (const render::ReviewTemplateError&) {
    return 0;
  }
  render::number_headings(review);
  for (const render::ReviewBlock& b : review.blocks) {
    if (b.kind != render::ReviewBlock::Kind::kMarkdown) continue;
    (void)render::render_markdown(b.markdown, {.heading_offset = 1, .fields = review.fields});
    (void)render::markdown_tree(b.markdown, review.fields);
  }
  return 0;
}
