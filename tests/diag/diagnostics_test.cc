#include "diag/diagnostics.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace metodika::diag {
namespace {

std::shared_ptr<const std::string> text(std::string s) {
  return std::make_shared<const std::string>(std::move(s));
}

// Built field by field: GCC 12 at -O2 misreports the aggregate form as uninitialised.
Diagnostic make(Severity severity, SourcePos pos, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = severity;
  d.pos = std::move(pos);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

TEST_CASE("format_one without a registered source gives the message and the hint") {
  Diagnostics diags;
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 3, 7}, "something is wrong", "do this");
  CHECK(diags.format_one(d) == "data/x.yaml:3:7: error: something is wrong\n  hint: do this\n");
}

TEST_CASE("format_one quotes the source line with a caret under the column") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("id: a\nkind: secundary\nname: b\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 2, 7}, "unknown kind", "use one of: basic");
  CHECK(diags.format_one(d) == R"(data/x.yaml:2:7: error: unknown kind
 2 | kind: secundary
   |       ^
  hint: use one of: basic
)");
}

TEST_CASE("text from the data is printed without control characters or bytes that are not UTF-8") {
  // A file name or value holding ESC sequences would rewrite the terminal's screen.
  Diagnostics diags;
  Diagnostic d = make(Severity::kError, {"content/a\x1B[2Jb\xFF.md", 0, 0},
                      "the name \"new\nline\xC2\x9B\" is wrong; ok: ā\tz", "rename \"\x07\"");
  CHECK(diags.format_one(d) ==
        "content/a\\x1B[2Jb\\xFF.md: error: the name \"new\\nline\\u009B\" is wrong; ok: "
        "ā\\x09z\n  hint: rename \"\\x07\"\n");
  // In a quoted line each becomes one U+FFFD, so that the caret still lines up; tabs stay.
  diags.add_source("data/x.csv", text("a;\x1B[31mb\t;c\n"));
  Diagnostic q = make(Severity::kError, {"data/x.csv", 1, 11}, "here", "");
  CHECK(diags.format_one(q) == "data/x.csv:1:11: error: here\n 1 | a;\uFFFD[31mb\t;c\n"
                               "   |         \t ^\n");
}

TEST_CASE("format_one without a hint ends after the caret") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("a: 1\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 1, 4}, "bad value", "");
  CHECK(diags.format_one(d) == "data/x.yaml:1:4: error: bad value\n 1 | a: 1\n   |    ^\n");
}

TEST_CASE("format_one widens the gutter for long line numbers") {
  std::string src;
  for (int i = 1; i <= 12; ++i) src += "line" + std::to_string(i) + "\n";
  Diagnostics diags;
  diags.add_source("f.yaml", text(src));
  Diagnostic d = make(Severity::kWarning, {"f.yaml", 12, 5}, "look here", "");
  CHECK(diags.format_one(d) == R"(f.yaml:12:5: warning: look here
 12 | line12
    |     ^
)");
}

