#include "util/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace metodika::util {
namespace {

TEST_CASE("is_valid_utf8") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Rīga"));
  CHECK(is_valid_utf8("ŠĶŅŽ ābols €"));
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  CHECK(is_valid_utf8(std::string("a\0b", 3)));
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("R\xC4"));             // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated three-byte sequence
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(is_valid_utf8("\xC4\x81\xC4"));      // good, then truncated
  CHECK_FALSE(is_valid_utf8("Latin-1 R\xEEga"));   // ISO 8859-13 bytes
}

TEST_CASE("utf8_length counts code points") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("Rīga") == 4);
  CHECK(utf8_length("ābols") == 5);
  CHECK(utf8_length("€") == 1);
  CHECK(utf8_length("\xF0\x9F\x98\x80") == 1);
  CHECK(utf8_length("a\xCC\x84") == 2);  // a + combining macron
  CHECK(utf8_length("\xFF\xFF") == 2);   // each bad byte counts once
  CHECK(utf8_length("a\xC3") == 2);
}

TEST_CASE("clipped cuts after whole characters and marks the cut") {
  CHECK(clipped("short") == "short");
  CHECK(clipped(std::string(80, 'x')) == std::string(80, 'x'));
  CHECK(clipped(std::string(81, 'x')) == std::string(80, 'x') + "\u2026");
  std::string latvian;
  for (int i = 0; i < 5; ++i) latvian += "ā";
  CHECK(clipped(latvian, 3) == "āāā\u2026");  // never inside a two-byte letter
}

TEST_CASE("edit_distance is Levenshtein over code points") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "ābols") == 5);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("sitting", "kitten") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("ventspls", "ventspils") == 1);
  CHECK(edit_distance("Rīga", "Riga") == 1);
  CHECK(edit_distance("Rīga", "Rīga") == 0);
  CHECK(edit_distance("ķekava", "kekava") == 1);
  CHECK(edit_distance("ab", "ba") == 2);  // no transpositions in plain Levenshtein
  CHECK(edit_distance("xyz", "ventspils") == 9);
  CHECK(edit_distance("\xFF", "\xFE") == 0);  // both are U+FFFD
}

// Textbook full-matrix Levenshtein over code points, to check the banded, early-exit version.
size_t reference_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

TEST_CASE("edit_distance and closest_match agree with a full-matrix reference") {
  // Deterministic pseudo-random words over a small alphabet with multi-byte letters, so that
  // distances cluster around the limits where banding and early exit could go wrong.
  const std::vector<std::pair<std::string, char32_t>> letters = {
      {"a", U'a'}, {"b", U'b'}, {"\xC4\x81", U'\u0101'}, {"\xC5\xA1", U'\u0161'}};
  uint32_t state = 12345;
  auto next = [&state](uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 16) % bound;
  };
  auto word = [&](std::string& utf8, std::u32string& code_points) {
    utf8.clear();
    code_points.clear();
    const uint32_t length = next(9);
    for (uint32_t k = 0; k < length; ++k) {
      const auto& letter = letters[next(static_cast<uint32_t>(letters.size()))];
      utf8 += letter.first;
      code_points += letter.second;
    }
  };
  std::string a;
  std::string b;
  std::u32string a32;
  std::u32string b32;
  for (int round = 0; round < 3000; ++round) {
    word(a, a32);
    word(b, b32);
    const size_t expected = reference_distance(a32, b32);
    CAPTURE(a);
    CAPTURE(b);
    REQUIRE(edit_distance(a, b) == expected);
    for (size_t limit = 1; limit <= 4; ++limit) {
      const std::optional<std::string> match = closest_match(a, std::vector<std::string>{b}, limit);
      REQUIRE(match.has_value() == (expected <= limit));
    }
  }
}

