// site.yaml (DATA-MODEL.md section 2) and the "as of" date.
#include <doctest/doctest.h>

#include <string>

#include "model/build.h"
#include "site_fixture.h"

namespace metodika::model {
namespace {

using testing::build;
using testing::Built;
using testing::date;
using testing::kSiteYaml;

/// kSiteYaml (6 lines) followed by `more`, which therefore starts on line 7.
std::string site_with(std::string_view more) { return std::string(kSiteYaml) + std::string(more); }

TEST_CASE("a minimal site.yaml gives the defaults of DATA-MODEL.md section 2") {
  Built b = build({});
  CHECK(b.diagnostics.empty());
  const Site& s = b.model.site;
  CHECK(s.title.in("lv") == "Atbalsts");
  CHECK(s.title.in("en") == "Support");
  CHECK(s.base_url == "https://atbalsts.example.lv/");
  CHECK(s.languages == std::vector<std::string>{"lv", "en"});
  CHECK(s.default_language() == "lv");
  CHECK(s.as_of == date("2026-11-22"));
  CHECK(s.review_from == 2022);
  CHECK(s.review_to == 2025);
  CHECK(s.theme == "default");
  CHECK(s.publisher.name == "VISC");
  CHECK(s.publisher.email == "info@example.lv");
  CHECK_FALSE(s.raw_html);
  CHECK(s.pos == Pos{"site.yaml", 1, 1});
  const Rules& r = s.rules;
  REQUIRE(r.ce_index.size() == 2);
  CHECK(r.ce_index[0].from == date("2020-08-01"));
  CHECK(r.ce_index[0].to == date("2025-07-31"));
  CHECK(r.ce_index[0].method == CeMethod::kMean);
  CHECK(r.ce_index[0].threshold == 40);
  CHECK(r.ce_index[1].from == date("2025-08-01"));
  CHECK(r.ce_index[1].method == CeMethod::kMin);
  CHECK(r.ce_index[1].threshold == 50);
  CHECK(r.pd_hours == 36);
  CHECK(r.pd_years == 3);
  CHECK(r.methodologist_time[WorkCategory::kSchools] == 40);
  CHECK(r.methodologist_time.total() == 100);
  CHECK(r.observations_per_teacher == 2);
  CHECK(r.small_cell == 5);
  CHECK(r.due_soon_days == 30);
}

TEST_CASE("the site's untitled digest leaves out the title and nothing else") {
  auto digest = [](std::string_view site) {
    return build({{"site.yaml", std::string(site)}}).model.site.untitled_digest;
  };
  const uint64_t base = digest(kSiteYaml);
  CHECK(base != 0);
  std::string titled(kSiteYaml);
  titled.replace(titled.find("Atbalsts"), 8, "Atbalsta sistēma");
  CHECK(digest(titled) == base);
  std::string published(kSiteYaml);
  published.replace(published.find("VISC"), 4, "IZM");
  CHECK(digest(published) != base);
  CHECK(digest(site_with("rules: {small_cell: 7}\n")) != base);
  CHECK(digest(site_with("theme: zemgale\n")) != base);
}

TEST_CASE("rules given in site.yaml replace the defaults") {
  Built b = build({{"site.yaml", site_with(R"(theme: zemgale
markdown: {raw_html: true}
rules:
  ce_index:
    - {from: 2025-08-01, to: 2029-07-31, method: min, threshold: 50}
    - {from: 2020-08-01, to: 2025-07-31, method: mean, threshold: 40}
  pd: {hours: 40, years: 4}
  methodologist_time: {state: 25, teachers: 25, schools: 25, data: 25}
  observations_per_teacher: 3
  small_cell: 10
  due_soon_days: 14
)")}});
  CHECK(b.diagnostics.empty());
  const Rules& r = b.model.site.rules;
  REQUIRE(r.ce_index.size() == 2);
  CHECK(r.ce_index[0].from == date("2020-08-01"));  // sorted by start
  CHECK(r.ce_index[0].pos == Pos{"site.yaml", 12, 7});
  CHECK(r.ce_index[1].method == CeMethod::kMin);
  CHECK(r.pd_hours == 40);
  CHECK(r.pd_years == 4);
  CHECK(r.methodologist_time[WorkCategory::kState] == 25);
  CHECK(r.observations_per_teacher == 3);
  CHECK(r.small_cell == 10);
  CHECK(r.due_soon_days == 14);
  CHECK(b.model.site.theme == "zemgale");
  CHECK(b.model.site.raw_html);
}

TEST_CASE("a base_url without the final slash gets one") {
  Built b = build({{"site.yaml", R"(title: T
base_url: https://atbalsts.example.lv/lv
languages: [lv]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics.empty());
  CHECK(b.model.site.base_url == "https://atbalsts.example.lv/lv/");
  CHECK(b.model.site.languages == std::vector<std::string>{"lv"});
}

TEST_CASE("overlapping exam-index rules") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  ce_index:
    - {from: 2020-08-01, to: 2025-07-31, method: mean, threshold: 40}
    - {from: 2025-06-01, to: 2029-07-31, method: min, threshold: 50}
)")}});
  CHECK(
      b.diagnostics ==
      R"(site.yaml:10:7: error: this exam-index rule (from 2025-06-01) overlaps the one in force until 2025-07-31
 10 |     - {from: 2025-06-01, to: 2029-07-31, method: min, threshold: 50}
    |       ^
  hint: the periods of the rules must not overlap: start it on 2025-08-01 or later
)");
}

TEST_CASE("an exam-index rule with an unknown method and a threshold over 100") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  ce_index:
    - {from: 2025-08-01, to: 2025-07-31, method: fewest, threshold: 140}
)")}});
  CHECK(b.errors == 2);
  CHECK(b.diagnostics == R"(site.yaml:9:50: error: unknown method "fewest"
 9 |     - {from: 2025-08-01, to: 2025-07-31, method: fewest, threshold: 140}
   |                                                  ^
  hint: use one of: mean, min
site.yaml:9:69: error: "threshold" is 140, but it must be between 0 and 100
 9 |     - {from: 2025-08-01, to: 2025-07-31, method: fewest, threshold: 140}
   |                                                                     ^
)");
}

TEST_CASE("an exam-index rule that ends before it starts") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  ce_index:
    - {from: 2025-08-01, to: 2025-07-31, method: min, threshold: 50}
)")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:9:30: error: the rule ends (2025-07-31) before it starts (2025-08-01)
 9 |     - {from: 2025-08-01, to: 2025-07-31, method: min, threshold: 50}
   |                              ^
)");
}

