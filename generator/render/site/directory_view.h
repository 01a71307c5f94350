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
#include "render/site/paging.h"

namespace metodika::render::site::directory {

/// "pasvaldibas/<id>/" and "iestades/<id>/", the pages of issue 4.
[[nodiscard]] std::string municipality_rel(const model::Municipality& m);
[[nodiscard]] std::string institution_rel(const model::Institution& in);

/// The translated name of an institution kind ("Vidusskola").
[[nodiscard]] std::string kind_label(const SiteContext& c, model::InstitutionKind kind);

/// The list filter's choice of institution kind over `table` (a municipality's institutions,
/// whose "kind" column names each row's kind): the kinds of municipality `mi`'s institutions,
/// in the data model's order. No choice (empty) when the table has no such column.
[[nodiscard]] std::vector<FilterChoice> kind_choice(const SiteContext& c, size_t mi,
                                                    const Table& table);

/// Sets "phone" (NO-BREAK SPACEs, so the number never wraps) and "tel" (no spaces, for the
/// tel: link) on `d`; nothing when `phone` is empty.
void set_phone(Data& d, const std::string& phone);

/// Sets `key` to `list` and `has_<key>` to whether it has rows, so that a template can write a
/// section's heading once around the rows.
void set_list(Data& body, const std::string& key, Data list);

}  // namespace metodika::render::site::directory
