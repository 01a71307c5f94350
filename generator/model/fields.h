// Reading typed values out of positioned YAML nodes, with a diagnostic for every problem.
// Each function reports what was expected, what was found and how to fix it, at the node's
// line and column, and returns nullopt so that the caller can keep going (STYLE.md "Errors").
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/yaml.h"
#include "model/enums.h"
#include "model/model.h"
#include "util/text.h"

namespace metodika::model {

using load::Node;

/// What every reader needs: where to report, and the site's languages (first = default).
struct Ctx {
  diag::Diagnostics& diags;
  const std::string& file;
  const std::vector<std::string>& langs;
  /// The file's list root and load::node_digest of each of its items, when known in advance
  /// (a memoised tree): entry_digest then need not walk the entry again.
  const Node* root = nullptr;
  const std::vector<uint64_t>* item_digests = nullptr;

  [[nodiscard]] Pos at(const Node& n) const { return {file, n.line, n.col}; }
  void error(const Node& n, std::string msg, std::string hint = {}) const {
    diags.error(at(n), std::move(msg), std::move(hint));
  }
};

/// The fields of one map entry ("a school"). Reports unknown keys (with "did you mean") when
/// constructed, and missing required ones when asked for.
class Fields {
 public:
  Fields(const Node& map, const Ctx& ctx, std::string_view entity,
         std::initializer_list<std::string_view> known);
  /// The value of an optional field, or nullptr when absent or null.
  [[nodiscard]] const Node* get(std::string_view key) const;
  /// The value of a required field; reports it missing and gives nullptr when absent or null.
  [[nodiscard]] const Node* require(std::string_view key) const;
  [[nodiscard]] const Node& node() const { return map_; }

 private:
  const Node& map_;
  const Ctx& ctx_;
  std::string entity_;
};

/// Checks that `n` is a map (an entry with fields); reports and returns false otherwise.
bool expect_map(const Node& n, const Ctx& ctx, std::string_view what);
/// Checks that `n` is a list; reports and returns false otherwise.
bool expect_list(const Node& n, const Ctx& ctx, std::string_view what);

std::optional<std::string> read_string(const Node& n, const Ctx& ctx, std::string_view field);
/// A web address: http(s), mailto: or tel:. Anything else (javascript:, relative paths) is an
/// error, so that no data value can become a script link on a page.
std::optional<std::string> read_url(const Node& n, const Ctx& ctx, std::string_view field);
/// An e-mail address (name@domain).
std::optional<std::string> read_email(const Node& n, const Ctx& ctx, std::string_view field);
/// An id: `[a-z0-9-]+` (DATA-MODEL.md section 4).
std::optional<std::string> read_slug(const Node& n, const Ctx& ctx, std::string_view field);
std::optional<int64_t> read_int(const Node& n, const Ctx& ctx, std::string_view field,
                                int64_t min, int64_t max);
/// A non-negative whole number of people or things.
std::optional<int> read_count(const Node& n, const Ctx& ctx, std::string_view field);
std::optional<double> read_number(const Node& n, const Ctx& ctx, std::string_view field,
                                  double min, double max);
std::optional<double> read_percent(const Node& n, const Ctx& ctx, std::string_view field);
std::optional<bool> read_bool(const Node& n, const Ctx& ctx, std::string_view field);
std::optional<Date> read_date(const Node& n, const Ctx& ctx, std::string_view field);
std::optional<DateTime> read_datetime(const Node& n, const Ctx& ctx, std::string_view field);
/// A school year (the calendar year in which it ends, section 2.1), 1990..2100.
std::optional<int> read_year(const Node& n, const Ctx& ctx, std::string_view field);
/// A euro amount with at most two decimals, in cents.
std::optional<Cents> read_cents(const Node& n, const Ctx& ctx, std::string_view field);
/// A text in several languages: a plain string, or a map {lv: ..., en: ...} (section 2.2).
/// Warns once for each missing translation and fills it from the default language.
std::optional<Text> read_text(const Node& n, const Ctx& ctx, std::string_view field);
/// A list of strings; a single string is taken as a list of one.
std::optional<std::vector<std::string>> read_string_list(const Node& n, const Ctx& ctx,
                                                         std::string_view field);
/// A list of ids (see read_slug).
std::optional<std::vector<std::string>> read_slug_list(const Node& n, const Ctx& ctx,
                                                       std::string_view field);

/// Reports an unknown enum name with the allowed ones and a "did you mean".
void report_bad_enum(const Node& n, const Ctx& ctx, std::string_view field,
                     const std::vector<std::string>& allowed);

template <typename E, size_t N>
std::optional<E> read_enum(const Node& n, const Ctx& ctx, std::string_view field,
                           const EnumTable<E, N>& table) {
  auto s = read_string(n, ctx, field);
  if (!s) return std::nullopt;
  if (auto v = enum_parse(table, *s)) return v;
  std::vector<std::string> allowed;
  for (const auto& [name, value] : table) allowed.emplace_back(name);
  report_bad_enum(n, ctx, field, allowed);
  return std::nullopt;
}

/// Reports that `n` is not a map of school years (for read_by_year).
void report_not_by_year(const Node& n, const Ctx& ctx, std::string_view field);

/// A map from school years to values: {2024: 512, 2025: 530}.
template <typename T, typename ReadValue>
std::optional<ByYear<T>> read_by_year(const Node& n, const Ctx& ctx, std::string_view field,
                                      ReadValue&& read_value) {
  if (!n.is_map()) {
    report_not_by_year(n, ctx, field);
    return std::nullopt;
  }
  ByYear<T> out;
  bool ok = true;
  for (size_t i = 0; i < n.size(); ++i) {
    auto year = read_year(n.key(i), ctx, field);
    auto value = read_value(n.val(i));
    if (year && value) {
      out[*year] = *value;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace metodika::model
