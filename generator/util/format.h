#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/date.h"

// Display formatting of numbers and dates for Latvian ("lv") and English ("en") output, following
// REFERENCE-lv.md section 5. Any `lang` other than "lv" is formatted as English. Pure functions:
// no process locale, no ICU, same bytes on every machine.
namespace metodika::util {

/// Thousands separator in Latvian: U+00A0 NO-BREAK SPACE (UTF-8 "\xC2\xA0").
inline constexpr std::string_view kNoBreakSpace = "\u00A0";

/// Integer with thousands grouping: lv "16 018", "-1 234" (NO-BREAK SPACE); en "16,018".
[[nodiscard]] std::string format_int(int64_t value, std::string_view lang);

/// Fixed-point number with `decimals` digits after the separator (negative counts as 0): lv
/// "1 234,50", en "1,234.50". Rounds half away from zero on the shortest decimal form of `value`
/// (the digits `std::to_chars` prints), so 0.15 -> "0,2" and 1.005 -> "1,01" although their
/// binary doubles lie just below the half. A result that rounds to zero has no minus sign
/// ("-0.04" -> "0,0"). NaN gives "NaN", infinities "∞" and "-∞".
[[nodiscard]] std::string format_decimal(double value, int decimals, std::string_view lang);

/// Percentage, given in percent units (45.3 means 45.3 %), rounded like `format_decimal`, with no
/// space before the sign: lv "45,3%", en "45.3%".
[[nodiscard]] std::string format_percent(double percent, int decimals, std::string_view lang);

/// Whole euros: lv "16 018 EUR", en "16,018 EUR" (ordinary space before "EUR").
[[nodiscard]] std::string format_eur(int64_t euros, std::string_view lang);

/// Euros with cents: lv "1 234,56 EUR", en "1,234.56 EUR".
[[nodiscard]] std::string format_eur_cents(double euros, std::string_view lang);

/// Numeric date: lv "31.08.2025." (trailing dot), en "31/08/2025".
[[nodiscard]] std::string format_date_numeric(Date date, std::string_view lang);

/// Long date: lv "2025. gada 31. augusts", en "31 August 2025".
[[nodiscard]] std::string format_date_long(Date date, std::string_view lang);

/// Date inside a sentence ("on ..."): lv locative "2025. gada 31. augustā", en "on 31 August 2025".
[[nodiscard]] std::string format_date_in(Date date, std::string_view lang);

/// Weekday and long date: lv "svētdiena, 2025. gada 31. augusts", en "Sunday, 31 August 2025".
[[nodiscard]] std::string format_weekday_date(Date date, std::string_view lang);

/// Time of day `HH:MM`, the same in both languages: "10:00", "09:05".
[[nodiscard]] std::string format_time(int hour, int minute);

/// School year named by the year it ends in (see `school_year_of`): 2025 gives lv
/// "2024./2025. m. g.", en "2024/2025".
[[nodiscard]] std::string format_school_year(int end_year, std::string_view lang);

/// Whether a noun counted by `n` takes its singular form: in Latvian when `n` ends in 1 but not
/// in 11 ("1 iestāde", "21 iestāde", "11 iestādes", "5 iestādes"), in English when n is 1.
[[nodiscard]] bool takes_singular(int64_t n, std::string_view lang);

/// `n` (format_int) and a no-break space, so that the number never ends a line apart from its
/// noun, then `one` or `many` as takes_singular says: "21\u00A0iestāde", "5\u00A0iestādes".
[[nodiscard]] std::string format_count(int64_t n, std::string_view one, std::string_view many,
                                       std::string_view lang);

/// School years `from`..`to` (each by its end year) as one range: lv "2021./2022.–2024./2025. m.
/// g.", en "2021/2022–2024/2025"; one year as format_school_year.
[[nodiscard]] std::string format_school_years(int from, int to, std::string_view lang);

/// Month name, nominative: lv lower case ("janvāris"), en capitalised ("January").
/// Throws std::out_of_range unless 1 <= month <= 12 (a bug in the caller).
[[nodiscard]] std::string month_name(int month, std::string_view lang);

/// Latvian month name in the locative ("janvārī", "augustā"). Throws std::out_of_range unless
/// 1 <= month <= 12.
[[nodiscard]] std::string month_name_locative(int month);

/// Weekday name for `Date::weekday()` numbering (0 = Monday): lv lower case ("pirmdiena"),
/// en capitalised ("Monday"). Throws std::out_of_range unless 0 <= weekday <= 6.
[[nodiscard]] std::string weekday_name(int weekday, std::string_view lang);

}  // namespace metodika::util