TEST_CASE("the caret counts multi-byte UTF-8 characters as one column") {
  Diagnostics diags;
  // ā, Š and ķ are two bytes each; x is the 15th character.
  diags.add_source("data/x.yaml", text("name: Rīga Šķ x\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 1, 15}, "here", "");
  CHECK(diags.format_one(d) == R"(data/x.yaml:1:15: error: here
 1 | name: Rīga Šķ x
   |               ^
)");
}

TEST_CASE("the caret keeps tabs so that it lines up in a terminal") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("a:\n\tb: 1\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 2, 2}, "after the tab", "");
  CHECK(diags.format_one(d) == "data/x.yaml:2:2: error: after the tab\n 2 | \tb: 1\n   | \t^\n");
}

TEST_CASE("the quoted line loses its carriage return") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("a: 1\r\nb: [\r\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 2, 4}, "unclosed", "");
  CHECK(diags.format_one(d) == "data/x.yaml:2:4: error: unclosed\n 2 | b: [\n   |    ^\n");
}

TEST_CASE("a caret past the end of the line is padded with spaces") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("ab\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 1, 5}, "end", "");
  CHECK(diags.format_one(d) == "data/x.yaml:1:5: error: end\n 1 | ab\n   |     ^\n");
}

TEST_CASE("a source's locator adds its note after the caret") {
  Diagnostics diags;
  diags.add_source("data/x.csv", text("id;hours\na;abc\n"), [](uint32_t line, uint32_t col) {
    return line == 2 ? "row 2, column " + std::string(col >= 3 ? "B" : "A") : "";
  });
  Diagnostic d = make(Severity::kError, {"data/x.csv", 2, 3}, "not a number", "");
  CHECK(diags.format_one(d) ==
        "data/x.csv:2:3: error: not a number\n 2 | a;abc\n   |   ^ row 2, column B\n");
  Diagnostic header = make(Severity::kError, {"data/x.csv", 1, 4}, "unknown field", "");
  CHECK(diags.format_one(header) ==
        "data/x.csv:1:4: error: unknown field\n 1 | id;hours\n   |    ^\n");
}

TEST_CASE("a byte order mark is left out of the quoted first line, as columns do not count it") {
  Diagnostics diags;
  diags.add_source("data/x.csv", text("\xEF\xBB\xBFid;x\n"));
  Diagnostic d = make(Severity::kError, {"data/x.csv", 1, 4}, "unknown field", "");
  CHECK(diags.format_one(d) == "data/x.csv:1:4: error: unknown field\n 1 | id;x\n   |    ^\n");
}

TEST_CASE("a diagnostic about a whole file has no line, column or quote") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("a: 1\n"));
  Diagnostic d = make(Severity::kError, {"data/x.yaml", 0, 0}, "the file is not UTF-8 text", "save it");
  CHECK(diags.format_one(d) == "data/x.yaml: error: the file is not UTF-8 text\n  hint: save it\n");
}

TEST_CASE("a diagnostic without a file is attributed to metodika") {
  Diagnostics diags;
  Diagnostic d = make(Severity::kWarning, {}, "nothing to do", "");
  CHECK(diags.format_one(d) == "metodika: warning: nothing to do\n");
}

TEST_CASE("format without quote_source leaves the source out") {
  Diagnostics diags;
  diags.add_source("data/x.yaml", text("a: 1\n"));
  diags.error({"data/x.yaml", 1, 4}, "bad", "fix it");
  CHECK(diags.format(false) == "data/x.yaml:1:4: error: bad\n  hint: fix it\n");
  CHECK(diags.format() == "data/x.yaml:1:4: error: bad\n 1 | a: 1\n   |    ^\n  hint: fix it\n");
}

TEST_CASE("format sorts by file, line and column") {
  Diagnostics diags;
  diags.error({"data/b.yaml", 1, 1}, "b1");
  diags.error({"data/a.yaml", 10, 1}, "a10");
  diags.warning({"data/a.yaml", 2, 9}, "a2c9");
  diags.error({"data/a.yaml", 2, 3}, "a2c3");
  diags.error({"content/x.md", 0, 0}, "x");
  CHECK(diags.format() ==
        "content/x.md: error: x\n"
        "data/a.yaml:2:3: error: a2c3\n"
        "data/a.yaml:2:9: warning: a2c9\n"
        "data/a.yaml:10:1: error: a10\n"
        "data/b.yaml:1:1: error: b1\n");
}

TEST_CASE("at one place, warnings come before errors, then messages in byte order") {
  Diagnostics diags;
  diags.error({"f", 1, 1}, "zeta");
  diags.error({"f", 1, 1}, "alpha");
  diags.warning({"f", 1, 1}, "omega");
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "omega");
  CHECK(sorted[1].message == "alpha");
  CHECK(sorted[2].message == "zeta");
}

