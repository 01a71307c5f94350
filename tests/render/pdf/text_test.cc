#include "render/pdf/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixture.h"
#include "render/pdf/fonts.h"

namespace metodika::render::pdf {
namespace {

Typesetter typesetter() {
  const Resources& r = test::test_resources();
  return {r.fonts(), r.hyphenator()};
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& line : lines) {
    std::string text;
    for (const Piece& piece : line.pieces) text += piece.text;
    out.push_back(text);
  }
  return out;
}

// The letters of the lines joined back, hyphens at line ends dropped, spaces collapsed.
std::string rejoin(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty() && out.back() == '-') out.pop_back();
    else if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}

const std::string kParagraph =
    "Pārskata periodā centralizēto eksāmenu indekss vairumā skolu pārsniedza noteikto "
    "slieksni, bet pedagogu profesionālās pilnveides norma izpildīta 78,4% pedagogu. "
    "Daudzfunkcionālās izglītības iestādes, dabaszinātņu olimpiādes un metodiskās apvienības "
    "sadarbojas ar Valsts izglītības kvalitātes dienestu.";

TEST_CASE("Lines never exceed the width, at any width") {
  const Typesetter ts = typesetter();
  const std::vector<Span> spans{{kParagraph, {FontStyle::kRegular, 10, kBlack}, {}}};
  for (double width = 40; width <= 480; width += 7) {
    CAPTURE(width);
    const std::vector<Line> lines = break_lines(spans, width, ts);
    for (const Line& line : lines) {
      CHECK(line.width <= width + 1e-6);
      double measured = 0;
      for (const Piece& piece : line.pieces) {
        measured = piece.x + ts.fonts.metrics(piece.style.font).width(piece.text, 10);
      }
      CHECK(measured <= width + 1e-6);
    }
  }
}

TEST_CASE("Words are cut only where the patterns allow, and always with a hyphen") {
  const Typesetter ts = typesetter();
  const std::vector<Span> spans{{kParagraph, {FontStyle::kRegular, 10, kBlack}, {}}};
  for (double width = 90; width <= 480; width += 13) {
    CAPTURE(width);
    const std::vector<std::string> lines = texts(break_lines(spans, width, ts));
    CHECK(rejoin(lines) == kParagraph);
    for (size_t k = 0; k + 1 < lines.size(); ++k) {
      const std::string& line = lines[k];
      if (line.back() != '-') continue;
      // The broken word's head is a prefix the hyphenator offered.
      const std::string head = line.substr(line.rfind(' ') + 1, std::string::npos);
      const std::string tail = lines[k + 1].substr(0, lines[k + 1].find(' '));
      std::string word = head.substr(0, head.size() - 1) + tail;
      while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.pop_back();
      bool offered = false;
      for (size_t point : ts.hyphenator.points(word)) offered |= point == head.size() - 1;
      CHECK_MESSAGE(offered, head, "|", tail);
    }
  }
}

TEST_CASE("Ragged right: a word moves to the next line whole when the line is nearly full") {
  const Typesetter ts = typesetter();
  const TextStyle style{FontStyle::kRegular, 10, kBlack};
  const double width = ts.fonts.metrics(FontStyle::kRegular).width("aaaa izglītības", 10) + 1;
  const auto lines = texts(break_lines({{"aaaa izglītības izglītības", style, {}}}, width, ts));
  CHECK(lines == std::vector<std::string>{"aaaa izglītības", "izglītības"});
}

TEST_CASE("A word wider than the line is hyphenated, then cut with a hyphen if it must be") {
  const Typesetter ts = typesetter();
  const TextStyle style{FontStyle::kRegular, 10, kBlack};
  const auto lines = texts(break_lines({{"neatkarīgi", style, {}}}, 32, ts));
  CHECK(lines.size() >= 2);
  CHECK(lines.front().back() == '-');
  const auto digits = texts(break_lines({{"12345678901234567890", style, {}}}, 30, ts));
  CHECK(digits.size() > 2);
  for (size_t k = 0; k + 1 < digits.size(); ++k) CHECK(digits[k].back() == '-');
}

TEST_CASE("Names (capitalised words) are not hyphenated in table cells or in passing") {
  const Typesetter ts = typesetter();
  const TextStyle style{FontStyle::kRegular, 10, kBlack};
  const double width = ts.fonts.metrics(FontStyle::kRegular).width("Skola Ventspils", 10) - 5;
  const auto lines = texts(break_lines({{"Skola Ventspils", style, {}}}, width, ts));
  CHECK(lines == std::vector<std::string>{"Skola", "Ventspils"});
  const auto cell = texts(break_lines({{"profesionālās pilnveides", style, {}}}, 70, ts,
                                      Hyphenation::kOverlongOnly));
  CHECK(cell == std::vector<std::string>{"profesionālās", "pilnveides"});
}

TEST_CASE("No-break spaces hold, forced breaks break, styles keep their runs") {
  const Typesetter ts = typesetter();
  const TextStyle regular{FontStyle::kRegular, 10, kBlack};
  const TextStyle bold{FontStyle::kBold, 10, kBlack};
  const auto nbsp = texts(break_lines({{"summa 16\u00A0018\u00A0EUR", regular, {}}}, 60, ts));
  CHECK(nbsp.back() == "16\u00A0018\u00A0EUR");
  const auto forced = texts(break_lines({{"viens\ndivi", regular, {}}}, 400, ts));
  CHECK(forced == std::vector<std::string>{"viens", "divi"});
  const std::vector<Line> lines =
      break_lines({{"Rī", regular, {}}, {"ga un ", bold, {}}, {"Liepāja", regular, {}}}, 400, ts);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].pieces.size() == 3);
  // The space between runs stays in the text (the tagged PDF is read by its text), at the end
  // of the run whose style it has; the next run starts where it ends.
  CHECK(lines[0].pieces[1].text == "ga un ");
  CHECK(lines[0].pieces[2].x == doctest::Approx(lines[0].pieces[1].x + lines[0].pieces[1].width));
  CHECK(lines[0].pieces[1].width > ts.fonts.metrics(FontStyle::kBold).width("ga un", 10));
}

TEST_CASE("A word broken across lines keeps its parts apart, numbered, with its spaces") {
  const Typesetter ts = typesetter();
  const std::vector<Span> spans{{kParagraph, {FontStyle::kRegular, 10, kBlack}, {}}};
  const std::vector<Line> lines = break_lines(spans, 90, ts);
  int broken = 0;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    const Piece& last = lines[k].pieces.back();
    if (last.broken_word < 0) continue;
    ++broken;
    // The part that goes on starts the next line, with the same number.
    CHECK(lines[k + 1].pieces.front().broken_word == last.broken_word);
    CHECK(last.hyphen_added == (last.text.back() == '-'));
  }
  CHECK(broken > 0);
  std::string all;
  for (const Line& line : lines) {
    for (const Piece& piece : line.pieces) all += piece.text;
    all += '\n';
  }
  CHECK(all.find("centralizēto eks") != std::string::npos);
}

TEST_CASE("Widths are the embedded font's advances") {
  const FontMetrics& regular = test::test_resources().fonts().metrics(FontStyle::kRegular);
  // DejaVu Sans: digits 1303/2048 em -> 636 per mille, as libharu writes them in /W.
  CHECK(regular.advance(U'0') == 636);
  CHECK(regular.width("00", 10) == doctest::Approx(12.72));
  for (char32_t c : std::u32string(U"āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ„“–—")) CHECK(regular.has(c));
}

}  // namespace
}  // namespace metodika::render::pdf
