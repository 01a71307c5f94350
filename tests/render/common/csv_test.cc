#include "render/common/csv.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace metodika::render {

TEST_CASE("CsvWriter: BOM, CRLF after every record, plain fields unquoted") {
  CsvWriter csv;
  csv.row({"Skola", "Novads", "Vidējais"});
  csv.row({"Rīgas Valsts 1. ģimnāzija", "Rīga", "41.2"});
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        "Skola,Novads,Vidējais\r\n"
        "Rīgas Valsts 1. ģimnāzija,Rīga,41.2\r\n");
}

// A leading tab also starts a formula for OWASP: that field gets its quote (next test).
TEST_CASE("CsvWriter quotes commas, quotes, line breaks and edge spaces and doubles quotes") {
  CsvWriter csv;
  csv.row({"a,b", R"(say "hi")", "two\nlines", "cr\rlf", " lead", "trail ", "\ttab", "in side"});
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\",\" lead\",\"trail \",\"'\ttab\","
        "in side\r\n");
}

TEST_CASE("CsvWriter: empty fields stay empty, a lone empty field is quoted") {
  CsvWriter csv;
  csv.row({"", "x", ""});
  csv.row({""});
  csv.row(std::initializer_list<std::string_view>{});
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        ",x,\r\n"
        "\"\"\r\n"
        "\r\n");
}

TEST_CASE("CsvWriter takes a span of strings") {
  CsvWriter csv;
  const std::vector<std::string> header = {"id", "nosaukums"};
  const std::vector<std::string> record = {"ventspils-1", "Ventspils \"1.\" pamatskola"};
  csv.row(header);
  csv.row(record);
  csv.row(std::vector<std::string>{""});
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        "id,nosaukums\r\n"
        "ventspils-1,\"Ventspils \"\"1.\"\" pamatskola\"\r\n"
        "\"\"\r\n");
}

TEST_CASE("CsvWriter neutralises text that a spreadsheet would run as a formula (OWASP)") {
  CsvWriter csv;
  csv.row({"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=\"q\"", "a=1", " =1"});
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        "\"'=1+1\",\"'+1+1\",\"'-1+1\",\"'@SUM(A1)\",\"'\t=1\",\"'\r=1\",\"'=\"\"q\"\"\",a=1,"
        "\" =1\"\r\n");
}

TEST_CASE("CsvWriter: a text field that is a plain number stays; number() is never touched") {
  CsvWriter csv;
  csv.row({"-5", "-1,5", "-1.5", "+2", "-", "-1.", "-.5", "-1e5", "--1"});
  csv.number("-5.00");
  csv.number("-1.5");
  csv.number("2025-08-31");
  csv.end_row();
  CHECK(csv.str() ==
        "\xEF\xBB\xBF"
        "-5,\"-1,5\",-1.5,+2,\"'-\",\"'-1.\",\"'-.5\",\"'-1e5\",\"'--1\"\r\n"
        "-5.00,-1.5,2025-08-31\r\n");
}

TEST_CASE("CsvWriter with no rows is just the BOM") { CHECK(CsvWriter().str() == "\xEF\xBB\xBF"); }

TEST_CASE("CsvWriter field by field writes what row writes") {
  CsvWriter by_row, by_field;
  const std::vector<std::vector<std::string>> records = {
      {"a,b", "say \"hi\"", "", " lead"}, {""}, {}, {"", ""}, {"x"}, {"\"\"", "\"", "q\"q\"q"}};
  for (const auto& record : records) {
    by_row.row(record);
    for (const std::string& cell : record) by_field.field(cell);
    by_field.end_row();
  }
  CHECK(by_field.str() == by_row.str());
  const std::string copied = by_field.str();
  CHECK(std::move(by_field).str() == copied);
}

}  // namespace metodika::render
