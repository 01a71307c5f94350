// generator/render/common/institution_charts.cc over the kurzeme-json test site: the lines are
// the rules' figures (each record's index, the municipal and national means of its year).
#include "render/common/institution_charts.h"

#include <doctest/doctest.h>

#include <string>

#include "load/site_sources.h"
#include "model/build.h"
#include "rules/results.h"

namespace metodika::render {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

TEST_CASE("institution exam chart: the school's index against the municipal and national means") {
  diag::Diagnostics diags;
  auto sources = load::load_site(kSite, {}, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  const rules::Results r = rules::compute(m);
  const Translate t = [](std::string_view key) { return std::string("[").append(key).append("]"); };
  int charted = 0;
  for (size_t s = 0; s < m.institutions.size(); ++s) {
    const std::optional<Chart> chart = institution_ce_chart(m, r, s, "lv", t);
    bool any_index = false;
    for (size_t i : m.metrics_of_school[s]) any_index = any_index || r.ce[i].index.has_value();
    CHECK(chart.has_value() == any_index);
    if (!chart) continue;
    ++charted;
    REQUIRE(chart->series.size() == 3);
    const size_t mi = m.institutions[s].municipality_index;
    size_t k = 0;
    for (size_t i : m.metrics_of_school[s]) {
      if (!m.metrics[i].ce) continue;
      const int year = m.metrics[i].year;
      CAPTURE(m.institutions[s].id);
      CAPTURE(year);
      CHECK(chart->series[0].values[k] == r.ce[i].index);
      const auto& own = r.ce_summary.municipality[mi];
      if (own.contains(year) && own.at(year).with_index > 0) {
        CHECK(*chart->series[1].values[k] == doctest::Approx(own.at(year).mean));
      }
      CHECK(*chart->series[2].values[k] == doctest::Approx(r.ce_summary.national.at(year).mean));
      ++k;
    }
    CHECK(k == chart->categories.size());
  }
  CHECK(charted > 0);
}

}  // namespace
}  // namespace metodika::render
