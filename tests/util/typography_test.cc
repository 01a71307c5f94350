#include "util/typography.h"

#include <doctest/doctest.h>

namespace metodika::util {
namespace {

constexpr const char* kNb = "\u00A0";

std::string nb(std::string text) {
  // "~" stands for a no-break space in the expectations below.
  std::string out;
  for (char c : text) {
    if (c == '~') out += kNb;
    else out += c;
  }
  return out;
}

TEST_CASE("Ordinal numbers keep to the word they count; m. g. stays whole") {
  CHECK(tie_words("6. klase", "lv") == nb("6.~klase"));
  CHECK(tie_words("Izglītības likuma 18. pants", "lv") == nb("Izglītības likuma 18.~pants"));
  CHECK(tie_words("2024. gada 31. augusts", "lv") == nb("2024.~gada 31.~augusts"));
  CHECK(tie_words("2023./2024. m. g.", "lv") == nb("2023./2024.~m.~g."));
  CHECK(tie_words("17. lpp. no 25", "lv") == nb("17.~lpp. no 25"));
  CHECK(tie_words("mācās 9. ūdens", "lv") == nb("mācās 9.~ūdens"));  // ū is lower case
}

TEST_CASE("A new sentence after a number and an ordinary dot stay breakable") {
  CHECK(tie_words("Līdz 2024. Nākamajā gadā", "lv") == "Līdz 2024. Nākamajā gadā");
  CHECK(tie_words("Skolas. un tā tālāk", "lv") == "Skolas. un tā tālāk");
  CHECK(tie_words("6. Ūdens", "lv") == "6. Ūdens");  // Ū is a capital
  CHECK(tie_words("6. klase", "en") == "6. klase");  // ordinals are Latvian only
}

TEST_CASE("Units keep to their number in every language") {
  CHECK(tie_words("budžets 16 018 EUR gadā", "lv") == nb("budžets 16 018~EUR gadā"));
  CHECK(tie_words("16,018 EUR", "en") == nb("16,018~EUR"));
  CHECK(tie_words("5 €", "en") == nb("5~€"));
  CHECK(tie_words("45 %", "lv") == nb("45~%"));
  CHECK(tie_words("5 EURO", "lv") == "5 EURO");
  CHECK(tie_words("ir EUR", "lv") == "ir EUR");  // no number before it
}

}  // namespace
}  // namespace metodika::util