TEST_CASE("the methodologist time norm must add up to 100") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  methodologist_time: {state: 20, teachers: 20, schools: 40, data: 19.5}
)")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:8:23: error: the methodologist time norm adds up to 99.5%, not 100%
 8 |   methodologist_time: {state: 20, teachers: 20, schools: 40, data: 19.5}
   |                       ^
  hint: the four shares (state, teachers, schools, data) must add up to 100
)");
  CHECK(b.model.site.rules.methodologist_time[WorkCategory::kData] == 20);  // the default stays
}

TEST_CASE("the methodologist time norm needs all four categories, and only those") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  methodologist_time:
    state: 20
    teachers: 20
    school: 40
    data: 20
)")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:9:5: error: missing required field "schools" in rules.methodologist_time
 9 |     state: 20
   |     ^
  hint: add `schools: ...` to this entry
site.yaml:11:5: error: unknown field "school" in rules.methodologist_time (did you mean "schools"?)
 11 |     school: 40
    |     ^
  hint: the fields of rules.methodologist_time are: state, teachers, schools, data
)");
}

TEST_CASE("unknown fields and out-of-range numbers in rules") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  small_cells: 3
  pd: {hours: 0, years: 3}
  due_soon_days: -1
)")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:8:3: error: unknown field "small_cells" in rules (did you mean "small_cell"?)
 8 |   small_cells: 3
   |   ^
  hint: the fields of rules are: ce_index, pd, methodologist_time, observations_per_teacher, small_cell, due_soon_days
