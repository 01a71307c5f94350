#include "util/format.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

// Expected strings spell the Latvian thousands separator as \u00A0 (NO-BREAK SPACE, bytes C2 A0):
// "16\u00A0018" is "16", NBSP, "018".
namespace metodika::util {
namespace {

TEST_CASE("kNoBreakSpace is U+00A0 in UTF-8") { CHECK(kNoBreakSpace == "\xC2\xA0"); }

TEST_CASE("format_int groups thousands") {
  CHECK(format_int(0, "lv") == "0");
  CHECK(format_int(7, "lv") == "7");
  CHECK(format_int(999, "lv") == "999");
  CHECK(format_int(1000, "lv") == "1\u00A0000");
  CHECK(format_int(16018, "lv") == "16\u00A0018");
  CHECK(format_int(-1234, "lv") == "-1\u00A0234");
  CHECK(format_int(-999, "lv") == "-999");
  CHECK(format_int(1234567, "lv") == "1\u00A0234\u00A0567");
  CHECK(format_int(100000, "lv") == "100\u00A0000");
  CHECK(format_int(16018, "en") == "16,018");
  CHECK(format_int(1234567, "en") == "1,234,567");
  CHECK(format_int(-1234567, "en") == "-1,234,567");
  CHECK(format_int(INT64_MAX, "en") == "9,223,372,036,854,775,807");
  CHECK(format_int(INT64_MIN, "en") == "-9,223,372,036,854,775,808");
}

TEST_CASE("unknown languages format as English") {
  CHECK(format_int(16018, "de") == "16,018");
  CHECK(format_int(16018, "") == "16,018");
  CHECK(format_int(16018, "LV") == "16,018");
  CHECK(format_decimal(41.25, 2, "ru") == "41.25");
  CHECK(format_date_long(Date{2025, 8, 31}, "fr") == "31 August 2025");
}

TEST_CASE("format_decimal uses the language's separators") {
  CHECK(format_decimal(41.2, 1, "lv") == "41,2");
  CHECK(format_decimal(41.2, 1, "en") == "41.2");
  CHECK(format_decimal(1234.5, 2, "lv") == "1\u00A0234,50");
  CHECK(format_decimal(1234.5, 2, "en") == "1,234.50");
  CHECK(format_decimal(1234567.891, 2, "lv") == "1\u00A0234\u00A0567,89");
  CHECK(format_decimal(-1234.5, 1, "lv") == "-1\u00A0234,5");
  CHECK(format_decimal(0, 2, "lv") == "0,00");
  CHECK(format_decimal(3, 0, "lv") == "3");
  CHECK(format_decimal(3, -2, "lv") == "3");
  CHECK(format_decimal(0.000001, 3, "en") == "0.000");
  CHECK(format_decimal(1e20, 1, "en") == "100,000,000,000,000,000,000.0");
  CHECK(format_decimal(0.1, 20, "en") == "0.10000000000000000000");
}

TEST_CASE("format_decimal rounds half away from zero on the decimal digits") {
  CHECK(format_decimal(45.25, 1, "lv") == "45,3");
  CHECK(format_decimal(45.24, 1, "lv") == "45,2");
  CHECK(format_decimal(45.35, 1, "lv") == "45,4");
  CHECK(format_decimal(0.05, 1, "lv") == "0,1");
  CHECK(format_decimal(0.15, 1, "en") == "0.2");    // the double is 0.1499999999999999944...
  CHECK(format_decimal(1.005, 2, "en") == "1.01");  // the double is 1.00499999999999989...
  CHECK(format_decimal(2.675, 2, "en") == "2.68");
  CHECK(format_decimal(-45.25, 1, "lv") == "-45,3");
  CHECK(format_decimal(-0.05, 1, "lv") == "-0,1");
  CHECK(format_decimal(0.5, 0, "en") == "1");
  CHECK(format_decimal(1.5, 0, "en") == "2");
  CHECK(format_decimal(2.5, 0, "en") == "3");
  CHECK(format_decimal(-2.5, 0, "en") == "-3");
  CHECK(format_decimal(0.449, 1, "en") == "0.4");
  CHECK(format_decimal(0.0449999, 2, "en") == "0.04");
}

TEST_CASE("format_decimal carries into new digits and thousands groups") {
  CHECK(format_decimal(9.95, 1, "en") == "10.0");
  CHECK(format_decimal(99.96, 1, "en") == "100.0");
  CHECK(format_decimal(999.5, 0, "lv") == "1\u00A0000");
  CHECK(format_decimal(999999.995, 2, "lv") == "1\u00A0000\u00A0000,00");
  CHECK(format_decimal(-9.99, 1, "en") == "-10.0");
  CHECK(format_decimal(0.96, 1, "lv") == "1,0");
}

TEST_CASE("format_decimal never prints negative zero") {
  CHECK(format_decimal(-0.04, 1, "lv") == "0,0");
  CHECK(format_decimal(-0.0, 1, "lv") == "0,0");
  CHECK(format_decimal(-0.0, 0, "en") == "0");
  CHECK(format_decimal(-0.4, 0, "en") == "0");
  CHECK(format_decimal(-0.0049, 2, "en") == "0.00");
}

TEST_CASE("format_decimal spells non-finite values") {
  CHECK(format_decimal(std::numeric_limits<double>::quiet_NaN(), 1, "lv") == "NaN");
  CHECK(format_decimal(std::numeric_limits<double>::infinity(), 1, "lv") == "∞");
  CHECK(format_decimal(-std::numeric_limits<double>::infinity(), 1, "lv") == "-∞");
}

TEST_CASE("format_decimal handles extreme magnitudes") {
  const std::string largest = format_decimal(std::numeric_limits<double>::max(), 0, "en");
  CHECK(largest.substr(0, 8) == "179,769,");
  CHECK(largest.size() == 309 + 102);  // 309 digits, 102 commas
  CHECK(format_decimal(std::numeric_limits<double>::denorm_min(), 2, "en") == "0.00");
}

TEST_CASE("format_percent appends % with no space") {
  CHECK(format_percent(45.3, 1, "lv") == "45,3%");
  CHECK(format_percent(45.3, 1, "en") == "45.3%");
  CHECK(format_percent(58.45, 1, "lv") == "58,5%");
  CHECK(format_percent(100, 0, "lv") == "100%");
  CHECK(format_percent(-0.01, 1, "lv") == "0,0%");
  CHECK(format_percent(1234.5, 1, "lv") == "1\u00A0234,5%");
}

TEST_CASE("format_eur and format_eur_cents put EUR after the amount") {
  CHECK(format_eur(16018, "lv") == "16\u00A0018 EUR");
  CHECK(format_eur(16018, "en") == "16,018 EUR");
  CHECK(format_eur(0, "lv") == "0 EUR");
  CHECK(format_eur(-500, "lv") == "-500 EUR");
  CHECK(format_eur_cents(1234.56, "lv") == "1\u00A0234,56 EUR");
  CHECK(format_eur_cents(1234.56, "en") == "1,234.56 EUR");
  CHECK(format_eur_cents(0.005, "lv") == "0,01 EUR");
  CHECK(format_eur_cents(12, "lv") == "12,00 EUR");
}

TEST_CASE("format_date_numeric") {
  CHECK(format_date_numeric(Date{2025, 8, 31}, "lv") == "31.08.2025.");
  CHECK(format_date_numeric(Date{2025, 8, 31}, "en") == "31/08/2025");
  CHECK(format_date_numeric(Date{2025, 1, 5}, "lv") == "05.01.2025.");
  CHECK(format_date_numeric(Date{2025, 1, 5}, "en") == "05/01/2025");
}

TEST_CASE("format_date_long") {
  CHECK(format_date_long(Date{2025, 8, 31}, "lv") == "2025. gada 31. augusts");
  CHECK(format_date_long(Date{2025, 8, 31}, "en") == "31 August 2025");
  CHECK(format_date_long(Date{2025, 1, 5}, "lv") == "2025. gada 5. janvāris");
  CHECK(format_date_long(Date{2025, 1, 5}, "en") == "5 January 2025");
}

TEST_CASE("format_date_in uses the locative in Latvian") {
  CHECK(format_date_in(Date{2025, 8, 31}, "lv") == "2025. gada 31. augustā");
  CHECK(format_date_in(Date{2025, 8, 31}, "en") == "on 31 August 2025");
  CHECK(format_date_in(Date{2024, 2, 29}, "lv") == "2024. gada 29. februārī");
  CHECK(format_date_in(Date{2025, 3, 1}, "lv") == "2025. gada 1. martā");
}

TEST_CASE("format_weekday_date") {
  CHECK(format_weekday_date(Date{2025, 8, 31}, "lv") == "svētdiena, 2025. gada 31. augusts");
  CHECK(format_weekday_date(Date{2025, 8, 31}, "en") == "Sunday, 31 August 2025");
  CHECK(format_weekday_date(Date{2025, 9, 1}, "lv") == "pirmdiena, 2025. gada 1. septembris");
  CHECK(format_weekday_date(Date{2025, 9, 3}, "lv") == "trešdiena, 2025. gada 3. septembris");
  CHECK(format_weekday_date(Date{2025, 9, 3}, "en") == "Wednesday, 3 September 2025");
}

TEST_CASE("format_time pads hours and minutes") {
  CHECK(format_time(10, 0) == "10:00");
  CHECK(format_time(9, 5) == "09:05");
  CHECK(format_time(0, 0) == "00:00");
  CHECK(format_time(23, 59) == "23:59");
}

TEST_CASE("format_count: Latvian number agreement and a no-break space") {
  CHECK(format_count(1, "iestāde", "iestādes", "lv") == "1\u00A0iestāde");
  CHECK(format_count(21, "iestāde", "iestādes", "lv") == "21\u00A0iestāde");
  CHECK(format_count(11, "iestāde", "iestādes", "lv") == "11\u00A0iestādes");
  CHECK(format_count(111, "iestāde", "iestādes", "lv") == "111\u00A0iestādes");
  CHECK(format_count(5, "iestāde", "iestādes", "lv") == "5\u00A0iestādes");
  CHECK(format_count(0, "iestāde", "iestādes", "lv") == "0\u00A0iestādes");
  CHECK(format_count(1001, "iestāde", "iestādes", "lv") == "1\u00A0001\u00A0iestāde");
  CHECK(format_count(21, "institution", "institutions", "en") == "21\u00A0institutions");
  CHECK(format_count(1, "institution", "institutions", "en") == "1\u00A0institution");
}

TEST_CASE("format_school_years: a range of school years") {
  CHECK(format_school_years(2022, 2025, "lv") == "2021./2022.–2024./2025. m. g.");
  CHECK(format_school_years(2022, 2025, "en") == "2021/2022–2024/2025");
  CHECK(format_school_years(2025, 2025, "lv") == "2024./2025. m. g.");
}

TEST_CASE("format_school_year takes the year the school year ends in") {
  CHECK(format_school_year(2025, "lv") == "2024./2025. m. g.");
  CHECK(format_school_year(2025, "en") == "2024/2025");
  CHECK(format_school_year(school_year_of(Date{2025, 9, 1}), "lv") == "2025./2026. m. g.");
}

TEST_CASE("month names") {
  const char* lv[] = {"janvāris", "februāris", "marts",      "aprīlis",  "maijs",     "jūnijs",
                      "jūlijs",   "augusts",   "septembris", "oktobris", "novembris", "decembris"};
  const char* locative[] = {"janvārī", "februārī", "martā",     "aprīlī",  "maijā",    "jūnijā",
                            "jūlijā",  "augustā",  "septembrī", "oktobrī", "novembrī", "decembrī"};
  const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                      "July",    "August",   "September", "October", "November", "December"};
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(month_name(m, "lv") == lv[m - 1]);
    CHECK(month_name_locative(m) == locative[m - 1]);
    CHECK(month_name(m, "en") == en[m - 1]);
  }
  CHECK_THROWS_AS((void)month_name(0, "lv"), std::out_of_range);
  CHECK_THROWS_AS((void)month_name(13, "en"), std::out_of_range);
  CHECK_THROWS_AS((void)month_name_locative(0), std::out_of_range);
  CHECK_THROWS_AS((void)month_name_locative(13), std::out_of_range);
}

TEST_CASE("weekday names") {
  const char* lv[] = {"pirmdiena",  "otrdiena",  "trešdiena", "ceturtdiena",
                      "piektdiena", "sestdiena", "svētdiena"};
  const char* en[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  for (int d = 0; d <= 6; ++d) {
    CAPTURE(d);
    CHECK(weekday_name(d, "lv") == lv[d]);
    CHECK(weekday_name(d, "en") == en[d]);
  }
  CHECK_THROWS_AS((void)weekday_name(-1, "lv"), std::out_of_range);
  CHECK_THROWS_AS((void)weekday_name(7, "lv"), std::out_of_range);
}

}  // namespace
}  // namespace metodika::util