TEST_CASE("closest_match finds a near candidate") {
  const std::vector<std::string> towns = {"riga", "ventspils", "liepaja", "jelgava", "daugavpils"};
  CHECK(closest_match("ventspls", towns) == "ventspils");
  CHECK(closest_match("rigaa", towns) == "riga");
  CHECK(closest_match("riga", towns) == "riga");  // exact match, distance 0
  CHECK(closest_match("jelgva", towns) == "jelgava");
  CHECK_FALSE(closest_match("xyz", std::vector<std::string>{"ventspils"}));
  CHECK_FALSE(closest_match("tukums", towns));
  CHECK_FALSE(closest_match("ventspls", std::vector<std::string>{}));
}

TEST_CASE("closest_match automatic limit is max(1, min(3, length / 3))") {
  // Length 2 -> limit 1.
  CHECK(closest_match("ab", std::vector<std::string>{"ax"}) == "ax");
  CHECK_FALSE(closest_match("ab", std::vector<std::string>{"xy"}));
  // Length 6 -> limit 2.
  CHECK(closest_match("abcdef", std::vector<std::string>{"abcdxy"}) == "abcdxy");
  CHECK_FALSE(closest_match("abcdef", std::vector<std::string>{"abcxyz"}));
  // Length 20 -> limit 3.
  const std::string word = "abcdefghijklmnopqrst";
  CHECK(closest_match(word, std::vector<std::string>{"abcdefghijklmnopqXYZ"}) ==
        "abcdefghijklmnopqXYZ");
  CHECK_FALSE(closest_match(word, std::vector<std::string>{"abcdefghijklmnopWXYZ"}));
  // Code points, not bytes: "ābčd" has 4 code points (limit 1) though it is 6 bytes.
  CHECK_FALSE(closest_match("ābčd", std::vector<std::string>{"abcd"}));
  CHECK(closest_match("ābčd", std::vector<std::string>{"ābcd"}) == "ābcd");
  // Empty word: limit 1.
  CHECK(closest_match("", std::vector<std::string>{"a", "bc"}) == "a");
}

TEST_CASE("closest_match explicit limit") {
  const std::vector<std::string> candidates = {"abcdef"};
  CHECK_FALSE(closest_match("abcxyz", candidates, 2));
  CHECK(closest_match("abcxyz", candidates, 3) == "abcdef");
  CHECK(closest_match("xyz", std::vector<std::string>{"ventspils"}, 9) == "ventspils");
  CHECK(closest_match("xyz", std::vector<std::string>{"ventspils"}, 8) == std::nullopt);
  CHECK(closest_match("xyz", std::vector<std::string>{"ventspils", "ab"}, SIZE_MAX) == "ab");
}

TEST_CASE("closest_match prefers the smallest distance, then the bytewise smallest candidate") {
  CHECK(closest_match("abcd", std::vector<std::string>{"abxx", "abcx"}) == "abcx");
  CHECK(closest_match("abcdef", std::vector<std::string>{"abcdxx", "abcdex"}) == "abcdex");
  // Ties at distance 1: independent of input order.
  CHECK(closest_match("cat", std::vector<std::string>{"hat", "bat", "cut"}) == "bat");
  CHECK(closest_match("cat", std::vector<std::string>{"cut", "hat", "bat"}) == "bat");
  CHECK(closest_match("cat", std::vector<std::string>{"cat", "bat"}) == "cat");
}

TEST_CASE("closest_match on a national-size candidate list") {
  // 1,300 candidates, as many as Latvia has schools. Speed is measured in bench/, not here; this
  // checks that length and band pruning never drop the right answer among near-identical names.
  std::vector<std::string> candidates;
  for (int i = 0; i < 1300; ++i) {
    candidates.push_back("skola-" + std::to_string(i * 7919 % 100000) + "-pamatskola");
  }
  for (int i = 0; i < 1300; i += 13) {
    const std::string expected = "skola-" + std::to_string(i * 7919 % 100000) + "-pamatskola";
    const std::string typo = "skola-" + std::to_string(i * 7919 % 100000) + "-pamatskla";
    CHECK(closest_match(typo, candidates) == expected);
  }
}

