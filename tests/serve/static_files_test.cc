// generator/serve/static_files.cc: no URL reaches a file outside the output folder; types.
#include "serve/static_files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "../load/temp_site.h"

namespace metodika::serve {
namespace {
namespace fs = std::filesystem;
using testing::TempSite;

TEST_CASE("URL paths map to files of the output folder") {
  CHECK(output_path_for("/") == "index.html");
  CHECK(output_path_for("/style.css") == "style.css");
  CHECK(output_path_for("/lv/skolas/") == "lv/skolas/index.html");
  CHECK(output_path_for("/en") == "en");
  CHECK(output_path_for("/a%20b.html") == "a%20b.html");  // already decoded: a literal name
  CHECK(output_path_for("/.well-known/x") == ".well-known/x");
}

TEST_CASE("URL paths that could leave the output folder are refused") {
  for (const char* path : {"", "index.html", "/..", "/../etc/passwd", "/a/../../etc/passwd",
                           "/a/..", "/./index.html", "/a/./b", "//etc/passwd", "/a//b",
                           "/..\\..\\etc\\passwd", "/a\\b", "/C:\\windows", "/~/../x"}) {
    CAPTURE(path);
    CHECK_FALSE(output_path_for(path).has_value());
  }
  CHECK_FALSE(output_path_for(std::string_view("/a\0/../b", 8)).has_value());
}

// The whole of an opened file, or "" when it was not a file.
std::string contents(const OpenFile& f) {
  return f.lookup == Lookup::kFile ? read_at(f.fd.get(), 0, f.size) : "";
}

TEST_CASE("open_beneath opens files and tells folders, missing files and links apart") {
  TempSite site({{"out/index.html", "<p>home</p>"},
                 {"out/lv/skola/index.html", "<p>skola</p>"},
                 {"secret.txt", "secret"}});
  fs::path out = site.root() / "out";
  OpenFile home = open_beneath(out, "index.html");
  CHECK(home.lookup == Lookup::kFile);
  CHECK(home.size == 11);
  CHECK(contents(home) == "<p>home</p>");
  CHECK(read_at(home.fd.get(), 3, 4) == "home");
  CHECK(read_at(home.fd.get(), 9, 100) == "p>");  // fewer at the end of the file
  CHECK(contents(open_beneath(out, "lv/skola/index.html")) == "<p>skola</p>");
  CHECK(open_beneath(out, "lv").lookup == Lookup::kDirectory);
  CHECK(open_beneath(out, "lv/skola").lookup == Lookup::kDirectory);
  CHECK(open_beneath(out, "nothing.html").lookup == Lookup::kMissing);
  CHECK(open_beneath(out, "index.html/x").lookup == Lookup::kMissing);
  CHECK(open_beneath(site.root() / "no-such-folder", "index.html").lookup == Lookup::kMissing);

  SUBCASE("a link to a file outside is refused") {
    fs::create_symlink(site.root() / "secret.txt", out / "leak.txt");
    OpenFile r = open_beneath(out, "leak.txt");
    CHECK(r.lookup == Lookup::kRefused);
    CHECK_FALSE(r.fd.valid());
  }
  SUBCASE("a link to a folder outside is refused on the way through") {
    fs::create_directory_symlink(site.root(), out / "up");
    CHECK(open_beneath(out, "up/secret.txt").lookup == Lookup::kRefused);
    CHECK(open_beneath(out, "up").lookup == Lookup::kRefused);
  }
  SUBCASE("even a link that stays inside is not followed") {
    fs::create_symlink(out / "index.html", out / "lv" / "alias.html");
    CHECK(open_beneath(out, "lv/alias.html").lookup == Lookup::kRefused);
  }
  SUBCASE("the output folder itself may be a link") {
    fs::create_directory_symlink(out, site.root() / "out-link");
    CHECK(contents(open_beneath(site.root() / "out-link", "index.html")) == "<p>home</p>");
  }
  SUBCASE("a FIFO does not hang the request") {
    REQUIRE(::mkfifo((out / "pipe").c_str(), 0600) == 0);
    CHECK(open_beneath(out, "pipe").lookup == Lookup::kRefused);
  }
}

TEST_CASE("content types of what a site holds") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("static/style.3f2a.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("static/search.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("static/logo.svg") == "image/svg+xml");
  CHECK(content_type_for("sitemap.xml") == "application/xml");
  CHECK(content_type_for("olimpiades.ics") == "text/calendar; charset=utf-8");
  CHECK(content_type_for("meklet/index.json") == "application/json");
  CHECK(content_type_for("dati/skolas.csv") == "text/csv; charset=utf-8");
  CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("parskati/ventspils.pdf") == "application/pdf");
  CHECK(content_type_for("parskati/ventspils.xlsx") ==
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(content_type_for("REPORT.PDF") == "application/pdf");
  CHECK(content_type_for("a.d/noext") == "application/octet-stream");
  CHECK(content_type_for("archive.tar.gz") == "application/octet-stream");
}

}  // namespace
}  // namespace metodika::serve
