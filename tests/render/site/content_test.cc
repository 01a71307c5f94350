// generator/render/site/pages_content.cc: news pages and feed, the about-the-data page, search.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/site/site.h"
#include "rules/results.h"

namespace metodika::render::site {
namespace {

// Output path to bytes, copied out of the sink (which cannot move).
using Files = std::map<std::string, std::string>;

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

// The test site rendered into memory, after `change` has edited its model.
Files render(const std::function<void(model::Model&)>& change = {}) {
  util::MemorySink out;
  diag::Diagnostics diags;
  auto sources = load::load_site(kSite, load::LoadOptions{}, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  if (change) change(m);
  rules::Results results = rules::compute(m);
  load::Theme theme = load::load_theme(kSite, m.site.theme, m.site.languages, diags);
  render_site(m, results, theme, out, diags);
  REQUIRE_FALSE(diags.has_errors());
  return out.files();
}

// Adds `n` Latvian news posts dated 1..n November 2026, and one draft.
void add_news(model::Model& m, int n) {
  for (int i = 1; i <= n + 1; ++i) {
    model::Page p;
    p.kind = model::PageKind::kNews;
    p.lang = "lv";
    p.slug = "zina-" + std::to_string(i);
    p.source = "content/news/" + p.slug + ".md";
    p.title = (i > n ? "Melnraksts " : "Ziņa ") + std::to_string(i);
    p.date = util::Date{2026, 11, std::min(i, 28)};
    p.tags = {"Pārbaude"};
    p.summary = "Kopsavilkums " + std::to_string(i);
    p.draft = i > n;
    m.pages.push_back(p);
  }
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("news is paginated ten to a page with prev/next links and page N of M") {
  auto out = render([](model::Model& m) { add_news(m, 23); });  // 23 + the site's 2 = 25
  const Files& files = out;
  REQUIRE(files.count("jaunumi/index.html") == 1);
  REQUIRE(files.count("jaunumi/2/index.html") == 1);
  REQUIRE(files.count("jaunumi/3/index.html") == 1);
  CHECK(files.count("jaunumi/4/index.html") == 0);
  const auto& first = files.at("jaunumi/index.html");
  CHECK(first.find("1. lapa no 3") != std::string::npos);
  CHECK(first.find("href=\"/jaunumi/2/\" rel=\"next\"") != std::string::npos);
  CHECK(first.find("rel=\"prev\"") == std::string::npos);
  const auto& second = files.at("jaunumi/2/index.html");
  CHECK(second.find("href=\"/jaunumi/\" rel=\"prev\"") != std::string::npos);
  CHECK(second.find("href=\"/jaunumi/3/\" rel=\"next\"") != std::string::npos);
  CHECK(count(first, "class=\"news-title\"") == 10);
  CHECK(count(files.at("jaunumi/3/index.html"), "class=\"news-title\"") == 5);
  // Drafts appear nowhere: no page, no list, no tag page, no feed, no sitemap, no search.
  CHECK(files.count("jaunumi/zina-24/index.html") == 0);
  for (const auto& [path, text] : files) {
    CHECK_MESSAGE(text.find("Melnraksts") == std::string::npos, path);
    CHECK_MESSAGE(text.find("zina-24/") == std::string::npos, path);
  }
  const auto& tag = files.at("jaunumi/birkas/parbaude/index.html");
  CHECK(count(tag, "class=\"news-title\"") == 23);
  CHECK(files.at("jaunumi/zina-1/index.html").find("href=\"/jaunumi/birkas/parbaude/\"") !=
        std::string::npos);
}

TEST_CASE("the Atom feed is XML with one entry per published post, per language") {
  auto out = render([](model::Model& m) { add_news(m, 3); });
  const Files& files = out;
  REQUIRE(files.count("jaunumi/atom.xml") == 1);
  REQUIRE(files.count("en/jaunumi/atom.xml") == 1);
  const std::string& feed = files.at("jaunumi/atom.xml");
  CHECK(feed.starts_with("<?xml"));
  CHECK(feed.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") != std::string::npos);
  CHECK(count(feed, "<entry>") == 5);  // the site's 2 posts and 3 added; not the draft
  CHECK(count(feed, "<entry>") == count(feed, "</entry>"));
  CHECK(feed.find("</feed>") != std::string::npos);
  // Well-formed enough for a reader: every element opened is closed, in order.
  std::regex tag(R"(<(/?)([A-Za-z:]+)[^>]*?(/?)>)");
  std::vector<std::string> open;
  bool nested = true;
  for (std::sregex_iterator it(feed.begin(), feed.end(), tag), end; it != end; ++it) {
    if ((*it)[3].length() > 0) continue;  // <empty/>
    if ((*it)[1].length() == 0) {
      open.push_back((*it)[2]);
    } else if (open.empty() || open.back() != (*it)[2].str()) {
      nested = false;
    } else {
      open.pop_back();
    }
  }
  CHECK(nested);
  CHECK(open.empty());
  const auto& news = files.at("jaunumi/index.html");
  CHECK(news.find("type=\"application/atom+xml\" title=") != std::string::npos);
  CHECK(news.find("<a href=\"/jaunumi/atom.xml\"") != std::string::npos);
  CHECK(files.at("en/index.html").find("href=\"/en/jaunumi/atom.xml\"") != std::string::npos);
}

TEST_CASE("the about-the-data page renders the rules of site.yaml, formatted Latvian style") {
  auto out = render();
  const Files& files = out;
  REQUIRE(files.count("par-datiem/index.html") == 1);
  REQUIRE(files.count("en/par-datiem/index.html") == 1);
  const auto& lv = files.at("par-datiem/index.html");
  for (std::string_view s :
       {"01.08.2020.", "31.07.2025.", "01.08.2025.", "31.07.2029.", ">40%<", ">50%<", "36 stundas",
        "3 gadu", "mazāk nekā 3 ", "45 dienas", "data/municipalities.json"}) {
    CHECK_MESSAGE(lv.find(std::string(s)) != std::string::npos, s);
  }
  CHECK(lv.find("data/private") == std::string::npos);
  CHECK(lv.find("href=\"/par-datiem/\" aria-current") != std::string::npos);
  CHECK(files.at("en/par-datiem/index.html").find("01/08/2025") != std::string::npos);
}

TEST_CASE("the search index is valid JSON of public pages and the page loads the script") {
  auto out = render();
  const Files& files = out;
  for (std::string lang_prefix : {"", "en/"}) {
    REQUIRE(files.count(lang_prefix + "meklet/index.json") == 1);
    auto index = nlohmann::json::parse(files.at(lang_prefix + "meklet/index.json"));
    // {"k": [kind names], "e": [[title, url, kind number, text], …]}
    REQUIRE(index.at("k").is_array());
    REQUIRE(index.at("e").is_array());
    CHECK(index.at("e").size() > 10);
    std::set<std::string> kinds;
    for (const auto& e : index.at("e")) {
      REQUIRE(e.size() == 4);
      CHECK(e[0].is_string());
      std::string url = e[1].get<std::string>();
      REQUIRE(url.starts_with("/"));
      std::string fragment;
      if (size_t hash = url.find('#'); hash != std::string::npos) {
        fragment = url.substr(hash + 1);
        url.resize(hash);
      }
      const std::string file = url.substr(1) + (url.ends_with("/") ? "index.html" : "");
      REQUIRE_MESSAGE(files.count(file) == 1, "the index links to a missing " << url);
      if (!fragment.empty()) {
        CHECK_MESSAGE(files.at(file).find("id=\"" + fragment + "\"") != std::string::npos,
                      "no #" << fragment << " on " << url);
      }
      REQUIRE(e[2].get<size_t>() < index.at("k").size());
      kinds.insert(index.at("k")[e[2].get<size_t>()].get<std::string>());
      CHECK(e[3].is_string());
    }
    // Every list a citizen searches: olympiads, events and materials too (issue 21).
    CHECK(kinds.size() >= 7);
    CHECK(kinds.count(lang_prefix.empty() ? "Olimpiāde" : "Olympiad") == 1);
    CHECK(kinds.count(lang_prefix.empty() ? "Pasākums" : "Event") == 1);
    CHECK(kinds.count(lang_prefix.empty() ? "Metodiskais materiāls" : "Methodological material") ==
          1);
  }
  // No name from data/private/ reaches the index (or any other file).
  std::ifstream priv(kSite + "/data/private/teachers/kuldigas-novads.yaml");
  std::regex name_line(R"(^\s*-?\s*name:\s*(.+?)\s*$)");
  size_t names = 0;
  for (std::string line; std::getline(priv, line);) {
    std::smatch nm;
    if (!std::regex_match(line, nm, name_line)) continue;
    ++names;
    for (const auto& [path, text] : files) {
      CHECK_MESSAGE(text.find(nm[1].str()) == std::string::npos, path << " names " << nm[1]);
    }
  }
  CHECK(names >= 5);
  const std::string& lv = files.at("meklet/index.json");
  CHECK(lv.find("Metodiķu forums Rīgā") != std::string::npos);
  const auto& page = files.at("meklet/index.html");
  CHECK(page.find("<label for=\"meklet-q\">") != std::string::npos);
  CHECK(page.find("aria-live=\"polite\"") != std::string::npos);
  CHECK(page.find("<noscript>") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(page, m,
                            std::regex(R"re(<script src="/(static/search\.[0-9a-f]+\.js)")re")));
  CHECK(files.count(m[1].str()) == 1);
}

TEST_CASE("every language has an accessibility statement linked from its footer (issue 21)") {
  // kurzeme-json has no accessibility.md: the theme's statement is written in both languages.
  const Files files = render();
  REQUIRE(files.count("pieklustamiba/index.html") == 1);
  REQUIRE(files.count("en/pieklustamiba/index.html") == 1);
  const std::string& en = files.at("en/pieklustamiba/index.html");
  CHECK(en.find("<h1>Accessibility statement</h1>") != std::string::npos);
  CHECK(en.find("WCAG 2.1 level AA") != std::string::npos);
  CHECK(en.find("href=\"mailto:") != std::string::npos);
  CHECK(files.at("en/index.html").find("<a href=\"/en/pieklustamiba/\">Accessibility statement</a>") !=
        std::string::npos);
  // The language switch leads to the same page, and from an untranslated post to the news list.
  CHECK(files.at("pieklustamiba/index.html").find("class=\"lang-switch\" href=\"/en/pieklustamiba/\"") !=
        std::string::npos);
  CHECK(files.at("jaunumi/olimpiazu-kalendars/index.html")
            .find("class=\"lang-switch\" href=\"/en/jaunumi/\"") != std::string::npos);
}

TEST_CASE("a site's own accessibility.md keeps its address; only a language without one gets the theme's") {
  // The bundled site's statement has the slug pieklustamiba: a clean build wrote the theme's
  // statement over it (e2e_rebuild caught it).
  const Files files = render([](model::Model& m) {
    model::Page p;
    p.kind = model::PageKind::kPage;
    p.lang = m.site.default_language();
    p.slug = "pieklustamiba";
    p.source = "content/accessibility.md";
    p.title = "Mūsu paziņojums";
    p.body = "Teksts.";
    m.pages.push_back(p);
  });
  CHECK(files.at("pieklustamiba/index.html").find("<h1>Mūsu paziņojums</h1>") != std::string::npos);
  CHECK(files.at("en/pieklustamiba/index.html").find("<h1>Accessibility statement</h1>") !=
        std::string::npos);
}

}  // namespace
}  // namespace metodika::render::site
