// Pages from content/ (DATA-MODEL.md sections 13 and 15 "Content URLs").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/build.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::date;
using testing::with_base;

const Page* find_page(const Model& m, std::string_view source) {
  for (const Page& p : m.pages) {
    if (p.source == source) return &p;
  }
  return nullptr;
}

TEST_CASE("home, pages, news and reviews in both languages") {
  Built b = build(with_base({
      {"content/_index.md", "Sveicināti!\n"},
      {"content/about.md", "---\ntitle: Par mums\nslug: par\nsummary: Īsi\n---\n# Par\n"},
      {"content/en/about.md", "---\ntitle: About us\n---\nText\n"},
      {"content/news/2026-11-01-olimpiades.md",
       "---\ntitle: Olimpiādes\ntags: [olimpiādes, matemātika]\ndescription: Jaunumi\n---\nX\n"},
      {"content/news/dated.md", "---\ntitle: Cits\ndate: 2026-10-15\ndraft: true\n---\n"},
      {"content/municipalities/ventspils/review.md", "---\ntitle: Pārskats\n---\nTeksts\n"},
  }));
  CHECK(b.diagnostics.empty());
  REQUIRE(b.model.pages.size() == 6);

  const Page* home = find_page(b.model, "content/_index.md");
  REQUIRE(home != nullptr);
  CHECK(home->kind == PageKind::kHome);
  CHECK(home->lang == "lv");
  CHECK(home->title.empty());  // the home page needs no title
  CHECK(home->body == "Sveicināti!\n");

  const Page* about = find_page(b.model, "content/about.md");
  REQUIRE(about != nullptr);
  CHECK(about->kind == PageKind::kPage);
  CHECK(about->slug == "par");
  CHECK(about->title == "Par mums");
  CHECK(about->summary == "Īsi");
  CHECK(about->body == "# Par\n");
  CHECK(about->body_line == 6);
  CHECK(about->pos == Pos{"content/about.md", 1, 1});

  const Page* en = find_page(b.model, "content/en/about.md");
  REQUIRE(en != nullptr);
  CHECK(en->lang == "en");
  CHECK(en->slug == "about");  // from the file name

  const Page* news = find_page(b.model, "content/news/2026-11-01-olimpiades.md");
  REQUIRE(news != nullptr);
  CHECK(news->kind == PageKind::kNews);
  CHECK(news->date == date("2026-11-01"));  // from the file name
  CHECK(news->slug == "2026-11-01-olimpiades");
  CHECK(news->tags == std::vector<std::string>{"olimpiādes", "matemātika"});
  CHECK(news->summary == "Jaunumi");  // `description` stands in for `summary`
  CHECK_FALSE(news->draft);

  const Page* dated = find_page(b.model, "content/news/dated.md");
  REQUIRE(dated != nullptr);
  CHECK(dated->date == date("2026-10-15"));
  CHECK(dated->draft);
  CHECK(dated->body.empty());

  const Page* review = find_page(b.model, "content/municipalities/ventspils/review.md");
  REQUIRE(review != nullptr);
  CHECK(review->kind == PageKind::kReview);
  CHECK(review->municipality == "ventspils");
}

TEST_CASE("a page without a title") {
  Built b = build({{"content/about.md", "---\nslug: par\n---\nText\n"}});
  CHECK(b.diagnostics == R"(content/about.md:1:1: error: the page has no title
 1 | ---
   | ^
  hint: add `title: ...` to the front matter between the --- lines
)");
}

TEST_CASE("a page without front matter has no title either") {
  Built b = build({{"content/about.md", "# Par mums\n"}});
  CHECK(b.diagnostics == R"(content/about.md:1:1: error: the page has no title
 1 | # Par mums
   | ^
  hint: add `title: ...` to the front matter between the --- lines
)");
}

TEST_CASE("a news post without a date in its front matter or its file name") {
  Built b = build({{"content/news/olimpiades.md", "---\ntitle: Olimpiādes\n---\n"},
                   {"content/news/2026-02-30-x.md", "---\ntitle: X\n---\n"}});
  CHECK(b.diagnostics == R"(content/news/2026-02-30-x.md:1:1: error: the news post has no date
 1 | ---
   | ^
  hint: add `date: YYYY-MM-DD` to the front matter, or name the file YYYY-MM-DD-title.md
content/news/olimpiades.md:1:1: error: the news post has no date
 1 | ---
   | ^
  hint: add `date: YYYY-MM-DD` to the front matter, or name the file YYYY-MM-DD-title.md
)");
}

