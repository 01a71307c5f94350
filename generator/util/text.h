#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// UTF-8 text helpers: validation, code point counts, "did you mean …?" suggestions and slugs.
namespace metodika::util {

/// True if `text` is well-formed UTF-8 (no overlong forms, surrogates, or code points above
/// U+10FFFF; no truncated sequences). The empty string is valid.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// `text` with every "{name}" replaced by `value`, in one left-to-right pass: the inserted value
/// is never searched again, so a value that contains "{name}" itself is put in as it is (the one
/// placeholder fill of the theme's strings: "nav rādīts: mazāk nekā {n} pedagogi").
[[nodiscard]] std::string fill(std::string_view text, std::string_view name,
                               std::string_view value);

/// Number of Unicode code points in `text`. Each ill-formed sequence counts as one code point
/// (the U+FFFD it would be replaced with).
[[nodiscard]] size_t utf8_length(std::string_view text);

/// A name, key or value as a message quotes it: cut after `max_chars` characters (between UTF-8
/// characters) with "…", so that a 10,000-character value does not bury the message.
[[nodiscard]] std::string clipped(std::string_view text, size_t max_chars = 80);

/// Levenshtein distance between `a` and `b` counted in code points, not bytes: "Rīga" and
/// "Riga" are 1 apart. Ill-formed sequences are compared as U+FFFD.
[[nodiscard]] size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` by `edit_distance`, for "did you mean …?" hints, or nullopt
/// if none is within `max_distance`. `max_distance` 0 means automatic:
/// max(1, min(3, utf8_length(word) / 3)). Among equally close candidates the bytewise smallest
/// wins, so the answer does not depend on the order of `candidates`. Case-sensitive.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       std::span<const std::string> candidates,
                                                       size_t max_distance = 0);

/// True if `text` is a non-empty string of `[a-z0-9-]` (the form of ids and URL slugs).
[[nodiscard]] bool is_slug(std::string_view text);

/// The longest id or slug: they name the output's folders and files ("<id>-2022-2025.pdf"), and
/// a file system takes at most 255 bytes for a name.
inline constexpr size_t kMaxSlugLength = 120;

/// A slug for `text`: letters lose their diacritics (ā→a, č→c, ģ→g, ķ→k, ļ→l, ņ→n, ŗ→r, š→s,
/// ž→z, ō→o, é→e, …, capitals too) and are lower-cased; every other run of characters outside
/// `[a-z0-9]` becomes one '-'; leading and trailing '-' are dropped. "Ventspils 1. pamatskola"
/// gives "ventspils-1-pamatskola". Letters without an ASCII base (ß, ø, Cyrillic) count as
/// separators, so the result may be empty; check it with `is_slug`.
[[nodiscard]] std::string slugify(std::string_view text);

/// Tab-separated records (the build cache's files): a field with its tabs, newlines and
/// backslashes escaped as \t, \n and \\, so that it fits in one column of one line.
[[nodiscard]] std::string escape_field(std::string_view field);
/// escape_field(field) appended to `out`.
void append_field(std::string& out, std::string_view field);
/// The field `escape_field` gave. A lone trailing backslash is kept.
[[nodiscard]] std::string unescape_field(std::string_view field);
/// The fields of one line, split at tabs (still escaped).
[[nodiscard]] std::vector<std::string_view> split_fields(std::string_view line);

}  // namespace metodika::util
