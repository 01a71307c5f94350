// generator/render/common/comparison.cc over the kurzeme-json test site: the table shows
// rules::comparison_figures as they are, and the charts stay within kComparisonBars.
#include "render/common/comparison.h"

#include <doctest/doctest.h>

#include <string>

#include "load/site_sources.h"
#include "model/build.h"
#include "rules/results.h"

namespace metodika::render {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

struct Fixture {
  model::Model model;
  rules::Results results;
  Translate t = [](std::string_view key) { return std::string("[").append(key).append("]"); };

  Fixture() {
    diag::Diagnostics diags;
    auto sources = load::load_site(kSite, {}, diags);
    model = model::build_model(sources, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    results = rules::compute(model);
  }
};

size_t column(const Table& t, std::string_view key) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  FAIL("no column " << key);
  return 0;
}

TEST_CASE("comparison table: the rules' figures of each municipality and of the nation") {
  Fixture f;
  const Table c = comparison_table(f.model, f.results, "lv", f.t);
  CHECK(c.id == "salidzinajums");
  REQUIRE(c.rows.size() == f.model.municipalities.size() + 1);
  const rules::ComparisonFigures& fig = f.results.comparison;
  for (const Row& row : c.rows) {
    if (row.kind == RowKind::kTotal) continue;
    // Linked "pasvaldibas/<id>/": the figures are that municipality's.
    const std::string id = row.cells[0].link.substr(12, row.cells[0].link.size() - 13);
    const auto* mu = f.model.find_municipality(id);
    REQUIRE(mu != nullptr);
    const rules::KeyFigures& k = fig.municipality[mu - f.model.municipalities.data()];
    CHECK(std::get<int64_t>(row.cells[column(c, "institutions")].value) == k.institutions);
    CHECK(std::get<int64_t>(row.cells[column(c, "students")].value) == *k.students);
    CHECK(std::get<double>(row.cells[column(c, "ce_mean")].value) == *k.ce_mean);
  }
  const Row& nation = c.rows.back();
  CHECK(nation.kind == RowKind::kTotal);
  CHECK(std::get<int64_t>(nation.cells[column(c, "budget")].value) == 1000000 + 300000);
  CHECK(std::get<double>(nation.cells[column(c, "ce_mean")].value) == *fig.national.ce_mean);
  CHECK(std::get<int64_t>(nation.cells[column(c, "institutions")].value) ==
        static_cast<int64_t>(f.model.institutions.size()));
}

TEST_CASE("comparison charts: one per region, ranked, at most kComparisonBars bars") {
  Fixture f;
  const std::vector<Chart> charts = comparison_charts(f.model, f.results, "lv", f.t);
  REQUIRE(charts.size() == 1);  // every municipality of the test site is in Kurzeme
  const Chart& c = charts[0];
  REQUIRE(c.series.size() == 1);
  CHECK(c.categories.size() == f.model.municipalities.size());
  CHECK(c.categories.size() <= kComparisonBars);
  for (size_t i = 1; i < c.series[0].values.size(); ++i) {
    CHECK(*c.series[0].values[i - 1] >= *c.series[0].values[i]);
  }
  REQUIRE(c.references.size() == 1);
  CHECK(c.references[0].value == *f.results.comparison.national.ce_mean);
}

}  // namespace
}  // namespace metodika::render