TEST_CASE("a date in front matter is checked like any date") {
  Built b = build({{"content/news/x.md", "---\ntitle: X\ndate: 01.11.2026.\n---\n"}});
  CHECK(b.diagnostics == R"(content/news/x.md:3:7: error: invalid date "01.11.2026." in "date"
 3 | date: 01.11.2026.
   |       ^
  hint: data files write dates year first: 2026-11-01
)");
}

TEST_CASE("a review for an unknown municipality") {
  Built b = build(with_base({{"content/municipalities/ventspls/review.md", "Teksts\n"}}));
  CHECK(b.diagnostics ==
        "content/municipalities/ventspls/review.md: error: the review narrative is for an unknown "
        "municipality \"ventspls\" (did you mean \"ventspils\"?)\n"
        "  hint: the folder name must be a municipality id from data/municipalities.yaml\n");
}

TEST_CASE("other files under content/municipalities/ are ignored with a warning") {
  Built b = build(with_base({{"content/municipalities/ventspils/notes.md", "Teksts\n"},
                             {"content/municipalities/ventspils.md", "Teksts\n"}}));
  CHECK(b.errors == 0);
  CHECK(b.diagnostics ==
        "content/municipalities/ventspils.md: warning: ignored: municipality content must be "
        "content/municipalities/<id>/review.md\n"
        "content/municipalities/ventspils/notes.md: warning: ignored: municipality content must "
        "be content/municipalities/<id>/review.md\n");
  CHECK(b.model.pages.empty());
}

TEST_CASE("two pages with the same address") {
  Built b = build({{"content/about.md", "---\ntitle: Par\n---\n"},
                   {"content/par-mums.md", "---\ntitle: Par mums\nslug: about\n---\n"},
                   {"content/en/about.md", "---\ntitle: About\n---\n"}});
  CHECK(b.diagnostics ==
        "content/par-mums.md: error: two pages would have the same address "
        "/about/: content/about.md and content/par-mums.md\n"
        "  hint: give one of them another `slug:`\n");
}

TEST_CASE("a draft takes no address, whichever file comes first") {
  Built b = build({{"content/a.md", "---\ntitle: A\nslug: x\ndraft: true\n---\n"},
                   {"content/b.md", "---\ntitle: B\nslug: x\n---\n"},
                   {"content/c.md", "---\ntitle: C\nslug: x\ndraft: true\n---\n"}});
  CHECK(b.diagnostics.empty());
  CHECK(b.model.pages.size() == 3);
}

TEST_CASE("a page or news file name that cannot be an address") {
  Built b = build({{"content/Par mums.md", "---\ntitle: Par\n---\n"},
                   {"content/Kontakti.md", "---\ntitle: Kontakti\nslug: kontakti\n---\n"},
                   {"content/news/2026-11-01 Olimpiādes.md", "---\ntitle: O\n---\n"}});
  CHECK(b.diagnostics ==
        "content/Par mums.md: error: the file name \"Par mums\" cannot be used as a web address\n"
        "  hint: rename the file to \"par-mums.md\", or add `slug: par-mums` to the front matter\n"
        "content/news/2026-11-01 Olimpiādes.md: error: the file name \"2026-11-01 Olimpiādes\" "
        "cannot be used as a web address\n"
        "  hint: rename the file to \"2026-11-01-olimpiades.md\", or add `slug: "
        "2026-11-01-olimpiades` to the front matter\n");
}

TEST_CASE("a slug in front matter must be a slug") {
  Built b = build({{"content/about.md", "---\ntitle: Par\nslug: Par mums\n---\n"}});
  CHECK(
      b.diagnostics ==
      R"(content/about.md:3:7: error: "slug" "Par mums" is not a valid id: use only lower-case letters a-z, digits and "-"
 3 | slug: Par mums
   |       ^
  hint: for example "par-mums"
)");
}

