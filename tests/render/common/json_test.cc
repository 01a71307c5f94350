// generator/render/common/json.cc: JSON strings and numbers byte for byte as nlohmann's dump
// writes them, and table_json (render/common/table.cc) byte for byte as the ordered_json tree
// it replaced.
#include "render/common/json.h"

#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "render/common/table.h"

namespace metodika::render {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

std::string direct_string(std::string_view s) {
  std::string out;
  json_string_to(out, s);
  return out;
}

std::string direct_number(std::string_view s) {
  std::string out;
  json_number_to(out, s);
  return out;
}

TEST_CASE("json_string_to escapes as nlohmann's dump, invalid UTF-8 included") {
  const std::vector<std::string> cases = {
      "",
      "plain",
      "Ādažu novads — “pēdiņas”",
      "quote \" backslash \\ slash /",
      std::string("nul \0 bell \a bs \b tab \t nl \n vt \v ff \f cr \r esc \x1b del \x7f", 40),
      "emoji 😀 and U+FFFF \xEF\xBF\xBF",
      "\xC3",                    // truncated
      "\xC0\xAF",                // overlong
      "\xED\xA0\x80",            // surrogate
      "\xF4\x90\x80\x80",        // above U+10FFFF
      "a\xE2\x82z\xE2\x82\xAC",  // broken, then a euro sign
      "\xFF\xFE ok \x80\x80",
  };
  for (const std::string& s : cases) {
    CAPTURE(s);
    CHECK(direct_string(s) == nlohmann::json(s).dump(-1, ' ', false, kReplace));
  }
  // Random bytes, biased towards UTF-8 lead and continuation bytes.
  std::mt19937 rng(20261122);
  const unsigned char pool[] = {'a',  '"',  '\\', 0x01, 0x1f, 0x20, 0x7f, 0x80, 0x9f, 0xa0,
                                0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 8, ' ');
    for (char& ch : s) ch = static_cast<char>(pool[rng() % sizeof pool]);
    CAPTURE(s);
    REQUIRE(direct_string(s) == nlohmann::json(s).dump(-1, ' ', false, kReplace));
  }
}

TEST_CASE("json_number_to writes what nlohmann's parse then dump writes") {
  const std::vector<std::string> cases = {"0",
                                          "-0",
                                          "45",
                                          "-3",
                                          "16018.00",
                                          "0.05",
                                          "-0.05",
                                          "45.3",
                                          "41.2",
                                          "1e+20",
                                          "1e-07",
                                          "2.5e+15",
                                          "123456789012345.67",
                                          "9223372036854775807",
                                          "-9223372036854775808",
                                          "-9223372036854775809",
                                          "18446744073709551615",
                                          "18446744073709552000",
                                          "0.1",
                                          "100",
                                          "1e+16",
                                          "1.7976931348623157e+308"};
  for (const std::string& s : cases) {
    CAPTURE(s);
    CHECK(direct_number(s) == nlohmann::json::parse(s).dump());
  }
  // The texts table_json gives it: std::to_chars of doubles and cents.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    double scale = std::pow(10.0, static_cast<double>(rng() % 40) - 20);
    double v = (static_cast<double>(rng() % 2000001) - 1000000.0) * scale;
    char buf[64];
    std::string text(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    CAPTURE(text);
    REQUIRE(direct_number(text) == nlohmann::json::parse(text).dump());
  }
  std::string out;
  json_int_to(out, std::numeric_limits<int64_t>::min());
  CHECK(out == nlohmann::json(std::numeric_limits<int64_t>::min()).dump());
}

