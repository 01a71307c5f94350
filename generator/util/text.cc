#include "util/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace metodika::util {

std::string clipped(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) return std::string(text.substr(0, i)) + "\u2026";
  }
  return std::string(text);
}

std::string fill(std::string_view text, std::string_view name, std::string_view value) {
  std::string field;
  field.reserve(name.size() + 2);
  field.append("{").append(name).append("}");
  std::string out;
  out.reserve(text.size());
  size_t from = 0;
  for (size_t at = text.find(field); at != std::string_view::npos; at = text.find(field, from)) {
    out.append(text.substr(from, at - from)).append(value);
    from = at + field.size();
  }
  out.append(text.substr(from));
  return out;
}


namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Calls `visit(code_point)` for each code point of `text`; ill-formed sequences give U+FFFD (one
// per maximal ill-formed subpart, as ICU and the Unicode standard recommend). ICU's U8_NEXT does
// the validation, so overlong forms, surrogates and values above U+10FFFF are all rejected.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t length = text.size();
  size_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    visit(c < 0 ? kReplacement : static_cast<char32_t>(c));
  }
}

void decode(std::string_view text, std::u32string& out) {
  out.clear();
  for_each_code_point(text, [&out](char32_t c) { out.push_back(c); });
}

// Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it is certain to exceed `limit`.
// Only the diagonal band |i - j| <= limit can hold values within the limit (Ukkonen's cut-off),
// so each row costs O(limit), not O(|b|). `row` is scratch space reused across calls, so
// closest_match allocates once rather than per candidate; it holds the previous row until each
// cell is overwritten, and cells outside the band stay at `limit + 1`.
size_t bounded_distance(std::u32string_view a, std::u32string_view b, size_t limit,
                        std::vector<size_t>& row) {
  // No distance exceeds the longer length, so capping there changes no result and keeps
  // `limit + 1` from wrapping when the caller passes SIZE_MAX.
  limit = std::min(limit, std::max(a.size(), b.size()));
  const size_t over = limit + 1;
  const size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return over;
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: the row is as short as possible

  const size_t m = b.size();
  row.assign(m + 1, over);
  for (size_t j = 0; j <= std::min(m, limit); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    const size_t lo = i > limit ? i - limit : 1;
    const size_t hi = std::min(m, i + limit);
    size_t diagonal = row[lo - 1];                     // previous row, column lo - 1
    size_t left = lo == 1 ? std::min(i, over) : over;  // this row, column lo - 1
    row[0] = std::min(i, over);
    size_t row_min = left;
    for (size_t j = lo; j <= hi; ++j) {
      const size_t above = row[j];
      size_t cell = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      cell = std::min(cell, std::min(above, left) + 1);
      cell = std::min(cell, over);
      diagonal = above;
      row[j] = cell;
      left = cell;
      row_min = std::min(row_min, cell);
    }
    // Every later row is at least this row's minimum, so nothing can come back under the limit.
    if (row_min > limit) return over;
  }
  return row[m];
}

bool is_ascii_alnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

}  // namespace

bool is_valid_utf8(std::string_view text) {
  bool valid = true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t length = text.size();
  size_t i = 0;
  while (valid && i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    valid = c >= 0;
  }
  return valid;
}

size_t utf8_length(std::string_view text) {
  size_t count = 0;
  for_each_code_point(text, [&count](char32_t) { ++count; });
  return count;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string a32;
  std::u32string b32;
  decode(a, a32);
  decode(b, b32);
  std::vector<size_t> row;
  const size_t no_limit = std::max(a32.size(), b32.size());  // the distance never exceeds this
  return bounded_distance(a32, b32, no_limit, row);
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates,
                                         size_t max_distance) {
  std::u32string word32;
  decode(word, word32);
  // Capped so that `limit + 1` cannot wrap around.
  const size_t limit = max_distance != 0
                           ? std::min(max_distance, std::numeric_limits<size_t>::max() - 1)
                           : std::max<size_t>(1, std::min<size_t>(3, word32.size() / 3));

  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  std::u32string candidate32;
  std::vector<size_t> row;
  for (const std::string& candidate : candidates) {
    decode(candidate, candidate32);
    // An equally close candidate may still win the tie, so search up to best_distance itself.
    const size_t bound = std::min(limit, best_distance);
    const size_t distance = bounded_distance(word32, candidate32, bound, row);
    if (distance > bound) continue;
    if (distance < best_distance || (distance == best_distance && candidate < *best)) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

bool is_slug(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Diacritics are removed by compatibility decomposition (NFKD: "ķ" -> "k" + U+0327, "ﬁ" -> "fi")
// and dropping the combining marks, which covers Latvian and every other Latin letter that has a
// base letter, with no hand-kept table to fall out of date.
std::string slugify(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  auto emit = [&out, &pending_dash](char32_t c) {
    c = ascii_lower(c);
    if (is_ascii_alnum(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += static_cast<char>(c);
    } else if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) {
      pending_dash = true;  // combining marks vanish without splitting the word
    }
  };

  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (char c : text) emit(static_cast<char32_t>(static_cast<unsigned char>(c)));
    return out;
  }

  if (text.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    throw std::length_error("slugify: text longer than 2 GiB");
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKD normalizer is unavailable");
  const icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                      status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKD normalization failed");
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    emit(static_cast<char32_t>(decomposed.char32At(i)));
  }
  return out;
}

std::string escape_field(std::string_view field) {
  std::string out;
  append_field(out, field);
  return out;
}

void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of("\\\t\n") == std::string_view::npos) {
    out.append(field);  // most fields: nothing to escape
    return;
  }
  for (char c : field) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

std::string unescape_field(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 1 < field.size()) {
      const char n = field[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += field[i];
    }
  }
  return out;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    parts.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return parts;
    start = tab + 1;
  }
}

}  // namespace metodika::util
