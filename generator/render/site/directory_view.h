// Small pieces shared by the municipality and institution pages (pages_directory.cc,
// pages_municipality.cc, pages_institution.cc): addresses, enum labels and table rows that both
// show the same way.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "render/site/context.h"

namespace metodika::render::site::directory {

/// "pasvaldibas/<id>/" and "iestades/<id>/", the pages of issue 4.
[[nodiscard]] std::string municipality_rel(const model::Municipality& m);
[[nodiscard]] std::string institution_rel(const model::Institution& in);

/// The translated name of an institution kind ("Vidusskola").
[[nodiscard]] std::string kind_label(const SiteContext& c, model::InstitutionKind kind);

/// A number or "—" when absent.
[[nodiscard]] std::string int_or_dash(const SiteContext& c, std::optional<int> v);

/// An olympiad's title, derived from its subject when it has none.
[[nodiscard]] std::string olympiad_label(const SiteContext& c, const model::Olympiad& o);

/// Olympiad results of the schools for which `include(school_index)` holds, as template rows
/// (olympiad, date, school with link, participants, places), by date then olympiad id.
template <typename Pred>
Data olympiad_rows(const SiteContext& c, Pred include);

/// Sets `key` to `list` and `has_<key>` to whether it has rows, so that a template can write a
/// section's heading once around the rows.
void set_list(Data& body, const std::string& key, Data list);

/// One olympiad result row.
[[nodiscard]] Data olympiad_row(const SiteContext& c, const model::Olympiad& o,
                                const model::OlympiadResult& r);

template <typename Pred>
Data olympiad_rows(const SiteContext& c, Pred include) {
  std::vector<const model::Olympiad*> sorted;
  for (const auto& o : c.model().olympiads) sorted.push_back(&o);
  std::sort(sorted.begin(), sorted.end(),
            [](auto* a, auto* b) { return std::tie(a->start, a->id) < std::tie(b->start, b->id); });
  Data rows(Data::type::list);
  for (const auto* o : sorted) {
    for (const auto& r : o->results) {
      auto it = c.model().institution_index.find(r.school);
      if (it != c.model().institution_index.end() && include(it->second)) {
        rows.push_back(olympiad_row(c, *o, r));
      }
    }
  }
  return rows;
}

}  // namespace metodika::render::site::directory
