#include "rules/material_status.h"

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

#include "fixtures.h"

namespace metodika::rules {
namespace {

using testing::date;

model::Material material(std::string_view deadline,
                         model::MaterialStatus status = model::MaterialStatus::kInProgress,
                         std::optional<std::string_view> published = std::nullopt) {
  model::Material m;
  m.id = "science-secondary-2025";
  m.deadline = date(deadline);
  m.status = status;
  if (published) m.published = date(*published);
  return m;
}

TEST_CASE("material_status around the deadline (due_soon_days 30)") {
  const model::Rules rules = testing::seed_rules();
  const util::Date as_of = date("2025-08-31");

  const MaterialStatusResult on_day = material_status(material("2025-08-31"), as_of, rules);
  CHECK(on_day.state == MaterialState::kDueSoon);  // a deadline on as_of is not overdue yet
  CHECK(on_day.days_to_deadline == 0);
  CHECK_FALSE(on_day.published_late);

  const MaterialStatusResult past = material_status(material("2025-08-30"), as_of, rules);
  CHECK(past.state == MaterialState::kOverdue);
  CHECK(past.days_to_deadline == -1);

  const MaterialStatusResult last_soon = material_status(material("2025-09-30"), as_of, rules);
  CHECK(last_soon.state == MaterialState::kDueSoon);
  CHECK(last_soon.days_to_deadline == 30);

  const MaterialStatusResult later = material_status(material("2025-10-01"), as_of, rules);
  CHECK(later.state == MaterialState::kOnTrack);
  CHECK(later.days_to_deadline == 31);

  // Every unpublished status is treated alike.
  CHECK(material_status(material("2025-01-31", model::MaterialStatus::kPlanned), as_of, rules)
            .state == MaterialState::kOverdue);
  CHECK(
      material_status(material("2025-09-01", model::MaterialStatus::kReview), as_of, rules).state ==
      MaterialState::kDueSoon);
}

TEST_CASE("material_status: published, on time or late") {
  const model::Rules rules = testing::seed_rules();
  const util::Date as_of = date("2026-11-22");
  // DATA-MODEL.md section 8: deadline 2025-08-31, published 2025-08-20.
  const MaterialStatusResult on_time = material_status(
      material("2025-08-31", model::MaterialStatus::kPublished, "2025-08-20"), as_of, rules);
  CHECK(on_time.state == MaterialState::kPublished);
  CHECK_FALSE(on_time.published_late);
  CHECK(on_time.days_to_deadline == -448);

  const MaterialStatusResult on_deadline = material_status(
      material("2025-08-31", model::MaterialStatus::kPublished, "2025-08-31"), as_of, rules);
  CHECK_FALSE(on_deadline.published_late);

  const MaterialStatusResult late = material_status(
      material("2025-08-31", model::MaterialStatus::kPublished, "2025-09-01"), as_of, rules);
  CHECK(late.state == MaterialState::kPublished);
  CHECK(late.published_late);

  // Published before a deadline still ahead: published, not on track.
  const MaterialStatusResult early = material_status(
      material("2027-01-31", model::MaterialStatus::kPublished, "2026-11-01"), as_of, rules);
  CHECK(early.state == MaterialState::kPublished);
  CHECK(early.days_to_deadline == 70);
}

TEST_CASE("material_status follows rules.due_soon_days") {
  model::Rules rules = testing::seed_rules();
  rules.due_soon_days = 7;
  const util::Date as_of = date("2026-02-25");
  CHECK(material_status(material("2026-03-04"), as_of, rules).state == MaterialState::kDueSoon);
  CHECK(material_status(material("2026-03-05"), as_of, rules).state == MaterialState::kOnTrack);
  rules.due_soon_days = 0;
  CHECK(material_status(material("2026-02-25"), as_of, rules).state == MaterialState::kDueSoon);
  CHECK(material_status(material("2026-02-26"), as_of, rules).state == MaterialState::kOnTrack);
}

}  // namespace
}  // namespace metodika::rules

namespace metodika::rules {
namespace {

TEST_CASE("material_status keeps the editorial status beside the deadline state") {
  const model::Rules rules = testing::seed_rules();
  const util::Date as_of = testing::date("2025-08-31");
  model::Material planned;
  planned.deadline = testing::date("2026-08-31");
  planned.status = model::MaterialStatus::kPlanned;
  const MaterialStatusResult p = material_status(planned, as_of, rules);
  CHECK(p.state == MaterialState::kOnTrack);
  CHECK(p.editorial == model::MaterialStatus::kPlanned);  // on track, but not being developed
  planned.status = model::MaterialStatus::kReview;
  planned.deadline = testing::date("2025-08-01");
  const MaterialStatusResult r = material_status(planned, as_of, rules);
  CHECK(r.state == MaterialState::kOverdue);
  CHECK(r.editorial == model::MaterialStatus::kReview);
}

}  // namespace
}  // namespace metodika::rules