TEST_CASE("the same message at the same place is shown and counted once") {
  Diagnostics diags;
  diags.error({"f", 2, 3}, "twice", "hint");
  diags.error({"f", 2, 3}, "twice", "hint");
  diags.error({"f", 2, 4}, "twice", "hint");  // another column: kept
  diags.warning({"f", 5, 1}, "w");
  diags.warning({"f", 5, 1}, "w");
  CHECK(diags.format() ==
        "f:2:3: error: twice\n  hint: hint\n"
        "f:2:4: error: twice\n  hint: hint\n"
        "f:5:1: warning: w\n");
  CHECK(diags.error_count() == 2);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("an error is never merged into a warning with the same text") {
  Diagnostics diags;
  diags.warning({"f", 1, 1}, "same");
  diags.error({"f", 1, 1}, "same");
  CHECK(diags.format() == "f:1:1: warning: same\nf:1:1: error: same\n");
  CHECK(diags.has_errors());
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("warning_once adds one warning per key") {
  Diagnostics diags;
  diags.warning_once("name:en", {"f", 1, 1}, "no en text", "add en");
  diags.warning_once("name:en", {"f", 9, 9}, "another text, same key");
  diags.warning_once("name:ru", {"f", 1, 1}, "no ru text");
  CHECK(diags.warning_count() == 2);
  CHECK_FALSE(diags.has_errors());
  CHECK(diags.format() ==
        "f:1:1: warning: no en text\n  hint: add en\nf:1:1: warning: no ru text\n");
}

TEST_CASE("counts separate errors from warnings") {
  Diagnostics diags;
  CHECK_FALSE(diags.has_errors());
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 0);
  CHECK(diags.format().empty());
  diags.warning({"f", 1, 1}, "w1");
  diags.warning({"f", 2, 1}, "w2");
  CHECK_FALSE(diags.has_errors());
  CHECK(diags.warning_count() == 2);
  diags.error({"f", 3, 1}, "e1");
  CHECK(diags.has_errors());
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 2);
}

TEST_CASE("sorted keeps severity, position, message and hint") {
  Diagnostics diags;
  diags.error({"data/x.yaml", 4, 2}, "msg", "hint");
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].severity == Severity::kError);
  CHECK(sorted[0].pos == SourcePos{"data/x.yaml", 4, 2});
  CHECK(sorted[0].message == "msg");
  CHECK(sorted[0].hint == "hint");
}

TEST_CASE("diagnostics may be added from several threads") {
  Diagnostics diags;
  std::vector<std::thread> threads;
  const std::string files[] = {"f0", "f1", "f2", "f3"};  // 100 each: none is cut
  for (const std::string& file : files) {
    threads.emplace_back([&diags, &file] {
      for (uint32_t i = 1; i <= 100; ++i) diags.error({file, i, 1}, "e");
    });
  }
  for (auto& th : threads) th.join();
  CHECK(diags.error_count() == 400);
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 400);
  CHECK(sorted.front().pos == SourcePos{"f0", 1, 1});
  CHECK(sorted.back().pos == SourcePos{"f3", 100, 1});
}

// A line of `n` characters "0123456789" repeated.
std::string digits_line(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += static_cast<char>('0' + i % 10);
  return s;
}

TEST_CASE("a line up to 120 characters is quoted whole") {
  Diagnostics diags;
  diags.add_source("f", text(digits_line(120) + "\n"));
  Diagnostic d = make(Severity::kError, {"f", 1, 120}, "end", "");
  CHECK(diags.format_one(d) ==
        "f:1:120: error: end\n 1 | " + digits_line(120) + "\n   | " + std::string(119, ' ') + "^\n");
}

TEST_CASE("a long line is cut to 100 characters around the caret, with … where it goes on") {
  Diagnostics diags;
  const std::string line = digits_line(1000);
  diags.add_source("f", text("a: 1\n" + line + "\n"));
  // Column 501: characters 451..550 are shown (50 before the caret), "…" at both ends.
  Diagnostic d = make(Severity::kError, {"f", 2, 501}, "middle", "");
  CHECK(diags.format_one(d) == "f:2:501: error: middle\n 2 | \u2026" + line.substr(450, 100) +
                                   "\u2026\n   | " + std::string(51, ' ') + "^\n");
  // Near the start: no "…" before.
  d = make(Severity::kError, {"f", 2, 3}, "start", "");
  CHECK(diags.format_one(d) ==
        "f:2:3: error: start\n 2 | " + line.substr(0, 100) + "\u2026\n   |   ^\n");
  // At the end (and past it): the last 100 characters, no "…" after.
  d = make(Severity::kError, {"f", 2, 1001}, "end", "");
  CHECK(diags.format_one(d) == "f:2:1001: error: end\n 2 | \u2026" + line.substr(900) + "\n   | " +
                                   std::string(101, ' ') + "^\n");
}

