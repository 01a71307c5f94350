// generator/render/common/inputs.cc: an edit changes the digests of what reads it, and of
// nothing else (the incremental build re-renders exactly those outputs).
#include "render/common/inputs.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "load/site_sources.h"
#include "model/build.h"

namespace metodika::render {
namespace {

const std::string kSite = std::string(METODIKA_TEST_DIR) + "/sites/valid/kurzeme-json";

struct Fixture {
  model::Model model;
  rules::Results results;
  load::Theme theme;

  Fixture() {
    diag::Diagnostics diags;
    auto sources = load::load_site(kSite, {}, diags);
    model = model::build_model(sources, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    results = rules::compute(model);
    theme.templates["page"] = "{{content}}";
  }
  InputDigests digests() const { return input_digests(model, results, theme, 1); }
};

// Indexes where two digest lists differ.
std::vector<size_t> changed(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t> out;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) out.push_back(i);
  }
  return out;
}

TEST_CASE("the same model gives the same digests; entries carry digests of their source") {
  Fixture f;
  const InputDigests a = f.digests(), b = f.digests();
  CHECK(a.global == b.global);
  CHECK(a.institution == b.institution);
  CHECK(a.municipality == b.municipality);
  for (const auto& in : f.model.institutions) CHECK(in.digest != 0);
  for (const auto& r : f.model.metrics) CHECK(r.digest != 0);
  CHECK(f.model.site.untitled_digest != 0);
  CHECK(f.model.private_digest != 0);
}

TEST_CASE("an institution's entry: its page and its municipality's outputs, not the others") {
  Fixture f;
  const InputDigests before = f.digests();
  const size_t i = 0;
  const size_t mi = f.model.institutions[i].municipality_index;
  f.model.institutions[i].digest ^= 1;
  const InputDigests after = f.digests();
  CHECK(changed(before.institution, after.institution) == std::vector<size_t>{i});
  CHECK(changed(before.municipality, after.municipality) == std::vector<size_t>{mi});
  CHECK(before.institutions != after.institutions);
  CHECK(before.everything != after.everything);
  CHECK(before.global == after.global);
  CHECK(before.pages == after.pages);
  CHECK(before.events == after.events);
}

TEST_CASE("a metric record: its school's page and its municipality's outputs") {
  Fixture f;
  const InputDigests before = f.digests();
  const auto& rec = f.model.metrics.front();
  const size_t school = rec.school_index;
  f.model.metrics.front().digest ^= 1;
  const InputDigests after = f.digests();
  CHECK(changed(before.institution, after.institution) == std::vector<size_t>{school});
  CHECK(changed(before.municipality, after.municipality) ==
        std::vector<size_t>{f.model.institutions[school].municipality_index});
  CHECK(before.everything != after.everything);
}

TEST_CASE("an olympiad result: its school and municipality, not the olympiad's other schools") {
  Fixture f;
  // An olympiad with results from schools of several municipalities.
  size_t o = f.model.olympiads.size();
  for (size_t k = 0; k < f.model.olympiads.size(); ++k) {
    if (f.model.olympiads[k].results.size() >= 3) o = k;
  }
  REQUIRE(o < f.model.olympiads.size());
  auto school_of = [&](size_t r) {
    return f.model.institution_index.at(f.model.olympiads[o].results[r].school);
  };
  const size_t a = school_of(0), b = school_of(1);
  const size_t ma = f.model.institutions[a].municipality_index;
  REQUIRE(ma != f.model.institutions[b].municipality_index);
  const InputDigests before = f.digests();

  // One school's counts: that school and its municipality only.
  f.model.olympiads[o].results[0].digest ^= 1;
  f.model.olympiads[o].digest ^= 1;  // the whole entry changed too
  InputDigests after = f.digests();
  CHECK(changed(before.institution, after.institution) == std::vector<size_t>{a});
  CHECK(changed(before.municipality, after.municipality) == std::vector<size_t>{ma});
  CHECK(before.municipalities != after.municipalities);  // the national annex
  CHECK(before.olympiads != after.olympiads);  // the calendar shows every result

  // The olympiad's own fields (title, date): every school that took part.
  f.model.olympiads[o].head_digest ^= 1;
  after = f.digests();
  std::set<size_t> schools, municipalities;
  for (const auto& r : f.model.olympiads[o].results) {
    schools.insert(f.model.institution_index.at(r.school));
    municipalities.insert(
        f.model.institutions[f.model.institution_index.at(r.school)].municipality_index);
  }
  const auto took_part = changed(before.institution, after.institution);
  CHECK(std::set<size_t>(took_part.begin(), took_part.end()) == schools);
  const auto theirs = changed(before.municipality, after.municipality);
  CHECK(std::set<size_t>(theirs.begin(), theirs.end()) == municipalities);
}

TEST_CASE("a national mean that moves reaches every institution page") {
  Fixture f;
  const InputDigests before = f.digests();
  REQUIRE_FALSE(f.results.ce_summary.national.empty());
  f.results.ce_summary.national.begin()->second.mean += 1;
  const InputDigests after = f.digests();
  CHECK(changed(before.institution, after.institution).size() == f.model.institutions.size());
  CHECK(changed(before.municipality, after.municipality).size() == f.model.municipalities.size());
}

TEST_CASE("a private aggregate reaches its school and municipality; the records do not") {
  Fixture f;
  const InputDigests before = f.digests();
  REQUIRE_FALSE(f.results.school_pd.empty());
  const size_t school = f.results.school_pd.front().school_index;
  f.results.school_pd.front().teachers += 1;
  const InputDigests after = f.digests();
  CHECK(changed(before.institution, after.institution) == std::vector<size_t>{school});
  // Only the digest of the whole private data changes `everything` (site-wide summaries).
  CHECK(before.everything == after.everything);
  f.model.private_digest ^= 1;
  CHECK(f.digests().everything != after.everything);
}

TEST_CASE("a news post: the content pages, not the directory") {
  Fixture f;
  const InputDigests before = f.digests();
  for (auto& p : f.model.pages) {
    if (p.kind == model::PageKind::kNews) {
      p.digest ^= 1;
      break;
    }
  }
  const InputDigests after = f.digests();
  CHECK(before.pages != after.pages);
  CHECK(before.everything != after.everything);
  CHECK(before.institution == after.institution);
  CHECK(before.municipality == after.municipality);
  CHECK(before.global == after.global);
}

TEST_CASE("the site-wide summaries follow what they show, not every edit") {
  Fixture f;
  const InputDigests before = f.digests();
  REQUIRE_FALSE(f.model.methodologists.empty());
  // A methodologist's entry (say, a phone): the search index shows names; the home page only
  // how many there are.
  f.model.methodologists.front().digest ^= 1;
  InputDigests after = f.digests();
  CHECK(before.search != after.search);
  CHECK(before.home == after.home);
  CHECK(before.municipality_list == after.municipality_list);
  CHECK(before.about_data == after.about_data);
  f.model.methodologists.front().digest ^= 1;

  // A metric record: none of them (the national figures are on other pages).
  f.model.metrics.front().digest ^= 1;
  after = f.digests();
  CHECK(before.home == after.home);
  CHECK(before.search == after.search);
  CHECK(before.municipality_list == after.municipality_list);
  CHECK(before.about_data == after.about_data);
  f.model.metrics.front().digest ^= 1;

  // One more methodologist: the home page's count changes.
  f.model.methodologists.push_back(f.model.methodologists.front());
  CHECK(f.digests().home != before.home);
  f.model.methodologists.pop_back();

  // An institution: the list of municipalities counts them, search names them. The calendars
  // and the methodologists' lists show its name only: another field leaves them.
  f.model.institutions.front().digest ^= 1;
  after = f.digests();
  CHECK(before.municipality_list != after.municipality_list);
  CHECK(before.search != after.search);
  CHECK(before.institution_names == after.institution_names);
  f.model.institutions.front().digest ^= 1;
  f.model.institutions.front().name.by_lang[f.model.site.default_language()] += " (jauns)";
  CHECK(f.digests().institution_names != before.institution_names);
  f.model.institutions.front().id += "-2";  // its page, and so its link, moves
  CHECK(f.digests().institution_names != before.institution_names);

  // Entries moved to a new file: "about the data" lists the files.
  f.model.events.front().pos.file = "data/events-2027.yaml";
  after = f.digests();
  CHECK(before.about_data != after.about_data);
  CHECK(public_source_files(f.model).contains("data/events-2027.yaml"));
  for (const std::string& file : public_source_files(f.model)) {
    CHECK_FALSE(file.starts_with("data/private"));
  }
}

TEST_CASE("site.yaml, the theme and the compiler reach everything") {
  Fixture f;
  const InputDigests before = f.digests();
  f.theme.templates["page"] = "<main>{{content}}</main>";
  const InputDigests themed = f.digests();
  CHECK(themed.global != before.global);
  CHECK(changed(before.institution, themed.institution).size() == f.model.institutions.size());
  CHECK(input_digests(f.model, f.results, f.theme, 2).global != themed.global);
  f.model.site.untitled_digest ^= 1;
  CHECK(f.digests().global != themed.global);
}

TEST_CASE("the site's title reaches its language's pages, not the documents") {
  Fixture f;
  REQUIRE(f.model.site.languages.size() == 2);
  const InputDigests before = f.digests();
  REQUIRE(before.title.size() == 2);
  CHECK(before.title[0] != before.title[1]);
  // A new Latvian title: the Latvian pages' title digest, nothing that the documents read.
  f.model.site.title.by_lang[f.model.site.languages[0]] += " (jauns)";
  const InputDigests titled = f.digests();
  CHECK(titled.title[0] != before.title[0]);
  CHECK(titled.title[1] == before.title[1]);
  CHECK(titled.global == before.global);
  CHECK(titled.municipality == before.municipality);
  CHECK(titled.municipalities == before.municipalities);
  CHECK(titled.everything != before.everything);

  // A language without a title of its own shows the default language's: it follows that one.
  f.model.site.title.by_lang.erase(f.model.site.languages[1]);
  const InputDigests fallback = f.digests();
  f.model.site.title.by_lang[f.model.site.languages[0]] += "!";
  CHECK(f.digests().title[1] != fallback.title[1]);

  // Any other key of site.yaml reaches every page and document.
  f.model.site.untitled_digest ^= 1;
  const InputDigests other = f.digests();
  CHECK(changed(titled.municipality, other.municipality).size() == f.model.municipalities.size());
  CHECK(other.municipalities != titled.municipalities);

  // A municipality's own inputs reach its documents and the national annex, not the others'.
  f.model.site.untitled_digest ^= 1;
  const size_t mi = f.model.institutions[0].municipality_index;
  f.model.institutions[0].digest ^= 1;
  const InputDigests school = f.digests();
  CHECK(changed(titled.municipality, school.municipality) == std::vector<size_t>{mi});
  CHECK(school.municipalities != titled.municipalities);
}

}  // namespace
}  // namespace metodika::render
