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
  for (uint32_t t = 0; t < 4; ++t) {
    threads.emplace_back([&diags, t] {
      for (uint32_t i = 1; i <= 100; ++i) diags.error({"f", i, t + 1}, "e");
    });
  }
  for (auto& th : threads) th.join();
  CHECK(diags.error_count() == 400);
  auto sorted = diags.sorted();
  REQUIRE(sorted.size() == 400);
  CHECK(sorted.front().pos == SourcePos{"f", 1, 1});
  CHECK(sorted.back().pos == SourcePos{"f", 100, 4});
}

}  // namespace
}  // namespace metodika::diag
