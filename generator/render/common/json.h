// JSON values appended to a string exactly as nlohmann::json's dump(…, ensure_ascii = false,
// error_handler_t::replace) writes them, for output that is too large to build as a
// nlohmann::json tree first (table_json: a national site writes ~2,000 tables in two
// languages, and the tree of one object per row was most of their cost). The bytes stay those
// of the nlohmann documents the site has always written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace metodika::render {

/// Appends `text` as a JSON string: quoted; '"', '\\' and control characters escaped as
/// nlohmann escapes them (\b \t \n \f \r, else \u00XX); other characters as they are; invalid
/// UTF-8 replaced by U+FFFD as nlohmann's error_handler_t::replace does.
void json_string_to(std::string& out, std::string_view text);

/// Appends the number that nlohmann::json::parse(`text`) reads, as dump() writes it: an integer
/// that fits 64 bits as an integer ("45", "-3"), anything else as a double in nlohmann's
/// shortest form ("16018.00" → "16018.0", "41.20" → "41.2"). `text` is a JSON number.
void json_number_to(std::string& out, std::string_view text);

/// Appends `value` as dump() writes an integer.
void json_int_to(std::string& out, int64_t value);

}  // namespace metodika::render
