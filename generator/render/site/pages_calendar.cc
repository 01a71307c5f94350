// When: olympiads, material deadlines, professional development events.
#include <algorithm>
#include <string>
#include <vector>

#include "render/common/markdown.h"
#include "render/site/pages.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"

namespace metodika::render::site {

using model::Page;
using model::PageKind;

void write_olympiads(SiteContext& c) {
  std::vector<const model::Olympiad*> sorted;
  for (const auto& o : c.model().olympiads) sorted.push_back(&o);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto* o : sorted) {
    const model::Subject* s = c.model().find_subject(o->subject);
    std::string label =
        o->title.empty() ? (s ? s->name.in(c.lang()) : o->subject) : o->title.in(c.lang());
    items.emplace_back(label, util::format_date_numeric(o->start, c.lang()));
  }
  c.list_page("olimpiades/", "olympiads", std::move(items), false);
}

void write_materials(SiteContext& c) {
  std::vector<std::pair<std::string, std::string>> items;
  for (size_t i = 0; i < c.model().materials.size(); ++i) {
    items.emplace_back(c.model().materials[i].title.in(c.lang()),
                       util::format_date_numeric(c.model().materials[i].deadline, c.lang()));
  }
  c.list_page("materiali/", "materials", std::move(items), false);
}

void write_events(SiteContext& c) {
  std::vector<const model::Event*> sorted;
  for (const auto& e : c.model().events) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto* e : sorted) {
    items.emplace_back(e->title.in(c.lang()), util::format_date_numeric(e->start.date, c.lang()));
  }
  c.list_page("pasakumi/", "events", std::move(items), false);
}

}  // namespace metodika::render::site