TEST_CASE("unknown front-matter fields only warn") {
  Built b = build({{"content/about.md", "---\ntittle: Par\ntitle: Par\nlayout: wide\n---\n"}});
  CHECK(b.errors == 0);
  CHECK(
      b.diagnostics ==
      R"(content/about.md:2:1: warning: unknown front-matter field "tittle" is ignored (did you mean "title"?)
 2 | tittle: Par
   | ^
content/about.md:4:1: warning: unknown front-matter field "layout" is ignored
 4 | layout: wide
   | ^
)");
}

TEST_CASE("front matter that is not a map") {
  Built b = build({{"content/about.md", "---\n- title\n---\n"}});
  CHECK(
      b.diagnostics ==
      R"(content/about.md:2:1: error: the front matter must be a map of fields (key: value), not a list
 2 | - title
   | ^
  hint: write each field on its own line as `name: value`, or as {name: value, ...}
)");
  CHECK(b.model.pages.empty());
}

TEST_CASE("front matter with wrong types") {
  Built b = build(
      {{"content/news/2026-01-01-x.md", "---\ntitle: [X]\ntags: {a: b}\ndraft: maybe\n---\n"}});
  CHECK(b.diagnostics ==
        R"(content/news/2026-01-01-x.md:2:8: error: "title" must be a text, not a list
 2 | title: [X]
   |        ^
content/news/2026-01-01-x.md:3:7: error: "tags" must be a list, like [a, b], not a map
 3 | tags: {a: b}
   |       ^
content/news/2026-01-01-x.md:4:8: error: "draft" must be true or false, not "maybe"
 4 | draft: maybe
   |        ^
)");
}

TEST_CASE("unclosed front matter is reported once and the page is left out") {
  Built b = build({{"content/about.md", "---\ntitle: Par\n\nText\n"}});
  CHECK(b.diagnostics ==
        R"(content/about.md:1:1: error: the front matter that starts on line 1 is never closed
 1 | ---
   | ^
  hint: add a line with only --- after the title, date and other settings
)");
  CHECK(b.model.pages.empty());
}

TEST_CASE("a language folder that is not a site language is ignored with a warning") {
  Built b = build({{"content/ru/about.md", "---\ntitle: О нас\n---\n"}});
  CHECK(b.diagnostics ==
        "content/ru/about.md: warning: ignored: \"ru\" is not one of the site's "
        "languages\n"
        "  hint: add it to `languages` in site.yaml, or move the file\n");
  CHECK(b.model.pages.empty());
}

TEST_CASE("a page whose address is a built-in section or another language is an error") {
  Built b = build(with_base({
      {"content/dati.md", "---\ntitle: Dati\n---\nX\n"},
      {"content/about.md", "---\ntitle: Par\nslug: en\n---\nX\n"},
      {"content/en/iestades.md", "---\ntitle: Schools\n---\nX\n"},
      {"content/en/lv.md", "---\ntitle: Not taken\n---\nX\n"},  // /en/lv/: no language there
      {"content/news/birkas.md", "---\ntitle: Birkas\ndate: 2026-01-02\n---\nX\n"},
      {"content/news/x.md", "---\ntitle: Skaitlis\ndate: 2026-01-02\nslug: \"2\"\n---\nX\n"},
  }));
  CHECK(b.diagnostics ==
        R"(content/about.md:3:7: error: the address of this page, "en", is taken by the site's pages in "en"
 3 | slug: en
   |       ^
  hint: choose another `slug:`
content/dati.md:1:1: error: the address of this page, "dati", is taken by the site's own section /dati/
 1 | ---
   | ^
  hint: add `slug: ...` with another address to the front matter, or rename the file
content/en/iestades.md:1:1: error: the address of this page, "iestades", is taken by the site's own section /iestades/
 1 | ---
   | ^
  hint: add `slug: ...` with another address to the front matter, or rename the file
content/news/birkas.md:1:1: error: the address of this page, "birkas", is taken by the news tags' pages
 1 | ---
   | ^
  hint: add `slug: ...` with another address to the front matter, or rename the file
content/news/x.md:4:7: error: the address of this page, "2", is taken by the pages of the news list (jaunumi/2/, jaunumi/3/, ...)
 4 | slug: "2"
   |       ^
  hint: choose another `slug:`
)");
}

}  // namespace
}  // namespace metodika::model
