// Reading an HTTP/1.1 request head for `metodika serve`: only what a preview server of static
// files needs (GET and HEAD, no bodies), strict where leniency could hide a second request or a
// path outside the folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace metodika::serve {

/// The largest request head (request line and headers) read; a browser's is under 2 KB.
inline constexpr size_t kMaxRequestHead = 16 * 1024;

struct Request {
  std::string method;
  std::string target;    // as sent: "/en?x=1"
  std::string raw_path;  // the path as sent, still %-encoded, without the query: "/en"
  std::string path;      // percent-decoded
  std::string query;     // "?x=1", or empty
  bool http10 = false;
  bool close = false;               // the client asked to close the connection after the answer
  std::optional<std::string> host;  // the Host header (or the absolute-form target's authority)
  std::optional<std::string> origin;
  std::optional<std::string> range;
  bool if_range = false;
};

struct ParsedRequest {
  int error = 0;  // 0, or the status to answer with (400, 501, 505)
  std::string why;
  Request request;
};

/// Where the head at the start of `data` ends (past its empty line), or npos when it is not all
/// there yet. Lines may end with CRLF or LF.
[[nodiscard]] size_t request_head_end(std::string_view data);

/// Parses a whole head (as request_head_end delimits it).
[[nodiscard]] ParsedRequest parse_request(std::string_view head);

/// Decodes %XX escapes; nullopt for a malformed escape.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view s);

}  // namespace metodika::serve
