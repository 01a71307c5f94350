// The page writers of the site, one group per file; each writes its pages in the context's
// current language.
#pragma once

#include "render/site/context.h"

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

}  // namespace metodika::render::site
