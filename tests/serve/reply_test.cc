// generator/serve/reply.cc: what each GET is answered with, before HTTP.
#include "serve/reply.h"

#include <doctest/doctest.h>

#include <filesystem>

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
  CHECK(home.body.to_string() ==
        "<html><body><h1>Sākums</h1>" + live_script_tag(4) + "</body></html>");
  // The page is sent from the file around the tag, not copied into memory.
  CHECK(home.body.file() >= 0);
  CHECK(home.body.pieces().size() == 3);
  // …and never changed on disk: the output stays what `metodika build` wrote.
  CHECK(util::read_file(out / "index.html") == "<html><body><h1>Sākums</h1></body></html>");

  Reply css = reply_for(out, "/static/site.css", 4);
  CHECK(css.status == 200);
  CHECK(css.content_type == "text/css; charset=utf-8");
  CHECK(css.body.to_string() == "body{}");
  CHECK(reply_for(out, "/olimpiades.ics", 4).content_type == "text/calendar; charset=utf-8");

  Reply script = reply_for(out, "/__metodika/live.js", 4);
  CHECK(script.status == 200);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
}

TEST_CASE("the script goes before the last </body> of a large page") {
  // The file is searched from its end in 64 KiB blocks. The last "</body>" starts `cut` bytes
  // before the edge of the last block: inside it (0), across the edge (1-5), or just before it
  // (6); a quoted "</body>" 300 KB earlier is not the end of the page.
  const std::string prefix = "<code>&lt;/body&gt; </body></code>" + std::string(300 * 1024, 'x');
  const std::string tail = "</body></html>";
  for (size_t cut = 0; cut <= 6; ++cut) {
    CAPTURE(cut);
    std::string page = prefix + tail + std::string(64 * 1024 - tail.size() + cut, 'z');
    TempSite site({{"out/big.html", page}});
    Reply r = reply_for(site.root() / "out", "/big.html", 9);
    std::string want = inject_before_body_end(page, live_script_tag(9));
    CHECK(want.find(live_script_tag(9)) == prefix.size());
    CHECK(r.body.size() == want.size());
    CHECK(r.body.to_string() == want);
  }
}

TEST_CASE("a folder redirects to its address with '/', then serves its index.html") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  Reply r = reply_for(out, "/en", 1);
  CHECK(r.status == 301);
  CHECK(r.location == "/en/");
  CHECK(reply_for(out, "/en/", 1).body.to_string().starts_with("<html><body>Home"));
}

TEST_CASE("a missing page gets the site's 404 page, of its language folder when there is one") {
  TempSite site = built_site();
  fs::path out = site.root() / "out";
  Reply lv = reply_for(out, "/nav/tadas/lapas", 2);
  CHECK(lv.status == 404);
  CHECK(lv.body.to_string() == "<html><body>Nav atrasts" + live_script_tag(2) + "</body></html>");
  Reply en = reply_for(out, "/en/no-such-page/", 2);
  CHECK(en.status == 404);
  CHECK(en.body.to_string().starts_with("<html><body>Not found"));
  // No site built yet: still an HTML page with the script, so that it reloads after a fix.
  Reply none = reply_for(site.root() / "nothing", "/", 0);
  CHECK(none.status == 404);
  CHECK(none.body.to_string().find(live_script_tag(0)) != std::string::npos);
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
    CHECK(r.body.to_string().find("secret") == std::string::npos);
  }
  CHECK(reply_for(out, "/../secret.txt", 1).status == 400);
  CHECK(reply_for(out, "/secret.txt", 1).status == 403);
}

}  // namespace
}  // namespace metodika::serve
