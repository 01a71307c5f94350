#include "util/date.h"

#include <array>

namespace metodika::util {

namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;
constexpr int64_t kSecondsPerDay = 86400;

// Floor division: C++ `/` truncates toward zero, which is wrong for dates before 1970.
constexpr int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Value of `count` ASCII digits starting at `pos`, or -1 if any of them is not a digit.
int digits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

void append_padded(std::string& out, int value, int width) {
  std::string digits_text = std::to_string(value < 0 ? -value : value);
  if (value < 0) out += '-';
  for (int i = static_cast<int>(digits_text.size()); i < width; ++i) out += '0';
  out += digits_text;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<size_t>(month - 1)];
}

// days() and from_days() are Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html): exact for every proleptic Gregorian
// date, no tables, no loops. <chrono>'s sys_days/year_month_day use the same algorithm; writing it
// out keeps plain int64 day counts without duration casts. Valid while the year fits in an int.
int64_t Date::days() const {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                       // [0, 399]
  const int64_t mp = (static_cast<int64_t>(month) + 9) % 12;               // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + static_cast<int64_t>(day) - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date Date::from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

Date Date::plus_days(int64_t n) const { return from_days(days() + n); }

Date Date::minus_years(int n) const {
  Date d{year - n, month, day};
  if (d.month == 2 && d.day == 29 && !is_leap_year(d.year)) d.day = 28;
  return d;
}

std::string Date::iso() const {
  std::string out;
  out.reserve(10);
  append_padded(out, year, 4);
  out += '-';
  append_padded(out, month, 2);
  out += '-';
  append_padded(out, day, 2);
  return out;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days() % 7) + 7 + 3) % 7);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

std::optional<DateTime> parse_datetime(std::string_view text) {
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return std::nullopt;
  const std::optional<Date> date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  DateTime result;
  result.date = *date;
  if (text.size() == 10) return result;

  if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
  const int hour = digits(text, 11, 2);
  const int minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  if (text.size() == 19) {
    if (text[16] != ':') return std::nullopt;
    const int second = digits(text, 17, 2);
    if (second < 0 || second > 59) return std::nullopt;
  }
  result.hour = hour;
  result.minute = minute;
  result.has_time = true;
  return result;
}

std::optional<Date> date_from_epoch_seconds(int64_t seconds) {
  if (seconds < 0) return std::nullopt;
  const Date date = Date::from_days(seconds / kSecondsPerDay);
  if (date.year > kMaxYear) return std::nullopt;
  return date;
}

int school_year_of(Date date) { return date.month >= 9 ? date.year + 1 : date.year; }

}  // namespace metodika::util
