// generator/render/site: the site of a whole test site, rendered into memory.
#include "render/site/site.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <regex>
#include <set>

#include "load/site_sources.h"
#include "load/theme.h"
#include "model/build.h"
#include "render/site/context.h"
#include "rules/results.h"
#include "util/fs.h"

namespace metodika::render::site {
namespace {

struct Rendered {
  util::MemorySink out;
  SiteStats stats;
  std::string diagnostics;
};

std::unique_ptr<Rendered> render(const std::string& site_dir) {
  auto r = std::make_unique<Rendered>();
  diag::Diagnostics diags;
  load::LoadOptions lo;
  auto sources = load::load_site(site_dir, lo, diags);
  model::Model m = model::build_model(sources, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  rules::Results results = rules::compute(m);
  load::Theme theme = load::load_theme(site_dir, m.site.theme, m.site.languages, diags);
  r->stats = render_site(m, results, theme, r->out, diags);
  r->diagnostics = diags.format(false);
  return r;
}

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

TEST_CASE("what a piece of the site produced reads back from the build cache's text") {
  SiteContext::Produced p;
  p.pages = 3;
  p.files = 7;
  p.sitemap = {"https://x.lv/a/", "https://x.lv/odd\tname\nwith\\escapes/"};
  p.data_files.push_back({"lv", "ventspils", "Ventspils valstspilsēta", "iestades", "Iestādes",
                          "", "dati/ventspils/iestades.csv", "dati/ventspils/iestades.json"});
  p.data_files.push_back({"en", "latvija", "Tab\there", "t", "T", "Line\nbreak", "a.csv", "a.json"});
  SiteContext::Produced back;
  back.sitemap = {"left over"};
  REQUIRE(back.from_text(p.to_text()));
  CHECK(back.pages == 3);
  CHECK(back.files == 7);
  CHECK(back.sitemap == p.sitemap);
  REQUIRE(back.data_files.size() == 2);
  CHECK(back.data_files[0].dataset_title == "Ventspils valstspilsēta");
  CHECK(back.data_files[0].description.empty());
  CHECK(back.data_files[1].dataset_title == "Tab\there");
  CHECK(back.data_files[1].description == "Line\nbreak");
  CHECK(back.data_files[1].json_rel == "a.json");

  SiteContext::Produced empty;
  REQUIRE(back.from_text(empty.to_text()));
  CHECK(back.sitemap.empty());
  CHECK(back.data_files.empty());
  // What another version wrote, or a cut one, is refused: the piece is rendered again.
  const std::string text = p.to_text();
  CHECK_FALSE(back.from_text(text.substr(0, text.size() - 1)));
  CHECK_FALSE(back.from_text("{\"pages\":1}"));
  CHECK_FALSE(back.from_text(""));
  CHECK_FALSE(back.from_text("N\t1\tx\n"));
  CHECK_FALSE(back.from_text("N\t1\t2\nD\ta\tb\n"));
}

TEST_CASE("every page of the test site is written, in both languages, with lang set") {
  auto r = render(kSite);
  const auto& files = r->out.files();
  for (std::string_view page : {"index.html", "en/index.html", "pasvaldibas/index.html",
                                "en/pasvaldibas/index.html", "metodiki/index.html",
                                "olimpiades/index.html", "materiali/index.html",
                                "pasakumi/index.html", "iestades/index.html", "404.html",
                                "en/404.html", "sitemap.xml", "robots.txt"}) {
    CHECK_MESSAGE(files.count(std::string(page)) == 1, page);
  }
  CHECK(files.at("index.html").find("<html lang=\"lv\">") != std::string::npos);
  CHECK(files.at("en/index.html").find("<html lang=\"en\">") != std::string::npos);
  CHECK(r->stats.pages >= 18);
}

TEST_CASE("every internal link and asset of every page resolves to a written file") {
  auto r = render(kSite);
  const auto& files = r->out.files();
  std::regex link(R"re((?:href|src)="(/[^"#]*)(#[^"]*)?")re");
  size_t checked = 0;
  for (const auto& [path, text] : files) {
    if (!path.ends_with(".html")) continue;
    for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
      std::string target = (*it)[1].str().substr(1);  // base path is "/"
      if (target.empty() || target.back() == '/') target += "index.html";
      CHECK_MESSAGE(files.count(target) == 1, path << " links to a missing " << target);
      ++checked;
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("the home page shows the headline figures formatted and the sitemap lists every page") {
  auto r = render(kSite);
  const auto& home = r->out.files().at("index.html");
  CHECK(home.find("class=\"figures\"") != std::string::npos);
  const auto& sitemap = r->out.files().at("sitemap.xml");
  size_t html_pages = 0;
  for (const auto& [path, text] : r->out.files()) {
    if (path.ends_with("index.html")) {
      ++html_pages;
      CHECK_MESSAGE(sitemap.find(path.substr(0, path.size() - 10) + "</loc>") != std::string::npos,
                    path);
    }
  }
  CHECK(html_pages > 0);
}

TEST_CASE("a site's templates/partials/head_extra adds its lines to the end of every page's head") {
  // The theme's hook renders nothing: every head ends with the theme's own lines.
  auto plain = render(kSite);
  size_t pages = 0;
  for (const auto& [path, text] : plain->out.files()) {
    if (!path.ends_with(".html")) continue;
    ++pages;
    CHECK_MESSAGE(text.find("\">\n</head>") != std::string::npos, path);
  }
  CHECK(pages >= 18);

  const std::filesystem::path copy = std::filesystem::temp_directory_path() /
                                     ("metodika-head-extra-" + std::to_string(::getpid()));
  std::filesystem::remove_all(copy);
  std::filesystem::copy(kSite, copy, std::filesystem::copy_options::recursive);
  util::write_file(copy / "templates/partials/head_extra.mustache",
                   "<meta name=\"robots\" content=\"noindex\">\n");
  auto own = render(copy.string());
  std::filesystem::remove_all(copy);
  for (const auto& [path, text] : own->out.files()) {
    if (!path.ends_with(".html")) continue;
    CHECK_MESSAGE(text.find("<meta name=\"robots\" content=\"noindex\">\n</head>") !=
                      std::string::npos,
                  path);
    // Only the head changed.
    std::string expected = plain->out.files().at(path);
    expected.insert(expected.find("</head>"), "<meta name=\"robots\" content=\"noindex\">\n");
    CHECK_MESSAGE(text == expected, path);
  }
}

TEST_CASE("the stylesheet has a content-hashed name and is linked from the pages") {
  auto r = render(kSite);
  std::string css;
  for (const auto& [path, text] : r->out.files()) {
    if (path.starts_with("static/style.") && path.ends_with(".css")) css = path;
  }
  REQUIRE_FALSE(css.empty());
  CHECK(r->out.files().at("index.html").find("href=\"/" + css + "\"") != std::string::npos);
}

TEST_CASE("no private name or id reaches any file") {
  auto r = render(kSite);
  std::set<std::string> secrets;
  diag::Diagnostics diags;
  auto sources = load::load_site(kSite, {}, diags);
  for (const auto& doc : sources.docs(load::DataSlot::kPrivateTeachers)) {
    REQUIRE(doc.root);
    for (const auto& t : doc.root->items) {
      if (const auto* id = t.get("id")) secrets.insert(id->value);
      if (const auto* name = t.get("name")) secrets.insert(name->value);
    }
  }
  REQUIRE(secrets.size() >= 4);
  for (const auto& [path, text] : r->out.files()) {
    for (const auto& s : secrets) CHECK_MESSAGE(text.find(s) == std::string::npos, path << ": " << s);
  }
}

}  // namespace
}  // namespace metodika::render::site