// table_json as it was written before, through an ordered_json tree: the reference.
std::string reference_json(const Table& table) {
  using nlohmann::ordered_json;
  auto type_name = [](ColumnType t) {
    switch (t) {
      case ColumnType::kText:
        return "text";
      case ColumnType::kInteger:
        return "integer";
      case ColumnType::kDecimal:
        return "decimal";
      case ColumnType::kPercent:
        return "percent";
      case ColumnType::kMoney:
        return "money";
      case ColumnType::kDate:
        return "date";
      case ColumnType::kYear:
        return "year";
      case ColumnType::kSchoolYear:
        return "school_year";
    }
    return "text";
  };
  auto kind_name = [](RowKind k) {
    return k == RowKind::kGroup ? "group" : k == RowKind::kTotal ? "total" : "data";
  };
  bool structured = false;
  for (const Row& r : table.rows) structured = structured || r.kind != RowKind::kData;
  ordered_json doc;
  doc["id"] = table.id;
  doc["title"] = table.title;
  if (!table.note.empty()) doc["note"] = table.note;
  ordered_json columns = ordered_json::array();
  for (const Column& c : table.columns) {
    columns.push_back({{"key", c.key}, {"label", c.label}, {"type", type_name(c.type)}});
  }
  doc["columns"] = columns;
  ordered_json rows = ordered_json::array();
  for (const Row& r : table.rows) {
    ordered_json row = ordered_json::object();
    if (structured) row["row"] = kind_name(r.kind);
    ordered_json hidden = ordered_json::array();
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Cell empty;
      const Cell& cell = i < r.cells.size() ? r.cells[i] : empty;
      if (cell.note == CellNote::kSuppressed) hidden.push_back(col.key);
      // machine_cell is the cents_machine, decimal_machine and as_int the old code called.
      const std::string machine = machine_cell(col, cell);
      if (cell.empty()) {
        row[col.key] = nullptr;
      } else if (std::holds_alternative<std::string>(cell.value) ||
                 std::holds_alternative<util::Date>(cell.value)) {
        row[col.key] = machine;
      } else if (col.type == ColumnType::kMoney) {
        row[col.key] = ordered_json::parse(machine);
      } else if (col.type == ColumnType::kDecimal || col.type == ColumnType::kPercent) {
        row[col.key] = machine.empty() ? ordered_json(nullptr) : ordered_json::parse(machine);
      } else {
        row[col.key] = static_cast<int64_t>(std::stoll(machine));
      }
    }
    if (!hidden.empty()) row["suppressed"] = hidden;
    rows.push_back(row);
  }
  doc["rows"] = rows;
  return doc.dump(1, ' ', false, kReplace) + "\n";
}

TEST_CASE("table_json writes what the ordered_json tree wrote, for any table") {
  std::mt19937 rng(42);
  const std::vector<std::string> keys = {"school", "v",      "row",    "suppressed",
                                         "v",      "Ā\"k\"", "bad\xC3"};
  const std::vector<std::string> texts = {"",         "Sabiles vidusskola", "a \"b\" \\ c\n\t",
                                          "\x01\x1f", "broken \xE2\x82",    "Kopā"};
  // Doubles that round to int64 (money and integer columns round them), then any.
  const double doubles[] = {0.0,
                            -0.0,
                            45.25,
                            -3.5,
                            1e-7,
                            123.456,
                            99.95,
                            1e12,
                            1e20,
                            1e300,
                            std::numeric_limits<double>::quiet_NaN()};
  const ColumnType types[] = {ColumnType::kText,    ColumnType::kInteger,   ColumnType::kDecimal,
                              ColumnType::kPercent, ColumnType::kMoney,     ColumnType::kDate,
                              ColumnType::kYear,    ColumnType::kSchoolYear};
  for (int n = 0; n < 500; ++n) {
    Table t;
    t.id = std::to_string(n);
    t.title = texts[rng() % texts.size()];
    t.note = texts[rng() % texts.size()];
    const size_t ncols = rng() % 6;
    for (size_t i = 0; i < ncols; ++i) {
      Column c;
      c.key = keys[rng() % keys.size()];
      c.label = texts[rng() % texts.size()];
      c.type = types[rng() % std::size(types)];
      c.decimals = static_cast<int>(rng() % 4);
      t.columns.push_back(c);
    }
    const size_t nrows = rng() % 5;
    for (size_t r = 0; r < nrows; ++r) {
      Row row;
      row.kind = rng() % 4 == 0 ? (rng() % 2 ? RowKind::kGroup : RowKind::kTotal) : RowKind::kData;
      const size_t ncells = rng() % (ncols + 2);
      for (size_t i = 0; i < ncells; ++i) {
        Cell cell;
        switch (rng() % 6) {
          case 0:
            break;  // empty
          case 1:
            cell = suppressed_cell();
            break;
          case 2:
            cell.value = texts[rng() % texts.size()];
            break;
          case 3:
            cell.value = static_cast<int64_t>(rng() % 2000001) - 1000000;
            break;
          case 4: {
            bool any = i < ncols && (t.columns[i].type == ColumnType::kDecimal ||
                                     t.columns[i].type == ColumnType::kPercent);
            cell.value = doubles[rng() % (any ? std::size(doubles) : 8)];
            break;
          }
          case 5:
            cell.value = util::Date{2020 + static_cast<int>(rng() % 6), 8, 31};
            break;
        }
        row.cells.push_back(cell);
      }
      t.rows.push_back(row);
    }
    CAPTURE(n);
    REQUIRE(table_json(t) == reference_json(t));
  }
}

}  // namespace
}  // namespace metodika::render
