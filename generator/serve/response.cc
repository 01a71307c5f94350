#include "serve/response.h"

#include <random>

#include "serve/live_reload.h"
#include "serve/ranges.h"
#include "serve/reply.h"

namespace metodika::serve {
namespace {

std::string_view reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 416:
      return "Range Not Satisfiable";
    case 421:
      return "Misdirected Request";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

}  // namespace

std::string response_head(int status, std::string_view content_type, std::optional<uint64_t> length,
                          const Headers& extra, bool close) {
  std::string h = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason(status)) + "\r\n";
  h.append("Content-Type: ").append(content_type).append("\r\n");
  if (length) h.append("Content-Length: ").append(std::to_string(*length)).append("\r\n");
  h.append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n");
  for (const auto& [name, value] : extra) h.append(name).append(": ").append(value).append("\r\n");
  h.append(close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
  return h;
}

Response error_response(int status, std::string text, const Headers& extra) {
  Body body(std::move(text));
  std::string head = response_head(status, "text/plain; charset=utf-8", body.size(), extra, true);
  return {std::move(head), std::move(body), true, false};
}

Responder::Responder(std::filesystem::path out_dir, AllowedHosts hosts)
    : out_dir_(std::move(out_dir)), hosts_(std::move(hosts)) {
  // A boundary must not occur in the parts; a random one per server cannot be planted in a file.
  std::random_device random;
  boundary_ = "metodika-" + std::to_string(random()) + std::to_string(random());
}

Response Responder::respond(const ParsedRequest& parsed, uint64_t generation) const {
  if (parsed.error) {
    return error_response(parsed.error,
                          std::string(reason(parsed.error)) + ": " + parsed.why + ".\n");
  }
  const Request& req = parsed.request;
  if (!hosts_.allows_host(*req.host)) {
    return error_response(421,
                          "Misdirected request: metodika serve answers only requests addressed "
                          "to localhost, 127.0.0.1, [::1] or its --bind address.\n");
  }
  bool head_only = req.method == "HEAD";
  if (req.method != "GET" && !head_only) {
    return error_response(405, "Method not allowed: metodika serve answers GET and HEAD.\n",
                          {{"Allow", "GET, HEAD"}});
  }
  if (req.path == kEventsPath) {
    // A page elsewhere may name this server in an EventSource; the browser then sends its own
    // origin. Build errors quote the site's private files: only the site's own pages get them.
    if (req.origin && !hosts_.allows_origin(*req.origin)) {
      return error_response(403, "Forbidden: the event stream is for the site's own pages.\n");
    }
    if (head_only) {
      return {response_head(200, "text/event-stream", std::nullopt, {}, true), {}, true, false};
    }
    return {{}, {}, true, true};
  }
  Reply reply;
  try {
    reply = reply_for(out_dir_, req.path, generation);
  } catch (const std::exception& e) {
    reply = text_reply(500, std::string("metodika serve: ") + e.what() + "\n");
  }
  Headers extra;
  if (!reply.location.empty()) {
    // To the address as the browser sent it (still percent-encoded), query kept.
    extra.emplace_back("Location", req.raw_path + "/" + req.query);
  }
  if (reply.status == 200) {
    extra.emplace_back("Accept-Ranges", "bytes");
    // If-Range asks for ranges only of an unchanged file; with no validators to compare, the
    // whole file is the safe answer.
    if (req.range && !req.if_range) {
      apply_ranges(*req.range, reply.status, reply.content_type, reply.body, extra);
    }
  }
  uint64_t length = reply.body.size();
  if (head_only) reply.body.clear();
  return {response_head(reply.status, reply.content_type, length, extra, req.close),
          std::move(reply.body), req.close, false};
}

void Responder::apply_ranges(const std::string& header, int& status, std::string& type, Body& body,
                             Headers& extra) const {
  uint64_t size = body.size();
  RangePlan plan = plan_ranges(header, size);
  // (Appended, not "/" + std::to_string(…): GCC 12 warns falsely of overlapping memcpy there.)
  std::string total = "/";
  total += std::to_string(size);
  if (plan.answer == RangeAnswer::kUnsatisfiable) {
    status = 416;
    extra.emplace_back("Content-Range", "bytes *" + total);
    type = "text/plain; charset=utf-8";
    body = Body("Range not satisfiable: the file has " + std::to_string(size) + " bytes.\n");
    return;
  }
  if (plan.answer != RangeAnswer::kPartial) return;
  status = 206;
  auto spec = [&](const ByteRange& r) {
    return std::to_string(r.first) + "-" + std::to_string(r.last) + total;
  };
  Body part = body.empty_like();
  if (plan.ranges.size() == 1) {
    const ByteRange& r = plan.ranges.front();
    extra.emplace_back("Content-Range", "bytes " + spec(r));
    part.append_slice(body, r.first, r.length());
  } else {
    for (size_t i = 0; i < plan.ranges.size(); ++i) {
      const ByteRange& r = plan.ranges[i];
      part.append_text((i ? "\r\n--" : "--") + boundary_ + "\r\nContent-Type: " + type +
                       "\r\nContent-Range: bytes " + spec(r) + "\r\n\r\n");
      part.append_slice(body, r.first, r.length());
    }
    part.append_text("\r\n--" + boundary_ + "--\r\n");
    type = "multipart/byteranges; boundary=" + boundary_;
  }
  body = std::move(part);
}

}  // namespace metodika::serve
