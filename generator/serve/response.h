// What `metodika serve` answers a parsed request with, as HTTP: the checks every request passes
// (its Host, its method, the event stream's Origin), the file or refusal of reply.h, ranges, and
// the head. The socket side (server.cc) sends it, or opens an event stream when told to.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/body.h"
#include "serve/hosts.h"
#include "serve/request.h"

namespace metodika::serve {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Response {
  std::string head;  // the status line and header lines, up to the empty line
  Body body;
  bool close = false;         // the connection closes after this answer
  bool event_stream = false;  // a live-reload stream that passed the checks: the server opens it
};

/// The status line and headers of an answer; every answer says Cache-Control: no-store (a
/// preview is never cached) and X-Content-Type-Options: nosniff. No length: the body ends with
/// the connection.
[[nodiscard]] std::string response_head(int status, std::string_view content_type,
                                        std::optional<uint64_t> length, const Headers& extra,
                                        bool close);

/// A short text/plain answer, after which the connection closes.
[[nodiscard]] Response error_response(int status, std::string text, const Headers& extra = {});

class Responder {
 public:
  /// Answers from the site in `out_dir` requests that name one of `hosts`.
  Responder(std::filesystem::path out_dir, AllowedHosts hosts);

  /// The answer to `parsed`: 400/501/505 for a malformed request, 421 for a foreign Host, 405
  /// for a method other than GET and HEAD, 403 for an event stream asked for by a page of
  /// another origin; else reply_for's answer (HTML claiming build `generation`), with Range
  /// applied (ranges.h). HEAD gets the head alone.
  [[nodiscard]] Response respond(const ParsedRequest& parsed, uint64_t generation) const;

 private:
  void apply_ranges(const std::string& header, int& status, std::string& type, Body& body,
                    Headers& extra) const;

  std::filesystem::path out_dir_;
  AllowedHosts hosts_;
  std::string boundary_;  // of multipart/byteranges answers
};

}  // namespace metodika::serve