TEST_CASE("is_slug accepts non-empty [a-z0-9-]+") {
  CHECK(is_slug("riga"));
  CHECK(is_slug("ventspils-novads"));
  CHECK(is_slug("1-pamatskola"));
  CHECK(is_slug("-"));
  CHECK(is_slug("-a-"));
  CHECK(is_slug("a--b"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("Riga"));
  CHECK_FALSE(is_slug("rīga"));
  CHECK_FALSE(is_slug("a_b"));
  CHECK_FALSE(is_slug("a b"));
  CHECK_FALSE(is_slug("a.b"));
  CHECK_FALSE(is_slug("a/b"));
}

TEST_CASE("slugify") {
  CHECK(slugify("Ventspils 1. pamatskola") == "ventspils-1-pamatskola");
  CHECK(slugify("Ķīmija un Ģeogrāfija") == "kimija-un-geografija");
  CHECK(slugify("Ādažu novads") == "adazu-novads");
  CHECK(slugify("Augšdaugavas novads") == "augsdaugavas-novads");
  CHECK(slugify("āčēģīķļņšūž") == "acegiklnsuz");
  CHECK(slugify("ĀČĒĢĪĶĻŅŠŪŽ") == "acegiklnsuz");
  CHECK(slugify("ōŗ ŌŖ") == "or-or");
  CHECK(slugify("Rīgas Valsts 1. ģimnāzija") == "rigas-valsts-1-gimnazija");
  CHECK(slugify("  --Rīga--  ") == "riga");
  CHECK(slugify("a  &  b") == "a-b");
  CHECK(slugify("a_b.c/d") == "a-b-c-d");
  CHECK(slugify("already-a-slug") == "already-a-slug");
  CHECK(slugify("UPPER case") == "upper-case");
  CHECK(slugify("") == "");
  CHECK(slugify("!!!") == "");
  CHECK(slugify("a\xCC\x84"
                "bols") == "abols");  // decomposed ā stays one word
  CHECK(slugify("Café Müller") == "cafe-muller");
  CHECK(slugify("Straße") == "stra-e");  // ß has no ASCII base letter
  CHECK(slugify("ﬁzika") == "fizika");   // compatibility ligature
  CHECK(slugify("Рига 2") == "2");
  CHECK(slugify("a\xFF"
                "b") == "a-b");  // ill-formed byte acts as a separator
  CHECK(is_slug(slugify("Ventspils 1. pamatskola")));
}

TEST_CASE("fields of tab-separated lines: escaped, split and read back") {
  CHECK(escape_field("plain Rīga") == "plain Rīga");
  CHECK(escape_field("a\tb\nc\\d") == "a\\tb\\nc\\\\d");
  for (std::string_view f : {"", "a\tb", "\n", "\\", "x\\t", "ends\\"}) {
    CHECK(unescape_field(escape_field(f)) == f);
  }
  std::string line = "W";
  append_field(line += '\t', "key\twith tab");
  append_field(line += '\t', "");
  const auto parts = split_fields(line);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == "W");
  CHECK(unescape_field(parts[1]) == "key\twith tab");
  CHECK(parts[2].empty());
  CHECK(split_fields("").size() == 1);
}

}  // namespace
}  // namespace metodika::util

namespace metodika::util {
namespace {

TEST_CASE("fill: every {name}, in one pass") {
  CHECK(fill("nav rādīts: mazāk nekā {n} pedagogi", "n", "5") ==
        "nav rādīts: mazāk nekā 5 pedagogi");
  CHECK(fill("{n} no {n}", "n", "3") == "3 no 3");
  CHECK(fill("bez lauka", "n", "3") == "bez lauka");
  CHECK(fill("{nn} {n}", "n", "x") == "{nn} x");
  // A value holding the key is put in as it is, not filled again (it used to loop forever).
  CHECK(fill("a {n} b", "n", "{n}{n}") == "a {n}{n} b");
  CHECK(fill("{n}", "n", "") == "");
}

}  // namespace
}  // namespace metodika::util
