#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace metodika::util {

/// A calendar date in the proleptic Gregorian calendar. No time zone: Metodika's dates are the
/// dates written in the data (`2025-08-31`), and "today" comes from `--as-of` or
/// SOURCE_DATE_EPOCH, never from the clock.
///
/// The fields are public for aggregate use; build checked values with `parse_date` or
/// `from_days`. Ordering is chronological for valid dates (year, then month, then day).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;

  /// Days since 1970-01-01 (negative before it).
  [[nodiscard]] int64_t days() const;
  /// The date `days` days after 1970-01-01; the inverse of `days()`.
  static Date from_days(int64_t days);
  /// The date `n` days later (earlier if `n` is negative).
  [[nodiscard]] Date plus_days(int64_t n) const;
  /// The same calendar date `n` years earlier; 29 February becomes 28 February when the target
  /// year is not a leap year (used for "within the last N years" windows).
  [[nodiscard]] Date minus_years(int n) const;
  /// ISO 8601 form `YYYY-MM-DD`, as used in data files and URLs.
  [[nodiscard]] std::string iso() const;
  /// Day of the week: 0 = Monday .. 6 = Sunday (ISO 8601 order, as Latvian calendars print).
  [[nodiscard]] int weekday() const;
};

/// A date with an optional time of day (minute precision). When `has_time` is false, `hour` and
/// `minute` are 0. Ordering compares date, then hour, then minute, then `has_time` (so a date
/// without a time sorts just before the same date at 00:00).
struct DateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  bool has_time = false;

  auto operator<=>(const DateTime&) const = default;
  bool operator==(const DateTime&) const = default;
};

/// True for leap years of the Gregorian calendar.
[[nodiscard]] bool is_leap_year(int year);

/// Number of days in `month` (1..12) of `year`; 0 for a month out of range.
[[nodiscard]] int days_in_month(int year, int month);

/// Parses a strict ISO date `YYYY-MM-DD`: exactly four year digits (1900..2200), two month and
/// two day digits, and a date that exists (`2025-02-29` fails, `2024-02-29` passes). Anything
/// else, including surrounding spaces, gives nullopt.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD HH:MM`, or either of the latter two
/// with `:SS`. Hours are 00..23, minutes and seconds 00..59; seconds are checked and dropped.
[[nodiscard]] std::optional<DateTime> parse_datetime(std::string_view text);

/// The UTC calendar date of a Unix timestamp, for SOURCE_DATE_EPOCH
/// (https://reproducible-builds.org/specs/source-date-epoch/). nullopt for negative timestamps
/// and for dates after 2200-12-31 (the range `parse_date` accepts).
[[nodiscard]] std::optional<Date> date_from_epoch_seconds(int64_t seconds);

/// The school year `date` falls in, named by the calendar year in which it ends: a school year
/// runs 1 September .. 31 August, so 2025-08-31 gives 2025 and 2025-09-01 gives 2026.
[[nodiscard]] int school_year_of(Date date);

}  // namespace metodika::util
