#include "rules/upcoming.h"

namespace metodika::rules {

bool is_upcoming(util::Date last_day, util::Date as_of) { return last_day >= as_of; }

bool is_upcoming(const model::Olympiad& olympiad, util::Date as_of) {
  return is_upcoming(olympiad.end, as_of);
}

bool is_upcoming(const model::Event& event, util::Date as_of) {
  return is_upcoming(event.end.date, as_of);
}

}  // namespace metodika::rules
