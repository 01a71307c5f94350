// generator/serve/server.cc: the server over real sockets on a free port of 127.0.0.1, with
// short limits so that timeouts and caps show within a test.
#include "serve/server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "../load/temp_site.h"
#include "serve/live_reload.h"

namespace metodika::serve {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TempSite;
using Clock = std::chrono::steady_clock;

TempSite built_site() {
  return TempSite({{"out/index.html", "<html><body><h1>Sākums</h1></body></html>"},
                   {"out/en/index.html", "<html><body>Home</body></html>"},
                   {"out/static/site.css", "body{color:red}"},
                   {"secret.txt", "secret"}});
}

// A client connection with a receive timeout, so that a test fails instead of hanging.
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(std::string_view data) {
    REQUIRE(::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(data.size()));
  }
  // Reads until `pattern` has arrived (true) or the connection ends or times out (false).
  bool read_until(std::string_view pattern) {
    while (got_.find(pattern) == std::string::npos) {
      if (!read_some()) return false;
    }
    return true;
  }
  // Reads until the server closes the connection; false on the 5 s timeout.
  bool read_to_end() {
    while (read_some()) {
    }
    return closed_;
  }
  [[nodiscard]] const std::string& got() const { return got_; }
  [[nodiscard]] int fd() const { return fd_; }

 private:
  bool read_some() {
    char buf[65536];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      got_.append(buf, static_cast<size_t>(n));
      return true;
    }
    closed_ = n == 0 || errno == ECONNRESET;
    return false;
  }
  int fd_ = -1;
  std::string got_;
  bool closed_ = false;
};

std::string get(int port, std::string_view target, std::string_view headers = "") {
  Client c(port);
  c.send("GET " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" +
         std::string(headers) + "\r\n");
  c.read_to_end();
  return c.got();
}

// A server on a free port of the site's output, stopped at the end of the test.
struct Running {
  TempSite site = built_site();
  BuildEvents events;
  PreviewServer server;
  int port = 0;
  explicit Running(ServerLimits limits = {}) : server(site.root() / "out", events, limits) {
    events.publish_success();
    port = server.bind("127.0.0.1", 0);
    REQUIRE(port > 0);
    server.start();
  }
};

TEST_CASE("over HTTP: pages, encoded traversal refused, clean stop with an open stream") {
  Running s;
  std::string home = get(s.port, "/");
  CHECK(home.starts_with("HTTP/1.1 200"));
  CHECK(home.find("Cache-Control: no-store") != std::string::npos);
  CHECK(home.find(live_script_tag(1)) != std::string::npos);
  const std::string page = "<html><body><h1>Sākums</h1></body></html>";
  CHECK(home.find("Content-Length: " + std::to_string(page.size() + live_script_tag(1).size()) +
                  "\r\n") != std::string::npos);

  std::string redirect = get(s.port, "/en?x=1");
  CHECK(redirect.starts_with("HTTP/1.1 301"));
  CHECK(redirect.find("Location: /en/?x=1\r\n") != std::string::npos);

  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                             "/en/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt",
                             "/%00/../secret.txt", "/%2fetc%2fpasswd"}) {
    CAPTURE(target);
    std::string r = get(s.port, target);
    CHECK_FALSE(r.starts_with("HTTP/1.1 200"));
    CHECK(r.find("secret\n") == std::string::npos);
  }
  CHECK(get(s.port, "/%2e%2e/secret.txt").starts_with("HTTP/1.1 400"));

  // An event stream open while stopping must not keep the server from stopping.
  Client stream(s.port);
  stream.send("GET /__metodika/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(stream.read_until("event: hello\ndata: {\"generation\":1}\n\n"));
  Client idle(s.port);
  s.server.stop();
  CHECK(stream.read_to_end());
  CHECK(idle.read_to_end());
}

