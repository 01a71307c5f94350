// Small-cell suppression of aggregates over people (DATA-MODEL.md sections 12 and 15).
#pragma once

#include "model/model.h"

namespace metodika::rules {

/// Whether an aggregate over `people` people must be hidden from public output: fewer than
/// `rules.small_cell` (DATA-MODEL.md section 15, "Small cells").
[[nodiscard]] bool is_suppressed(int people, const model::Rules& rules);

}  // namespace metodika::rules
