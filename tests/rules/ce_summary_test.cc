#include "rules/ce_summary.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

// Two municipalities: "a" with schools 0 and 1, "b" with school 2.
model::Model three_schools() {
  model::Model m;
  m.site.rules = testing::seed_rules();
  m.municipalities.resize(2);
  m.municipalities[0].id = "a";
  m.municipalities[1].id = "b";
  m.institutions.resize(3);
  m.institutions[0].municipality_index = 0;
  m.institutions[1].municipality_index = 0;
  m.institutions[2].municipality_index = 1;
  return m;
}

void add(model::Model& m, size_t school, int year, std::optional<double> mathematics,
         double latvian, double foreign) {
  model::MetricRecord r;
  r.school_index = school;
  r.year = year;
  r.ce = model::CeScores{mathematics, latvian, foreign, 30};
  m.metrics.push_back(r);
}

std::vector<CeIndex> indexes(const model::Model& m) {
  std::vector<CeIndex> out;
  for (const auto& r : m.metrics) out.push_back(ce_index(r, m.site.rules));
  return out;
}

TEST_CASE("ce_summary: unweighted means and met counts per municipality and nation") {
  model::Model m = three_schools();
  add(m, 0, 2024, 30, 40, 50);  // mean 40: met (threshold 40, mean rule)
  add(m, 1, 2024, 20, 30, 40);  // mean 30: not met
  add(m, 2, 2024, 60, 60, 60);  // mean 60: met
  add(m, 0, 2023, 50, 50, 50);
  const auto ce = indexes(m);
  const CeSummary s = ce_summary(m, ce);
  REQUIRE(s.municipality.size() == 2);
  CHECK(s.municipality[0].at(2024).with_index == 2);
  CHECK(s.municipality[0].at(2024).met == 1);
  CHECK(s.municipality[0].at(2024).mean == doctest::Approx(35));
  CHECK(s.municipality[0].at(2023).mean == doctest::Approx(50));
  CHECK(s.municipality[1].at(2024).mean == doctest::Approx(60));
  CHECK_FALSE(s.municipality[1].contains(2023));
  CHECK(s.national.at(2024).with_index == 3);
  CHECK(s.national.at(2024).met == 2);
  CHECK(s.national.at(2024).mean == doctest::Approx(130.0 / 3));
}

TEST_CASE("ce_summary: records without an index do not count") {
  model::Model m = three_schools();
  add(m, 0, 2024, std::nullopt, 40, 50);  // a missing exam: no index
  add(m, 1, 2024, 50, 50, 50);
  const auto ce = indexes(m);
  const CeSummary s = ce_summary(m, ce);
  CHECK(s.municipality[0].at(2024).with_index == 1);
  CHECK(s.municipality[0].at(2024).mean == doctest::Approx(50));
  CHECK(s.municipality[1].empty());
}

}  // namespace
}  // namespace metodika::rules
