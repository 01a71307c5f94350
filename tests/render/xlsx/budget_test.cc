// generator/render/xlsx/budget.cc: the budget sheet's formulas and chart, on the seed's
// Ventspils budget (seed 004: 64 400, 72 174, 72 174 = 208 748 EUR).
#include "render/xlsx/budget.h"

#include <doctest/doctest.h>

#include <numeric>

#include "xlsx_test_util.h"

namespace metodika::render::xlsx {
namespace {

using namespace testing;

struct Line {
  std::string id, title;
  std::vector<int64_t> amounts;  // euros, 2022..2024
  std::string note;
};
struct Group {
  std::string id, title;
  std::vector<Line> lines;
};

// The budget Table as render/common builds it: group rows with their sums, lines, a total row.
// The sums here are the seed's own (the test states them; rules compute them in the build).
Table budget_table(const std::vector<Group>& groups) {
  Table t;
  t.id = "budzets";
  t.title = "Budžets";
  t.columns = {col("id", "Nr.", ColumnType::kText, 0, true),
               col("title", "Pozīcija")};
  for (int y : {2022, 2023, 2024}) {
    t.columns.push_back(col("y" + std::to_string(y), std::to_string(y), ColumnType::kMoney));
  }
  t.columns.push_back(col("total", "Kopā", ColumnType::kMoney));
  t.columns.push_back(col("note", "Piezīmes"));
  std::vector<int64_t> all(3, 0);
  for (const Group& g : groups) {
    std::vector<int64_t> sum(3, 0);
    for (const Line& l : g.lines) {
      for (int y = 0; y < 3; ++y) sum[y] += l.amounts[y];
    }
    Row gr = row({text(g.id), text(g.title)}, RowKind::kGroup);
    for (int y = 0; y < 3; ++y) gr.cells.push_back(eur(sum[y]));
    gr.cells.push_back(eur(std::accumulate(sum.begin(), sum.end(), int64_t{0})));
    gr.cells.push_back(none());
    t.rows.push_back(gr);
    for (const Line& l : g.lines) {
      Row lr = row({text(l.id), text(l.title)});
      for (int y = 0; y < 3; ++y) lr.cells.push_back(l.amounts[y] ? eur(l.amounts[y]) : none());
      lr.cells.push_back(eur(std::accumulate(l.amounts.begin(), l.amounts.end(), int64_t{0})));
      lr.cells.push_back(l.note.empty() ? none() : text(l.note));
      t.rows.push_back(lr);
    }
    for (int y = 0; y < 3; ++y) all[y] += sum[y];
  }
  Row total = row({none(), text("Kopā")}, RowKind::kTotal);
  for (int y = 0; y < 3; ++y) total.cells.push_back(eur(all[y]));
  total.cells.push_back(eur(std::accumulate(all.begin(), all.end(), int64_t{0})));
  total.cells.push_back(none());
  t.rows.push_back(total);
  return t;
}

const std::vector<Group> kVentspils = {
    {"1", "Pedagogu atbalsta dienesta darbība",
     {{"1.1", "Konsultantu atalgojums", {16018, 16640, 16640}, "Konsultantu darba atalgojumam."},
      {"1.2", "E-vides platformas pilnveide", {0, 500, 0}, ""},
      {"1.3", "Mācību jomu konsultanti", {16005, 17292, 17292}, ""},
      {"1.4", "Multimēdiju aparatūra", {1900, 500, 500}, ""}}},
    {"2", "Darbs ar pedagogiem", {{"2.1-2.2", "Skolu un pirmsskolu pedagogiem", {2800, 2800, 2800}, ""}}},
    {"3", "Monitorings", {{"3.2", "Edurio", {6419, 6419, 6419}, ""}}},
    {"4", "Motivācijas programma",
     {{"4.1", "Skolās", {21258, 22582, 23082}, ""}, {"4.2", "Pirmsskolās", {0, 5441, 5441}, ""}}},
};

std::map<std::string, std::string> write_budget(const Table& t) {
  Workbook wb(test_properties(), "/tmp");
  SheetOptions o;
  o.notes.push_back("Kopsummas ir formulas.");
  write_budget_sheet(wb, "Budžets", t, o, "Budžets pa gadiem un grupām");
  return unzip(wb.finish());
}

TEST_CASE("every total of the seed's Ventspils budget is a SUM with the rules' value cached") {
  Table t = budget_table(kVentspils);
  auto parts = write_budget(t);
  const std::string& s = parts.at("xl/worksheets/sheet1.xml");
  // Rows: 2 group 1, 3-6 its lines, 7 group 2, 8, 9 group 3, 10, 11 group 4, 12-13, 14 total.
  CHECK(formula(s, "C2") == "SUM(C3:C6)");
  CHECK(value(s, "C2") == "33923");
  CHECK(formula(s, "F2") == "SUM(C2:E2)");
  CHECK(value(s, "F2") == "103287");
  CHECK(formula(s, "F3") == "SUM(C3:E3)");
  CHECK(value(s, "F3") == "49298");
  CHECK(formula(s, "C3").empty());  // a line's amount is typed, not a formula
  CHECK(value(s, "C3") == "16018");
  CHECK(formula(s, "D11") == "SUM(D12:D13)");
  CHECK(value(s, "D11") == "28023");
  CHECK(formula(s, "C14") == "SUM(C2,C7,C9,C11)");
  CHECK(value(s, "C14") == "64400");
  CHECK(value(s, "D14") == "72174");
  CHECK(value(s, "E14") == "72174");
  CHECK(formula(s, "F14") == "SUM(C14:E14)");
  CHECK(value(s, "F14") == "208748");
  // Money format and a wrapped notes column.
  const std::string& styles = parts.at("xl/styles.xml");
  CHECK(styles.find("formatCode=\"#,##0 &quot;EUR&quot;\"") != std::string::npos);
  CHECK(styles.find("wrapText=\"1\"") != std::string::npos);
}

TEST_CASE("the budget chart stacks each group's amounts by year") {
  auto parts = write_budget(budget_table(kVentspils));
  REQUIRE(parts.count("xl/charts/chart1.xml") == 1);
  const std::string& chart = parts.at("xl/charts/chart1.xml");
  CHECK(chart.find("<c:grouping val=\"stacked\"/>") != std::string::npos);
  CHECK(chart.find("<c:f>'Budžets'!$C$1:$E$1</c:f>") != std::string::npos);
  CHECK(chart.find("<c:f>'Budžets'!$C$2:$E$2</c:f>") != std::string::npos);
  CHECK(chart.find("<c:f>'Budžets'!$C$11:$E$11</c:f>") != std::string::npos);
  CHECK(chart.find("<c:f>'Budžets'!$B$2</c:f>") != std::string::npos);  // series named by group
  CHECK(chart.find("Budžets pa gadiem un grupām") != std::string::npos);
}

TEST_CASE("a group without lines totals 0 by formula; cents switch the format") {
  std::vector<Group> groups = {{"1", "Tukša grupa", {}}, kVentspils[1]};
  Table t = budget_table(groups);
  t.rows[2].cells[2] = cell(int64_t{280050});  // 2 800,50 EUR
  auto parts = write_budget(t);
  const std::string& s = parts.at("xl/worksheets/sheet1.xml");
  CHECK(formula(s, "C2") == "0");
  CHECK(value(s, "C2") == "0");
  CHECK(formula(s, "C3") == "SUM(C4)");
  CHECK(value(s, "C4") == "2800.5");
  CHECK(formula(s, "C5") == "SUM(C2,C3)");
  CHECK(parts.at("xl/styles.xml").find("#,##0.00 &quot;EUR&quot;") != std::string::npos);
}

}  // namespace
}  // namespace metodika::render::xlsx
