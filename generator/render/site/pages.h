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
void write_comparison(SiteContext& c);      // pages_comparison.cc: /pasvaldibas/salidzinajums/
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
/// The page that lists each olympiad of `m` (by index): for the school year of `as_of` and
/// later "olimpiades/", "olimpiades/2/", …; for an earlier one "olimpiades/2024-2025/",
/// "olimpiades/2024-2025/2/", …, in date order kOlympiadsPerPage a page (pages_calendar.cc).
/// The item's id is its anchor.
[[nodiscard]] std::vector<std::string> olympiad_page_rels(const model::Model& m,
                                                        int current_school_year);
/// ~900 px an olympiad at 360 px: 30 keep a page under 40,000 px (issue 21).
inline constexpr size_t kOlympiadsPerPage = 30;
/// The page that lists each event of `m` (by index): while it is upcoming "pasakumi/",
/// "pasakumi/2/", … in date order; once past, the archive of its school year, newest first:
/// "pasakumi/2025-2026/", "pasakumi/2025-2026/2/", … (a past year's pages no longer change);
/// kEventsPerPage a page.
[[nodiscard]] std::vector<std::string> event_page_rels(const model::Model& m,
                                                     const rules::Results& r);
/// ~600 px an event at 360 px: 150 a page were 90,191 px tall, 50 stay under 40,000 (issue 21).
inline constexpr size_t kEventsPerPage = 50;

}  // namespace metodika::render::site
