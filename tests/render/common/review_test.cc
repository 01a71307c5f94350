// generator/render/common/review.cc: the report template filled for a municipality of the
// kurzeme-json test site.
#include "render/common/review.h"

#include <doctest/doctest.h>

#include <string>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/common/markdown.h"
#include "render/common/markdown_fields.h"
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

  Review review(std::string_view id, bool council, std::string text = {},
                size_t summarise_above = kSummariseAbove) {
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
    in.summarise_above = summarise_above;
    return build_review(model, results, in);
  }
};

// The blocks' Markdown with the values put in as they read, for searching.
std::string all_markdown(const Review& r) {
  std::string out;
  for (const auto& b : r.blocks) {
    if (b.kind == ReviewBlock::Kind::kMarkdown) {
      out += fill_markdown_fields(b.markdown, r.fields, FieldContext::kVerbatim);
    }
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

TEST_CASE("the review covers its period: olympiads outside it are not counted") {
  Fixture f;
  Review r = f.review("kuldigas-novads", true);
  const std::string md = all_markdown(r);
  // Review 2022-2025 is 2021/2022..2024/2025; the site's olympiad results are from 2026.
  CHECK(md.find("pārskata periods: 2021./2022.–2024./2025. m. g.") != std::string::npos);
  CHECK(md.find("Olimpiāžu dalībnieki") == std::string::npos);
  CHECK(md.find("Pārskata periodā olimpiāžu rezultātu nav.") != std::string::npos);
  CHECK_FALSE(has_table(r, "olimpiades"));
}

TEST_CASE("the methodologists' time norm comes from rules.methodologist_time") {
  Fixture f;
  f.model.site.rules.methodologist_time = model::WorkSplit{{25, 15, 35, 25}};
  Review r = f.review("talsu-novads", true);
  const std::string md = all_markdown(r);
  CHECK(md.find("25% valsts uzdevumi, 15% pedagogu atbalsts, 35% darbs ar iestādēm un 25% datu "
                "darbs") != std::string::npos);
}

// Issue 22: a municipality of many schools gets summaries in its chapters and the per-school
// tables at the end, under the annex chapter, named where the summary stands.
TEST_CASE("a review above the threshold summarises and moves the per-school tables to the end") {
  Fixture f;
  Review full = f.review("talsu-novads", true);
  CHECK(has_table(full, "ce-indekss"));
  CHECK_FALSE(has_table(full, "ce-indekss-kopsavilkums"));
  Review r = f.review("talsu-novads", true, {}, 0);
  const auto index_of = [&r](std::string_view id) {
    for (size_t k = 0; k < r.blocks.size(); ++k) {
      if (r.blocks[k].kind == ReviewBlock::Kind::kTable && r.blocks[k].table.id == id) return k;
    }
    return r.blocks.size();
  };
  const size_t annex = index_of("iestades");
  for (const std::string id : {"ce-indekss", "diagnostika", "kvalitate", "pilnveide", "olimpiades"}) {
    CAPTURE(id);
    if (!has_table(full, id)) continue;  // no such data in this municipality
    const size_t summary = index_of(id + "-kopsavilkums");
    const size_t detail = index_of(id);
    REQUIRE(summary < r.blocks.size());
    REQUIRE(detail < r.blocks.size());
    CHECK(summary < annex);
    CHECK(detail > annex);
    CHECK(r.blocks[summary].summary);  // no open-data file of its own
    CHECK_FALSE(r.blocks[detail].summary);
  }
  const std::string md = all_markdown(r);
  CHECK(md.find("## Centralizēto eksāmenu indekss pa iestādēm") != std::string::npos);
  CHECK(md.find("pielikumā „Centralizēto eksāmenu indekss pa iestādēm“") != std::string::npos);
  // The exam summary: one row a school year, the municipal mean from rules::ce_summary.
  const Table& ce = r.blocks[index_of("ce-indekss-kopsavilkums")].table;
  const auto& years = f.results.ce_summary.municipality[f.model.find_municipality("talsu-novads") -
                                                        f.model.municipalities.data()];
  REQUIRE(ce.rows.size() == years.size());
  CHECK(std::get<double>(ce.rows.back().cells[4].value) ==
        doctest::Approx(years.rbegin()->second.mean));
  // No chart of a bar per school.
  for (const auto& b : r.blocks) {
    if (b.kind == ReviewBlock::Kind::kChart) CHECK(b.chart.title != "Pedagogi, kas izpilda profesionālās pilnveides normu");
  }
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

TEST_CASE("fields are placeholders for their values; an unknown directive is an error naming it") {
  Fixture f;
  Review r = f.review("talsu-novads", false, "# {{municipality}} *x*\n::: table iestades\n");
  REQUIRE(r.blocks.size() == 2);
  REQUIRE_FALSE(r.fields.empty());
  CHECK(r.blocks[0].markdown.starts_with("# \xEE\x80\x80"));
  CHECK(fill_markdown_fields(r.blocks[0].markdown, r.fields, FieldContext::kText) ==
        "# Talsu novads *x*\n");
  CHECK(r.blocks[1].table.id == "iestades");
  CHECK_THROWS_WITH_AS(f.review("talsu-novads", false, "::: table nav\n"),
                       doctest::Contains("unknown directive \"::: table nav\""),
                       ReviewTemplateError);
  CHECK_THROWS_AS(f.review("talsu-novads", false, "{{#open}}"), ReviewTemplateError);
  // A field in a directive line is the template's mistake: the message shows the value.
  CHECK_THROWS_WITH_AS(f.review("talsu-novads", false, "::: table {{municipality}}\n"),
                       doctest::Contains("unknown directive \"::: table Talsu novads\""),
                       ReviewTemplateError);
}

// Issue 19: a value with a newline, "# ", "- ", "[x](javascript:…)", "<script>" or "::: table"
// is text in the review; it neither makes a directive (nor an error blaming the template) nor a
// heading, list, link or emphasis; a web address in a value is one link.
TEST_CASE("hostile values stay text in the review, in HTML and in the tree the PDF lays out") {
  Fixture f;
  auto* mu = const_cast<model::Municipality*>(f.model.find_municipality("talsu-novads"));
  REQUIRE(mu != nullptr);
  mu->board.name =
      "Pārvalde\n::: table nav\n# Virsraksts\n- punkts\n[klikšķis](javascript:alert(1)) "
      "<script>alert(1)</script> *slīpi* https://www.ventspils.lv/lv/izglitiba. =1+1";
  Review r = f.review("talsu-novads", false, "Sagatavo {{board}}.\n\n::: table iestades\n");
  REQUIRE(r.blocks.size() == 2);
  CHECK(r.blocks[1].kind == ReviewBlock::Kind::kTable);

  MarkdownResult html = render_markdown(r.blocks[0].markdown, {false, 1, r.fields});
  CHECK(
      html.html ==
      "<p>Sagatavo Pārvalde ::: table nav # Virsraksts - punkts "
      "[klikšķis](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt; *slīpi* "
      "<a href=\"https://www.ventspils.lv/lv/izglitiba\">https://www.ventspils.lv/lv/izglitiba</a>."
      " =1+1.</p>\n");
  CHECK(html.headings.empty());
  // With raw HTML allowed on the site, a value's HTML is still text.
  CHECK(render_markdown(r.blocks[0].markdown, {true, 1, r.fields}).html == html.html);

  MarkdownNode tree = markdown_tree(r.blocks[0].markdown, r.fields);
  REQUIRE(tree.children.size() == 1);
  const MarkdownNode& p = tree.children[0];
  CHECK(p.kind == MarkdownNode::Kind::kParagraph);
  std::string text;
  int links = 0;
  for (const MarkdownNode& n : p.children) {
    if (n.kind == MarkdownNode::Kind::kLink) {
      ++links;
      CHECK(n.url == "https://www.ventspils.lv/lv/izglitiba");
      REQUIRE(n.children.size() == 1);
      text += n.children[0].text;
    } else {
      CHECK(n.kind == MarkdownNode::Kind::kText);
      text += n.text;
    }
  }
  CHECK(links == 1);
  CHECK(text.find("Pārvalde ::: table nav # Virsraksts - punkts [klikšķis](javascript:alert(1)) "
                  "<script>alert(1)</script> *slīpi* https://www.ventspils.lv/lv/izglitiba. "
                  "=1+1") != std::string::npos);
}

TEST_CASE("the board's conclusions are Markdown, and a directive line in them is text") {
  Fixture f;
  model::Page page;
  page.body = "## Prioritātes\n\n::: table iestades\n\n- viens\n";
  const auto* mu = f.model.find_municipality("talsu-novads");
  ReviewInputs in;
  in.municipality = static_cast<size_t>(mu - f.model.municipalities.data());
  in.lang = "lv";
  in.t = [](std::string_view key) { return std::string(key); };
  in.template_text = "# Secinājumi\n\n{{{conclusions}}}\n::: table iestades\n";
  in.template_source = "review.mustache";
  in.conclusions = &page;
  Review r = build_review(f.model, f.results, in);
  REQUIRE(r.blocks.size() == 2);
  CHECK(r.blocks[0].markdown ==
        "# Secinājumi\n\n### Prioritātes\n\n::: table iestades\n\n- viens\n\n");
  CHECK(r.blocks[1].kind == ReviewBlock::Kind::kTable);
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