site.yaml:9:15: error: "hours" is 0, but it must be between 1 and 10000
 9 |   pd: {hours: 0, years: 3}
   |               ^
site.yaml:10:18: error: "due_soon_days" is -1, but it must be between 0 and 3650
 10 |   due_soon_days: -1
    |                  ^
)");
}

TEST_CASE("each number in rules has its range") {
  Built b = build({{"site.yaml", site_with(R"(rules:
  pd: {hours: 10001, years: 51}
  observations_per_teacher: 101
  small_cell: 0
)")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:8:15: error: "hours" is 10001, but it must be between 1 and 10000
 8 |   pd: {hours: 10001, years: 51}
   |               ^
site.yaml:8:29: error: "years" is 51, but it must be between 1 and 50
 8 |   pd: {hours: 10001, years: 51}
   |                             ^
site.yaml:9:29: error: "observations_per_teacher" is 101, but it must be between 1 and 100
 9 |   observations_per_teacher: 101
   |                             ^
site.yaml:10:15: error: "small_cell" is 0, but it must be between 1 and 1000
 10 |   small_cell: 0
    |               ^
)");
  CHECK(b.model.site.rules.pd_hours == 36);  // the defaults stay
  CHECK(b.model.site.rules.small_cell == 5);
}

TEST_CASE("an unknown field of site.yaml") {
  Built b = build({{"site.yaml", site_with("languagess: [lv]\n")}});
  CHECK(b.diagnostics ==
        R"(site.yaml:7:1: error: unknown field "languagess" in site.yaml (did you mean "languages"?)
 7 | languagess: [lv]
   | ^
  hint: the fields of site.yaml are: title, base_url, languages, as_of, review, theme, publisher, rules, markdown
)");
}

TEST_CASE("languages must be distinct two-letter codes") {
  Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv, eng, lv]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics == R"(site.yaml:3:17: error: "eng" is not a two-letter language code
 3 | languages: [lv, eng, lv]
   |                 ^
  hint: use ISO 639-1 codes such as lv, en, ru
site.yaml:3:22: error: the language "lv" is listed twice
 3 | languages: [lv, eng, lv]
   |                      ^
)");
}

TEST_CASE("a site without languages") {
  Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: []
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics == R"(site.yaml:3:12: error: the site needs at least one language
 3 | languages: []
   |            ^
  hint: write languages: [lv, en]
)");
}

TEST_CASE("missing required fields of site.yaml are all reported") {
  Built b = build({{"site.yaml", "title: Atbalsts\nas_of: 2026-11-22\n"}});
  CHECK(b.errors == 4);
  CHECK(b.diagnostics == R"(site.yaml:1:1: error: missing required field "base_url" in site.yaml
 1 | title: Atbalsts
   | ^
  hint: add `base_url: ...` to this entry
site.yaml:1:1: error: missing required field "languages" in site.yaml
 1 | title: Atbalsts
   | ^
  hint: add `languages: ...` to this entry
site.yaml:1:1: error: missing required field "publisher" in site.yaml
 1 | title: Atbalsts
   | ^
  hint: add `publisher: ...` to this entry
site.yaml:1:1: error: missing required field "review" in site.yaml
 1 | title: Atbalsts
   | ^
  hint: add `review: ...` to this entry
)");
  // Without `languages`, the site falls back to Latvian and English.
  CHECK(b.model.site.languages == std::vector<std::string>{"lv", "en"});
}

