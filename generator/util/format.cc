#include "util/format.h"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace metodika::util {

namespace {

constexpr std::array<std::string_view, 12> kMonthsLv = {
    "janvāris", "februāris", "marts",      "aprīlis",  "maijs",     "jūnijs",
    "jūlijs",   "augusts",   "septembris", "oktobris", "novembris", "decembris"};
constexpr std::array<std::string_view, 12> kMonthsLocativeLv = {
    "janvārī", "februārī", "martā",     "aprīlī",  "maijā",    "jūnijā",
    "jūlijā",  "augustā",  "septembrī", "oktobrī", "novembrī", "decembrī"};
constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdaysLv = {
    "pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena", "svētdiena"};
constexpr std::array<std::string_view, 7> kWeekdaysEn = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool is_lv(std::string_view lang) { return lang == "lv"; }

std::string_view thousands_separator(std::string_view lang) {
  return is_lv(lang) ? kNoBreakSpace : std::string_view(",");
}

char decimal_separator(std::string_view lang) { return is_lv(lang) ? ',' : '.'; }

// `digits` (ASCII, no sign) grouped by three from the right.
std::string group_thousands(std::string_view digits, std::string_view lang) {
  const std::string_view separator = thousands_separator(lang);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 * separator.size());
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string two_digits(int value) {
  std::string out = std::to_string(value);
  if (out.size() < 2) out.insert(0, 1, '0');
  return out;
}

// Day, month name and year in the language's long order, without the weekday.
std::string long_date(Date date, std::string_view lang, bool locative) {
  if (is_lv(lang)) {
    return std::to_string(date.year) + ". gada " + std::to_string(date.day) + ". " +
           (locative ? month_name_locative(date.month) : month_name(date.month, lang));
  }
  return std::to_string(date.day) + " " + month_name(date.month, lang) + " " +
         std::to_string(date.year);
}

}  // namespace

std::string format_int(int64_t value, std::string_view lang) {
  // Magnitude in unsigned arithmetic so that INT64_MIN does not overflow.
  const uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string out = value < 0 ? "-" : "";
  out += group_thousands(std::to_string(magnitude), lang);
  return out;
}

// Rounding works on decimal digits, not on `value * 10^n`: the double nearest 0.15 is
// 0.1499999999999999944..., so binary rounding (printf's "%.1f") prints 0.1 where a reader who
// typed 0.15 into a data file expects 0.2. The shortest round-trip form from std::to_chars is
// exactly the digits the data had, and is locale-independent (unlike printf and iostreams).
std::string format_decimal(double value, int decimals, std::string_view lang) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-∞" : "∞";
  const size_t places = decimals < 0 ? 0 : static_cast<size_t>(decimals);

  // The largest double has 309 integer digits; fixed notation never needs more than ~330 chars.
  std::array<char, 400> buffer{};
  const std::to_chars_result printed = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                                     std::fabs(value), std::chars_format::fixed);
  if (printed.ec != std::errc()) throw std::logic_error("format_decimal: buffer too small");
  const std::string_view shortest(buffer.data(), static_cast<size_t>(printed.ptr - buffer.data()));

  const size_t point = shortest.find('.');
  std::string integer(shortest.substr(0, point));
  std::string fraction(point == std::string_view::npos ? "" : shortest.substr(point + 1));

  // Half away from zero: we hold the magnitude, so any dropped first digit >= 5 rounds it up.
  const bool round_up = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  if (round_up) {
    std::string digits = integer + fraction;
    size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0) {
      digits.insert(0, 1, '1');
    } else {
      ++digits[i - 1];
    }
    integer = digits.substr(0, digits.size() - places);
    fraction = digits.substr(digits.size() - places);
  }

  const bool is_zero = integer.find_first_not_of('0') == std::string::npos &&
                       fraction.find_first_not_of('0') == std::string::npos;
  std::string out = (value < 0 && !is_zero) ? "-" : "";
  out += group_thousands(integer, lang);
  if (places > 0) {
    out += decimal_separator(lang);
    out += fraction;
  }
  return out;
}

std::string format_percent(double percent, int decimals, std::string_view lang) {
  return format_decimal(percent, decimals, lang) + "%";
}

std::string format_eur(int64_t euros, std::string_view lang) {
  return format_int(euros, lang) + " EUR";
}

std::string format_eur_cents(double euros, std::string_view lang) {
  return format_decimal(euros, 2, lang) + " EUR";
}

std::string format_date_numeric(Date date, std::string_view lang) {
  const std::string day = two_digits(date.day);
  const std::string month = two_digits(date.month);
  const std::string year = std::to_string(date.year);
  if (is_lv(lang)) return day + "." + month + "." + year + ".";
  return day + "/" + month + "/" + year;
}

std::string format_date_long(Date date, std::string_view lang) {
  return long_date(date, lang, /*locative=*/false);
}

std::string format_date_in(Date date, std::string_view lang) {
  if (is_lv(lang)) return long_date(date, lang, /*locative=*/true);
  return "on " + long_date(date, lang, /*locative=*/false);
}

std::string format_weekday_date(Date date, std::string_view lang) {
  return weekday_name(date.weekday(), lang) + ", " + long_date(date, lang, /*locative=*/false);
}

std::string format_time(int hour, int minute) {
  return two_digits(hour) + ":" + two_digits(minute);
}

std::string format_school_year(int end_year, std::string_view lang) {
  const std::string start = std::to_string(end_year - 1);
  const std::string end = std::to_string(end_year);
  if (is_lv(lang)) return start + "./" + end + ". m. g.";
  return start + "/" + end;
}

bool takes_singular(int64_t n, std::string_view lang) {
  const int64_t abs = n < 0 ? -n : n;
  if (is_lv(lang)) return abs % 10 == 1 && abs % 100 != 11;
  return abs == 1;
}

std::string format_count(int64_t n, std::string_view one, std::string_view many,
                         std::string_view lang) {
  std::string out = format_int(n, lang);
  out += "\u00A0";
  out.append(takes_singular(n, lang) ? one : many);
  return out;
}

std::string format_school_years(int from, int to, std::string_view lang) {
  if (from == to) return format_school_year(to, lang);
  if (is_lv(lang)) {
    return std::to_string(from - 1) + "./" + std::to_string(from) + ".–" + std::to_string(to - 1) +
           "./" + std::to_string(to) + ". m. g.";
  }
  return std::to_string(from - 1) + "/" + std::to_string(from) + "–" + std::to_string(to - 1) + "/" +
         std::to_string(to);
}

std::string month_name(int month, std::string_view lang) {
  if (month < 1 || month > 12) throw std::out_of_range("month_name: month must be 1..12");
  const auto& names = is_lv(lang) ? kMonthsLv : kMonthsEn;
  return std::string(names[static_cast<size_t>(month - 1)]);
}

std::string month_name_locative(int month) {
  if (month < 1 || month > 12) throw std::out_of_range("month_name_locative: month must be 1..12");
  return std::string(kMonthsLocativeLv[static_cast<size_t>(month - 1)]);
}

std::string weekday_name(int weekday, std::string_view lang) {
  if (weekday < 0 || weekday > 6) throw std::out_of_range("weekday_name: weekday must be 0..6");
  const auto& names = is_lv(lang) ? kWeekdaysLv : kWeekdaysEn;
  return std::string(names[static_cast<size_t>(weekday)]);
}

}  // namespace metodika::util
