#include "rules/accreditation.h"

#include <doctest/doctest.h>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;

TEST_CASE("accreditation_state: expired, expiring within 365 days, valid") {
  // DATA-MODEL.md section 5: accreditation {date: 2021-05-10, valid_until: 2027-05-09}.
  model::Institution school;
  CHECK(accreditation_state(school, date("2026-11-22")) == AccreditationState::kNone);
  school.accreditation = model::Accreditation{date("2021-05-10"), date("2027-05-09")};
  CHECK(accreditation_state(school, date("2026-11-22")) == AccreditationState::kExpiring);
  // Exactly 365 days before the last day is still valid; a day later it is expiring.
  CHECK(accreditation_state(school, date("2026-05-10")) == AccreditationState::kExpiring);
  CHECK(accreditation_state(school, date("2026-05-09")) == AccreditationState::kValid);
  CHECK(accreditation_state(school, date("2027-05-09")) == AccreditationState::kExpiring);
  CHECK(accreditation_state(school, date("2027-05-10")) == AccreditationState::kExpired);
}

}  // namespace
}  // namespace metodika::rules
