// generator/render/xlsx/sheet.cc: a render::Table on a worksheet.
#include "render/xlsx/sheet.h"

#include <doctest/doctest.h>

#include "xlsx_test_util.h"

namespace metodika::render::xlsx {
namespace {

using namespace testing;

Table development_table() {
  Table t;
  t.id = "pilnveide";
  t.title = "Profesionālā pilnveide";
  t.note = "Skolas ar mazāk nekā 5 pedagogiem nav parādītas.";
  t.columns = {
      col("school", "Iestāde", ColumnType::kText, 0, true),
      col("teachers", "Pedagogi", ColumnType::kInteger),
      col("meeting", "Izpilda normu", ColumnType::kInteger),
      col("share", "Daļa", ColumnType::kPercent, 1),
      col("hours", "Stundas", ColumnType::kDecimal, 1),
      col("year", "Mācību gads", ColumnType::kSchoolYear),
      col("date", "Datums", ColumnType::kDate),
  };
  t.rows = {
      row({text("Ventspils 1. pamatskola"), integer(40), integer(30), real(75.0),
                    real(412.5), integer(2025), cell(util::Date{2025, 8, 31})}),
      row({text("Mazā skola"), integer(3), hidden(), hidden(), hidden(), integer(2025),
                    none()}),
      row({text("Ventspils 4. vidusskola"), integer(52), integer(26), real(50.0),
                    real(300.25), integer(2024), none()}),
      row({text("Kopā"), integer(95), hidden(), hidden(), hidden(), none(), none()}, RowKind::kTotal),
  };
  return t;
}

struct Written {
  std::map<std::string, std::string> parts;
  const std::string& sheet() const { return parts.at("xl/worksheets/sheet1.xml"); }
};

Written write(const Table& table, SheetOptions options = {}) {
  Workbook wb(test_properties(), "/tmp");
  options.suppressed_text = "nav rādīts: mazāk nekā 5 pedagogi";
  write_table_sheet(wb, "Pilnveide", table, options);
  return Written{unzip(wb.finish())};
}

TEST_CASE("number formats follow the column type") {
  CHECK(number_format({.type = ColumnType::kMoney}) == "#,##0 \"EUR\"");
  CHECK(number_format({.type = ColumnType::kMoney, .cents = true}) == "#,##0.00 \"EUR\"");
  CHECK(number_format({.type = ColumnType::kPercent, .decimals = 1}) == "0.0%");
  CHECK(number_format({.type = ColumnType::kPercent}) == "0%");
  CHECK(number_format({.type = ColumnType::kInteger}) == "#,##0");
  CHECK(number_format({.type = ColumnType::kDecimal, .decimals = 2}) == "#,##0.00");
  CHECK(number_format({.type = ColumnType::kYear}) == "0");
  CHECK(number_format({.type = ColumnType::kDate}) == "dd.mm.yyyy.");
  CHECK(number_format({.type = ColumnType::kText}).empty());
}

TEST_CASE("values are typed: percent as a fraction, school years named, dates as serials") {
  Written w = write(development_table());
  const std::string& s = w.sheet();
  CHECK(value(s, "B2") == "40");
  CHECK(value(s, "D2") == "0.75");
  CHECK(value(s, "E3").empty());
  CHECK(value(s, "G2") == "45900");  // 2025-08-31 as an Excel date serial
  const std::string& strings = w.parts.at("xl/sharedStrings.xml");
  CHECK(strings.find("2024./2025. m. g.") != std::string::npos);
  CHECK(strings.find("2023./2024. m. g.") != std::string::npos);
  const std::string& styles = w.parts.at("xl/styles.xml");
  CHECK(styles.find("formatCode=\"0.0%\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"dd.mm.yyyy.\"") != std::string::npos);
}

TEST_CASE("a percentage is stored as the rounded value shown, without float noise") {
  Column pct;
  pct.type = ColumnType::kPercent;
  pct.decimals = 1;
  Cell c;
  c.value = 55.8;  // 55.8 / 100 is 0.5579999999999999 in binary floating point
  CHECK(sheet_number(pct, c) == std::optional<double>(0.558));
  c.value = 45.3333;  // shown as "45,3%": stored as 0.453
  CHECK(sheet_number(pct, c) == std::optional<double>(0.453));
  c.value = 100.0;
  CHECK(sheet_number(pct, c) == std::optional<double>(1.0));
}

TEST_CASE("a suppressed cell is empty, never a number, and carries the site's note") {
  Written w = write(development_table());
  const std::string& s = w.sheet();
  for (std::string ref : {"C3", "D3", "E3", "C5", "D5"}) {
    INFO(ref);
    std::string c = cell_xml(s, ref);
    REQUIRE_FALSE(c.empty());  // written, with the hatched style
    CHECK(c.find("<v>") == std::string::npos);
    CHECK(c.find("<f>") == std::string::npos);
  }
  const std::string& comments = w.parts.at("xl/comments1.xml");
  CHECK(comments.find("nav rādīts: mazāk nekā 5 pedagogi") != std::string::npos);
  // One note per row (on its first hidden cell): rows 3 and 5.
  CHECK(comments.find("ref=\"C3\"") != std::string::npos);
  CHECK(comments.find("ref=\"C5\"") != std::string::npos);
  CHECK(comments.find("ref=\"D3\"") == std::string::npos);
}

TEST_CASE("a total that is the sum of the rows above is a SUM formula with the value cached") {
  Written w = write(development_table());
  CHECK(formula(w.sheet(), "B5") == "SUM(B2:B4)");
  CHECK(value(w.sheet(), "B5") == "95");
}

TEST_CASE("a total that is not the sum of what is shown stays a value") {
  Table t = development_table();
  t.rows[3].cells[1] = integer(96);  // the rules counted a record the table does not show
  Written w = write(t);
  CHECK(formula(w.sheet(), "B5").empty());
  CHECK(value(w.sheet(), "B5") == "96");
}

TEST_CASE("header bold and frozen, an Excel table over the data, print set-up, notes under") {
  Written w = write(development_table());
  const std::string& s = w.sheet();
  CHECK(s.find("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" "
               "state=\"frozen\"/>") != std::string::npos);
  // The data is a named Excel table with a filter; the total row is outside it.
  CHECK(s.find("<tablePart r:id=\"rId") != std::string::npos);
  CHECK(s.find("<autoFilter") == std::string::npos);
  const std::string& table = w.parts.at("xl/tables/table1.xml");
  CHECK(table.find("name=\"pilnveide\" displayName=\"pilnveide\" ref=\"A1:G4\"") !=
        std::string::npos);
  CHECK(table.find("<autoFilter ref=\"A1:G4\"/>") != std::string::npos);
  CHECK(table.find("<tableColumn id=\"1\" name=\"Iestāde\"/>") != std::string::npos);
  // No table style: the cells keep the annex's own formats.
  CHECK(table.find("<tableStyleInfo showFirstColumn") != std::string::npos);
  CHECK(table.find("TableStyle") == std::string::npos);
  CHECK(s.find("<pageSetup paperSize=\"9\" fitToHeight=\"0\"") != std::string::npos);
  CHECK(s.find("<oddHeader>&amp;LProfesionālā pilnveide</oddHeader>") != std::string::npos);
  CHECK(s.find("<mergeCell ref=\"A7:G7\"/>") != std::string::npos);  // the table's note
  const std::string& wbxml = w.parts.at("xl/workbook.xml");
  CHECK(wbxml.find("_xlnm.Print_Titles") != std::string::npos);
  CHECK(wbxml.find("Pilnveide!$1:$1") != std::string::npos);
  CHECK(w.parts.at("xl/styles.xml").find("<b/>") != std::string::npos);
  // Text wider than a line wraps within the column's cap.
  CHECK(s.find("<col min=\"1\" max=\"1\" width=\"25.7") != std::string::npos);
}

TEST_CASE("a wide table prints in landscape, a narrow one in portrait") {
  Table t = development_table();
  CHECK(write(t).sheet().find("orientation=\"landscape\"") == std::string::npos);
  for (int i = 0; i < 8; ++i) {
    t.columns.push_back(col("c" + std::to_string(i), "Ļoti gara kolonnas galva", ColumnType::kMoney));
    for (Row& r : t.rows) r.cells.push_back(eur(1234567));
  }
  CHECK(write(t).sheet().find("orientation=\"landscape\"") != std::string::npos);
}

TEST_CASE("an empty table says so under its header") {
  Table t = development_table();
  t.rows.clear();
  SheetOptions o;
  o.empty_text = "Nav datu.";
  Written w = write(t, o);
  CHECK(w.parts.at("xl/sharedStrings.xml").find("Nav datu.") != std::string::npos);
  // No rows, no Excel table (Excel's needs one).
  CHECK_FALSE(w.parts.contains("xl/tables/table1.xml"));
}

TEST_CASE("a table with group rows has no filter, and repeated labels become unique headers") {
  Table t = development_table();
  t.rows.insert(t.rows.begin(), row({text("Grupa"), integer(1), integer(1), real(1), real(1),
                                     integer(2025), none()},
                                    RowKind::kGroup));
  t.columns[2].label = t.columns[1].label;
  Written w = write(t);
  const std::string& table = w.parts.at("xl/tables/table1.xml");
  CHECK(table.find("<autoFilter") == std::string::npos);
  const std::string label = t.columns[1].label;
  CHECK(table.find("name=\"" + label + "\"") != std::string::npos);
  CHECK(table.find("name=\"" + label + " (2)\"") != std::string::npos);
}

TEST_CASE("Excel table names are named after the sheet, valid and unique") {
  Workbook wb(test_properties(), "/tmp");
  CHECK(wb.table_name("CE indekss") == "ce_indekss");
  CHECK(wb.table_name("Budžets") == "budzets");
  CHECK(wb.table_name("Budžets") == "budzets_2");
  CHECK(wb.table_name("A1") == "t_a1");
  CHECK(wb.table_name("2024") == "t_2024");
  CHECK(wb.table_name("R") == "t_r");
  CHECK(wb.table_name("") == "tabula");
}

TEST_CASE("sheet names are made valid and unique") {
  Workbook wb(test_properties(), "/tmp");
  CHECK(wb.sheet_name(wb.add_sheet("Budžets")) == "Budžets");
  CHECK(wb.sheet_name(wb.add_sheet("Budžets")) == "Budžets (2)");
  CHECK(wb.sheet_name(wb.add_sheet("a/b:c?")) == "a-b-c-");
  std::string longest = wb.sheet_name(wb.add_sheet(std::string(40, 'x')));
  CHECK(longest == std::string(31, 'x'));
  CHECK(wb.sheet_name(wb.add_sheet(std::string(40, 'x'))) == std::string(27, 'x') + " (2)");
  (void)wb.finish();
}

TEST_CASE("sum_of splits past Excel's 255 arguments") {
  CHECK(sum_of({}) == "0");
  CHECK(sum_of({"A1", "A3"}) == "SUM(A1,A3)");
  std::vector<std::string> many(256, "B2");
  std::string f = sum_of(many);
  CHECK(f.find(")+SUM(B2)") != std::string::npos);
}

}  // namespace
}  // namespace metodika::render::xlsx
