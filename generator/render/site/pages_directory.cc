// Who and where: municipalities, institutions, methodologists.
#include <algorithm>
#include <string>
#include <vector>

#include "render/common/markdown.h"
#include "render/site/directory_view.h"
#include "render/site/pages.h"
#include "rules/upcoming.h"
#include "util/collate.h"
#include "util/format.h"
#include "util/text.h"

namespace metodika::render::site {

using model::Page;
using model::PageKind;

namespace directory {

std::string municipality_rel(const model::Municipality& m) { return "pasvaldibas/" + m.id + "/"; }
std::string institution_rel(const model::Institution& in) { return "iestades/" + in.id + "/"; }

std::string kind_label(const SiteContext& c, model::InstitutionKind kind) {
  return c.t("directory.kind." + std::string(model::enum_name(model::kInstitutionKinds, kind)));
}

std::vector<FilterChoice> kind_choice(const SiteContext& c, size_t mi, const Table& table) {
  int column = -1;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key == "kind") column = static_cast<int>(i);
  }
  if (column < 0) return {};
  FilterChoice f{"kind", c.t("directory.kind_label"), {}, column, {}};
  for (const auto& [key, kind] : model::kInstitutionKinds) {
    for (const auto& in : c.model().institutions) {
      if (in.municipality_index == mi && in.kind == kind) {
        f.options.push_back({std::string(key), kind_label(c, kind), {}});
        break;
      }
    }
  }
  return {std::move(f)};
}

void set_phone(Data& d, const std::string& phone) {
  if (phone.empty()) return;
  std::string tel, shown;
  for (char ch : phone) {
    if (ch == ' ') {
      shown.append("\u00A0");
    } else {
      tel += ch;
      shown += ch;
    }
  }
  d.set("phone", shown);
  d.set("tel", tel);
}

void set_list(Data& body, const std::string& key, Data list) {
  body.set("has_" + key,
           list.is_non_empty_list() ? Data(Data::type::bool_true) : Data(Data::type::bool_false));
  put(body, key, std::move(list));
}

}  // namespace directory

void write_municipalities(SiteContext& c) {
  // Each municipality's institutions as the rules count them (rules/figures.h).
  const auto& figures = c.results().municipalities;
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
      mu.set("url",
             c.urls().page(c.lang(), directory::municipality_rel(c.model().municipalities[i])));
      const int64_t count = figures[i].area.institutions;
      mu.set("institutions", util::format_int(count, c.lang()));
      // The count with its noun in agreement ("21 iestāde", "5 iestādes").
      mu.set("institutions_text",
             util::format_count(count,
                                c.t("municipalities.institution_one"),
                                c.t("municipalities.institutions"), c.lang()));
      append(list, std::move(mu));
    }
    Data r(Data::type::object);
    r.set("id", std::string(region_name));
    r.set("name", c.t("region." + std::string(region_name)));
    put(r, "municipalities", std::move(list));
    append(regions, std::move(r));
  }
  Data body(Data::type::object);
  put(body, "regions", std::move(regions));
  body.set("comparison_url", c.urls().page(c.lang(), "pasvaldibas/salidzinajums/"));
  c.emit("pasvaldibas/", c.t("municipalities.title"), "municipalities", std::move(body));
}

// /iestades/: the municipalities in Latvian order, each with its number of institutions and a
// link to its list, pasvaldibas/<id>/iestades/ (pages_municipality.cc). All 1,305 names on one
// page were 212 KB and 82,534 px tall on a phone (issue 21).
void write_institutions(SiteContext& c) {
  const auto& m = c.model();
  std::vector<size_t> counts(m.municipalities.size());
  for (const auto& in : m.institutions) ++counts[in.municipality_index];
  std::vector<std::pair<std::string, size_t>> munis;
  for (size_t i = 0; i < m.municipalities.size(); ++i) {
    if (counts[i] == 0) continue;
    munis.emplace_back(c.collator().sort_key(m.municipalities[i].name.in(c.lang())) + '\x01' +
                           m.municipalities[i].id,
                       i);
  }
  std::sort(munis.begin(), munis.end());
  Data groups(Data::type::list);
  for (const auto& [key, mi] : munis) {
    Data g(Data::type::object);
    g.set("id", m.municipalities[mi].id);
    g.set("name", m.municipalities[mi].name.in(c.lang()));
    g.set("url", c.urls().page(c.lang(),
                               directory::municipality_rel(m.municipalities[mi]) + "iestades/"));
    g.set("count", util::format_count(static_cast<int64_t>(counts[mi]),
                                      c.t("municipalities.institution_one"),
                                      c.t("municipalities.institutions"), c.lang()));
    append(groups, std::move(g));
  }
  Data body(Data::type::object);
  put(body, "groups", std::move(groups));
  body.set("intro", util::fill(c.t("directory.institutions_intro"), "n",
                               util::format_int(static_cast<int64_t>(m.institutions.size()),
                                                c.lang())));
  c.emit("iestades/", c.t("nav.institutions"), "institution_index", std::move(body));
}

}  // namespace metodika::render::site
