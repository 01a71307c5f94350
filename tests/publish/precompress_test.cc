// publish/precompress.h: the gzip files of `metodika build --precompress`.
#include "publish/precompress.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

namespace metodika::publish {
namespace {

std::string gunzip(const std::string& packed) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

TEST_CASE("gzip: a gzip file of the bytes, the same for the same bytes, without time or name") {
  std::string page = "<!doctype html><title>Ventspils</title>";
  for (int i = 0; i < 200; ++i) page += "<p>Ventspils valstspilsētas izglītības pārvalde</p>\n";
  const std::string packed = gzip(page);
  REQUIRE(packed.size() > 18);
  CHECK(static_cast<unsigned char>(packed[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(packed[1]) == 0x8b);
  CHECK(packed[3] == 0);                          // FLG: no name, no comment, no extra
  CHECK(packed.substr(4, 4) == std::string(4, '\0'));  // MTIME 0
  CHECK(packed.size() < page.size() / 5);
  CHECK(gunzip(packed) == page);
  CHECK(gzip(page) == packed);
  CHECK(gunzip(gzip("")) == "");
}

TEST_CASE("is_precompressed: the text files a build writes, not PDF, XLSX or a gzip") {
  for (const char* p : {"index.html", "static/style.57e7c14d62.css", "static/search.46ed86130e.js",
                        "meklet/index.json", "dati/katalogs.jsonld", "sitemap.xml",
                        "olimpiades.ics", "dati/iestades.csv", "robots.txt", "x/chart.svg"}) {
    CAPTURE(p);
    CHECK(is_precompressed(p));
  }
  for (const char* p : {"parskati/ventspils-2022-2025.pdf", "parskati/ventspils-2022-2025.xlsx",
                        "index.html.gz", ".metodika-output", "html", "a.htmlx"}) {
    CAPTURE(p);
    CHECK_FALSE(is_precompressed(p));
  }
}

TEST_CASE("PrecompressingSink: each text file and its .gz; with_precompressed names both") {
  util::MemorySink memory;
  PrecompressingSink sink(memory);
  sink.write("index.html", "<p>sveiki</p>");
  sink.write("parskati/a.pdf", "%PDF-1.7");
  const auto& files = memory.files();
  REQUIRE(files.size() == 3);
  CHECK(files.at("index.html") == "<p>sveiki</p>");
  CHECK(gunzip(files.at("index.html.gz")) == "<p>sveiki</p>");
  CHECK(files.count("parskati/a.pdf.gz") == 0);
  CHECK(with_precompressed({"a/index.html", "b.pdf", "c.csv"}) ==
        std::vector<std::string>{"a/index.html", "a/index.html.gz", "b.pdf", "c.csv", "c.csv.gz"});
}

}  // namespace
}  // namespace metodika::publish
