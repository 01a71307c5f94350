#include "load/yaml.h"

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace metodika::load {
namespace {

constexpr const char* kFile = "data/x.yaml";

/// Parses `text` as data/x.yaml with its source registered, so that errors quote the line.
struct Parsed {
  std::optional<Node> root;
  std::string diagnostics;
  size_t errors = 0;
};

Parsed parse(std::string_view text, uint32_t line_offset = 0) {
  diag::Diagnostics diags;
  diags.add_source(kFile, std::make_shared<const std::string>(text));
  Parsed p;
  p.root = parse_yaml(text, kFile, diags, line_offset);
  p.diagnostics = diags.format();
  p.errors = diags.error_count();
  return p;
}

/// Parses text that must be valid; fails the test otherwise.
Node ok(std::string_view text) {
  Parsed p = parse(text);
  INFO(p.diagnostics);
  REQUIRE(p.diagnostics.empty());
  REQUIRE(p.root.has_value());
  return *p.root;
}

void check_pos(const Node& n, uint32_t line, uint32_t col) {
  CHECK(n.line == line);
  CHECK(n.col == col);
}

TEST_CASE("block maps and sequences carry the position of their first character") {
  Node root =
      ok("a: 1\n"
         "b:\n"
         "  - x\n"
         "  - y\n"
         "c:\n"
         "- z\n"
         "d:\n"
         "  e: f\n");
  REQUIRE(root.is_map());
  check_pos(root, 1, 1);
  REQUIRE(root.size() == 4);
  CHECK(root.key(0).value == "a");
  check_pos(root.key(0), 1, 1);
  CHECK(root.val(0).value == "1");
  check_pos(root.val(0), 1, 4);

  const Node& b = *root.get("b");
  REQUIRE(b.is_seq());
  check_pos(b, 3, 3);
  REQUIRE(b.size() == 2);
  check_pos(b.items[0], 3, 5);
  check_pos(b.items[1], 4, 5);
  CHECK(b.items[1].value == "y");

  const Node& c = *root.get("c");  // an indentless sequence
  REQUIRE(c.is_seq());
  check_pos(c, 6, 1);
  check_pos(c.items[0], 6, 3);

  const Node& d = *root.get("d");
  REQUIRE(d.is_map());
  check_pos(d, 8, 3);
  check_pos(*d.get_key("e"), 8, 3);
  check_pos(*d.get("e"), 8, 6);
}

TEST_CASE("flow collections carry the position of their bracket") {
  Node root = ok("- {c: \"q\", d: [1, 2]}\n");
  REQUIRE(root.is_seq());
  check_pos(root, 1, 1);
  const Node& m = root.items[0];
  REQUIRE(m.is_map());
  check_pos(m, 1, 3);
  check_pos(m.key(0), 1, 4);
  check_pos(*m.get("c"), 1, 7);
  const Node& d = *m.get("d");
  REQUIRE(d.is_seq());
  check_pos(d, 1, 15);
  check_pos(d.items[0], 1, 16);
  check_pos(d.items[1], 1, 19);
}

TEST_CASE("columns count code points, not bytes") {
  Node root = ok("nosaukums: Rīgas šķēle\nx: {ā: ē, b: c}\n");
  check_pos(*root.get("nosaukums"), 1, 12);
  const Node& x = *root.get("x");
  check_pos(*x.get("ā"), 2, 8);
  check_pos(*x.get("b"), 2, 14);
}

TEST_CASE("kind_name names each kind for messages") {
  Node root = ok("a: x\nb: [1]\nc: {d: 1}\ne:\n");
  CHECK(root.get("a")->kind_name() == "a single value");
  CHECK(root.get("b")->kind_name() == "a list");
  CHECK(root.get("c")->kind_name() == "a map");
  CHECK(root.get("e")->kind_name() == "nothing");
  CHECK(root.get("missing") == nullptr);
  CHECK(root.get("a")->get("a") == nullptr);  // not a map
  CHECK(root.get("b")->size() == 1);
  CHECK(root.get("c")->size() == 1);
}

TEST_CASE("~, null, Null, NULL and an empty value are null; quoted forms are text") {
  Node root =
      ok("a: ~\n"
         "b: null\n"
         "c:\n"
         "d: Null\n"
         "e: NULL\n"
         "f: \"\"\n"
         "g: 'null'\n"
         "h: \"~\"\n"
         "i: nil\n");
  for (const char* k : {"a", "b", "c", "d", "e"}) {
    CAPTURE(k);
    CHECK(root.get(k)->is_null());
    CHECK(root.get(k)->value.empty());
  }
  CHECK(root.get("f")->is_scalar());
  CHECK(root.get("f")->value.empty());
  CHECK(root.get("g")->is_scalar());
  CHECK(root.get("g")->value == "null");
  CHECK(root.get("h")->value == "~");
  CHECK(root.get("i")->is_scalar());
}

TEST_CASE("scalar styles: plain, quoted and block") {
  Node root =
      ok("a: 41.2\n"
         "b: \"41.2\"\n"
         "c: 'x'\n"
         "d: |\n"
         "  line 1\n"
         "  line 2\n"
         "e: >\n"
         "  folded\n"
         "  text\n");
  CHECK(root.get("a")->style == ScalarStyle::kPlain);
  CHECK(root.get("b")->style == ScalarStyle::kQuoted);
  CHECK(root.get("b")->value == "41.2");
  CHECK(root.get("c")->style == ScalarStyle::kQuoted);
  CHECK(root.get("d")->style == ScalarStyle::kBlock);
  CHECK(root.get("d")->value == "line 1\nline 2\n");
  check_pos(*root.get("d"), 4, 4);
  CHECK(root.get("e")->style == ScalarStyle::kBlock);
  CHECK(root.get("e")->value == "folded text\n");
}

TEST_CASE("values are not typed: dates, numbers and booleans stay text") {
  Node root = ok("d: 2025-08-31\nn: 0012\nb: yes\n");
  CHECK(root.get("d")->value == "2025-08-31");
  CHECK(root.get("n")->value == "0012");
  CHECK(root.get("b")->value == "yes");
}

TEST_CASE("an alias copies the anchored node, with the anchor's position") {
  Node root =
      ok("x: &n 5\n"
         "base: &b {kind: basic, municipality: ventspils}\n"
         "y: *n\n"
         "two: *b\n");
  const Node& y = *root.get("y");
  CHECK(y.is_scalar());
  CHECK(y.value == "5");
  check_pos(y, 1, 4);
  const Node& two = *root.get("two");
  REQUIRE(two.is_map());
  CHECK(two.get("kind")->value == "basic");
  CHECK(two.get("municipality")->value == "ventspils");
  check_pos(two, 2, 7);  // the anchor's position: an event starts at its anchor
}

TEST_CASE("merge keys add the fields the map does not give itself") {
  Node root =
      ok("base: &b {kind: basic, municipality: ventspils}\n"
         "other: &o {region: kurzeme, kind: art}\n"
         "one:\n"
         "  <<: *b\n"
         "  kind: secondary\n"
         "many:\n"
         "  <<: [*b, *o]\n"
         "  id: x\n");
  const Node& one = *root.get("one");
  REQUIRE(one.size() == 2);
  CHECK(one.key(0).value == "kind");
  CHECK(one.val(0).value == "secondary");  // the map's own value wins
  CHECK(one.key(1).value == "municipality");
  CHECK(one.val(1).value == "ventspils");
  CHECK(one.get("<<") == nullptr);

  const Node& many = *root.get("many");
  REQUIRE(many.size() == 4);
  CHECK(many.get("id")->value == "x");
  CHECK(many.get("kind")->value == "basic");  // the first map of the list wins
  CHECK(many.get("municipality")->value == "ventspils");
  CHECK(many.get("region")->value == "kurzeme");
}

TEST_CASE("a quoted \"<<\" is an ordinary key") {
  Node root = ok("\"<<\": 1\n");
  REQUIRE(root.size() == 1);
  CHECK(root.key(0).value == "<<");
}

TEST_CASE("JSON parses with positions") {
  Node root =
      ok("{\n"
         "  \"id\": \"ventspils\",\n"
         "  \"students\": {\"2024\": 512, \"2025\": 530},\n"
         "  \"tags\": [\"a\", \"b\"],\n"
         "  \"head\": null,\n"
         "  \"pilot\": true\n"
         "}\n");
  REQUIRE(root.is_map());
  check_pos(root, 1, 1);
  check_pos(root.key(0), 2, 3);
  CHECK(root.key(0).style == ScalarStyle::kQuoted);
  CHECK(root.get("id")->value == "ventspils");
  check_pos(*root.get("id"), 2, 9);
  const Node& students = *root.get("students");
  REQUIRE(students.is_map());
  check_pos(students, 3, 15);
  CHECK(students.key(1).value == "2025");
  CHECK(students.val(1).value == "530");
  CHECK(students.val(1).style == ScalarStyle::kPlain);
  check_pos(students.val(1), 3, 37);
  CHECK(root.get("tags")->size() == 2);
  CHECK(root.get("head")->is_null());
  CHECK(root.get("pilot")->value == "true");
}

TEST_CASE("line_offset moves every line, for front matter") {
  diag::Diagnostics diags;
  auto root = parse_yaml("title: A\ndate: 2026-01-01\n", "content/a.md", diags, 1);
  REQUIRE(root);
  check_pos(root->key(0), 2, 1);
  check_pos(*root->get("date"), 3, 7);
}

TEST_CASE("an empty file, or one with only comments, is a null node") {
  for (std::string_view text : {"", "\n\n", "# nothing yet\n", "---\n"}) {
    CAPTURE(text);
    Parsed p = parse(text);
    CHECK(p.diagnostics.empty());
    REQUIRE(p.root.has_value());
    CHECK(p.root->is_null());
  }
}

TEST_CASE("one explicit document start is fine") {
  Node root = ok("---\na: 1\n");
  CHECK(root.get("a")->value == "1");
  check_pos(root.key(0), 2, 1);
}

// ---------------------------------------------------------------- syntax errors

TEST_CASE("a tab in the indentation") {
  Parsed p = parse("a:\n\tb: 1\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.errors == 1);
  CHECK(p.diagnostics ==
        "data/x.yaml:2:1: error: YAML syntax error: found character that cannot start any token "
        "(while scanning for the next token)\n"
        " 2 | \tb: 1\n"
        "   | ^\n"
        "  hint: YAML indents with spaces, not tabs; text starting with @ or ` must be quoted\n");
}

TEST_CASE("an unclosed quote") {
  Parsed p = parse("a: 1\nname: \"Ventspils 1. pamatskola\nkind: basic\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(
      p.diagnostics ==
      R"(data/x.yaml:2:7: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)
 2 | name: "Ventspils 1. pamatskola
   |       ^
  hint: a quote or bracket is not closed
)");
}

TEST_CASE("an unclosed flow list") {
  Parsed p = parse("subjects: [mathematics, latvian\nkind: basic\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(
      p.diagnostics ==
      R"(data/x.yaml:2:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)
 2 | kind: basic
   |     ^
  hint: a quote or bracket is not closed
)");
}

TEST_CASE("a line indented less than its siblings") {
  Parsed p = parse("- id: a\n  name: A\n kind: basic\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(
      p.diagnostics ==
      R"(data/x.yaml:3:2: error: YAML syntax error: did not find expected '-' indicator (while parsing a block collection)
 3 |  kind: basic
   |  ^
  hint: check the indentation: entries of one list or map must start in the same column
)");
}

TEST_CASE("a line indented more than its siblings") {
  Parsed p = parse("id: a\nname: A\n   kind: basic\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics ==
        R"(data/x.yaml:3:8: error: YAML syntax error: mapping values are not allowed in this context
 3 |    kind: basic
   |        ^
  hint: a text that contains ": " must be put in quotes, or the line is indented wrongly
)");
}

TEST_CASE("an unquoted text with a colon: mapping values are not allowed") {
  Parsed p = parse("title: Skola: jauna pieeja\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(
      p.diagnostics ==
      R"(data/x.yaml:1:13: error: YAML syntax error: mapping values are not allowed in this context
 1 | title: Skola: jauna pieeja
   |             ^
  hint: a text that contains ": " must be put in quotes, or the line is indented wrongly
)");
}

TEST_CASE("a duplicate key names the line of the first") {
  Parsed p = parse("- id: a\n  name: A\n  kind: basic\n  name: B\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics == R"(data/x.yaml:4:3: error: duplicate key "name" (first given on line 2)
 4 |   name: B
   |   ^
  hint: keep one of the two; a later value would silently replace the earlier one
)");
}

TEST_CASE("duplicate keys in a flow map and in JSON") {
  Parsed p = parse("{\"a\": 1,\n \"b\": 2, \"a\": 3}\n");
  CHECK(p.diagnostics == R"(data/x.yaml:2:10: error: duplicate key "a" (first given on line 1)
 2 |  "b": 2, "a": 3}
   |          ^
  hint: keep one of the two; a later value would silently replace the earlier one
)");
}

TEST_CASE("every duplicate key of a file is reported") {
  Parsed p = parse("- {id: a, id: b}\n- {x: 1, x: 2, x: 3}\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.errors == 3);
  CHECK(p.diagnostics.find("1:11: error: duplicate key \"id\" (first given on line 1)") !=
        std::string::npos);
  CHECK(p.diagnostics.find("2:10: error: duplicate key \"x\"") != std::string::npos);
  CHECK(p.diagnostics.find("2:16: error: duplicate key \"x\"") != std::string::npos);
}

TEST_CASE("two documents in one file") {
  Parsed p = parse("- a\n---\n- b\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics ==
        R"(data/x.yaml:2:1: error: a data file must hold one YAML document, not several
 2 | ---
   | ^
  hint: remove the second '---' line, or split the file in two
)");
}

TEST_CASE("a map key that is a list") {
  Parsed p = parse("{[a, b]: 1}\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics == R"(data/x.yaml:1:2: error: a map key must be a plain text, not a list
 1 | {[a, b]: 1}
   |  ^
)");
}

TEST_CASE("an alias to an undefined anchor") {
  Parsed p = parse("a: &one 1\nb: *two\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics == R"(data/x.yaml:2:4: error: unknown alias "*two"
 2 | b: *two
   |    ^
  hint: an alias (*name) must refer to an anchor (&name) defined before it
)");
}

TEST_CASE("text that is not UTF-8 is reported for the whole file") {
  Parsed p = parse("name: R\xEEga\n");
  CHECK_FALSE(p.root.has_value());
  CHECK(p.diagnostics ==
        "data/x.yaml: error: the file is not valid UTF-8 text (invalid trailing UTF-8 octet)\n"
        "  hint: save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)\n");
}

TEST_CASE("syntax errors in front matter carry the file's line numbers") {
  diag::Diagnostics diags;
  auto root = parse_yaml("title: [a\n", "content/a.md", diags, 1);
  CHECK_FALSE(root.has_value());
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].pos.file == "content/a.md");
  CHECK(sorted[0].pos.line == 3);
}

}  // namespace
}  // namespace metodika::load

namespace metodika::load {
TEST_CASE("runaway nesting is an error, not a stack overflow") {
  diag::Diagnostics diags;
  std::string text(100000, '[');
  CHECK_FALSE(parse_yaml(text, "data/x.yaml", diags).has_value());
  CHECK(diags.format(false) ==
        "data/x.yaml:1:65: error: the data is nested more than 64 levels deep\n"
        "  hint: check the brackets and the indentation\n");
}
}  // namespace metodika::load

// Resource limits (load/limits.h, issue 19).
namespace metodika::load {
namespace {

std::string format_errors(std::string_view text, const YamlLimits& limits, bool* parsed) {
  diag::Diagnostics diags;
  *parsed = parse_yaml(text, "data/x.yaml", diags, 0, limits).has_value();
  return diags.format(false);
}

// A "billion laughs" document: `levels` anchors, each a list (or map) of `width` aliases of the
// one before.
std::string bomb(bool maps, int levels, int width) {
  std::string out = maps ? "a0: &a0 {x: lol}\n" : "a0: &a0 [lol]\n";
  for (int i = 1; i <= levels; ++i) {
    // Appended piece by piece: GCC 12 misreports `"a" + std::to_string(i)` as an overlap.
    const std::string n = std::to_string(i), before = std::to_string(i - 1);
    out.append("a").append(n).append(": &a").append(n).append(maps ? " {" : " [");
    for (int j = 0; j < width; ++j) {
      if (j) out += ", ";
      if (maps) out.append("k").append(std::to_string(j)).append(": ");
      out.append("*a").append(before);
    }
    out += maps ? "}\n" : "]\n";
  }
  return out;
}

TEST_CASE("an alias bomb of lists stops at the alias that exceeds the budget") {
  bool parsed = true;
  // a5 would hold 211,111 nodes; the budget is 4 × the 64 own nodes + 250,000, which the 10th
  // copy of a4 (21,111 nodes each) crosses.
  CHECK(format_errors(bomb(false, 9, 10), {}, &parsed) ==
        "data/x.yaml:6:55: error: the alias \"*a4\" copies more than aliases may copy in one file "
        "(4 × the file's own 64 nodes + 250000 nodes)\n"
        "  hint: aliases of aliases grow exponentially (a \"billion laughs\" file); write the "
        "values out, or use fewer levels of aliases\n");
  CHECK_FALSE(parsed);
}

TEST_CASE("an alias bomb of maps stops too, and so does the anchor that keeps a copy") {
  bool parsed = true;
  CHECK(format_errors(bomb(true, 7, 10), {}, &parsed)
            .starts_with("data/x.yaml:6:41: error: the alias \"*a4\" copies more than aliases may "
                         "copy in one file (4 × the file's own 103 nodes + 250000 nodes)\n"));
  CHECK_FALSE(parsed);
  // An anchored node is kept as a copy for its aliases: that copy counts too.
  YamlLimits tight;
  tight.alias_multiple = 0;
  tight.alias_allowance = 5;
  CHECK(format_errors("a: &a [1, 2, 3, 4, 5, 6]\n", tight, &parsed) ==
        "data/x.yaml:1:4: error: the anchor \"&a\" copies more than aliases may copy in one file "
        "(0 × the file's own 9 nodes + 5 nodes)\n"
        "  hint: aliases of aliases grow exponentially (a \"billion laughs\" file); write the "
        "values out, or use fewer levels of aliases\n");
  CHECK_FALSE(parsed);
}

TEST_CASE("aliases of a long text are bounded by the file's size") {
  std::string text = "a: &a \"" + std::string(10'000, 'x') + "\"\nb: [";
  for (int i = 0; i < 600; ++i) text += i ? ", *a" : "*a";
  text += "]\n";
  bool parsed = true;
  const std::string out = format_errors(text, {}, &parsed);
  CHECK_FALSE(parsed);
  CHECK(out.find("error: the alias \"*a\" copies more than aliases may copy in one file (4 × "
                 "the file's ") != std::string::npos);
  CHECK(out.find("bytes of text)") != std::string::npos);
}

TEST_CASE("defaults merged into every entry stay far below the alias budget") {
  std::string text = "defaults: &d {kind: basic, municipality: ventspils, region: kurzeme}\n"
                     "schools:\n";
  for (int i = 0; i < 20'000; ++i) {
    text += "  - {<<: *d, id: s" + std::to_string(i) + "}\n";
  }
  bool parsed = false;
  CHECK(format_errors(text, {}, &parsed).empty());
  CHECK(parsed);
}

TEST_CASE("a value may have 10,000 characters, not more") {
  bool parsed = false;
  // 10,000 two-byte letters: counted as characters, not bytes.
  std::string ok_text = "name: ";
  for (int i = 0; i < 10'000; ++i) ok_text += "\u0161";
  CHECK(format_errors(ok_text, {}, &parsed).empty());
  CHECK(parsed);
  CHECK(format_errors("a: 1\nname: \"" + std::string(10'001, 'x') + "\"\n", {}, &parsed) ==
        "data/x.yaml:2:7: error: this text is 10001 characters long; a value may have at most "
        "10000\n"
        "  hint: shorten it: long texts belong in a Markdown page under content/\n");
  CHECK_FALSE(parsed);
  // Keys too, and block texts.
  CHECK(format_errors(std::string(10'001, 'k') + ": 1\n", {}, &parsed).starts_with(
      "data/x.yaml:1:1: error: this text is 10001 characters long"));
  CHECK(format_errors("note: |\n  " + std::string(10'001, 'n') + "\n", {}, &parsed)
            .starts_with("data/x.yaml:1:7: error: this text is 10002 characters long"));
}

TEST_CASE("a file may hold a limited number of nodes, aliases counted as copies") {
  YamlLimits small;
  small.max_nodes = 10;
  bool parsed = false;
  CHECK(format_errors("[1, 2, 3, 4, 5, 6, 7, 8, 9]", small, &parsed).empty());  // 10 nodes
  CHECK(parsed);
  CHECK(format_errors("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", small, &parsed) ==
        "data/x.yaml:1:29: error: the file holds more than 10 values, lists and maps (aliases "
        "counted as copies)\n"
        "  hint: split it into several files in a folder, such as data/schools/*.yaml\n");
  CHECK_FALSE(parsed);
  CHECK(format_errors("- &a [1, 2, 3]\n- *a\n- *a\n", small, &parsed)
            .starts_with("data/x.yaml:3:3: error: the file holds more than 10 values"));
}

TEST_CASE("front matter goes through the same limits, at the Markdown file's lines") {
  diag::Diagnostics diags;
  CHECK_FALSE(parse_yaml(bomb(false, 9, 10), "content/x.md", diags, 1).has_value());
  CHECK(diags.format(false).starts_with("content/x.md:7:55: error: the alias"));
}

}  // namespace
}  // namespace metodika::load
