#include "render/common/markdown.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <thread>
#include <vector>

namespace metodika::render {
namespace {

std::string html(std::string_view markdown, const MarkdownOptions& options = {}) {
  return render_markdown(markdown, options).html;
}

MarkdownOptions raw() {
  MarkdownOptions options;
  options.raw_html = true;
  return options;
}

MarkdownOptions offset(int heading_offset) {
  MarkdownOptions options;
  options.heading_offset = heading_offset;
  return options;
}

TEST_CASE("paragraphs, emphasis, line breaks and lists") {
  CHECK(html("Pirmā rindkopa.\n\nOtrā rindkopa,\nturpinājums.\n") ==
        "<p>Pirmā rindkopa.</p>\n<p>Otrā rindkopa,\nturpinājums.</p>\n");
  CHECK(html("*slīpi*, **trekni** un `kods`") ==
        "<p><em>slīpi</em>, <strong>trekni</strong> un <code>kods</code></p>\n");
  CHECK(html("- viens\n- divi\n") == "<ul>\n<li>viens</li>\n<li>divi</li>\n</ul>\n");
  CHECK(html("```\na < b\n```\n") == "<pre><code>a &lt; b\n</code></pre>\n");
}

TEST_CASE("quotes stay as typed: no smart punctuation") {
  CHECK(html("„Sveiki“ -- \"pēdiņas\" ... 'vienas'") ==
        "<p>„Sveiki“ -- &quot;pēdiņas&quot; ... 'vienas'</p>\n");
}

TEST_CASE("links") {
  CHECK(html("[VISC](https://www.visc.gov.lv/ \"Centrs\")") ==
        "<p><a href=\"https://www.visc.gov.lv/\" title=\"Centrs\">VISC</a></p>\n");
  CHECK(html("[nolikums](/olimpiades/fizika.html#termini)") ==
        "<p><a href=\"/olimpiades/fizika.html#termini\">nolikums</a></p>\n");
  CHECK(html("<info@example.lv>") ==
        "<p><a href=\"mailto:info@example.lv\">info@example.lv</a></p>\n");
}

TEST_CASE("autolinks without angle brackets") {
  CHECK(html("Skat. www.example.lv un https://example.lv/a?b=1.") ==
        "<p>Skat. <a href=\"http://www.example.lv\">www.example.lv</a> un "
        "<a href=\"https://example.lv/a?b=1\">https://example.lv/a?b=1</a>.</p>\n");
}

TEST_CASE("strikethrough takes two tildes; one tilde means 'about'") {
  CHECK(html("~~vecais~~ jaunais") == "<p><del>vecais</del> jaunais</p>\n");
  CHECK(html("~5 km un ~10 km") == "<p>~5 km un ~10 km</p>\n");
}

TEST_CASE("a GFM table gets scope=\"col\" on header cells and keeps alignment") {
  const std::string markdown =
      "| Skola | Dalībnieki | Vieta |\n"
      "|:------|-----------:|:-----:|\n"
      "| **Rīgas** 1. ģimnāzija | 12 | |\n"
      "| Cēsu \\| pilsētas | 3 | 2. |\n";
  CHECK(html(markdown) ==
        "<table>\n"
        "<thead>\n"
        "<tr>\n"
        "<th scope=\"col\" class=\"align-left\">Skola</th>\n"
        "<th scope=\"col\" class=\"align-right\">Dalībnieki</th>\n"
        "<th scope=\"col\" class=\"align-center\">Vieta</th>\n"
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr>\n"
        "<td class=\"align-left\"><strong>Rīgas</strong> 1. ģimnāzija</td>\n"
        "<td class=\"align-right\">12</td>\n"
        "<td class=\"align-center\"></td>\n"
        "</tr>\n"
        "<tr>\n"
        "<td class=\"align-left\">Cēsu | pilsētas</td>\n"
        "<td class=\"align-right\">3</td>\n"
        "<td class=\"align-center\">2.</td>\n"
        "</tr>\n"
        "</tbody>\n"
        "</table>\n");
  // A header-only table has no <tbody>, as cmark-gfm writes it; what follows is a paragraph.
  CHECK(html("| A | B |\n|---|---|\n\nTeksts") ==
        "<table>\n<thead>\n<tr>\n<th scope=\"col\">A</th>\n<th scope=\"col\">B</th>\n</tr>\n"
        "</thead>\n</table>\n<p>Teksts</p>\n");
}

TEST_CASE("with a table label, a GFM table sits in a labelled, keyboard-scrollable region") {
  MarkdownOptions options;
  options.table_label = "Tabula";
  CHECK(render_markdown("| A | B |\n|---|---|\n| 1 | 2 |\n", options).html ==
        "<section class=\"table-wrap\" aria-label=\"Tabula: A, B\" tabindex=\"0\">\n"
        "<table>\n<thead>\n<tr>\n<th scope=\"col\">A</th>\n<th scope=\"col\">B</th>\n</tr>\n"
        "</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</section>\n");
}

TEST_CASE("raw HTML is shown as text by default") {
  CHECK(html("<script>alert(1)</script>\n") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  CHECK(html("Teksts <script>alert(1)</script> beigas") ==
        "<p>Teksts &lt;script&gt;alert(1)&lt;/script&gt; beigas</p>\n");
  CHECK(html("<div>\n*ne Markdown*\n</div>\n\nPēc") ==
        "<p>&lt;div&gt;\n*ne Markdown*\n&lt;/div&gt;</p>\n<p>Pēc</p>\n");
  CHECK(html("- <b>x</b>\n") == "<ul>\n<li>&lt;b&gt;x&lt;/b&gt;</li>\n</ul>\n");
  CHECK(render_markdown("a <b>x</b>").plain_text == "a <b>x</b>");
}

TEST_CASE("raw HTML passes through with raw_html") {
  CHECK(html("<script>alert(1)</script>\n", raw()) == "<script>alert(1)</script>\n");
  CHECK(html("Teksts <script>alert(1)</script> beigas", raw()) ==
        "<p>Teksts <script>alert(1)</script> beigas</p>\n");
  CHECK(render_markdown("a <b>x</b>", raw()).plain_text == "a x");
}

TEST_CASE("script and data addresses never become links or images, in either mode") {
  for (const MarkdownOptions& options : {MarkdownOptions{}, raw()}) {
    CAPTURE(options.raw_html);
    CHECK(html("[x](javascript:alert(1))", options) == "<p>x</p>\n");
    CHECK(html("[x](JaVaScRiPt:alert(1))", options) == "<p>x</p>\n");
    CHECK(html("[x](&#106;avascript:alert(1))", options) == "<p>x</p>\n");
    CHECK(html("[x](<\tjavascript:alert(1)>)", options) == "<p>x</p>\n");
    CHECK(html("<javascript:alert(1)>", options) == "<p>javascript:alert(1)</p>\n");
    CHECK(html("[**x**](vbscript:msgbox)", options) == "<p><strong>x</strong></p>\n");
    CHECK(html("[x](data:text/html;base64,PHNjcmlwdD4=)", options) == "<p>x</p>\n");
    CHECK(html("[x](file:///etc/passwd)", options) == "<p>x</p>\n");
    CHECK(html("![attēls](data:image/png;base64,AAAA)", options) == "<p>attēls</p>\n");
    CHECK(html("[x]\n\n[x]: javascript:alert(1)", options) == "<p>x</p>\n");
    // Not schemes: a path with a colon after the first slash, and a fragment.
    CHECK(html("[x](/a/javascript:b)", options) == "<p><a href=\"/a/javascript:b\">x</a></p>\n");
    CHECK(html("[x](#javascript:b)", options) == "<p><a href=\"#javascript:b\">x</a></p>\n");
  }
}

TEST_CASE("headings get ids from their text, unique within the document") {
  const MarkdownResult result = render_markdown(
      "# Mūsu mērķis\n\n## Mērķi\n\n## Mērķi\n\n## Mērķi 2\n\n### *Ķekava* un `ŠŽ`\n\n"
      "## ★\n\n## Задачи\n");
  CHECK(result.html ==
        "<h1 id=\"musu-merkis\">Mūsu mērķis</h1>\n"
        "<h2 id=\"merki\">Mērķi</h2>\n"
        "<h2 id=\"merki-2\">Mērķi</h2>\n"
        "<h2 id=\"merki-2-2\">Mērķi 2</h2>\n"
        "<h3 id=\"kekava-un-sz\"><em>Ķekava</em> un <code>ŠŽ</code></h3>\n"
        "<h2 id=\"h\">★</h2>\n"
        "<h2 id=\"h-2\">Задачи</h2>\n");
  REQUIRE(result.headings.size() == 7);
  CHECK(result.headings[0].level == 1);
  CHECK(result.headings[0].text == "Mūsu mērķis");
  CHECK(result.headings[0].id == "musu-merkis");
  CHECK(result.headings[2].id == "merki-2");
  CHECK(result.headings[4].level == 3);
  CHECK(result.headings[4].text == "Ķekava un ŠŽ");
  CHECK(result.headings[4].id == "kekava-un-sz");
  CHECK(result.headings[6].text == "Задачи");
}

TEST_CASE("setext headings, headings in lists and quotes, escaped HTML in headings") {
  CHECK(html("Virsraksts\n==========\n") == "<h1 id=\"virsraksts\">Virsraksts</h1>\n");
  CHECK(html("> ## Citāts\n") == "<blockquote>\n<h2 id=\"citats\">Citāts</h2>\n</blockquote>\n");
  CHECK(html("- # Punkts\n") == "<ul>\n<li>\n<h1 id=\"punkts\">Punkts</h1>\n</li>\n</ul>\n");
  CHECK(html("## A <b>\n") == "<h2 id=\"a-b\">A &lt;b&gt;</h2>\n");
  CHECK(html("## A <b>\n", raw()) == "<h2 id=\"a\">A <b></h2>\n");
  CHECK(html("## [Saite](javascript:x)\n") == "<h2 id=\"saite\">Saite</h2>\n");
  CHECK(html("#\n") == "<h1 id=\"h\"></h1>\n");
}

TEST_CASE("heading_offset shifts levels and clamps them to 1..6") {
  CHECK(html("# Virsraksts\n\n###### Sīkāk\n", offset(1)) ==
        "<h2 id=\"virsraksts\">Virsraksts</h2>\n<h6 id=\"sikak\">Sīkāk</h6>\n");
  CHECK(html("### Trešais\n", offset(-5)) == "<h1 id=\"tresais\">Trešais</h1>\n");
  CHECK(html("# A\n", offset(std::numeric_limits<int>::max())) == "<h6 id=\"a\">A</h6>\n");
  CHECK(html("###### A\n", offset(std::numeric_limits<int>::min())) == "<h1 id=\"a\">A</h1>\n");
  const MarkdownResult result = render_markdown("# A\n\n## B\n", offset(1));
  REQUIRE(result.headings.size() == 2);
  CHECK(result.headings[0].level == 2);
  CHECK(result.headings[1].level == 3);
}

TEST_CASE("plain_text holds the text without markup, whitespace collapsed") {
  const MarkdownResult result = render_markdown(
      "# Mūsu  mērķis\n\nTeksts ar *uzsvaru*, Rī**ga** un `kodu`.\nJauna rinda  \nvēl.\n\n"
      "- viens\n- divi\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```\nx = 1\n  y\n```\n\n"
      "[saite](https://example.lv) ![attēls](a.png) ~~nē~~\n");
  CHECK(result.plain_text ==
        "Mūsu mērķis Teksts ar uzsvaru, Rīga un kodu. Jauna rinda vēl. viens divi A B 1 2 x = 1 y "
        "saite attēls nē");
  CHECK(render_markdown("  \n\n").plain_text.empty());
  CHECK(render_markdown("a\u00a0b").plain_text == "a\u00a0b");  // non-breaking space is kept
}

TEST_CASE("empty input") {
  const MarkdownResult result = render_markdown("");
  CHECK(result.html.empty());
  CHECK(result.headings.empty());
  CHECK(result.plain_text.empty());
}

TEST_CASE("invalid UTF-8 becomes U+FFFD") {
  CHECK(html("R\xEEga") == "<p>R\uFFFDga</p>\n");
  CHECK(html(std::string("a\0b", 3)) == "<p>a\uFFFDb</p>\n");
}

// A section touching every edit: headings, escaped HTML, a dangerous link, a table, autolinks.
const std::string kSection =
    "## Mērķi\n\nTeksts ar *uzsvaru*, ~~svītru~~, www.example.lv un https://example.lv/x.\n\n"
    "<div>HTML</div>\n\n[x](javascript:alert(1)) un [y](https://example.lv)\n\n"
    "| A | B |\n|---|--:|\n| 1 | 2 |\n\n- viens\n- divi\n\n";

TEST_CASE("a 1 MB document renders") {
  std::string markdown;
  size_t sections = 0;
  while (markdown.size() < (size_t{1} << 20)) {
    markdown += kSection;
    ++sections;
  }
  const MarkdownResult result = render_markdown(markdown);
  REQUIRE(result.headings.size() == sections);
  CHECK(result.headings[0].id == "merki");
  CHECK(result.headings[sections - 1].id == "merki-" + std::to_string(sections));
  CHECK(result.html.size() > markdown.size());
  CHECK(result.html.find("javascript") == std::string::npos);
  CHECK(result.html.find("<div>") == std::string::npos);
}

TEST_CASE("rendering from two threads at once gives the same result as from one") {
  // Strikethrough and autolinks are in the section because cmark-gfm switches their trigger
  // characters on and off globally around each parse.
  std::string markdown;
  for (int i = 0; i < 200; ++i) markdown += kSection;
  const MarkdownResult expected = render_markdown(markdown);
  REQUIRE(expected.html.find("<del>svītru</del>") != std::string::npos);
  REQUIRE(expected.html.find("<a href=\"http://www.example.lv\">") != std::string::npos);

  constexpr int kRounds = 20;
  std::vector<MarkdownResult> results[2];
  std::vector<std::thread> threads;
  for (auto& thread_results : results) {
    threads.emplace_back([&markdown, &thread_results] {
      for (int round = 0; round < kRounds; ++round) {
        thread_results.push_back(render_markdown(markdown));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& thread_results : results) {
    REQUIRE(thread_results.size() == kRounds);
    for (const MarkdownResult& result : thread_results) {
      CHECK(result.html == expected.html);
      CHECK(result.plain_text == expected.plain_text);
      CHECK(result.headings.size() == expected.headings.size());
    }
  }
}

}  // namespace
}  // namespace metodika::render

TEST_CASE("a heading id starts with a letter") {
  auto r = metodika::render::render_markdown("## 2025. gada plāns\n");
  REQUIRE(r.headings.size() == 1);
  CHECK(r.headings[0].id == "h-2025-gada-plans");
}
