// The state of a methodological support material on a date (DATA-MODEL.md sections 8 and 15).
#pragma once

#include "model/model.h"
#include "util/date.h"

namespace metodika::rules {

enum class MaterialState { kPublished, kOverdue, kDueSoon, kOnTrack };

struct MaterialStatusResult {
  MaterialState state = MaterialState::kOnTrack;
  /// The editorial status of the data (`status:` planned, in_progress, review, published),
  /// shown beside the deadline state: a planned material is not "being developed".
  model::MaterialStatus editorial = model::MaterialStatus::kPlanned;
  bool published_late = false;  // published, and the publication date is after the deadline
  int days_to_deadline = 0;     // deadline − as_of in days; negative when the deadline is past
};

/// DATA-MODEL.md section 15, "Materials": *published* if `status: published` (also when
/// published after the deadline, shown as late); otherwise *overdue* if deadline < as_of; *due
/// soon* if as_of <= deadline <= as_of + `due_soon_days` (a deadline on as_of is due soon, not
/// overdue); otherwise *on track*.
[[nodiscard]] MaterialStatusResult material_status(const model::Material& material,
                                                   util::Date as_of, const model::Rules& rules);

}  // namespace metodika::rules
