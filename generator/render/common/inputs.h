// What each output is built from, as digests, for the incremental build (issue 7): an output
// whose inputs have the digest the last build recorded is byte for byte what a clean build would
// write again, so the build keeps it (util::WorkCache, publish/cache.h).
//
// The rule that keeps this correct: a digest covers everything its outputs read. Entities carry
// the digest of their own source entry (model::…::digest); rules' results are covered by the
// entities they are computed from, except the aggregates that cross entities (exam-index means,
// the development norm over private records), which are digested by value so that an edit to one
// school does not re-render every page that shows a national mean that did not move. When a
// renderer starts to read something new, its digest here must cover it; tests/e2e/run_incremental.sh
// compares incremental builds with clean ones after edits of every kind.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "load/theme.h"
#include "model/model.h"
#include "rules/results.h"

namespace metodika::render {

struct InputDigests {
  /// What every output reads: site.yaml but for the site's title (and --as-of), the theme,
  /// subjects, municipalities, which page is the accessibility statement, the build's options and
  /// the compiler itself (`salt`).
  uint64_t global = 0;
  /// Per site language (parallel to model.site.languages): the site's title as that language's
  /// pages show it. Every web page reads its language's; the PDF reviews and the annexes none, so
  /// a new title re-renders the pages of its language and no document.
  std::vector<uint64_t> title;
  /// Every input.
  uint64_t everything = 0;
  /// Site-wide pages that summarise several collections, each covering what its writer reads
  /// (render/site): the home page (its page and the news, upcoming olympiads, materials due, how
  /// many institutions and methodologists), the list of municipalities (with how many
  /// institutions each has), "about the data" (which public files hold entries) and search
  /// (the names of municipalities, institutions, methodologists and pages).
  uint64_t home = 0, municipality_list = 0, about_data = 0, search = 0;
  /// Every institution's id and name, with `global`: all that the olympiad and event calendars
  /// and the methodologists' lists show of them (a school's address or figures do not reach
  /// those pages).
  uint64_t institution_names = 0;
  /// Collections, each with `global`.
  uint64_t pages = 0, institutions = 0, methodologists = 0, olympiads = 0, materials = 0,
           events = 0;
  /// Per institution (parallel to model.institutions): its page and its open data.
  std::vector<uint64_t> institution;
  /// Per municipality (parallel to model.municipalities): its page, review (HTML, PDF) and annex.
  std::vector<uint64_t> municipality;
  /// Per municipality: its web pages (the municipality page and the review page), which show
  /// the nation's key figures beside its own: `municipality` and those figures.
  std::vector<uint64_t> municipality_page;
  /// Every municipality's, with every methodologist's: the national annex, made of their tables
  /// and the state-level methodologists.
  uint64_t municipalities = 0;
};

/// The public data files that hold at least one entry, sorted: "about the data" lists them.
[[nodiscard]] std::set<std::string> public_source_files(const model::Model& m);

/// `salt` stands for what the build depends on besides the site folder: the compiler's version
/// and the options that change what it writes.
[[nodiscard]] InputDigests input_digests(const model::Model& model, const rules::Results& results,
                                         const load::Theme& theme, uint64_t salt);

}  // namespace metodika::render
