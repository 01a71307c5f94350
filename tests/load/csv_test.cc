#include "load/csv.h"

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace metodika::load {
namespace {

constexpr const char* kFile = "data/x.csv";

struct Parsed {
  std::optional<Node> root;
  std::string diagnostics;
  size_t errors = 0;
};

/// Parses `text` as data/x.csv of the collection `slot`, its source and locator registered, so
/// that errors quote the line and name the cell.
Parsed parse(std::string_view text, std::string_view slot = "schools") {
  diag::Diagnostics diags;
  auto shared = std::make_shared<const std::string>(text);
  diags.add_source(kFile, shared, csv_locator(shared));
  Parsed p;
  p.root = parse_csv(text, kFile, csv_shape(slot), diags);
  p.diagnostics = diags.format();
  p.errors = diags.error_count();
  return p;
}

Node ok(std::string_view text, std::string_view slot = "schools") {
  Parsed p = parse(text, slot);
  INFO(p.diagnostics);
  REQUIRE(p.diagnostics.empty());
  REQUIRE(p.root.has_value());
  return *p.root;
}

void check_pos(const Node& n, uint32_t line, uint32_t col) {
  CHECK(n.line == line);
  CHECK(n.col == col);
}

TEST_CASE("a table is a list of maps of cells, with positions") {
  Node root = ok("id;name;kind\nrigas-1;Rīgas 1. skola;basic\nx-2; Ādaži ;special\n");
  REQUIRE(root.is_seq());
  REQUIRE(root.size() == 2);
  const Node& a = root.items[0];
  REQUIRE(a.is_map());
  check_pos(a, 2, 1);
  CHECK(a.key(0).value == "id");
  check_pos(a.key(0), 1, 1);
  check_pos(a.key(1), 1, 4);
  CHECK(a.get("name")->value == "Rīgas 1. skola");
  CHECK(a.get("name")->style == ScalarStyle::kCell);
  check_pos(*a.get("kind"), 2, 24);  // columns count code points
  const Node& b = root.items[1];
  CHECK(b.get("name")->value == "Ādaži");  // spaces around an unquoted cell are not part of it
  check_pos(*b.get("name"), 3, 6);
}

TEST_CASE("the delimiter is found in the header: ',' or ';'") {
  Node semi = ok("id;name\na;\"x, y\"\n");
  CHECK(semi.items[0].get("name")->value == "x, y");
  Node comma = ok("id,name\na,\"x; y\"\n");
  CHECK(comma.items[0].get("name")->value == "x; y");
  Node one = ok("id\na\n");
  CHECK(one.items[0].get("id")->value == "a");
}

TEST_CASE("a first line sep=; states the delimiter, as Excel writes it") {
  Parsed p = parse("sep=;\r\nid;name,x\r\na;b,c;\r\n");
  INFO(p.diagnostics);
  REQUIRE(p.root.has_value());
  CHECK(p.diagnostics.empty());
  CHECK(p.root->items[0].get("name,x")->value == "b,c");
  check_pos(*p.root->items[0].get("name,x"), 3, 3);
}

TEST_CASE("a byte order mark and CRLF line ends are what spreadsheets write") {
  Node root = ok("\xEF\xBB\xBFid;name\r\na;b\r\n");
  CHECK(root.items[0].key(0).value == "id");
  check_pos(root.items[0].key(0), 1, 1);
  CHECK(root.items[0].get("name")->value == "b");
}

TEST_CASE("quoted cells hold delimiters, doubled quotes and line breaks, and keep their line") {
  Node root =
      ok("id;name;head\n"
         "a;\"Skola \"\"Avots\"\"\";\"Anna\r\nBērziņa\"\n"
         "b;  \"q\"  ;z\n");
  CHECK(root.items[0].get("name")->value == "Skola \"Avots\"");
  CHECK(root.items[0].get("head")->value == "Anna\nBērziņa");
  check_pos(*root.items[0].get("head"), 2, 21);
  check_pos(root.items[1], 4, 1);  // the physical line, after the two-line cell
  check_pos(*root.items[1].get("name"), 4, 5);
  CHECK(root.items[1].get("name")->value == "q");
  CHECK(root.items[1].get("head")->value == "z");
}

TEST_CASE("an empty cell is null at the entry's level and absent inside a nested map") {
  Node root = ok("id;url;students.2024;students.2025;accreditation.date\na;;;530;\n");
  const Node& e = root.items[0];
  REQUIRE(e.get("url") != nullptr);
  CHECK(e.get("url")->is_null());
  check_pos(*e.get("url"), 2, 3);
  const Node& students = *e.get("students");
  REQUIRE(students.is_map());
  CHECK(students.size() == 1);
  CHECK(students.key(0).value == "2025");
  check_pos(students.key(0), 1, 31);         // the key's part of the header
  check_pos(students, 2, 4);                 // the map: its first column's cell
  CHECK(e.get("accreditation") == nullptr);  // every cell empty: no map
}

TEST_CASE("dotted headers nest maps in header order") {
  Node root =
      ok("id;name.lv;name.en;activity.2025.state;activity.2025.data\na;Skola;School;160;20\n",
         "methodologists");
  const Node& e = root.items[0];
  CHECK(e.get("name")->get("lv")->value == "Skola");
  CHECK(e.get("name")->get("en")->value == "School");
  const Node* y = e.get("activity")->get("2025");
  REQUIRE(y != nullptr);
  CHECK(y->get("state")->value == "160");
  CHECK(y->get("data")->value == "20");
}

TEST_CASE("a list field's cell holds items separated by commas; one item stays a value") {
  Node root =
      ok("id;subjects\na;mathematics, physics ,chemistry\nb;latvian\nc;\n", "methodologists");
  const Node& a = *root.items[0].get("subjects");
  REQUIRE(a.is_seq());
  REQUIRE(a.size() == 3);
  CHECK(a.items[1].value == "physics");
  check_pos(a.items[0], 2, 3);
  check_pos(a.items[1], 2, 16);
  check_pos(a.items[2], 2, 25);
  CHECK(root.items[1].get("subjects")->is_scalar());
  CHECK(root.items[2].get("subjects")->is_null());
  // Not a list field: the comma is text.
  Node s = ok("id;name\na;\"Rīga, Latvija\"\n");
  CHECK(s.items[0].get("name")->value == "Rīga, Latvija");
}

TEST_CASE("a teacher's rows, one per course, make one entry with a list of courses") {
  Node root =
      ok("id;name;school;courses.title;courses.hours;courses.date\n"
         "t-1;Anna;s-1;A;12;01.02.2025.\n"
         "t-1;Anna;s-1;B;8;03.04.2025.\n"
         ";;;C;4;05.06.2025.\n"
         "t-2;Jānis;s-1;;;\n",
         "private/teachers");
  REQUIRE(root.size() == 2);
  const Node& t1 = root.items[0];
  const Node& courses = *t1.get("courses");
  REQUIRE(courses.is_seq());
  REQUIRE(courses.size() == 3);
  CHECK(courses.items[2].get("title")->value == "C");
  check_pos(courses, 2, 14);
  check_pos(courses.items[1], 3, 14);
  CHECK(root.items[1].get("name")->value == "Jānis");
  CHECK(root.items[1].get("courses") == nullptr);
}

TEST_CASE("a programme: actions and budget lines by row, budget groups by their id") {
  Node root =
      ok("id;title;period.from;period.to;actions.id;actions.title;budget.id;budget.title;"
         "budget.lines.id;budget.lines.amounts.2024\n"
         "p;P;2024;2026;1.1;Sākums;1;Atbalsts;1.1;16 018\n"
         ";;;;1.2;Turpinājums;;;1.2;500\n"
         ";;;;;;1;;1.3;1\n"
         ";;;;;;2;Cits;;\n",
         "programmes");
  REQUIRE(root.size() == 1);
  const Node& p = root.items[0];
  CHECK(p.get("actions")->size() == 2);
  const Node& budget = *p.get("budget");
  REQUIRE(budget.size() == 2);
  CHECK(budget.items[0].get("lines")->size() == 3);
  CHECK(budget.items[0].get("lines")->items[0].get("amounts")->get("2024")->value == "16 018");
  CHECK(budget.items[1].get("title")->value == "Cits");
  CHECK(budget.items[1].get("lines") == nullptr);
  CHECK(p.get("period")->get("to")->value == "2026");
}

TEST_CASE("blank lines and rows of empty cells are skipped; a header alone is an empty list") {
  Node root = ok("\nid;name\n\n;;\na;b\n;\n");
  CHECK(root.size() == 1);
  Node empty = ok("id;name\n");
  CHECK(empty.is_seq());
  CHECK(empty.size() == 0);
  CHECK(ok("").is_null());
}

TEST_CASE("trailing empty cells past the header are a spreadsheet's habit, not an error") {
  Node root = ok("id;name\na;b;;\n");
  CHECK(root.items[0].size() == 2);
}

TEST_CASE("errors: a ragged row, with the row and column after the caret") {
  Parsed p = parse("id;name;kind\na;b;basic\nc;d\ne;f;g;h\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.errors == 2);
  CHECK(
      p.diagnostics ==
      "data/x.csv:3:3: error: this row has 2 cells, but the header has 3 columns\n"
      " 3 | c;d\n"
      "   |   ^ row 3, column B \"name\"\n"
      "  hint: a row needs a cell for every column, even an empty one: check for a missing ;, "
      "or a line break inside a cell that is not in quotes\n"
      "data/x.csv:4:7: error: this row has 4 cells, but the header has 3 columns\n"
      " 4 | e;f;g;h\n"
      "   |       ^ row 4, column D\n"
      "  hint: a ; inside a text must be in quotes (\"...\"), or the header lacks a column name\n");
}

TEST_CASE("errors: duplicate headers, a header that is not a field name") {
  Parsed p = parse("id;name;students..2024;name\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.errors == 2);
  CHECK(p.diagnostics.find("data/x.csv:1:24: error: the column \"name\" is given twice (columns B "
                           "and D)\n 1 | id;name;students..2024;name\n"
                           "   |                        ^\n") != std::string::npos);
  CHECK(p.diagnostics.find("data/x.csv:1:9: error: \"students..2024\" is not a field name\n") !=
        std::string::npos);
}

TEST_CASE("a text as one cell or one cell per language, row by row; not both in one row") {
  Node root = ok("id;title;title.lv;title.en\na;Viens;;\nb;;Divi;Two\nc;;;\n", "materials");
  CHECK(root.items[0].get("title")->value == "Viens");
  CHECK(root.items[1].get("title")->get("en")->value == "Two");
  CHECK(root.items[2].get("title")->is_null());
  check_pos(*root.items[2].get("title"), 4, 3);
  Parsed both = parse("id;title;title.lv\na;Viens;Divi\n", "materials");
  CHECK_FALSE(both.root.has_value());
  CHECK(both.diagnostics.starts_with(
      "data/x.csv:2:9: error: this row gives \"title\" twice: in its own cell and in the cells "
      "named title.…\n"));
  Parsed list = parse("id;courses;courses.title\n", "private/teachers");
  CHECK(
      list.diagnostics.starts_with("data/x.csv:1:12: error: the columns \"courses\" and "
                                   "\"courses.title\" both give \"courses\"\n"));
}

TEST_CASE("errors: a header nested too deeply") {
  Parsed p = parse("id;a.b.c.d.e.f.g.h.i\n");
  CHECK(p.diagnostics.starts_with(
      "data/x.csv:1:4: error: \"a.b.c.d.e.f.g.h.i\" has more than 8 parts\n"));
}

TEST_CASE("errors: an unclosed quote points where it opens; text after a closing quote") {
  Parsed p = parse("id;name\na;\"Skola\nb;c\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics.starts_with(
      "data/x.csv:2:3: error: the quote that opens this cell is never closed\n"
      " 2 | a;\"Skola\n"
      "   |   ^ row 2, column B \"name\"\n"));
  Parsed q = parse("id;name\na;\"Skola\" Avots\n");
  CHECK(q.diagnostics.starts_with(
      "data/x.csv:2:11: error: text after the closing quote of a cell\n"));
}

TEST_CASE("errors: formulas and spreadsheet error values instead of values") {
  Parsed p = parse("id;students.2024;students.2025\na;=SUM(B2:B4);#DIV/0!\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.errors == 2);
  CHECK(p.diagnostics.find("data/x.csv:2:3: error: the cell holds a spreadsheet formula, not its "
                           "value: =SUM(B2:B4)\n") != std::string::npos);
  CHECK(p.diagnostics.find("data/x.csv:2:15: error: the cell holds a spreadsheet's error value, "
                           "not a value: #DIV/0!\n") != std::string::npos);
}

TEST_CASE("errors: both delimiters in the header, tabs, a cell under an unnamed column") {
  Parsed both = parse("id;name,kind\n");
  CHECK(both.diagnostics.starts_with(
      "data/x.csv:1:1: error: cannot tell which character separates the columns: the header row "
      "holds both \",\" (1 times) and \";\" (1 times)\n"));
  Parsed tabs = parse("id\tname\na\tb\n");
  CHECK(tabs.diagnostics.starts_with("data/x.csv:1:1: error: the columns are separated by tabs"));
  Parsed unnamed = parse("id;;kind\na;x;basic\n");
  CHECK(unnamed.diagnostics.starts_with(
      "data/x.csv:2:3: error: this cell is in column B, which has no name in the header row\n"));
}

TEST_CASE("errors: a continuation row that contradicts its entry") {
  Parsed p = parse("id;school;courses.title\nt-1;s-1;A\nt-1;s-2;B\n", "private/teachers");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics ==
        "data/x.csv:3:5: error: this row continues the entry that starts on line 2, but its "
        "\"school\" is \"s-2\", not \"s-1\"\n"
        " 3 | t-1;s-2;B\n"
        "   |     ^ row 3, column B \"school\"\n"
        "  hint: the rows of one entry repeat its cells unchanged or leave them empty; each row "
        "adds one record to courses (the columns named courses.…). A row of another entry needs "
        "its own id\n");
}

TEST_CASE("every error of a table is reported in one run") {
  Parsed p = parse("id;name;name\na;=A1;\nb;c;\"x\n");
  CHECK(p.errors == 3);  // the duplicate header, the formula, the unclosed quote
}

TEST_CASE("the locator names rows as a spreadsheet counts them, past multi-line cells") {
  auto text = std::make_shared<const std::string>("id;head\na;\"x\ny\"\nb;z\n");
  diag::Locator where = csv_locator(text);
  CHECK(where(1, 1) == "");  // the header
  CHECK(where(2, 1) == "row 2, column A \"id\"");
  CHECK(where(2, 3) == "row 2, column B \"head\"");
  CHECK(where(3, 1) == "row 2, column B \"head\"");  // inside the two-line cell
  CHECK(where(4, 3) == "row 3, column B \"head\"");
}

TEST_CASE("the locator finds rows far from its checkpoints, and blank ones") {
  std::string text = "id;name\n";
  for (int i = 2; i <= 200; ++i) text += i % 7 == 0 ? "\n" : "x" + std::to_string(i) + ";y\n";
  diag::Locator where = csv_locator(std::make_shared<const std::string>(text));
  CHECK(where(65, 1) == "row 65, column A \"id\"");
  CHECK(where(130, 6) == "row 130, column B \"name\"");
  CHECK(where(130, 5) == "row 130, column A \"id\"");
  CHECK(where(200, 6) == "row 200, column B \"name\"");
  CHECK(where(201, 1) == "row 200, column B \"name\"");  // past the end: the last cell
}

TEST_CASE("limits: a row of more than 1,000 cells stops the reading at the first one past them") {
  std::string header = "id;name\n";
  std::string wide = "a;b" + std::string(5000, ';') + "\n";
  Parsed p = parse(header + wide + "c;d;\n");
  CHECK(!p.root);
  CHECK(p.errors == 1);
  CHECK(p.diagnostics.find("data/x.csv:2:1003: error: this row has 5002 cells; a table has at "
                           "most 1000 columns") != std::string::npos);
  CHECK(p.diagnostics.find("^ row 2, column ALM") != std::string::npos);
  // A header as wide is one error too, not a million names compared with each other.
  Parsed h = parse(std::string(2'000'000, ';') + "\n");
  CHECK(h.errors == 1);
}

TEST_CASE("limits: a cell of more than 10,000 characters is an error at the cell") {
  const std::string ok_cell(10'000, 'x');
  const std::string long_cell = std::string(5'000, 'x') + std::string(5'001, 'a') + "ā";
  Parsed fine = parse("id;name\na;" + ok_cell + "\n");
  CHECK(fine.errors == 0);
  Parsed p = parse("id;name\na;\"" + long_cell + "\"\nb;c\n");
  CHECK(p.errors == 1);
  CHECK(p.diagnostics.find("data/x.csv:2:3: error: this cell is 10002 characters long; a value "
                           "may have at most 10000") != std::string::npos);
  // Counted in characters, not bytes: 5,000 two-byte letters are 5,000.
  std::string latvian;
  for (int i = 0; i < 6'000; ++i) latvian += "ā";
  CHECK(parse("id;name\na;" + latvian + "\n").errors == 0);
}

}  // namespace
}  // namespace metodika::load

namespace metodika::load {
namespace {

// Tables made of the characters that matter to the reader, in every shape: whatever they hold,
// the reader and the locator must neither crash nor read out of bounds (the sanitizer build
// checks), and a table the reader accepts has an entry for each of its positions' rows.
TEST_CASE("random tables are read without a crash") {
  constexpr std::string_view kAlphabet[] = {";", ",", "\"", "\n", "\r\n", "\r", " ", "a", "id",
                                            "=", ".", "#N/A", "1", "ā", "courses.", "budget.",
                                            "lines.", "title", "\t", "sep="};
  constexpr std::string_view kSlots[] = {"schools", "private/teachers", "programmes",
                                         "olympiads", "events", "metrics"};
  uint64_t state = 20261206;
  auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t parts = next(40);
    for (size_t i = 0; i < parts; ++i) text += kAlphabet[next(std::size(kAlphabet))];
    const std::string_view slot = kSlots[next(std::size(kSlots))];
    CAPTURE(text);
    CAPTURE(slot);
    diag::Diagnostics diags;
    auto shared = std::make_shared<const std::string>(text);
    diag::Locator where = csv_locator(shared);
    diags.add_source(kFile, shared, where);
    auto root = parse_csv(text, kFile, csv_shape(slot), diags);
    (void)diags.format();  // every diagnostic quoted and located
    for (uint32_t line = 0; line < 6; ++line) {
      for (uint32_t col = 0; col < 6; ++col) (void)where(line, col);
    }
    if (root) CHECK((root->is_seq() || root->is_null()));
  }
}

}  // namespace
}  // namespace metodika::load
