// generator/render/common/municipality_tables.cc over the kurzeme-json test site (the values its
// README lists).
#include "render/common/municipality_tables.h"
#include "render/common/comparison.h"

#include <doctest/doctest.h>

#include <algorithm>
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
  MunicipalityTables of(std::string_view id) {
    const auto* mu = model.find_municipality(id);
    REQUIRE(mu != nullptr);
    return municipality_tables(model, results, mu - model.municipalities.data(), "lv", t);
  }
};

size_t column(const Table& t, std::string_view key) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return i;
  }
  FAIL("no column " << key);
  return 0;
}

TEST_CASE("budget table: groups, lines and totals from the rules, in cents") {
  Fixture f;
  auto talsi = f.of("talsu-novads");
  REQUIRE(talsi.programmes.size() == 1);
  const Table& b = talsi.programmes[0].budget;
  CHECK(b.id == "budzets-talsu-2024-2026");
  const Row& total = b.rows.back();
  CHECK(total.kind == RowKind::kTotal);
  CHECK(std::get<int64_t>(total.cells[column(b, "total")].value) == 1000000);
  CHECK(std::get<int64_t>(total.cells[column(b, "y2025")].value) == 350050);
  CHECK(std::get<int64_t>(total.cells[column(b, "y2026")].value) == 349950);
  CHECK(b.rows.front().kind == RowKind::kGroup);
  CHECK(std::get<int64_t>(b.rows.front().cells[column(b, "total")].value) == 800000);
  CHECK(format_cell(b.columns[column(b, "y2025")], total.cells[column(b, "y2025")], "lv", "") ==
        "3\u00A0500,50 EUR");
}

TEST_CASE("exam index table: the rule's result per school and year") {
  Fixture f;
  auto kuldiga = f.of("kuldigas-novads");
  const Table& ce = kuldiga.ce_index;
  size_t year = column(ce, "year"), index = column(ce, "index"), result = column(ce, "result");
  bool found = false;
  for (const Row& r : ce.rows) {
    if (std::get<std::string>(r.cells[0].value) == "Kuldīgas Ventas vidusskola" ||
        r.cells[0].link == "iestades/kuldigas-ventas-vidusskola/") {
      if (std::get<int64_t>(r.cells[year].value) != 2024) continue;
      found = true;
      CHECK(std::get<double>(r.cells[index].value) == doctest::Approx(39.5));
      CHECK(r.cells[result].status == "not-met");
      CHECK(std::get<std::string>(r.cells[result].value) == "[directory.not_met]");
    }
  }
  CHECK(found);
}

TEST_CASE("development table: shares at small_cell, the municipality total, no names") {
  Fixture f;
  auto kuldiga = f.of("kuldigas-novads");
  const Table& pd = kuldiga.development;
  REQUIRE_FALSE(pd.rows.empty());
  const Row& total = pd.rows.back();
  CHECK(total.kind == RowKind::kTotal);
  CHECK(std::get<int64_t>(total.cells[column(pd, "meeting")].value) == 3);
  CHECK(std::get<double>(total.cells[column(pd, "share")].value) == doctest::Approx(50));
  // Nothing in any table names a private record.
  for (const Table* t : kuldiga.all()) {
    for (const Row& r : t->rows) {
      for (const Cell& c : r.cells) {
        if (const auto* s = std::get_if<std::string>(&c.value)) CHECK(s->find("kt-9") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a school under small_cell keeps its count but hides the rest") {
  Fixture f;
  f.model.site.rules.small_cell = 4;  // every Kuldīga school has 3 records
  f.results = rules::compute(f.model);
  auto kuldiga = f.of("kuldigas-novads");
  const Table& pd = kuldiga.development;
  size_t share = column(pd, "share"), meeting = column(pd, "meeting");
  for (const Row& r : pd.rows) {
    if (r.kind != RowKind::kData) continue;
    CHECK(r.cells[share].note == CellNote::kSuppressed);
    CHECK(r.cells[meeting].note == CellNote::kSuppressed);
    CHECK(r.cells[column(pd, "hours_digital")].note == CellNote::kSuppressed);
  }
}

TEST_CASE("national summary: a row per municipality and the nation's total") {
  Fixture f;
  Table n = national_summary(f.model, f.results, "lv", f.t);
  CHECK(n.rows.size() == f.model.municipalities.size() + 1);
  CHECK(n.rows.back().kind == RowKind::kTotal);
  size_t budget = column(n, "budget");
  CHECK(std::get<int64_t>(n.rows.back().cells[budget].value) == 1000000 + 300000);
  size_t inst = column(n, "institutions");
  CHECK(std::get<int64_t>(n.rows.back().cells[inst].value) ==
        static_cast<int64_t>(f.model.institutions.size()));
  // The comparison's table without its mean exam index: the same figures, row by row.
  Table c = comparison_table(f.model, f.results, "lv", f.t);
  REQUIRE(c.rows.size() == n.rows.size());
  REQUIRE(c.columns.size() == n.columns.size() + 1);
  const size_t ce_mean = column(c, "ce_mean");
  for (size_t r = 0; r < n.rows.size(); ++r) {
    for (size_t k = 0, j = 0; k < n.columns.size(); ++k, ++j) {
      if (j == ce_mean) ++j;
      CHECK(n.columns[k].label == c.columns[j].label);
      CHECK(n.rows[r].cells[k].value == c.rows[r].cells[j].value);
      CHECK(n.rows[r].cells[k].reason == c.rows[r].cells[j].reason);
    }
  }
}

}  // namespace
}  // namespace metodika::render
