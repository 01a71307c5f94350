// The chart of an institution's page (issue 21): its exam index by school year against the
// municipality's and the nation's mean, drawn from the rules' results (rules::ce_index of each
// record, rules::ce_summary's means), never new figures and never read back from a table.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/model.h"
#include "render/common/chart.h"
#include "render/common/table.h"
#include "rules/results.h"

namespace metodika::render {

/// Three lines over the school years of institution `school`'s exam records (an index into
/// model.institutions): its index, its municipality's mean and the nation's mean. nullopt when
/// the school has no index in any year.
[[nodiscard]] std::optional<Chart> institution_ce_chart(const model::Model& model,
                                                        const rules::Results& results,
                                                        size_t school, std::string_view lang,
                                                        const Translate& t);

}  // namespace metodika::render
