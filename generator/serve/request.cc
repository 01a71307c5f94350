#include "serve/request.h"

#include <vector>

namespace metodika::serve {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 §5.6.2 token characters (header names, methods).
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

ParsedRequest fail(int status, std::string why) { return {status, std::move(why), {}}; }

}  // namespace

size_t request_head_end(std::string_view data) {
  // An empty line: "\n\n" or "\n\r\n".
  for (size_t i = data.find('\n'); i != std::string_view::npos; i = data.find('\n', i + 1)) {
    if (i + 1 < data.size() && data[i + 1] == '\n') return i + 2;
    if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = hex(s[i + 1]);
    int lo = hex(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

ParsedRequest parse_request(std::string_view head) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < head.size()) {
    size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = head.substr(start, nl - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    start = nl + 1;
    if (line.empty()) {
      if (lines.empty()) continue;  // empty lines before the request line are allowed
      break;                        // the end of the head
    }
    lines.push_back(line);
  }
  if (lines.empty()) return fail(400, "no request line");

  ParsedRequest parsed;
  Request& r = parsed.request;
  std::string_view line = lines[0];
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return fail(400, "the request line is not METHOD TARGET VERSION");
  }
  r.method = std::string(line.substr(0, sp1));
  r.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  std::string_view version = line.substr(sp2 + 1);
  if (!is_token(r.method) || r.target.empty()) return fail(400, "malformed request line");
  if (version == "HTTP/1.0") {
    r.http10 = true;
    r.close = true;  // HTTP/1.0 connections are not kept (no keep-alive negotiation)
  } else if (version != "HTTP/1.1") {
    return fail(version.starts_with("HTTP/") ? 505 : 400, "only HTTP/1.0 and HTTP/1.1");
  }
  for (char c : r.target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return fail(400, "a control character in the target");
    }
  }

  bool has_host = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view h = lines[i];
    // Obsolete line folding could smuggle a header past a proxy: refused (RFC 9112 §5.2).
    if (h.front() == ' ' || h.front() == '\t') return fail(400, "folded header line");
    size_t colon = h.find(':');
    if (colon == std::string_view::npos || !is_token(h.substr(0, colon))) {
      return fail(400, "malformed header line");
    }
    std::string name = lower(h.substr(0, colon));
    std::string_view value = trim(h.substr(colon + 1));
    if (name == "host") {
      if (has_host) return fail(400, "more than one Host header");
      has_host = true;
      r.host = std::string(value);
    } else if (name == "origin") {
      r.origin = std::string(value);
    } else if (name == "range") {
      if (r.range) return fail(400, "more than one Range header");
      r.range = std::string(value);
    } else if (name == "if-range") {
      r.if_range = true;
    } else if (name == "connection") {
      std::string v = lower(value);
      size_t at = 0;
      while (at <= v.size()) {
        size_t comma = v.find(',', at);
        if (comma == std::string::npos) comma = v.size();
        if (trim(std::string_view(v).substr(at, comma - at)) == "close") r.close = true;
        at = comma + 1;
      }
    } else if (name == "transfer-encoding") {
      return fail(501, "a request body (Transfer-Encoding) is not accepted");
    } else if (name == "content-length") {
      if (value != "0") return fail(400, "a request body is not accepted");
    }
  }

  // The target: origin form "/path?query", or absolute form "http://host/path?query", whose
  // authority stands for the Host header (RFC 9112 §3.2.2).
  std::string_view target = r.target;
  std::string scheme = lower(target.substr(0, 7));
  if (scheme == "http://") {
    std::string_view rest = target.substr(7);
    size_t slash = rest.find_first_of("/?");
    r.host = std::string(rest.substr(0, slash));
    target = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    if (target.front() == '?') return fail(400, "malformed target");
  } else if (target.front() != '/') {
    return fail(400, "the target is not a path");
  }
  if (!r.host) return fail(400, "no Host header");
  size_t q = target.find('?');
  r.raw_path = std::string(target.substr(0, q));
  std::optional<std::string> path = percent_decode(target.substr(0, q));
  if (!path) return fail(400, "a malformed %-escape in the path");
  r.path = std::move(*path);
  if (q != std::string_view::npos) r.query = std::string(target.substr(q));
  return parsed;
}

}  // namespace metodika::serve