TEST_CASE("base_url must be absolute") {
  Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: atbalsts.example.lv
languages: [lv]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics ==
        R"(site.yaml:2:11: error: base_url "atbalsts.example.lv" is not an absolute address
 2 | base_url: atbalsts.example.lv
   |           ^
  hint: write the full address of the published site, e.g. https://atbalsts.example.lv/
)");
}

TEST_CASE("the review period") {
  SUBCASE("ends before it starts") {
    Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv]
as_of: 2026-11-22
review: {from: 2025, to: 2022}
publisher: {name: VISC}
)"}});
    CHECK(b.diagnostics ==
          R"(site.yaml:5:26: error: the review period ends (2022) before it starts (2025)
 5 | review: {from: 2025, to: 2022}
   |                          ^
)");
  }
  SUBCASE("a year that is not a school year") {
    Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv]
as_of: 2026-11-22
review: {from: 2021/2022, to: 2025}
publisher: {name: VISC}
)"}});
    CHECK(b.diagnostics == R"(site.yaml:5:16: error: invalid school year "2021/2022" in "from"
 5 | review: {from: 2021/2022, to: 2025}
   |                ^
  hint: a school year is written as the year in which it ends: 2025 for 2024/2025
)");
  }
}

TEST_CASE("theme, publisher and markdown settings are checked") {
  Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
theme: Mūsu Tēma
publisher: {email: info@example.lv}
markdown: {raw_html: maybe}
)"}});
  CHECK(
      b.diagnostics ==
      R"(site.yaml:6:8: error: "theme" "Mūsu Tēma" is not a valid id: use only lower-case letters a-z, digits and "-"
 6 | theme: Mūsu Tēma
   |        ^
  hint: for example "musu-tema"
site.yaml:7:12: error: missing required field "name" in publisher
 7 | publisher: {email: info@example.lv}
   |            ^
  hint: add `name: ...` to this entry
site.yaml:8:22: error: "raw_html" must be true or false, not "maybe"
 8 | markdown: {raw_html: maybe}
   |                      ^
)");
}

TEST_CASE("site.yaml that is not a map") {
  Built b = build({{"site.yaml", "- title\n"}});
  CHECK(b.diagnostics ==
        R"(site.yaml:1:1: error: site.yaml must be a map of fields (key: value), not a list
 1 | - title
   | ^
  hint: write each field on its own line as `name: value`, or as {name: value, ...}
site.yaml:1:1: error: the build has no "as of" date
 1 | - title
   | ^
  hint: add `as_of: YYYY-MM-DD` to site.yaml, pass --as-of, or set SOURCE_DATE_EPOCH
)");
}

// ---------------------------------------------------------------- texts in several languages

