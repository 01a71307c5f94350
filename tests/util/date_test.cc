#include "util/date.h"

#include <doctest/doctest.h>

#include <cstdint>

namespace metodika::util {
namespace {

TEST_CASE("Date::days counts from 1970-01-01") {
  CHECK(Date{1970, 1, 1}.days() == 0);
  CHECK(Date{1970, 1, 2}.days() == 1);
  CHECK(Date{1969, 12, 31}.days() == -1);
  CHECK(Date{2000, 3, 1}.days() == 11017);
  CHECK(Date{2025, 8, 31}.days() == 20331);
  CHECK(Date{1900, 1, 1}.days() == -25567);
  CHECK(Date{2200, 12, 31}.days() == 84370);
}

TEST_CASE("Date::from_days inverts days over the whole supported range") {
  CHECK(Date::from_days(0) == Date{1970, 1, 1});
  CHECK(Date::from_days(-1) == Date{1969, 12, 31});
  CHECK(Date::from_days(20331) == Date{2025, 8, 31});
  CHECK(Date::from_days(11016) == Date{2000, 2, 29});
  Date expected{1899, 12, 31};
  for (int64_t d = Date{1899, 12, 31}.days(); d <= Date{2201, 1, 1}.days(); ++d) {
    const Date got = Date::from_days(d);
    REQUIRE(got == expected);
    REQUIRE(got.days() == d);
    // Step `expected` forward by hand, independently of from_days.
    if (++expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST_CASE("Date::plus_days crosses months, years and leap days") {
  CHECK(Date{2025, 8, 31}.plus_days(1) == Date{2025, 9, 1});
  CHECK(Date{2024, 2, 28}.plus_days(1) == Date{2024, 2, 29});
  CHECK(Date{2025, 2, 28}.plus_days(1) == Date{2025, 3, 1});
  CHECK(Date{2024, 12, 31}.plus_days(1) == Date{2025, 1, 1});
  CHECK(Date{2025, 1, 1}.plus_days(-1) == Date{2024, 12, 31});
  CHECK(Date{2025, 3, 1}.plus_days(-365) == Date{2024, 3, 1});
  CHECK(Date{2025, 3, 1}.plus_days(0) == Date{2025, 3, 1});
}

TEST_CASE("Date::minus_years keeps the calendar date, 29 February becomes 28") {
  CHECK(Date{2025, 8, 31}.minus_years(5) == Date{2020, 8, 31});
  CHECK(Date{2024, 2, 29}.minus_years(1) == Date{2023, 2, 28});
  CHECK(Date{2024, 2, 29}.minus_years(4) == Date{2020, 2, 29});
  CHECK(Date{2000, 2, 29}.minus_years(100) == Date{1900, 2, 28});
  CHECK(Date{2025, 3, 1}.minus_years(0) == Date{2025, 3, 1});
  CHECK(Date{2025, 3, 1}.minus_years(-1) == Date{2026, 3, 1});
}

TEST_CASE("Date::iso pads to YYYY-MM-DD") {
  CHECK(Date{2025, 8, 31}.iso() == "2025-08-31");
  CHECK(Date{2025, 1, 5}.iso() == "2025-01-05");
  CHECK(Date{999, 1, 1}.iso() == "0999-01-01");
  CHECK(Date{}.iso() == "0000-00-00");
}

TEST_CASE("Date::weekday is 0 for Monday through 6 for Sunday") {
  CHECK(Date{1970, 1, 1}.weekday() == 3);    // Thursday
  CHECK(Date{1969, 12, 29}.weekday() == 0);  // Monday, before the epoch
  CHECK(Date{2025, 8, 31}.weekday() == 6);   // Sunday
  CHECK(Date{2025, 9, 1}.weekday() == 0);    // Monday
  CHECK(Date{2024, 2, 29}.weekday() == 3);   // Thursday
  CHECK(Date{1900, 1, 1}.weekday() == 0);    // Monday
}

TEST_CASE("Date orders chronologically") {
  CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
  CHECK(Date{2025, 1, 31} < Date{2025, 2, 1});
  CHECK(Date{2025, 2, 1} < Date{2025, 2, 2});
  CHECK(Date{2025, 2, 2} == Date{2025, 2, 2});
  CHECK(Date{2025, 2, 3} > Date{2025, 2, 2});
}

TEST_CASE("is_leap_year and days_in_month") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2025));
  CHECK_FALSE(is_leap_year(1900));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(2025, 4) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  CHECK(days_in_month(2025, 0) == 0);
  CHECK(days_in_month(2025, 13) == 0);
}

TEST_CASE("parse_date accepts strict YYYY-MM-DD calendar dates") {
  CHECK(parse_date("2025-08-31") == Date{2025, 8, 31});
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK(parse_date("1900-01-01") == Date{1900, 1, 1});
  CHECK(parse_date("2200-12-31") == Date{2200, 12, 31});
}

TEST_CASE("parse_date rejects anything else") {
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2025-13-01"));
  CHECK_FALSE(parse_date("2025-00-10"));
  CHECK_FALSE(parse_date("2025-04-31"));
  CHECK_FALSE(parse_date("2025-04-00"));
  CHECK_FALSE(parse_date("2025-1-5"));
  CHECK_FALSE(parse_date("2025-01-5"));
  CHECK_FALSE(parse_date("25-01-05"));
  CHECK_FALSE(parse_date("1899-12-31"));
  CHECK_FALSE(parse_date("2201-01-01"));
  CHECK_FALSE(parse_date(""));
  CHECK_FALSE(parse_date(" 2025-08-31"));
  CHECK_FALSE(parse_date("2025-08-31 "));
  CHECK_FALSE(parse_date("2025/08/31"));
  CHECK_FALSE(parse_date("2025-08-3a"));
  CHECK_FALSE(parse_date("+025-08-31"));
  CHECK_FALSE(parse_date("2025-+8-31"));
  CHECK_FALSE(parse_date("31.08.2025"));
  CHECK_FALSE(parse_date("2025-08-31T10:00"));
}

TEST_CASE("parse_datetime accepts a date, with or without a time") {
  const auto date_only = parse_datetime("2025-08-31");
  REQUIRE(date_only);
  CHECK(date_only->date == Date{2025, 8, 31});
  CHECK_FALSE(date_only->has_time);
  CHECK(date_only->hour == 0);
  CHECK(date_only->minute == 0);

  CHECK(parse_datetime("2025-08-31T10:05") == DateTime{{2025, 8, 31}, 10, 5, true});
  CHECK(parse_datetime("2025-08-31 10:05") == DateTime{{2025, 8, 31}, 10, 5, true});
  CHECK(parse_datetime("2025-08-31T10:05:59") == DateTime{{2025, 8, 31}, 10, 5, true});
  CHECK(parse_datetime("2025-08-31 23:59:00") == DateTime{{2025, 8, 31}, 23, 59, true});
  CHECK(parse_datetime("2025-08-31T00:00") == DateTime{{2025, 8, 31}, 0, 0, true});
}

TEST_CASE("parse_datetime rejects bad dates and times") {
  CHECK_FALSE(parse_datetime("2025-02-29T10:00"));
  CHECK_FALSE(parse_datetime("2025-08-31T24:00"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:60"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00:60"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00:5"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00:"));
  CHECK_FALSE(parse_datetime("2025-08-31T1:00"));
  CHECK_FALSE(parse_datetime("2025-08-31T10.00"));
  CHECK_FALSE(parse_datetime("2025-08-31X10:00"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00Z"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00:00Z"));
  CHECK_FALSE(parse_datetime("2025-08-31T10:00.00"));
  CHECK_FALSE(parse_datetime("2025-08-31T"));
  CHECK_FALSE(parse_datetime("2025-08-31  10:00"));
  CHECK_FALSE(parse_datetime(""));
}

TEST_CASE("DateTime orders by date, then time; a bare date sorts before 00:00") {
  const DateTime bare{{2025, 8, 31}, 0, 0, false};
  const DateTime midnight{{2025, 8, 31}, 0, 0, true};
  const DateTime ten{{2025, 8, 31}, 10, 0, true};
  const DateTime next_day{{2025, 9, 1}, 0, 0, false};
  CHECK(bare < midnight);
  CHECK(midnight < ten);
  CHECK(ten < next_day);
  CHECK(ten == DateTime{{2025, 8, 31}, 10, 0, true});
}

TEST_CASE("date_from_epoch_seconds gives the UTC date") {
  CHECK(date_from_epoch_seconds(0) == Date{1970, 1, 1});
  CHECK(date_from_epoch_seconds(86399) == Date{1970, 1, 1});
  CHECK(date_from_epoch_seconds(86400) == Date{1970, 1, 2});
  CHECK(date_from_epoch_seconds(1756598400) == Date{2025, 8, 31});  // 2025-08-31T00:00:00Z
  CHECK(date_from_epoch_seconds(1756684799) == Date{2025, 8, 31});  // 2025-08-31T23:59:59Z
  CHECK(date_from_epoch_seconds(1756684800) == Date{2025, 9, 1});
  CHECK(date_from_epoch_seconds(7258118399) == Date{2199, 12, 31});
  CHECK(date_from_epoch_seconds(Date{2200, 12, 31}.days() * 86400 + 86399) == Date{2200, 12, 31});
  CHECK_FALSE(date_from_epoch_seconds(Date{2201, 1, 1}.days() * 86400));
  CHECK_FALSE(date_from_epoch_seconds(-1));
  CHECK_FALSE(date_from_epoch_seconds(INT64_MAX));
  CHECK_FALSE(date_from_epoch_seconds(INT64_MIN));
}

TEST_CASE("school_year_of names the school year by the year it ends") {
  CHECK(school_year_of(Date{2025, 8, 31}) == 2025);
  CHECK(school_year_of(Date{2025, 9, 1}) == 2026);
  CHECK(school_year_of(Date{2025, 1, 1}) == 2025);
  CHECK(school_year_of(Date{2024, 12, 31}) == 2025);
  CHECK(school_year_of(Date{2024, 9, 1}) == 2025);
  CHECK(school_year_of(Date{2024, 8, 31}) == 2024);
}

}  // namespace
}  // namespace metodika::util