TEST_CASE("a long line is cut between characters, never inside one") {
  std::string line;
  for (int i = 0; i < 300; ++i) line += "\u0161";  // š: two bytes
  Diagnostics diags;
  diags.add_source("f", text(line));
  Diagnostic d = make(Severity::kError, {"f", 1, 151}, "here", "");
  std::string window;
  for (int i = 0; i < 100; ++i) window += "\u0161";
  CHECK(diags.format_one(d) == "f:1:151: error: here\n 1 | \u2026" + window + "\u2026\n   | " +
                                   std::string(51, ' ') + "^\n");
}

TEST_CASE("a huge line is never quoted whole") {
  Diagnostics diags;
  diags.add_source("f", text(std::string(50'000'000, 'x')));
  Diagnostic d = make(Severity::kError, {"f", 1, 25'000'000}, "here", "");
  CHECK(diags.format_one(d).size() < 400);
}

TEST_CASE("a file keeps its first 100 errors in file order, whatever the order of adding") {
  auto fill = [](Diagnostics& diags, bool backwards) {
    for (uint32_t i = 1; i <= 1000; ++i) {
      uint32_t line = backwards ? 1001 - i : i;
      diags.error({"data/big.yaml", line, 1}, "bad " + std::to_string(line));
    }
    diags.error({"data/big.yaml", 0, 0}, "whole file");  // never dropped
    diags.warning({"data/big.yaml", 999, 1}, "a warning");  // counted apart from errors
    diags.error({"data/other.yaml", 3, 1}, "other file");
  };
  Diagnostics forwards, backwards;
  fill(forwards, false);
  fill(backwards, true);
  CHECK(forwards.format() == backwards.format());
  auto sorted = forwards.sorted();
  REQUIRE(sorted.size() == 104);
  CHECK(sorted[0].message == "more errors in this file are not shown (only the first 100)");
  CHECK(sorted[0].pos == SourcePos{"data/big.yaml", 0, 0});
  CHECK(sorted[1].message == "whole file");
  CHECK(sorted[2].message == "bad 1");
  CHECK(sorted[101].message == "bad 100");
  CHECK(sorted[102].message == "a warning");
  CHECK(sorted[103].message == "other file");
  CHECK(forwards.error_count() == 103);
  CHECK(forwards.warning_count() == 1);
}

TEST_CASE("a list cut once is not cut again, nor noted twice, when added to another") {
  Diagnostics own;
  for (uint32_t i = 1; i <= 300; ++i) own.error({"f", i, 1}, "e");
  Diagnostics all;
  all.add(own.sorted());
  CHECK(all.format() == own.format());
  CHECK(all.error_count() == 101);
}

TEST_CASE("many quoted diagnostics in a large file are found line by line") {
  std::string src;
  for (int i = 1; i <= 100'000; ++i) src += "line " + std::to_string(i) + "\n";
  Diagnostics diags;
  diags.add_source("f", text(src));
  for (uint32_t i = 2000; i <= 100'000; i += 1000) diags.error({"f", i, 1}, "e");
  diags.error({"f", 7, 1}, "e");
  const std::string out = diags.format();
  CHECK(out.find(" 7 | line 7\n") != std::string::npos);
  CHECK(out.find(" 100000 | line 100000\n") != std::string::npos);
  // A lookup of an earlier line after a later one starts again from the top.
  CHECK(diags.format_one(make(Severity::kError, {"f", 2, 1}, "e", "")) ==
        "f:2:1: error: e\n 2 | line 2\n   | ^\n");
}

}  // namespace
}  // namespace metodika::diag
