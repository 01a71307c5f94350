#include "render/pdf/hyphenate.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "fixture.h"
#include "render/pdf/fonts.h"

namespace metodika::render::pdf {
namespace {

std::string hyphenated(std::string_view word) {
  std::string out;
  size_t at = 0;
  for (size_t point : test::test_resources().hyphenator().points(word)) {
    out.append(word.substr(at, point - at)).append("-");
    at = point;
  }
  return out.append(word.substr(at));
}

TEST_CASE("Latvian words hyphenate at syllable boundaries, two letters from either end") {
  CHECK(hyphenated("izglītības") == "iz-glī-tī-bas");
  CHECK(hyphenated("profesionālās") == "pro-fe-sio-nā-lās");
  CHECK(hyphenated("valstspilsētā") == "valstspil-sē-tā");
  CHECK(hyphenated("kvalitāte") == "kva-li-tā-te");
  CHECK(hyphenated("ĢIMNĀZIJA") == "ĢIM-NĀ-ZI-JA");
}

TEST_CASE("Short words, digits and foreign letters are not hyphenated") {
  const Hyphenator& h = test::test_resources().hyphenator();
  CHECK(h.points("skola").empty() == false);
  CHECK(h.points("māja").empty());
  CHECK(h.points("2025").empty());
  CHECK(h.points("schoolβ").empty());
}

}  // namespace
}  // namespace metodika::render::pdf
