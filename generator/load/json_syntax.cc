#include "load/json_syntax.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace metodika::load {
namespace {

using json = nlohmann::json;

// Accepts every value; remembers the first syntax error (no exceptions: data errors are
// collected, not thrown).
struct Sax {
  size_t error_at = std::string::npos;
  std::string message;

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    // nlohmann's position is the count of bytes read, up to the offending token's last byte.
    error_at = position > 0 ? position - 1 : 0;
    message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 7, column 15: syntax error while
    // parsing value - unexpected '}'; ..." → keep what follows "syntax error while ".
    if (auto p = message.find("syntax error while "); p != std::string::npos) {
      message = message.substr(p + 19);
    } else if (auto c = message.find(": "); c != std::string::npos) {
      message = message.substr(c + 2);
    }
    return false;
  }
};

std::string hint_for(std::string_view message, std::string_view text, size_t at) {
  // A '}' or ']' right after a comma: the trailing comma JSON does not allow.
  size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\r' ||
                   text[i - 1] == '\t')) {
    --i;
  }
  if (at < text.size() && (text[at] == '}' || text[at] == ']') && i > 0 && text[i - 1] == ',') {
    return "JSON allows no comma after the last item: remove the comma before this bracket";
  }
  if (message.find("unexpected string literal") != std::string_view::npos ||
      message.find("unexpected '{'") != std::string_view::npos ||
      message.find("unexpected '['") != std::string_view::npos) {
    return "a comma is missing before this item";
  }
  if (message.find("invalid literal") != std::string_view::npos) {
    return "texts are written in double quotes; true, false and null in lower case";
  }
  if (message.find("end of input") != std::string_view::npos) {
    return "a bracket [ or { is not closed, or a quote is missing";
  }
  if (at < text.size() && (text[at] == '/' || text[at] == '#')) {
    return "JSON has no comments; use a .yaml file if you need them";
  }
  if (at < text.size() && text[at] == '\'') return "JSON strings use double quotes \"...\"";
  return "check the commas, quotes and brackets at this place";
}

}  // namespace

bool check_json_syntax(std::string_view text, const std::string& file, diag::Diagnostics& diags) {
  Sax sax;
  if (json::sax_parse(text.begin(), text.end(), &sax)) return true;
  size_t at = std::min(sax.error_at, text.size() > 0 ? text.size() - 1 : 0);
  // Point at the start of the offending token: a string's opening quote, a literal's first char.
  if (at < text.size() && text[at] == '"') {
    while (at > 0 && !(text[at - 1] == '"' && (at < 2 || text[at - 2] != '\\'))) --at;
    if (at > 0) --at;
  } else {
    auto literal = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+';
    };
    while (at > 0 && literal(text[at]) && literal(text[at - 1])) --at;
  }
  // Line and column (in code points) of byte offset `at`.
  uint32_t line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  diags.error({file, line, col}, "JSON syntax error: " + sax.message, hint_for(sax.message, text, at));
  return false;
}

}  // namespace metodika::load
