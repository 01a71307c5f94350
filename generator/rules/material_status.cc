#include "rules/material_status.h"

namespace metodika::rules {

MaterialStatusResult material_status(const model::Material& material, util::Date as_of,
                                     const model::Rules& rules) {
  MaterialStatusResult result;
  result.editorial = material.status;
  result.days_to_deadline = static_cast<int>(material.deadline.days() - as_of.days());
  if (material.status == model::MaterialStatus::kPublished) {
    result.state = MaterialState::kPublished;
    result.published_late = material.published && *material.published > material.deadline;
  } else if (result.days_to_deadline < 0) {
    result.state = MaterialState::kOverdue;
  } else if (result.days_to_deadline <= rules.due_soon_days) {
    result.state = MaterialState::kDueSoon;
  } else {
    result.state = MaterialState::kOnTrack;
  }
  return result;
}

}  // namespace metodika::rules
