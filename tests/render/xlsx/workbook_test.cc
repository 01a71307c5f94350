// generator/render/xlsx/workbook.cc: properties, determinism, temporary files.
#include "render/xlsx/workbook.h"

// GCC 12 at -O2 reports a false -Wrestrict inside std::string's inlined concatenation here (GCC
// bug 105651); the code copies between distinct strings.
#pragma GCC diagnostic ignored "-Wrestrict"

#include <doctest/doctest.h>

#include <filesystem>

#include "render/xlsx/sheet.h"
#include "xlsx_test_util.h"

namespace metodika::render::xlsx {
namespace {

using namespace testing;

std::string small_workbook(util::Date created, const std::string& tmp = "/tmp") {
  Workbook wb(test_properties(created), tmp);
  Table t;
  t.columns = {col("a", "A"),
               col("b", "B", ColumnType::kMoney)};
  t.rows = {row({text("x"), eur(5)}),
            row({text("Kopā"), eur(5)}, RowKind::kTotal)};
  write_table_sheet(wb, "Lapa", t, {});
  return wb.finish();
}

TEST_CASE("the same input gives the same bytes; the creation time is as_of") {
  std::string a = small_workbook({2026, 11, 22});
  std::string b = small_workbook({2026, 11, 22});
  CHECK(a == b);
  std::string c = small_workbook({2026, 11, 23});
  CHECK(a != c);
  auto parts = unzip(a);
  const std::string& core = parts.at("docProps/core.xml");
  CHECK(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T00:00:00Z") !=
        std::string::npos);
  CHECK(core.find("<dc:creator>Izglītības pārvalde</dc:creator>") != std::string::npos);
  CHECK(core.find("<dc:title>Tests</dc:title>") != std::string::npos);
  CHECK(parts.at("docProps/app.xml").find("<Company>VISC</Company>") != std::string::npos);
}

TEST_CASE("no temporary file is left behind, also when a workbook is abandoned") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "metodika-xlsx-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  CHECK(small_workbook({2026, 1, 1}, dir.string()).size() > 1000);
  {
    Workbook abandoned(test_properties(), dir.string());
    abandoned.add_sheet("x");
  }
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
  const std::string missing = (fs::temp_directory_path() / "metodika-no-such-dir" / "x").string();
  CHECK_THROWS_AS(Workbook(test_properties(), missing), std::runtime_error);
}

TEST_CASE("cell references") {
  CHECK(cell_ref(0, 0) == "A1");
  CHECK(cell_ref(2, 27) == "AB3");
  CHECK(range_ref(1, 2, 1, 2) == "C2");
  CHECK(range_ref(1, 2, 5, 4) == "C2:E6");
}

}  // namespace
}  // namespace metodika::render::xlsx
