// generator/serve/request.cc: request heads, strict where leniency could smuggle a request.
#include "serve/request.h"

#include <doctest/doctest.h>

namespace metodika::serve {
namespace {

TEST_CASE("where a head ends") {
  CHECK(request_head_end("GET / HTTP/1.1\r\nHost: a\r\n\r\nrest") == 27);
  CHECK(request_head_end("GET / HTTP/1.1\nHost: a\n\nrest") == 24);
  CHECK(request_head_end("GET / HTTP/1.1\r\nHost: a\r\n") == std::string::npos);
  CHECK(request_head_end("GET / HTTP/1.1\r\nHost: a\r\n\r") == std::string::npos);
  CHECK(request_head_end("") == std::string::npos);
}

TEST_CASE("a request head: method, decoded path, query, headers") {
  ParsedRequest p = parse_request(
      "GET /en/sk%C4%ABlas/?x=1&y=%20 HTTP/1.1\r\nHost:  localhost:1313 \r\n"
      "Range: bytes=0-1\r\nOrigin: http://localhost:1313\r\nConnection: keep-alive, Close\r\n"
      "X-Other: ignored\r\n\r\n");
  REQUIRE(p.error == 0);
  const Request& r = p.request;
  CHECK(r.method == "GET");
  CHECK(r.raw_path == "/en/sk%C4%ABlas/");
  CHECK(r.path == "/en/skīlas/");
  CHECK(r.query == "?x=1&y=%20");
  CHECK(r.host == "localhost:1313");
  CHECK(r.range == "bytes=0-1");
  CHECK(r.origin == "http://localhost:1313");
  CHECK(r.close);
  CHECK_FALSE(r.http10);
  CHECK_FALSE(r.if_range);

  ParsedRequest old = parse_request("\r\nHEAD / HTTP/1.0\nHost: 127.0.0.1\n\n");
  REQUIRE(old.error == 0);
  CHECK(old.request.method == "HEAD");
  CHECK(old.request.http10);
  CHECK(old.request.close);  // HTTP/1.0 connections are not kept

  // Absolute form: the authority stands for Host.
  ParsedRequest abs = parse_request("GET http://evil.example:1313/a?b HTTP/1.1\r\nHost: x\r\n\r\n");
  REQUIRE(abs.error == 0);
  CHECK(abs.request.host == "evil.example:1313");
  CHECK(abs.request.path == "/a");
  CHECK(abs.request.query == "?b");
  CHECK(parse_request("GET http://localhost HTTP/1.1\r\n\r\n").request.path == "/");
  // Encoded dots and slashes are decoded here and refused by output_path_for.
  CHECK(parse_request("GET /%2e%2e%2Fx HTTP/1.1\r\nHost: a\r\n\r\n").request.path == "/../x");
}

TEST_CASE("malformed heads get 400, 501 or 505") {
  auto status = [](std::string_view head) { return parse_request(head).error; };
  CHECK(status("GET / HTTP/1.1\r\n\r\n") == 400);                        // no Host
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400);  // two
  CHECK(status("GET / HTTP/2.0\r\nHost: a\r\n\r\n") == 505);
  CHECK(status("GET / FTP/1.0\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET /  HTTP/1.1\r\nHost: a\r\n\r\n") == 400);  // two spaces
  CHECK(status("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("G(T / HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET x HTTP/1.1\r\nHost: a\r\n\r\n") == 400);  // not a path
  CHECK(status("GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET /%4 HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nno colon\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n") == 501);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\nRange: bytes=2-3\r\n\r\n") == 400);
  CHECK(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n") == 0);
}

TEST_CASE("percent-decoding") {
  CHECK(percent_decode("a%20b%2Fc") == "a b/c");
  CHECK(percent_decode("a+b") == "a+b");  // '+' is a space only in forms
  CHECK(percent_decode("%00") == std::string(1, '\0'));
  CHECK_FALSE(percent_decode("%").has_value());
  CHECK_FALSE(percent_decode("%a").has_value());
  CHECK_FALSE(percent_decode("%g0").has_value());
}

}  // namespace
}  // namespace metodika::serve
