// The page writers of the site, one group per file; each writes its pages in the context's
// current language.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "render/site/context.h"
#include "util/date.h"

namespace metodika::render::site {

void write_home(SiteContext& c);            // pages_home.cc
void write_municipalities(SiteContext& c);  // pages_directory.cc
void write_institutions(SiteContext& c);
void write_municipality_pages(SiteContext& c);  // pages_municipality.cc
void write_institution_pages(SiteContext& c);   // pages_institution.cc
void write_review_pages(SiteContext& c);        // pages_review.cc
inline void write_municipality_and_review(SiteContext& c) {
  write_municipality_pages(c);
  write_review_pages(c);
}
void write_methodologists(SiteContext& c);
/// The page of a municipality's methodologists, "metodiki/pasvaldibas/<id>/", or of the state's
/// ("metodiki/valsts/") for null (pages_methodologists.cc).
[[nodiscard]] std::string methodologists_rel(const model::Municipality* mu);
/// Where a methodologist is listed: their list page and "#m-<id>".
[[nodiscard]] std::string methodologist_rel(const model::Model& m, const model::Methodologist& me);
void write_olympiads(SiteContext& c);  // pages_calendar.cc
void write_materials(SiteContext& c);
void write_events(SiteContext& c);
void write_content_pages(SiteContext& c);  // pages_content.cc
void write_news(SiteContext& c);
void write_about_data(SiteContext& c);  // pages_content.cc
void write_search(SiteContext& c);
void write_not_found(SiteContext& c);
void write_open_data(SiteContext& c);       // pages_data.cc: /dati/, national tables
void write_data_catalogue(SiteContext& c);  // /dati/katalogs.jsonld (DCAT-AP), every language

/// The national workbook parskati/latvija-<from>-<to>.xlsx, when the build writes the annexes;
/// empty otherwise (pages_data.cc). Linked from the home page and /dati/.
[[nodiscard]] std::string national_workbook_url(const SiteContext& c);

/// "2024-2025": the school year ending in `end_year` (util::school_year_of) in the addresses of
/// the calendar archives.
[[nodiscard]] std::string school_year_slug(int end_year);
/// The page that lists an olympiad: "olimpiades/" for the school year of `as_of` and later,
/// "olimpiades/2024-2025/" for an earlier one (pages_calendar.cc). The item's id is its anchor.
[[nodiscard]] std::string olympiad_page_rel(const model::Olympiad& o, util::Date as_of);
/// The page that lists each event of `m` (by index): "pasakumi/" while it is upcoming; once
/// past, the archive of its school year, newest first, kEventsPerPage a page:
/// "pasakumi/2025-2026/", "pasakumi/2025-2026/2/", … (a past year's pages no longer change).
[[nodiscard]] std::vector<std::string> event_page_rels(const model::Model& m);
inline constexpr size_t kEventsPerPage = 150;

}  // namespace metodika::render::site
