// generator/render/common/municipality_charts.cc: the charts of a municipality of the
// kurzeme-json test site, and their caps for a municipality of many schools (issue 21).
#include "render/common/municipality_charts.h"

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
  Translate t;

  Fixture() {
    diag::Diagnostics diags;
    auto sources = load::load_site(kSite, {}, diags);
    model = model::build_model(sources, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    results = rules::compute(model);
    theme = load::load_theme(kSite, "default", model.site.languages, diags);
    const auto& strings = theme.strings.at("lv");
    t = [&strings](std::string_view key) {
      auto it = strings.find(key);
      return it == strings.end() ? std::string(key) : it->second;
    };
  }
  size_t index_of(std::string_view id) const {
    return static_cast<size_t>(model.find_municipality(id) - model.municipalities.data());
  }
};

TEST_CASE("the exam index: a line a school up to kMaxLineSeries, else the spread of the schools") {
  Fixture f;
  const size_t mi = f.index_of("talsu-novads");
  const MunicipalityTables tables = municipality_tables(f.model, f.results, mi, "lv", f.t, false);
  const auto lines = ce_chart(f.model, f.results, tables, "lv", f.t);
  REQUIRE(lines);
  REQUIRE(lines->series.size() <= kMaxLineSeries);
  // A few schools: the capped chart is the chart of a line a school.
  const auto capped = ce_chart_capped(f.model, f.results, tables, "lv", f.t);
  REQUIRE(capped);
  CHECK(capped->series.size() == lines->series.size());
  CHECK(capped->title == lines->title);
  // The spread: the municipal and national means (rules::ce_summary) and the schools' lowest,
  // median and highest, over the same years and with the same thresholds.
  const auto spread = ce_spread_chart(f.model, f.results, tables, "lv", f.t);
  REQUIRE(spread);
  REQUIRE(spread->series.size() == 5);
  CHECK(spread->series.size() <= kMaxLineSeries);
  CHECK(spread->categories == lines->categories);
  CHECK(spread->references.size() == lines->references.size());
  CHECK(spread->series[0].label == f.t("review.summary.municipal_mean"));
  const auto& years = f.results.ce_summary.municipality[mi];
  REQUIRE_FALSE(years.empty());
  const auto& last = spread->series[0].values.back();
  REQUIRE(last);
  CHECK(*last == doctest::Approx(years.rbegin()->second.mean));
  // Lowest <= median <= highest in every year with data.
  for (size_t k = 0; k < spread->categories.size(); ++k) {
    const auto& lo = spread->series[2].values[k];
    const auto& mid = spread->series[3].values[k];
    const auto& hi = spread->series[4].values[k];
    if (!lo) continue;
    CHECK(*lo <= *mid);
    CHECK(*mid <= *hi);
  }
}

TEST_CASE("the time split: a bar per methodologist and year, within kMaxBars") {
  Fixture f;
  for (const auto& mu : f.model.municipalities) {
    const size_t mi = f.index_of(mu.id);
    const MunicipalityTables tables =
        municipality_tables(f.model, f.results, mi, "lv", f.t, false);
    if (auto chart = time_chart(f.model, f.results, tables, "lv", f.t)) {
      CAPTURE(mu.id);
      CHECK(chart->categories.size() <= kMaxBars);
      CHECK(chart->categories.front() == f.t("directory.norm"));
    }
  }
}

}  // namespace
}  // namespace metodika::render
