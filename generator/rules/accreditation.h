// Whether an institution's accreditation is still valid on a date (DATA-MODEL.md section 5,
// `accreditation: {date, valid_until}`).
#pragma once

#include "model/model.h"
#include "util/date.h"

namespace metodika::rules {

enum class AccreditationState {
  kNone,      ///< no accreditation in the data
  kValid,     ///< valid_until is at least kAccreditationNoticeDays after as_of
  kExpiring,  ///< as_of <= valid_until < as_of + kAccreditationNoticeDays
  kExpired,   ///< valid_until < as_of
};

/// How long before its end an accreditation is flagged as expiring: a year, the time a school
/// needs to prepare the next accreditation. DATA-MODEL.md has no setting for it (site.yaml
/// `rules` has none), so it is a documented constant (docs/data-model.md).
inline constexpr int kAccreditationNoticeDays = 365;

/// The state of `institution`'s accreditation on `as_of`; valid_until itself is still valid.
[[nodiscard]] AccreditationState accreditation_state(const model::Institution& institution,
                                                     util::Date as_of);

}  // namespace metodika::rules
