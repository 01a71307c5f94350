#include "render/common/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace metodika::render {
namespace {

// Whether `text` is well-formed UTF-8 (The Unicode Standard, table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), which is what nlohmann's decoder accepts.
bool valid_utf8(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  // Whether the byte `k` after the lead byte is present and within [lo, hi].
  auto next = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && byte(i + k) >= lo && byte(i + k) <= hi;
  };
  while (i < n) {
    const unsigned char c = byte(i);
    size_t len = 0;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = next(1) ? 2 : 0;
    } else if (c == 0xE0) {
      len = next(1, 0xA0) && next(2) ? 3 : 0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = next(1) && next(2) ? 3 : 0;
    } else if (c == 0xED) {
      len = next(1, 0x80, 0x9F) && next(2) ? 3 : 0;
    } else if (c == 0xF0) {
      len = next(1, 0x90) && next(2) && next(3) ? 4 : 0;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = next(1) && next(2) && next(3) ? 4 : 0;
    } else if (c == 0xF4) {
      len = next(1, 0x80, 0x8F) && next(2) && next(3) ? 4 : 0;
    }
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// What nlohmann writes for `text` when the fast paths below do not apply.
void nlohmann_number_to(std::string& out, std::string_view text) {
  out += nlohmann::json::parse(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void json_string_to(std::string& out, std::string_view text) {
  if (!valid_utf8(text)) {
    // Rare, and nlohmann's rules for how many bytes one U+FFFD replaces are its own.
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t run = 0;  // the first byte not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out.append(buf, 6);
      }
    }
  }
  out.append(text.substr(run));
  out += '"';
}

void json_number_to(std::string& out, std::string_view text) {
  const char* first = text.data();
  const char* last = text.data() + text.size();
  // nlohmann reads a number without '.', 'e' or 'E' as an integer when it fits 64 bits.
  if (text.find_first_of(".eE") == std::string_view::npos) {
    char buf[24];
    if (text.starts_with('-')) {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(first, last, v);
      if (ec == std::errc() && end == last) {
        out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
        return;
      }
    } else {
      uint64_t v = 0;
      auto [end, ec] = std::from_chars(first, last, v);
      if (ec == std::errc() && end == last) {
        out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
        return;
      }
    }
  }
  // Else a double (from_chars rounds correctly, as the strtod nlohmann calls does), written by
  // the function nlohmann's serializer writes doubles with.
  double v = 0;
  auto [end, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || end != last || !std::isfinite(v)) {
    nlohmann_number_to(out, text);
    return;
  }
  char buf[64];
  out.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, v));
}

void json_int_to(std::string& out, int64_t value) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
}

}  // namespace metodika::render
