#include "util/typography.h"

#include "util/format.h"

namespace metodika::util {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A lower-case letter starts `rest`: a-z, or a Latvian (or other Latin-1/Extended-A) one.
// Latin Extended-A (U+0100-U+017F) alternates capital and small letters, small at odd code
// points (U+0101 ā, U+010D č, ...); Latin-1's small letters are U+00DF-U+00FF.
bool lower_case_first(std::string_view rest) {
  if (rest.empty()) return false;
  const auto c = static_cast<unsigned char>(rest[0]);
  if (c >= 'a' && c <= 'z') return true;
  if (rest.size() < 2) return false;
  const auto d = static_cast<unsigned char>(rest[1]);
  if ((c & 0xE0) != 0xC0 || (d & 0xC0) != 0x80) return false;
  const unsigned code = ((c & 0x1Fu) << 6) | (d & 0x3Fu);
  if (code >= 0xDF && code <= 0xFF) return code != 0xF7;
  if (code >= 0x100 && code <= 0x17F) return code % 2 == 1 && code != 0x149;
  return false;
}

// `rest` starts with a unit that keeps to its number, then ends or goes on with no letter.
bool unit_first(std::string_view rest) {
  for (std::string_view unit : {std::string_view("EUR"), std::string_view("\u20AC"),
                                std::string_view("%")}) {
    if (!rest.starts_with(unit)) continue;
    const std::string_view after = rest.substr(unit.size());
    if (after.empty()) return true;
    const char next = after[0];
    if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
          (static_cast<unsigned char>(next) >= 0x80 && unit != "\u20AC"))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string tie_words(std::string_view text, std::string_view lang) {
  const bool lv = lang == "lv";
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != ' ') {
      out += c;
      continue;
    }
    const std::string_view before = text.substr(0, i);
    const std::string_view rest = text.substr(i + 1);
    bool tie = i > 0 && is_digit(text[i - 1]) && unit_first(rest);
    if (!tie && lv && before.ends_with('.')) {
      // "6. klase": digits right before the dot, a lower-case word after the space.
      const bool ordinal = before.size() >= 2 && is_digit(before[before.size() - 2]);
      // "m. g.": the space between the two abbreviations.
      const bool school_year = rest.starts_with("g.") &&
                               (before == "m." || before.ends_with(" m.") ||
                                before.ends_with("\u00A0m."));
      tie = (ordinal && lower_case_first(rest)) || school_year;
    }
    if (tie) {
      out += kNoBreakSpace;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace metodika::util
