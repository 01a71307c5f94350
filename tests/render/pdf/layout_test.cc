#include "render/pdf/layout.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "fixture.h"
#include "render/common/markdown.h"

namespace metodika::render::pdf {
namespace {

constexpr double kWidth = 471.3;  // the review's text block

struct Built {
  Structure structure;
  std::vector<Op> ops;
};

// Lays `fill` out and gathers every op of the flow.
template <typename Fill>
Built lay_out(Fill fill) {
  const Resources& r = test::test_resources();
  const Typesetter ts{r.fonts(), r.hyphenator()};
  Built built;
  FlowBuilder builder(ts, kWidth, "lv", "slēpts: mazāk nekā 5 pedagogi", built.structure,
                      Structure::root());
  fill(builder);
  for (Item& item : builder.flow().items) {
    for (Op& op : item.ops) built.ops.push_back(op);
  }
  return built;
}

std::vector<int> of_role(const Structure& s, Role role) {
  std::vector<int> out;
  for (size_t i = 0; i < s.nodes().size(); ++i) {
    if (s.nodes()[i].role == role) out.push_back(static_cast<int>(i));
  }
  return out;
}

bool under(const Structure& s, int node, int ancestor) {
  for (; node >= 0; node = s[node].parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// A development-norm table: the school column heads each row, eleven number columns with long
// labels.
Table norm_table(size_t number_columns) {
  Table table;
  table.title = "Pedagogi, kas izpilda profesionālās pilnveides normu";
  Column school;
  school.key = "school";
  school.label = "Iestāde";
  school.row_header = true;
  table.columns.push_back(school);
  for (size_t c = 0; c < number_columns; ++c) {
    Column column;
    column.key = "c" + std::to_string(c);
    column.label = "Stundas: vispārējās prasmes " + std::to_string(c);
    column.type = ColumnType::kInteger;
    table.columns.push_back(column);
  }
  for (const char* name : {"Ventspils pirmsskolas izglītības iestāde „Zīlīte“",
                           "Ventspils Valsts 1. ģimnāzija", "Ventspils Mākslas skola"}) {
    Row row;
    row.cells.push_back(text_cell(name));
    for (size_t c = 0; c < number_columns; ++c) {
      row.cells.push_back(c % 3 == 2 ? suppressed_cell() : int_cell(12 + c));
    }
    table.rows.push_back(row);
  }
  return table;
}

// The texts drawn in the school column's cells.
std::vector<std::string> key_texts(const Built& built) {
  std::vector<std::string> out;
  for (const Op& op : built.ops) {
    const auto* text = std::get_if<TextOp>(&op);
    if (text == nullptr || text->node < 0) continue;
    for (int n = text->node; n >= 0; n = built.structure[n].parent) {
      if (built.structure[n].role == Role::kTH && built.structure[n].scope == Scope::kRow) {
        out.push_back(text->text);
        break;
      }
    }
  }
  return out;
}

TEST_CASE("A twelve-column table keeps school names in whole words") {
  const Built built = lay_out([](FlowBuilder& b) { b.add_table(norm_table(11)); });
  const std::vector<std::string> texts = key_texts(built);
  REQUIRE_FALSE(texts.empty());
  for (const std::string& text : texts) {
    CAPTURE(text);
    CHECK(text.find('-') == std::string::npos);
  }
  // No word of a row header is broken: none is in a Span of a broken word.
  for (int span : of_role(built.structure, Role::kSpan)) {
    for (int th : of_role(built.structure, Role::kTH)) {
      if (built.structure[th].scope == Scope::kRow) CHECK_FALSE(under(built.structure, span, th));
    }
  }
  CHECK(of_role(built.structure, Role::kTable).size() == 1);
}

TEST_CASE("A table far too wide goes in column groups that repeat the row headers") {
  const Built built = lay_out([](FlowBuilder& b) { b.add_table(norm_table(30)); });
  const std::vector<int> tables = of_role(built.structure, Role::kTable);
  REQUIRE(tables.size() >= 2);
  // Every group has the school column's header and a row header per school.
  for (int table : tables) {
    int column_headers = 0;
    int row_headers = 0;
    for (int th : of_role(built.structure, Role::kTH)) {
      if (!under(built.structure, th, table)) continue;
      (built.structure[th].scope == Scope::kColumn ? column_headers : row_headers) += 1;
    }
    CHECK(column_headers >= 2);
    CHECK(row_headers == 3);
  }
  for (const std::string& text : key_texts(built)) CHECK(text.find('-') == std::string::npos);
}

TEST_CASE("Tables are tagged Table, Caption, THead, TBody, TR, TH with a scope, TD") {
  const Built built = lay_out([](FlowBuilder& b) { b.add_table(norm_table(3)); });
  const Structure& s = built.structure;
  REQUIRE(of_role(s, Role::kTable).size() == 1);
  CHECK(of_role(s, Role::kCaption).size() == 1);
  CHECK(of_role(s, Role::kTHead).size() == 1);
  CHECK(of_role(s, Role::kTBody).size() == 1);
  CHECK(of_role(s, Role::kTR).size() == 4);
  CHECK(of_role(s, Role::kTD).size() == 9);
  for (int th : of_role(s, Role::kTH)) CHECK(s[th].scope != Scope::kNone);
  for (int td : of_role(s, Role::kTD)) CHECK(s[s[td].parent].role == Role::kTR);
  // Rules and fills are artifacts; every cell's text is tagged.
  for (const Op& op : built.ops) {
    if (std::holds_alternative<RectOp>(op) || std::holds_alternative<LineOp>(op)) {
      CHECK(node_of(op) == kArtifact);
    }
    if (std::holds_alternative<TextOp>(op)) CHECK(node_of(op) >= 0);
  }
}

// Exam results by school and school year: each school's name on `years` rows.
Table school_year_table(const std::vector<std::string>& schools, int years) {
  Table table;
  Column school;
  school.key = "school";
  school.label = "Iestāde";
  school.row_header = true;
  Column year;
  year.key = "year";
  year.label = "Mācību gads";
  year.type = ColumnType::kSchoolYear;
  Column index;
  index.key = "index";
  index.label = "Indekss";
  index.type = ColumnType::kPercent;
  index.decimals = 1;
  table.columns = {school, year, index};
  for (const std::string& name : schools) {
    for (int y = 0; y < years; ++y) {
      Row row;
      row.cells = {text_cell(name), int_cell(2022 + y), number_cell(50.5 + y)};
      table.rows.push_back(row);
    }
  }
  return table;
}

TEST_CASE("A school's name heads all its rows once, as a row header spanning them") {
  const Built built = lay_out([](FlowBuilder& b) {
    b.add_table(school_year_table({"Ventspils pirmsskolas izglītības iestāde „Zīlīte“",
                                   "Ventspils Valsts 1. ģimnāzija"},
                                  4));
  });
  const Structure& s = built.structure;
  std::vector<int> row_headers;
  for (int th : of_role(s, Role::kTH)) {
    if (s[th].scope == Scope::kRow) row_headers.push_back(th);
  }
  REQUIRE(row_headers.size() == 2);
  for (int th : row_headers) CHECK(s[th].row_span == 4);
  // Eight body rows: two hold the name and two values, six only their two values.
  CHECK(of_role(s, Role::kTR).size() == 9);
  CHECK(of_role(s, Role::kTD).size() == 16);
  // The name is drawn once for each school, whole.
  int zilite = 0;
  for (const std::string& text : key_texts(built)) zilite += text.find("Zīlīte") != std::string::npos;
  CHECK(zilite == 1);
}

TEST_CASE("A long run of one school's rows is spanned in even parts of at most eight") {
  const Built built =
      lay_out([](FlowBuilder& b) { b.add_table(school_year_table({"Rīgas 3. ģimnāzija"}, 20)); });
  const Structure& s = built.structure;
  std::vector<int> spans;
  for (int th : of_role(s, Role::kTH)) {
    if (s[th].scope == Scope::kRow) spans.push_back(s[th].row_span);
  }
  CHECK(spans == std::vector<int>{6, 7, 7});
}

TEST_CASE("Two institutions of the same name are not joined") {
  Table table = school_year_table({"Pirmsskolas izglītības iestāde „Ezītis“"}, 2);
  table.rows[0].cells[0].link = "iestades/ezitis/";
  table.rows[1].cells[0].link = "iestades/ezitis-2/";
  const Built built = lay_out([&](FlowBuilder& b) { b.add_table(table); });
  for (int th : of_role(built.structure, Role::kTH)) CHECK(built.structure[th].row_span == 1);
}

TEST_CASE("Rows of different schools are not joined, nor group and total rows") {
  Table table = school_year_table({"A skola", "B skola"}, 1);
  Row total;
  total.kind = RowKind::kTotal;
  total.cells = {text_cell("B skola"), int_cell(std::nullopt), number_cell(51.0)};
  table.rows.push_back(total);
  const Built built = lay_out([&](FlowBuilder& b) { b.add_table(table); });
  for (int th : of_role(built.structure, Role::kTH)) CHECK(built.structure[th].row_span == 1);
}

TEST_CASE("Markdown is tagged: headings never skip a level, lists, links with annotations") {
  const Built built = lay_out([](FlowBuilder& b) {
    b.add_markdown(markdown_tree(
        "# Kopsavilkums\n\n### Apakšnodaļa\n\nTeksts ar [saiti](https://example.lv/) "
        "un vēl.\n\n- viens\n- divi\n"));
  });
  const Structure& s = built.structure;
  CHECK(of_role(s, Role::kH1).size() == 1);
  CHECK(of_role(s, Role::kH2).size() == 1);  // "###" right after "#" is read as H2
  CHECK(of_role(s, Role::kH3).empty());
  CHECK(of_role(s, Role::kL).size() == 1);
  CHECK(of_role(s, Role::kLI).size() == 2);
  CHECK(of_role(s, Role::kLbl).size() == 2);
  CHECK(of_role(s, Role::kLBody).size() == 2);
  const std::vector<int> links = of_role(s, Role::kLink);
  REQUIRE(links.size() == 1);
  CHECK(s[s[links[0]].parent].role == Role::kP);
  int annotations = 0;
  for (const Op& op : built.ops) {
    if (const auto* link = std::get_if<LinkOp>(&op)) {
      ++annotations;
      CHECK(link->node == links[0]);
      CHECK(link->contents == "saiti");
    }
  }
  CHECK(annotations == 1);
}

TEST_CASE("A word broken across lines is one Span whose /ActualText is the word") {
  const Built built = lay_out([](FlowBuilder& b) {
    Structure& s = b.structure();
    b.add_paragraph({{"Daudzfunkcionālās izglītības iestādes sadarbojas ar Valsts izglītības "
                      "kvalitātes dienestu pedagogu profesionālās pilnveides jomā.",
                      {FontStyle::kRegular, 10, kBlack},
                      {}}},
                    kWidth - 80, 14, 0, s.add(Role::kP, Structure::root()));
  });
  const std::vector<int> spans = of_role(built.structure, Role::kSpan);
  REQUIRE_FALSE(spans.empty());
  const std::set<std::string> words = {"Daudzfunkcionālās", "izglītības", "iestādes",
                                       "sadarbojas", "kvalitātes", "dienestu", "pedagogu",
                                       "profesionālās", "pilnveides"};
  for (int span : spans) {
    CAPTURE(built.structure[span].actual_text);
    CHECK(words.contains(built.structure[span].actual_text));
    int parts = 0;
    for (const Op& op : built.ops) parts += node_of(op) == span ? 1 : 0;
    CHECK(parts >= 2);
  }
}

TEST_CASE("A chart's /Alt says what it shows from its data") {
  Chart chart;
  chart.kind = ChartKind::kLines;
  chart.title = "Centralizēto eksāmenu indekss";
  chart.unit = "%";
  chart.decimals = 1;
  chart.categories = {"2021./2022.", "2022./2023.", "2023./2024."};
  chart.series = {{"Matemātika", {std::nullopt, 41.25, 45.5}}, {"Angļu valoda", {60, 61, 62}}};
  chart.references = {{"valsts vidējais", 50, std::nullopt, std::nullopt}};
  // Few categories: every value, a missing one said so.
  CHECK(chart_alt(chart, "lv") ==
        "Līniju diagramma „Centralizēto eksāmenu indekss“. Matemātika: 2021./2022. nav datu, "
        "2022./2023. 41,3%, 2023./2024. 45,5%; Angļu valoda: 2021./2022. 60,0%, 2022./2023. "
        "61,0%, 2023./2024. 62,0%. Slieksnis valsts vidējais: 50,0%.");
  CHECK(chart_alt(chart, "en").starts_with("Line chart \u201CCentralizēto"));
  // Many: the first and the last value of each series.
  for (int year = 2024; year < 2030; ++year) {
    chart.categories.push_back(std::to_string(year));
    for (Series& series : chart.series) series.values.push_back(year - 1980.0);
  }
  chart.series[0].values.back() = std::nullopt;
  CHECK(chart_alt(chart, "lv") ==
        "Līniju diagramma „Centralizēto eksāmenu indekss“. Matemātika: 2022./2023. 41,3%, "
        "2028 48,0%; Angļu valoda: 2021./2022. 60,0%, 2029 49,0%. Slieksnis valsts vidējais: "
        "50,0%.");
}

}  // namespace
}  // namespace metodika::render::pdf
