// Whether an olympiad or event is still to come (DATA-MODEL.md section 15).
#pragma once

#include "model/model.h"
#include "util/date.h"

namespace metodika::rules {

/// DATA-MODEL.md section 15: olympiads and events are *upcoming* while their last day is on or
/// after `as_of` (an event on `as_of` itself is still upcoming, all day).
[[nodiscard]] bool is_upcoming(util::Date last_day, util::Date as_of);

/// An olympiad's last day is `end` (`date:` sets start and end alike).
[[nodiscard]] bool is_upcoming(const model::Olympiad& olympiad, util::Date as_of);

/// An event's last day is the date of `end`; its time of day does not matter.
[[nodiscard]] bool is_upcoming(const model::Event& event, util::Date as_of);

}  // namespace metodika::rules
