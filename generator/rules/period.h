// The periods the outputs cover (DATA-MODEL.md sections 2 and 2.1): the review period of
// site.yaml `review`, an action programme's period and the current school year. Every chapter
// of the review and every sheet of its workbook covers exactly the review period.
#pragma once

#include "model/model.h"
#include "util/date.h"

namespace metodika::rules {

/// School years `from`..`to` inclusive, each named by the calendar year in which it ends
/// (DATA-MODEL.md 2.1): {2022, 2025} is 2021/2022 .. 2024/2025, 1 September 2021 .. 31 August
/// 2025.
struct SchoolYears {
  int from = 0;
  int to = 0;

  /// Whether school year `year` is one of them.
  [[nodiscard]] bool contains(int year) const { return from <= year && year <= to; }
  /// Whether `date` falls in one of them (util::school_year_of: 1 September .. 31 August).
  [[nodiscard]] bool contains(util::Date date) const;
  /// 1 September of the first school year.
  [[nodiscard]] util::Date first_day() const;
  /// 31 August of the last school year.
  [[nodiscard]] util::Date last_day() const;
  bool operator==(const SchoolYears&) const = default;
};

/// The review period: site.yaml `review: {from, to}`, school years.
[[nodiscard]] SchoolYears review_period(const model::Site& site);

/// The school year `as_of` falls in (1 September .. 31 August): 2026-11-22 gives 2027, the
/// school year 2026/2027.
[[nodiscard]] int current_school_year(util::Date as_of);

/// Calendar years `from`..`to` of an action programme (DATA-MODEL.md 11: its `period`, as its
/// budget years are written).
struct CalendarYears {
  int from = 0;
  int to = 0;
  [[nodiscard]] bool contains(int year) const { return from <= year && year <= to; }
};

[[nodiscard]] CalendarYears programme_period(const model::Programme& programme);

}  // namespace metodika::rules
