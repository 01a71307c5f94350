#include "util/collate.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace metodika::util {
namespace {

// Checks that `words` is strictly increasing under both compare() and the sort keys.
void check_strictly_ascending(const Collator& collator, const std::vector<std::string>& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    CAPTURE(words[i]);
    CAPTURE(words[i + 1]);
    CHECK(collator.compare(words[i], words[i + 1]) < 0);
    CHECK(collator.compare(words[i + 1], words[i]) > 0);
    CHECK(collator.less(words[i], words[i + 1]));
    CHECK_FALSE(collator.less(words[i + 1], words[i]));
    CHECK(collator.sort_key(words[i]) < collator.sort_key(words[i + 1]));
  }
}

TEST_CASE("Latvian: long vowels tie with short ones at the first level") {
  const Collator lv;
  check_strictly_ascending(lv, {"ābols", "acs", "čaula"});
  check_strictly_ascending(lv, {"abc", "ābc", "abd"});
  check_strictly_ascending(lv, {"ēka", "es"});
  check_strictly_ascending(lv, {"īss", "iz"});
  check_strictly_ascending(lv, {"ūdens", "uz"});
}

TEST_CASE("Latvian: č ģ ķ ļ ņ š ž are letters after their base letter") {
  const Collator lv;
  check_strictly_ascending(lv, {"Cēsis", "Čakste"});
  check_strictly_ascending(lv, {"Cu", "Ča"});
  check_strictly_ascending(lv, {"czz", "ča", "da"});
  check_strictly_ascending(lv, {"gz", "ģa", "ha"});
  check_strictly_ascending(lv, {"kz", "ķa", "la"});
  check_strictly_ascending(lv, {"lz", "ļa", "ma"});
  check_strictly_ascending(lv, {"nz", "ņa", "oa"});
  check_strictly_ascending(lv, {"Sūna", "Šarlote", "Tukums"});
  check_strictly_ascending(lv, {"Zz", "Ža"});
  check_strictly_ascending(lv, {"zzz", "ža"});
}

TEST_CASE("Latvian: case matters only when the letters tie, lower case first") {
  const Collator lv;
  check_strictly_ascending(lv, {"a", "A", "ab"});
  check_strictly_ascending(lv, {"rīga", "Rīga", "rīgas"});
  check_strictly_ascending(lv, {"Aa", "ab"});
  CHECK(lv.compare("a", "a") == 0);
  CHECK(lv.compare("", "") == 0);
  CHECK(lv.compare("", "a") < 0);
}

TEST_CASE("Collator: canonically equivalent spellings compare equal") {
  const Collator lv;
  const std::string precomposed =
      "\xC4\x81"  // U+0101 ā
      "bols";
  const std::string decomposed =
      "a\xCC\x84"  // a + U+0304 COMBINING MACRON
      "bols";
  CHECK(lv.compare(precomposed, decomposed) == 0);
  CHECK(lv.sort_key(precomposed) == lv.sort_key(decomposed));
  CHECK_FALSE(lv.less(precomposed, decomposed));
  CHECK_FALSE(lv.less(decomposed, precomposed));
}

TEST_CASE("Collator: ill-formed UTF-8 does not crash") {
  const Collator lv;
  const std::string bad =
      "a\xFF"
      "b";
  const std::string replaced =
      "a\xEF\xBF\xBD"
      "b";  // U+FFFD
  CHECK(lv.compare(bad, replaced) == 0);
  CHECK_FALSE(lv.sort_key(bad).empty());
}

TEST_CASE("Collator: sort keys have no NUL and order like compare") {
  const Collator lv;
  const std::vector<std::string> words = {
      "", "a", "A", "ā", "Ā", "ābols", "acs", "čaula", "Ža", std::string(500, 'x') + "ž"};
  for (const std::string& w : words) {
    const std::string key = lv.sort_key(w);
    CAPTURE(w);
    CHECK(key.find('\0') == std::string::npos);
    CHECK(!key.empty());
  }
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      CAPTURE(a);
      CAPTURE(b);
      const int by_compare = lv.compare(a, b);
      const int by_key = lv.sort_key(a).compare(lv.sort_key(b));
      CHECK((by_compare < 0) == (by_key < 0));
      CHECK((by_compare == 0) == (by_key == 0));
    }
  }
}

TEST_CASE("Collator: municipality names sort in Latvian order") {
  const Collator lv;
  std::vector<std::string> names = {
      "Ķekavas novads",    "Kuldīgas novads",    "Cēsu novads",     "Augšdaugavas novads",
      "Alūksnes novads",   "Aizkraukles novads", "Ādažu novads",    "Jēkabpils novads",
      "Jelgavas novads",   "Krāslavas novads",   "Līvānu novads",   "Limbažu novads",
      "Ludzas novads",     "Balvu novads",       "Bauskas novads",  "Dienvidkurzemes novads",
      "Saulkrastu novads", "Salaspils novads",   "Saldus novads",   "Siguldas novads",
      "Rēzeknes novads",   "Ropažu novads",      "Preiļu novads",   "Mārupes novads",
      "Madonas novads",    "Valmieras novads",   "Valkas novads",   "Ventspils novads",
      "Talsu novads",      "Tukuma novads",      "Smiltenes novads"};
  const std::vector<std::string> expected = {
      "Ādažu novads",     "Aizkraukles novads", "Alūksnes novads",  "Augšdaugavas novads",
      "Balvu novads",     "Bauskas novads",     "Cēsu novads",      "Dienvidkurzemes novads",
      "Jēkabpils novads", "Jelgavas novads",    "Krāslavas novads", "Kuldīgas novads",
      "Ķekavas novads",   "Limbažu novads",     "Līvānu novads",    "Ludzas novads",
      "Madonas novads",   "Mārupes novads",     "Preiļu novads",    "Rēzeknes novads",
      "Ropažu novads",    "Salaspils novads",   "Saldus novads",    "Saulkrastu novads",
      "Siguldas novads",  "Smiltenes novads",   "Talsu novads",     "Tukuma novads",
      "Valkas novads",    "Valmieras novads",   "Ventspils novads"};

  std::vector<std::string> by_compare = names;
  std::sort(by_compare.begin(), by_compare.end(),
            [&lv](const std::string& a, const std::string& b) { return lv.less(a, b); });
  CHECK(by_compare == expected);

  // The same order through precomputed sort keys.
  std::vector<std::pair<std::string, std::string>> keyed;
  for (const std::string& n : names) keyed.emplace_back(lv.sort_key(n), n);
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> by_key;
  for (const auto& [key, n] : keyed) by_key.push_back(n);
  CHECK(by_key == expected);
}

TEST_CASE("Collator: root order differs from Latvian") {
  const Collator root("und");
  const Collator lv("lv");
  // In the root order č is c with a caron, so "Čakste" comes before "Cēsis".
  CHECK(root.less("Čakste", "Cēsis"));
  CHECK(lv.less("Cēsis", "Čakste"));
}

TEST_CASE("Collator is movable") {
  Collator a("lv");
  Collator b(std::move(a));
  CHECK(b.less("Cu", "Ča"));
  Collator c("und");
  c = std::move(b);
  CHECK(c.less("Cu", "Ča"));
}

}  // namespace
}  // namespace metodika::util