TEST_CASE("a missing translation is a warning, and the default language fills it") {
  Built b = build({{"site.yaml", R"(title: {lv: Atbalsts}
base_url: https://atbalsts.example.lv/
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.errors == 0);
  CHECK(b.warnings == 1);
  CHECK(b.diagnostics == R"(site.yaml:1:8: warning: no en text for "title"; the lv text is used
 1 | title: {lv: Atbalsts}
   |        ^
  hint: add `en: ...` to translate it
)");
  CHECK(b.model.site.title.in("en") == "Atbalsts");
  CHECK(b.model.site.title.by_lang.size() == 2);
}

TEST_CASE("without the default language, the first given text fills the others") {
  Built b = build({{"site.yaml", R"(title: {en: Support}
base_url: https://atbalsts.example.lv/
languages: [lv, en, ru]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics == R"(site.yaml:1:8: warning: no lv text for "title"; the en text is used
 1 | title: {en: Support}
   |        ^
  hint: add `lv: ...` to translate it
site.yaml:1:8: warning: no ru text for "title"; the en text is used
 1 | title: {en: Support}
   |        ^
  hint: add `ru: ...` to translate it
)");
  CHECK(b.model.site.title.in("lv") == "Support");
  CHECK(b.model.site.title.in("ru") == "Support");
}

TEST_CASE("an unknown language key in a text") {
  Built b = build({{"site.yaml", R"(title: {lv: Atbalsts, eng: Support}
base_url: https://atbalsts.example.lv/
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.diagnostics ==
        R"(site.yaml:1:23: error: unknown language "eng" in "title" (did you mean "en"?)
 1 | title: {lv: Atbalsts, eng: Support}
   |                       ^
  hint: the site's languages (site.yaml `languages`) are: lv, en
)");
}

TEST_CASE("a text that is a list") {
  Built b = build({{"site.yaml", R"(title: [Atbalsts, Support]
base_url: https://atbalsts.example.lv/
languages: [lv, en]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(
      b.diagnostics ==
      R"(site.yaml:1:8: error: "title" must be a text, or a map of texts by language like {lv: ..., en: ...}, not a list
 1 | title: [Atbalsts, Support]
   |        ^
)");
}

// ---------------------------------------------------------------- the "as of" date

constexpr const char* kSiteWithoutAsOf = R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv]
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)";

TEST_CASE("--as-of overrides site.yaml") {
  BuildOptions options;
  options.as_of_override = date("2025-01-15");
  options.as_of_fallback = date("2024-01-01");
  Built b = build({}, options);
  CHECK(b.diagnostics.empty());
  CHECK(b.model.site.as_of == date("2025-01-15"));
}

TEST_CASE("SOURCE_DATE_EPOCH's date is used only when site.yaml has no as_of") {
  BuildOptions options;
  options.as_of_fallback = date("2024-01-01");
  CHECK(build({}, options).model.site.as_of == date("2026-11-22"));
  Built b = build({{"site.yaml", kSiteWithoutAsOf}}, options);
  CHECK(b.diagnostics.empty());
  CHECK(b.model.site.as_of == date("2024-01-01"));
}

TEST_CASE("--as-of also stands in for a missing as_of") {
  BuildOptions options;
  options.as_of_override = date("2025-01-15");
  Built b = build({{"site.yaml", kSiteWithoutAsOf}}, options);
  CHECK(b.diagnostics.empty());
  CHECK(b.model.site.as_of == date("2025-01-15"));
}

TEST_CASE("no as_of anywhere is an error") {
  Built b = build({{"site.yaml", kSiteWithoutAsOf}});
  CHECK(b.diagnostics == R"(site.yaml:1:1: error: the build has no "as of" date
 1 | title: Atbalsts
   | ^
  hint: add `as_of: YYYY-MM-DD` to site.yaml, pass --as-of, or set SOURCE_DATE_EPOCH
)");
}

TEST_CASE("an as_of in the Latvian form") {
  Built b = build({{"site.yaml", R"(title: Atbalsts
base_url: https://atbalsts.example.lv/
languages: [lv]
as_of: 22.11.2026.
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  // Only the date is reported, not also a missing "as of" date.
  CHECK(b.diagnostics == R"(site.yaml:4:8: error: invalid date "22.11.2026." in "as_of"
 4 | as_of: 22.11.2026.
   |        ^
  hint: data files write dates year first: 2026-11-22
)");
}

TEST_CASE("a translation into a language the site does not publish is ignored with a warning") {
  Built b = build({{"site.yaml", R"(title: {lv: Atbalsts, en: Support}
base_url: https://atbalsts.example.lv/
languages: [lv]
as_of: 2026-11-22
review: {from: 2022, to: 2025}
publisher: {name: VISC}
)"}});
  CHECK(b.errors == 0);
  CHECK(b.diagnostics ==
        R"(site.yaml:1:23: warning: the "en" text of "title" is ignored: it is not one of the site's languages
 1 | title: {lv: Atbalsts, en: Support}
   |                       ^
  hint: the site's languages (site.yaml `languages`) are: lv
)");
  CHECK(b.model.site.title.in("lv") == "Atbalsts");
}

}  // namespace
}  // namespace metodika::model
