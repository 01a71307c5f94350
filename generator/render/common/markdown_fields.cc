#include "render/common/markdown_fields.h"

#include "render/common/html.h"

namespace metodika::render {
namespace {

constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001
constexpr size_t kMaxDigits = 9;                     // no index overflows size_t

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// Where an address may start: at the start of the text or after anything but a letter, digit
// or address character, so "xhttp://" and "a.www.b" are not cut in two.
bool boundary_before(std::string_view text, size_t at) {
  if (at == 0) return true;
  const char c = text[at - 1];
  return !is_alnum(c) && c != '/' && c != '.' && c != ':' && c != '@' && c != '-' && c != '_';
}

bool ends_address(unsigned char c) { return c <= ' ' || c == '<' || c == 0x7F; }

// GitHub's extended autolink path validation: trailing punctuation is the sentence's, and a
// closing parenthesis without its opening one belongs to the text around the address.
size_t trim_trailing(std::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    const char c = text[end - 1];
    if (std::string_view("?!.,:;*_~'\"").find(c) != std::string_view::npos) {
      --end;
      continue;
    }
    if (c == ')') {
      std::string_view part = text.substr(begin, end - begin);
      size_t open = 0, close = 0;
      for (char p : part) {
        open += p == '(';
        close += p == ')';
      }
      if (close > open) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

// A web address starting at `at` ("http://", "https://" or "www."): its end, or `at` if none.
size_t web_address_end(std::string_view text, size_t at) {
  size_t host = at;
  if (starts_with_nocase(text, at, "https://")) {
    host = at + 8;
  } else if (starts_with_nocase(text, at, "http://")) {
    host = at + 7;
  } else if (starts_with_nocase(text, at, "www.")) {
    host = at + 4;
  } else {
    return at;
  }
  if (host >= text.size() || !is_alnum(text[host])) return at;  // a host, not "http://" alone
  size_t end = host;
  while (end < text.size() && !ends_address(static_cast<unsigned char>(text[end]))) ++end;
  end = trim_trailing(text, at, end);
  return end > host ? end : at;
}

bool is_local_char(char c) { return is_alnum(c) || c == '.' || c == '+' || c == '-' || c == '_'; }
bool is_domain_char(char c) { return is_alnum(c) || c == '.' || c == '-'; }

}  // namespace

std::string markdown_field(size_t index) {
  std::string out(kOpen);
  out += std::to_string(index);
  out += kClose;
  return out;
}

bool has_markdown_field(std::string_view text) {
  return text.find(kOpen) != std::string_view::npos;
}

std::vector<FieldPiece> split_markdown_fields(std::string_view literal,
                                              std::span<const std::string> fields) {
  std::vector<FieldPiece> pieces;
  size_t text_from = 0;
  for (size_t at = literal.find(kOpen); at != std::string_view::npos;
       at = literal.find(kOpen, at + 1)) {
    size_t digits = at + kOpen.size(), end = digits;
    while (end < literal.size() && end - digits < kMaxDigits && is_digit(literal[end])) ++end;
    if (end == digits || literal.substr(end, kClose.size()) != kClose) continue;
    const size_t index = std::stoul(std::string(literal.substr(digits, end - digits)));
    if (index >= fields.size()) continue;
    if (at > text_from) pieces.push_back({literal.substr(text_from, at - text_from), false});
    pieces.push_back({fields[index], true});
    text_from = end + kClose.size();
    at = text_from - 1;
  }
  if (text_from < literal.size()) pieces.push_back({literal.substr(text_from), false});
  return pieces;
}

std::string field_value(std::string_view value, FieldContext context) {
  if (context == FieldContext::kVerbatim) return std::string(value);
  if (context == FieldContext::kHtml) return html_escape(value);
  std::string out(value);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string fill_markdown_fields(std::string_view literal, std::span<const std::string> fields,
                                 FieldContext context) {
  std::string out;
  out.reserve(literal.size());
  for (const FieldPiece& piece : split_markdown_fields(literal, fields)) {
    out += piece.field ? field_value(piece.text, context) : std::string(piece.text);
  }
  return out;
}

std::vector<TextLink> find_text_links(std::string_view text) {
  std::vector<TextLink> links;
  size_t done = 0;  // text before this is in a link or was passed over
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && boundary_before(text, at)) {
      const size_t end = web_address_end(text, at);
      if (end > at) {
        std::string url(text.substr(at, end - at));
        if (ascii_lower(c) == 'w') url.insert(0, "http://");
        links.push_back({at, end, std::move(url)});
        done = end;
        at = end - 1;
        continue;
      }
    }
    if (c != '@') continue;
    size_t begin = at;
    while (begin > done && is_local_char(text[begin - 1])) --begin;
    size_t end = at + 1;
    while (end < text.size() && is_domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const size_t dot = domain.rfind('.');
    if (begin == at || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
        !boundary_before(text, begin)) {
      continue;
    }
    links.push_back({begin, end, "mailto:" + std::string(text.substr(begin, end - begin))});
    done = end;
    at = end - 1;
  }
  return links;
}

}  // namespace metodika::render
