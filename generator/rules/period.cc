#include "rules/period.h"

namespace metodika::rules {

bool SchoolYears::contains(util::Date date) const { return contains(util::school_year_of(date)); }

util::Date SchoolYears::first_day() const { return util::Date{from - 1, 9, 1}; }

util::Date SchoolYears::last_day() const { return util::Date{to, 8, 31}; }

SchoolYears review_period(const model::Site& site) {
  return SchoolYears{site.review_from, site.review_to};
}

int current_school_year(util::Date as_of) { return util::school_year_of(as_of); }

CalendarYears programme_period(const model::Programme& programme) {
  return CalendarYears{programme.period_from, programme.period_to};
}

}  // namespace metodika::rules
