// Who and where: municipalities, institutions, methodologists.
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

void write_municipalities(SiteContext& c) {
  std::vector<size_t> counts(c.model().municipalities.size());
  for (const auto& in : c.model().institutions) ++counts[in.municipality_index];
  Data regions(Data::type::list);
  for (const auto& [region_name, region] : model::kRegions) {
    std::vector<std::pair<std::string, size_t>> members;
    for (size_t i = 0; i < c.model().municipalities.size(); ++i) {
      if (c.model().municipalities[i].region == region) {
        members.emplace_back(c.collator().sort_key(c.model().municipalities[i].name.in(c.lang())),
                             i);
      }
    }
    if (members.empty()) continue;
    std::sort(members.begin(), members.end());
    Data list(Data::type::list);
    for (const auto& [key, i] : members) {
      Data mu(Data::type::object);
      mu.set("name", c.model().municipalities[i].name.in(c.lang()));
      mu.set("institutions", util::format_int(static_cast<int64_t>(counts[i]), c.lang()));
      list.push_back(mu);
    }
    Data r(Data::type::object);
    r.set("id", std::string(region_name));
    r.set("name", c.t("region." + std::string(region_name)));
    r.set("municipalities", list);
    regions.push_back(r);
  }
  Data body(Data::type::object);
  body.set("regions", regions);
  c.emit("pasvaldibas/", c.t("municipalities.title"), "municipalities", body);
}

void write_institutions(SiteContext& c) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& in : c.model().institutions) {
    items.emplace_back(in.name.in(c.lang()),
                       c.model().municipalities[in.municipality_index].name.in(c.lang()));
  }
  c.list_page("iestades/", "institutions", std::move(items), true);
}

void write_methodologists(SiteContext& c) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& me : c.model().methodologists) {
    std::string subjects;
    for (const auto& s : me.subjects) {
      const model::Subject* subj = c.model().find_subject(s);
      subjects += (subjects.empty() ? "" : ", ") + (subj ? subj->name.in(c.lang()) : s);
    }
    items.emplace_back(me.name, subjects);
  }
  c.list_page("metodiki/", "methodologists", std::move(items), true);
}

}  // namespace metodika::render::site
