// generator/render/common/table.cc: one typed cell, three ways to write it.
#include "render/common/table.h"

#include <doctest/doctest.h>

#include <string>

namespace metodika::render {
namespace {

const std::string kNbsp = "\u00A0";

Column column(ColumnType type, int decimals = 0) {
  // Initialised, not assigned: GCC 12 warns falsely (-Wrestrict) on c.key = "v".
  return Column{.key = "v", .label = "Vērtība", .type = type, .decimals = decimals};
}

Cell cents(int64_t v) {
  Cell c;
  c.value = v;
  return c;
}

TEST_CASE("format_cell writes Latvian and English styles; machine_cell plain forms") {
  CHECK(format_cell(column(ColumnType::kPercent, 1), number_cell(45.25), "lv", "") == "45,3%");
  CHECK(format_cell(column(ColumnType::kPercent, 1), number_cell(45.25), "en", "") == "45.3%");
  CHECK(machine_cell(column(ColumnType::kPercent, 1), number_cell(45.25)) == "45.3");
  CHECK(format_cell(column(ColumnType::kMoney), cents(1601800), "lv", "") ==
        "16" + kNbsp + "018 EUR");
  CHECK(format_cell(column(ColumnType::kMoney), cents(350050), "lv", "") ==
        "3" + kNbsp + "500,50 EUR");
  CHECK(machine_cell(column(ColumnType::kMoney), cents(350050)) == "3500.50");
  CHECK(machine_cell(column(ColumnType::kMoney), cents(-5)) == "-0.05");
  CHECK(format_cell(column(ColumnType::kInteger), int_cell(1234), "lv", "") == "1" + kNbsp + "234");
  CHECK(machine_cell(column(ColumnType::kInteger), int_cell(1234)) == "1234");
  CHECK(format_cell(column(ColumnType::kYear), int_cell(2025), "lv", "") == "2025");
  CHECK(format_cell(column(ColumnType::kSchoolYear), int_cell(2025), "lv", "") ==
        "2024./2025. m. g.");
  CHECK(machine_cell(column(ColumnType::kSchoolYear), int_cell(2025)) == "2025");
  util::Date d{2025, 8, 31};
  CHECK(format_cell(column(ColumnType::kDate), date_cell(d), "lv", "") == "31.08.2025.");
  CHECK(machine_cell(column(ColumnType::kDate), date_cell(d)) == "2025-08-31");
  CHECK(machine_cell(column(ColumnType::kDecimal, 1), number_cell(-0.04)) == "0");
}

TEST_CASE("empty and suppressed cells") {
  CHECK(format_cell(column(ColumnType::kPercent, 1), Cell{}, "lv", "slēpts") == "—");
  CHECK(format_cell(column(ColumnType::kPercent, 1), suppressed_cell(), "lv", "slēpts") ==
        "slēpts");
  CHECK(machine_cell(column(ColumnType::kPercent, 1), suppressed_cell()).empty());
  CHECK(number_cell(std::nullopt).empty());
  CHECK(int_cell(std::nullopt).empty());
}

Table budget_like() {
  Table t;
  t.id = "budzets";
  t.title = "Budžets";
  t.columns = {column(ColumnType::kText), column(ColumnType::kMoney)};
  t.columns[0].key = "title";
  t.columns[0].label = "Pozīcija";
  t.columns[1].key = "total";
  t.columns[1].label = "Kopā";
  Row g{RowKind::kGroup, {text_cell("Grupa, 1"), cents(800000)}};
  Row l{RowKind::kData, {text_cell("Rinda"), cents(800000)}};
  Row s{RowKind::kData, {text_cell("Slēpts"), suppressed_cell()}};
  Row total{RowKind::kTotal, {text_cell("Kopā"), cents(800050)}};
  t.rows = {g, l, s, total};
  return t;
}

TEST_CASE("table_csv keeps row kinds and quotes where RFC 4180 needs it") {
  const std::string csv = table_csv(budget_like());
  CHECK(csv ==
        "\xEF\xBB\xBFrow,Pozīcija,Kopā\r\n"
        "group,\"Grupa, 1\",8000.00\r\n"
        "data,Rinda,8000.00\r\n"
        "data,Slēpts,\r\n"
        "total,Kopā,8000.50\r\n");
}

TEST_CASE("table_csv neutralises formula text by the cell's type; numbers stay numbers") {
  Table t = budget_like();
  t.rows = {
      Row{RowKind::kData, {text_cell("=HYPERLINK(\"http://x\",\"y\")"), cents(-500)}},
      Row{RowKind::kData, {text_cell("-5"), cents(-150)}},
      Row{RowKind::kData, {text_cell("@SUM(A1)"), cents(0)}},
  };
  t.columns.push_back(column(ColumnType::kDecimal, 1));
  for (Row& r : t.rows) r.cells.push_back(number_cell(-1.5));
  CHECK(table_csv(t) ==
        "\xEF\xBB\xBFPozīcija,Kopā,Vērtība\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5.00,-1.5\r\n"
        "-5,-1.50,-1.5\r\n"
        "\"'@SUM(A1)\",0.00,-1.5\r\n");
}

TEST_CASE("table_json has typed values, nulls and the suppressed keys") {
  const std::string json = table_json(budget_like());
  CHECK(json.find("\"id\": \"budzets\"") != std::string::npos);
  CHECK(json.find("\"type\": \"money\"") != std::string::npos);
  CHECK(json.find("\"total\": 8000.5") != std::string::npos);
  CHECK(json.find("\"total\": null") != std::string::npos);
  CHECK(json.find("\"suppressed\": [") != std::string::npos);
  CHECK(json.find("\"row\": \"group\"") != std::string::npos);
}

}  // namespace
}  // namespace metodika::render
