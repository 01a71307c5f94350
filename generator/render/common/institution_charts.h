// The chart of an institution's page (issue 21): its exam index by school year against the
// municipality's and the nation's mean, drawn from the values of its "ce-indekss" table
// (rules::ce_index and rules::ce_summary through InstitutionTables), never new ones.
#pragma once

#include <optional>
#include <string_view>

#include "render/common/chart.h"
#include "render/common/municipality_tables.h"

namespace metodika::render {

/// Three lines over the school years of `tables.ce_index`: the school's index, the
/// municipality's mean and the nation's mean. nullopt when the school has no index in any year.
[[nodiscard]] std::optional<Chart> institution_ce_chart(const InstitutionTables& tables,
                                                        std::string_view lang, const Translate& t);

}  // namespace metodika::render
