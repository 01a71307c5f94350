#include "render/common/atom.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace metodika::render {

namespace {

std::vector<FeedEntry> two_entries() {
  FeedEntry olympiad;
  olympiad.id = "tag:atbalsts.example.lv,2026:olympiad-math-2026-regional";
  olympiad.title = "Matemātikas olimpiāde: 2. posms";
  olympiad.url = "https://atbalsts.example.lv/olimpiades/matematika-2026/";
  olympiad.summary_html = "<p>Pieteikšanās līdz <b>15. novembrim</b>.</p>";
  olympiad.updated = {2026, 11, 1};
  olympiad.categories = {"olimpiādes", "matemātika"};

  FeedEntry course;
  course.id = "https://atbalsts.example.lv/kursi/digitalas-prasmes/";
  course.title = "Kursi";
  course.url = "https://atbalsts.example.lv/kursi/digitalas-prasmes/";
  course.updated = {2026, 10, 15};
  return {course, olympiad};
}

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"lv\">\n"
    "  <id>tag:atbalsts.example.lv,2026:feed</id>\n"
    "  <title>Jaunumi</title>\n"
    "  <updated>2026-11-02T00:00:00Z</updated>\n"
    "  <link rel=\"alternate\" type=\"text/html\" href=\"https://atbalsts.example.lv/\"/>\n"
    "  <link rel=\"self\" type=\"application/atom+xml\" "
    "href=\"https://atbalsts.example.lv/atom.xml\"/>\n"
    "  <author>\n"
    "    <name>VISC</name>\n"
    "  </author>\n";

std::string feed(const std::vector<FeedEntry>& entries) {
  return write_atom("tag:atbalsts.example.lv,2026:feed", "Jaunumi", "https://atbalsts.example.lv/",
                    "https://atbalsts.example.lv/atom.xml", "lv", "VISC", {2026, 11, 2}, entries);
}

}  // namespace

TEST_CASE("write_atom: an empty feed is valid Atom with its metadata only") {
  CHECK(feed({}) == std::string(kHeader) + "</feed>\n");
}

TEST_CASE("write_atom writes entries newest first with escaped HTML summaries") {
  CHECK(feed(two_entries()) ==
        std::string(kHeader) +
            "  <entry>\n"
            "    <id>tag:atbalsts.example.lv,2026:olympiad-math-2026-regional</id>\n"
            "    <title>Matemātikas olimpiāde: 2. posms</title>\n"
            "    <link rel=\"alternate\" type=\"text/html\" "
            "href=\"https://atbalsts.example.lv/olimpiades/matematika-2026/\"/>\n"
            "    <updated>2026-11-01T00:00:00Z</updated>\n"
            "    <category term=\"olimpiādes\"/>\n"
            "    <category term=\"matemātika\"/>\n"
            "    <summary type=\"html\">&lt;p&gt;Pieteikšanās līdz &lt;b&gt;15. "
            "novembrim&lt;/b&gt;.&lt;/p&gt;</summary>\n"
            "  </entry>\n"
            "  <entry>\n"
            "    <id>https://atbalsts.example.lv/kursi/digitalas-prasmes/</id>\n"
            "    <title>Kursi</title>\n"
            "    <link rel=\"alternate\" type=\"text/html\" "
            "href=\"https://atbalsts.example.lv/kursi/digitalas-prasmes/\"/>\n"
            "    <updated>2026-10-15T00:00:00Z</updated>\n"
            "  </entry>\n"
            "</feed>\n");
}

TEST_CASE("write_atom output does not depend on the order of entries") {
  std::vector<FeedEntry> entries = two_entries();
  FeedEntry same_day = entries[1];  // the olympiad
  same_day.id = "tag:atbalsts.example.lv,2026:a-first";
  entries.push_back(same_day);
  const std::string expected = feed(entries);
  std::reverse(entries.begin(), entries.end());
  CHECK(feed(entries) == expected);
  // Same `updated`: ordered by id.
  CHECK(expected.find("a-first") < expected.find("olympiad-math-2026-regional</id>"));
}

TEST_CASE("write_atom escapes & < > \" in text and attributes") {
  FeedEntry entry;
  entry.id = "https://x.example/?a=1&b=2";
  entry.title = R"(Fizika & ķīmija: <"labākie">)";
  entry.url = "https://x.example/?a=1&b=\"2\"";
  entry.updated = {2026, 1, 5};
  entry.categories = {"A&B <c>"};
  CHECK(write_atom("urn:x", "T & \"Q\" <z>", "", "", "", "A & B", {2026, 1, 5}, {&entry, 1}) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "  <id>urn:x</id>\n"
        "  <title>T &amp; &quot;Q&quot; &lt;z&gt;</title>\n"
        "  <updated>2026-01-05T00:00:00Z</updated>\n"
        "  <author>\n"
        "    <name>A &amp; B</name>\n"
        "  </author>\n"
        "  <entry>\n"
        "    <id>https://x.example/?a=1&amp;b=2</id>\n"
        "    <title>Fizika &amp; ķīmija: &lt;&quot;labākie&quot;&gt;</title>\n"
        "    <link rel=\"alternate\" type=\"text/html\" "
        "href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"/>\n"
        "    <updated>2026-01-05T00:00:00Z</updated>\n"
        "    <category term=\"A&amp;B &lt;c&gt;\"/>\n"
        "  </entry>\n"
        "</feed>\n");
}

}  // namespace metodika::render
