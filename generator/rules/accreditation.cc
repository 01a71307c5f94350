#include "rules/accreditation.h"

namespace metodika::rules {

AccreditationState accreditation_state(const model::Institution& institution, util::Date as_of) {
  if (!institution.accreditation) return AccreditationState::kNone;
  const util::Date until = institution.accreditation->valid_until;
  if (until < as_of) return AccreditationState::kExpired;
  if (until < as_of.plus_days(kAccreditationNoticeDays)) return AccreditationState::kExpiring;
  return AccreditationState::kValid;
}

}  // namespace metodika::rules
