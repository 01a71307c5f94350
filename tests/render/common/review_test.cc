// generator/render/common/review.cc: the report template filled for a municipality of the
// kurzeme-json test site.
#include "render/common/review.h"

#include <doctest/doctest.h>

#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "rules/results.h"

namespace metodika::render {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

struct Fixture {
  model::Model model;
  rules::Results results;
  load::Theme theme;

  Fixture() {
    diag::Diagnostics diags;
    auto sources = load::load_site(kSite, {}, diags);
    model = model::build_model(sources, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    results = rules::compute(model);
    theme = load::load_theme(kSite, "default", model.site.languages, diags);
  }

  Review review(std::string_view id, bool council, std::string text = {}) {
    const auto* mu = model.find_municipality(id);
    REQUIRE(mu != nullptr);
    ReviewInputs in;
    in.municipality = static_cast<size_t>(mu - model.municipalities.data());
    in.lang = "lv";
    const auto& strings = theme.strings.at("lv");
    in.t = [&strings](std::string_view key) {
      auto it = strings.find(key);
      return it == strings.end() ? std::string(key) : it->second;
    };
    in.template_text = text.empty() ? theme.templates.at(review_template_name("lv")) : text;
    in.template_source = "report/review-lv.mustache";
    in.council = council;
    return build_review(model, results, in);
  }
};

std::string all_markdown(const Review& r) {
  std::string out;
  for (const auto& b : r.blocks) {
    if (b.kind == ReviewBlock::Kind::kMarkdown) out += b.markdown;
  }
  return out;
}

bool has_table(const Review& r, std::string_view id) {
  for (const auto& b : r.blocks) {
    if (b.kind == ReviewBlock::Kind::kTable && b.table.id == id) return true;
  }
  return false;
}

TEST_CASE("the bundled template gives chapters, figures, tables and charts") {
  Fixture f;
  Review r = f.review("talsu-novads", true);
  CHECK(r.municipality == "Talsu novads");
  CHECK(r.period == std::to_string(f.model.site.review_from) + "–" +
                        std::to_string(f.model.site.review_to));
  const std::string md = all_markdown(r);
  CHECK(md.find("# Kopsavilkums") != std::string::npos);
  CHECK(md.find("# Pielikumi") != std::string::npos);
  // The budget total from the rules, Latvian style, in the summary.
  CHECK(md.find("budžets 10\u00A0000 EUR") != std::string::npos);
  CHECK(has_table(r, "budzets-talsu-2024-2026"));
  CHECK(has_table(r, "iestades"));
  bool chart = false;
  for (const auto& b : r.blocks) chart |= b.kind == ReviewBlock::Kind::kChart;
  CHECK(chart);
}

TEST_CASE("heads' evaluations only in the council's review") {
  Fixture f;
  auto quality = [](const Review& r) -> const Table* {
    for (const auto& b : r.blocks) {
      if (b.kind == ReviewBlock::Kind::kTable && b.table.id == "kvalitate") return &b.table;
    }
    return nullptr;
  };
  Review council = f.review("talsu-novads", true);
  Review pub = f.review("talsu-novads", false);
  const Table* c = quality(council);
  REQUIRE(c != nullptr);
  CHECK(c->columns.back().key == "head_evaluation");
  const Table* p = quality(pub);
  if (p) {
    for (const auto& col : p->columns) CHECK(col.key != "head_evaluation");
  }
}

TEST_CASE("fields are Markdown-escaped; an unknown directive is an error naming it") {
  Fixture f;
  Review r = f.review("talsu-novads", false, "# {{municipality}} *x*\n::: table iestades\n");
  REQUIRE(r.blocks.size() == 2);
  CHECK(r.blocks[0].markdown == "# Talsu novads *x*\n");
  CHECK(r.blocks[1].table.id == "iestades");
  CHECK_THROWS_WITH_AS(f.review("talsu-novads", false, "::: table nav\n"),
                       doctest::Contains("unknown directive \"::: table nav\""),
                       ReviewTemplateError);
  CHECK_THROWS_AS(f.review("talsu-novads", false, "{{#open}}"), ReviewTemplateError);
}

TEST_CASE("number_headings numbers chapters and sections across blocks") {
  Review r;
  ReviewBlock a, b;
  a.markdown = "# Viens\n## A\n```\n# not a heading\n```\n";
  b.markdown = "# Divi\n## B\n## C\n";
  r.blocks = {a, b};
  number_headings(r);
  CHECK(r.blocks[0].markdown == "# 1. Viens\n## 1.1. A\n```\n# not a heading\n```\n");
  CHECK(r.blocks[1].markdown == "# 2. Divi\n## 2.1. B\n## 2.2. C\n");
}

}  // namespace
}  // namespace metodika::render
