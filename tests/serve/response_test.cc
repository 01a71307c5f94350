// generator/serve/response.cc: the checks every request passes, and answers as HTTP.
#include "serve/response.h"

#include <doctest/doctest.h>

#include "../load/temp_site.h"

namespace metodika::serve {
namespace {
using testing::TempSite;

Response ask(const Responder& r, std::string_view head) {
  return r.respond(parse_request(head), 3);
}

std::string status_line(const Response& r) { return r.head.substr(0, r.head.find('\r')); }

TEST_CASE("requests naming another host, other methods and foreign event pages are refused") {
  TempSite site({{"out/index.html", "<body>x</body>"}});
  Responder r(site.root() / "out", AllowedHosts("127.0.0.1"));
  Response foreign = ask(r, "GET / HTTP/1.1\r\nHost: rebind.example:1313\r\n\r\n");
  CHECK(status_line(foreign) == "HTTP/1.1 421 Misdirected Request");
  CHECK(foreign.close);
  CHECK(foreign.body.to_string().find("<body>") == std::string::npos);
  CHECK(status_line(ask(r, "GET /__metodika/events HTTP/1.1\r\nHost: evil.example\r\n\r\n")) ==
        "HTTP/1.1 421 Misdirected Request");
  Response post = ask(r, "POST / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(status_line(post) == "HTTP/1.1 405 Method Not Allowed");
  CHECK(post.head.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos);
  Response bad = ask(r, "GET / HTTP/1.1\r\n\r\n");
  CHECK(status_line(bad) == "HTTP/1.1 400 Bad Request");
  CHECK(bad.body.to_string() == "Bad Request: no Host header.\n");

  Response cross = ask(r,
                       "GET /__metodika/events HTTP/1.1\r\nHost: localhost:1313\r\n"
                       "Origin: http://evil.example\r\n\r\n");
  CHECK(status_line(cross) == "HTTP/1.1 403 Forbidden");
  Response own = ask(r,
                     "GET /__metodika/events HTTP/1.1\r\nHost: localhost:1313\r\n"
                     "Origin: http://localhost:1313\r\n\r\n");
  CHECK(own.event_stream);
  CHECK(ask(r, "GET /__metodika/events HTTP/1.1\r\nHost: localhost\r\n\r\n").event_stream);
  Response head = ask(r, "HEAD /__metodika/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK_FALSE(head.event_stream);
  CHECK(head.head.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"));
}

TEST_CASE("files as HTTP: headers, HEAD, redirects, ranges") {
  TempSite site({{"out/a.txt", "0123456789"}, {"out/en/index.html", "<body>en</body>"}});
  Responder r(site.root() / "out", AllowedHosts("127.0.0.1"));
  Response file = ask(r, "GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(file.head ==
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 10\r\n"
        "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nAccept-Ranges: bytes\r\n"
        "Connection: keep-alive\r\n\r\n");
  CHECK(file.body.to_string() == "0123456789");
  CHECK_FALSE(file.close);
  Response head = ask(r, "HEAD /a.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  CHECK(head.head.find("Content-Length: 10\r\n") != std::string::npos);
  CHECK(head.head.ends_with("Connection: close\r\n\r\n"));
  CHECK(head.close);
  CHECK(head.body.size() == 0);

  Response moved = ask(r, "GET /e%6e?q=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(status_line(moved) == "HTTP/1.1 301 Moved Permanently");
  CHECK(moved.head.find("\r\nLocation: /e%6e/?q=1\r\n") != std::string::npos);

  Response one = ask(r, "GET /a.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=-3\r\n\r\n");
  CHECK(status_line(one) == "HTTP/1.1 206 Partial Content");
  CHECK(one.head.find("Content-Range: bytes 7-9/10\r\nConnection") != std::string::npos);
  CHECK(one.head.find("Content-Length: 3\r\n") != std::string::npos);
  CHECK(one.body.to_string() == "789");

  Response two = ask(r, "GET /a.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-1,5-6\r\n\r\n");
  size_t at = two.head.find("multipart/byteranges; boundary=");
  REQUIRE(at != std::string::npos);
  std::string boundary = two.head.substr(at + 31, two.head.find('\r', at) - at - 31);
  CHECK(boundary.starts_with("metodika-"));
  std::string want = "--" + boundary +
                     "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes "
                     "0-1/10\r\n\r\n01\r\n--" +
                     boundary +
                     "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes "
                     "5-6/10\r\n\r\n56\r\n--" +
                     boundary + "--\r\n";
  CHECK(two.body.to_string() == want);
  CHECK(two.head.find("Content-Length: " + std::to_string(want.size()) + "\r\n") !=
        std::string::npos);

  Response many = ask(r,
                      "GET /a.txt HTTP/1.1\r\nHost: localhost\r\n"
                      "Range: bytes=0-0,1-1,2-2,3-3,4-4,5-5\r\n\r\n");
  CHECK(status_line(many) == "HTTP/1.1 200 OK");
  CHECK(many.body.to_string() == "0123456789");
  Response past = ask(r, "GET /a.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=10-\r\n\r\n");
  CHECK(status_line(past) == "HTTP/1.1 416 Range Not Satisfiable");
  CHECK(past.head.find("Content-Range: bytes */10\r\n") != std::string::npos);
  // Ranges of a page apply to the page as served, script included.
  Response page = ask(r, "GET /en/ HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-6\r\n\r\n");
  CHECK(page.body.to_string() == "<body>e");
}

}  // namespace
}  // namespace metodika::serve
