// generator/serve/server.cc: what each request is answered with (reply_for), and the server
// itself over a real socket on a free port.
#include "serve/server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "../load/temp_site.h"
#include "serve/live_reload.h"

namespace metodika::serve {
namespace {
namespace fs = std::filesystem;
using testing::TempSite;

TempSite built_site() {
  return TempSite({{"out/index.html", "<html><body><h1>Sākums</h1></body></html>"},
                   {"out/404.html", "<html><body>Nav atrasts</body></html>"},
                   {"out/en/404.html", "<html><body>Not found</body></html>"},
                   {"out/en/index.html", "<html><body>Home</body></html>"},
                   {"out/static/site.css", "body{}"},
                   {"out/olimpiades.ics", "BEGIN:VCALENDAR\r\n"},
                   {"secret.txt", "secret"}});
}

TEST_CASE("files are served with their type, HTML with the live-reload script") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  Reply home = reply_for(out, "/", 4);
  CHECK(home.status == 200);
  CHECK(home.content_type == "text/html; charset=utf-8");
  CHECK(home.body == "<html><body><h1>Sākums</h1>" + live_script_tag(4) + "</body></html>");
  // …but never on disk: the output stays what `metodika build` wrote.
  CHECK(util::read_file(out / "index.html") == "<html><body><h1>Sākums</h1></body></html>");

  Reply css = reply_for(out, "/static/site.css", 4);
  CHECK(css.status == 200);
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(css.body == "body{}");
  CHECK(reply_for(out, "/olimpiades.ics", 4).content_type == "text/calendar; charset=utf-8");

  Reply script = reply_for(out, "/__metodika/live.js", 4);
  CHECK(script.status == 200);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
}

TEST_CASE("a folder redirects to its address with '/', then serves its index.html") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  Reply r = reply_for(out, "/en", 1);
  CHECK(r.status == 301);
  CHECK(r.location == "/en/");
  CHECK(reply_for(out, "/en/", 1).body.starts_with("<html><body>Home"));
}

TEST_CASE("a missing page gets the site's 404 page, of its language folder when there is one") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  Reply lv = reply_for(out, "/nav/tadas/lapas", 2);
  CHECK(lv.status == 404);
  CHECK(lv.body == "<html><body>Nav atrasts" + live_script_tag(2) + "</body></html>");
  Reply en = reply_for(out, "/en/no-such-page/", 2);
  CHECK(en.status == 404);
  CHECK(en.body.starts_with("<html><body>Not found"));
  // No site built yet: still an HTML page with the script, so that it reloads after a fix.
  Reply none = reply_for(site.root() / "nothing", "/", 0);
  CHECK(none.status == 404);
  CHECK(none.body.find(live_script_tag(0)) != std::string::npos);
}

TEST_CASE("nothing outside the output folder is ever served") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  fs::create_symlink(site.root() / "secret.txt", out / "secret.txt");
  fs::create_directory_symlink(site.root(), out / "up");
  for (const char* path : {"/../secret.txt", "/en/../../secret.txt", "/..", "//secret.txt",
                           "/static/..%2F..%2Fsecret.txt", "/secret.txt", "/up/secret.txt",
                           "/up/out/index.html", "..\\secret.txt", "/en\\..\\..\\secret.txt"}) {
    CAPTURE(path);
    Reply r = reply_for(out, path, 1);
    CHECK(r.status != 200);
    CHECK(r.body.find("secret") == std::string::npos);
  }
  CHECK(reply_for(out, "/../secret.txt", 1).status == 400);
  CHECK(reply_for(out, "/secret.txt", 1).status == 403);
}

// Sends a raw request (the path exactly as given, no client normalising it) and returns the
// whole response.
std::string raw_get(int port, const std::string& target) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  std::string req = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  REQUIRE(::write(s, req.data(), req.size()) == static_cast<ssize_t>(req.size()));
  std::string resp;
  char buf[4096];
  for (ssize_t n; (n = ::read(s, buf, sizeof buf)) > 0;) resp.append(buf, static_cast<size_t>(n));
  ::close(s);
  return resp;
}

TEST_CASE("over HTTP: pages, encoded traversal refused, clean stop with an open stream") {
  TempSite site = built_site();
  BuildEvents events;
  events.publish_success();
  PreviewServer server(site.root() / "out", events);
  int port = server.bind("127.0.0.1", 0);
  REQUIRE(port > 0);
  server.start();

  std::string home = raw_get(port, "/");
  CHECK(home.starts_with("HTTP/1.1 200"));
  CHECK(home.find("Cache-Control: no-store") != std::string::npos);
  CHECK(home.find(live_script_tag(1)) != std::string::npos);

  std::string redirect = raw_get(port, "/en?x=1");
  CHECK(redirect.starts_with("HTTP/1.1 301"));
  CHECK(redirect.find("Location: /en/?x=1\r\n") != std::string::npos);

  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                             "/en/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt",
                             "/%00/../secret.txt", "/%2fetc%2fpasswd"}) {
    CAPTURE(target);
    std::string r = raw_get(port, target);
    CHECK_FALSE(r.starts_with("HTTP/1.1 200"));
    CHECK(r.find("secret\n") == std::string::npos);
  }
  CHECK(raw_get(port, "/%2e%2e/secret.txt").starts_with("HTTP/1.1 400"));

  // An event stream open while stopping must not keep the server from stopping.
  std::thread listener([port] {
    std::string events_reply = raw_get(port, "/__metodika/events");
    CHECK(events_reply.find("event: hello\ndata: {\"generation\":1}") != std::string::npos);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  listener.join();
}

}  // namespace
}  // namespace metodika::serve