TEST_CASE("a foreign Host gets 421, a foreign Origin no event stream") {
  Running s;
  std::string foreign = get(s.port, "/", "Host: evil.example\r\n");
  // (the helper's own Host comes first: two Host headers are 400; one foreign is 421)
  CHECK(foreign.starts_with("HTTP/1.1 400"));
  Client c(s.port);
  c.send("GET / HTTP/1.1\r\nHost: evil.example:1313\r\n\r\n");
  CHECK(c.read_to_end());
  CHECK(c.got().starts_with("HTTP/1.1 421 Misdirected Request\r\n"));
  CHECK(c.got().find("<html") == std::string::npos);

  Client events(s.port);
  events.send("GET /__metodika/events HTTP/1.1\r\nHost: rebind.example\r\n\r\n");
  CHECK(events.read_to_end());
  CHECK(events.got().starts_with("HTTP/1.1 421"));

  Client cross(s.port);
  cross.send(
      "GET /__metodika/events HTTP/1.1\r\nHost: localhost:1\r\nOrigin: "
      "http://evil.example\r\n\r\n");
  CHECK(cross.read_to_end());
  CHECK(cross.got().starts_with("HTTP/1.1 403"));
  CHECK(cross.got().find("event:") == std::string::npos);

  Client own(s.port);
  own.send("GET /__metodika/events HTTP/1.1\r\nHost: [::1]:1\r\nOrigin: http://[::1]:1\r\n\r\n");
  CHECK(own.read_until("event: hello"));
  CHECK(own.got().starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"));
}

TEST_CASE("keep-alive: requests one after another and pipelined on one connection") {
  Running s;
  Client c(s.port);
  c.send("GET /static/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(c.read_until("body{color:red}"));
  CHECK(c.got().find("Connection: keep-alive\r\n") != std::string::npos);
  c.send(
      "GET /static/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "HEAD /en/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /static/site.css HTTP/1.1\r\nHost: localhost\r\nRange: bytes=5-9\r\n"
      "Connection: close\r\n\r\n");
  CHECK(c.read_to_end());
  const std::string& all = c.got();
  size_t second = all.find("HTTP/1.1 200", 10);
  size_t head = all.find("HTTP/1.1 200", second + 1);
  size_t range = all.find("HTTP/1.1 206 Partial Content\r\n");
  REQUIRE(second != std::string::npos);
  REQUIRE(head != std::string::npos);
  REQUIRE(range != std::string::npos);
  CHECK(second < head);
  CHECK(head < range);
  // HEAD: the length of the page with the script, no body.
  CHECK(all.substr(head, range - head).ends_with("Connection: keep-alive\r\n\r\n"));
  CHECK(all.find("Content-Range: bytes 5-9/15\r\n") != std::string::npos);
  CHECK(all.ends_with("\r\n\r\ncolor"));
}

TEST_CASE("idle connections and slow requests are closed after the request timeout") {
  ServerLimits limits;
  limits.request_timeout = 300ms;
  Running s(limits);
  Clock::time_point start = Clock::now();
  Client idle(s.port);
  Client slow(s.port);
  slow.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
  std::thread trickle([&] {
    for (int i = 0; i < 20; ++i) {
      std::this_thread::sleep_for(50ms);
      if (::send(slow.fd(), "x", 1, MSG_NOSIGNAL) != 1) return;
    }
  });
  CHECK(idle.read_to_end());
  CHECK(idle.got().empty());
  CHECK(slow.read_to_end());
  trickle.join();
  CHECK(slow.got().starts_with("HTTP/1.1 408 Request Timeout\r\n"));
  // The timeout, plus at most one tick of the loop (250 ms), plus slack for a slow machine.
  CHECK(Clock::now() - start < 1500ms);
  // Meanwhile and after, pages are answered.
  CHECK(get(s.port, "/").starts_with("HTTP/1.1 200"));

  Client huge(s.port);
  huge.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(20000, 'a'));
  CHECK(huge.read_to_end());
  CHECK(huge.got().starts_with("HTTP/1.1 431"));
}

TEST_CASE("live-reload streams: capped, told of every build, a heartbeat when idle") {
  ServerLimits limits;
  limits.max_streams = 2;
  limits.heartbeat = 200ms;
  Running s(limits);
  auto open = [&](Client& c) {
    c.send("GET /__metodika/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
  };
  Client a(s.port), b(s.port), c(s.port);
  open(a);
  open(b);
  CHECK(a.read_until("event: hello"));
  CHECK(b.read_until("event: hello"));
  open(c);
  CHECK(c.read_to_end());
  CHECK(c.got().starts_with("HTTP/1.1 503 Service Unavailable\r\n"));
  CHECK(c.got().find("Retry-After: 10\r\n") != std::string::npos);

  s.events.publish_failure({{"data/a.yaml:1:1", "data/a.yaml:1:1: error: bad"}});
  CHECK(a.read_until("event: build-error\ndata: {\"generation\":1,"));
  CHECK(b.read_until("event: build-error\n"));
  s.events.publish_success();
  CHECK(a.read_until("event: reload\ndata: {\"generation\":2}\n\n"));
  CHECK(b.read_until("event: reload\ndata: {\"generation\":2}\n\n"));
  CHECK(a.read_until(": keep-alive\n\n"));

  // A page that goes frees its place.
  ::shutdown(b.fd(), SHUT_RDWR);
  bool reopened = false;
  for (int i = 0; i < 40 && !reopened; ++i) {
    Client again(s.port);
    open(again);
    reopened = again.read_until("event: hello");
    if (!reopened) std::this_thread::sleep_for(50ms);
  }
  CHECK(reopened);
}

TEST_CASE("at the connection cap, the connection waiting longest makes room") {
  ServerLimits limits;
  limits.max_connections = 4;
  Running s(limits);
  Client first(s.port);
  std::this_thread::sleep_for(20ms);
  Client second(s.port), third(s.port), fourth(s.port);
  std::this_thread::sleep_for(50ms);
  // A fifth: the first (idle longest) is closed, and the new request is answered.
  CHECK(get(s.port, "/").starts_with("HTTP/1.1 200"));
  CHECK(first.read_to_end());
  CHECK(first.got().empty());
  fourth.send("GET /static/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n");
  CHECK(fourth.read_until("body{color:red}"));
}

TEST_CASE("a client that stops reading is dropped after the write timeout") {
  ServerLimits limits;
  limits.write_timeout = 300ms;
  Running s(limits);
  // Larger than the socket buffers of both ends hold on loopback (a few MB each). (A small
  // SO_RCVBUF would shrink the window, and reading what the server had sent would crawl.)
  const size_t size = 32 * 1024 * 1024;
  util::write_file(s.site.root() / "out" / "big.bin", std::string(size, 'b'));
  Client c(s.port);
  c.send("GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
  std::this_thread::sleep_for(1500ms);
  CHECK(c.read_to_end());
  CHECK(c.got().size() < size);
  CHECK(get(s.port, "/").starts_with("HTTP/1.1 200"));
}

}  // namespace
}  // namespace metodika::serve
