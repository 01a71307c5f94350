// Small-cell suppression of aggregates over people (DATA-MODEL.md sections 12 and 15).
#pragma once

#include "model/model.h"

namespace metodika::rules {

/// Why a figure over people is not shown (DATA-MODEL.md section 15, "Small cells"), so that
/// every blank says its own reason.
enum class Suppression {
  kShown,          ///< not hidden
  kSmallCell,      ///< it covers fewer than `rules.small_cell` people
  kComplementary,  ///< it covers enough people, but it minus the shown parts would give a
                   ///< hidden small cell (a hidden school worked out by subtraction)
};

/// Whether an aggregate over `people` people must be hidden from public output: fewer than
/// `rules.small_cell` (DATA-MODEL.md section 15, "Small cells").
[[nodiscard]] bool is_suppressed(int people, const model::Rules& rules);

}  // namespace metodika::rules
