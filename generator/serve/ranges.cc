#include "serve/ranges.h"

#include <algorithm>
#include <optional>

namespace metodika::serve {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Digits only; a number past 2^62 counts as "beyond any file" (clamped below), so that no
// overflow can turn it small.
std::optional<uint64_t> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  constexpr uint64_t kHuge = uint64_t{1} << 62;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (n < kHuge) n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return std::min(n, kHuge);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

RangePlan plan_ranges(std::string_view header, uint64_t size) {
  RangePlan whole;
  size_t eq = header.find('=');
  if (eq == std::string_view::npos || !iequals(trim(header.substr(0, eq)), "bytes")) return whole;
  std::vector<ByteRange> satisfiable;
  size_t specs = 0;
  std::string_view rest = header.substr(eq + 1);
  while (true) {
    size_t comma = rest.find(',');
    std::string_view spec = trim(rest.substr(0, comma));
    if (!spec.empty()) {  // the list syntax allows empty elements
      // Counted before parsing: a header of 10,000 ranges is not read to its end.
      if (++specs > kMaxRanges) return whole;
      size_t dash = spec.find('-');
      if (dash == std::string_view::npos) return whole;
      std::string_view a = spec.substr(0, dash);
      std::string_view b = spec.substr(dash + 1);
      if (a.empty()) {  // "-N": the last N bytes
        std::optional<uint64_t> n = number(b);
        if (!n) return whole;
        if (*n > 0 && size > 0) satisfiable.push_back({size - std::min(*n, size), size - 1});
      } else {
        std::optional<uint64_t> first = number(a);
        std::optional<uint64_t> last = b.empty() ? std::optional<uint64_t>(UINT64_MAX) : number(b);
        if (!first || !last || *last < *first) return whole;
        if (*first < size) satisfiable.push_back({*first, std::min(*last, size - 1)});
      }
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (specs == 0) return whole;
  if (satisfiable.empty()) return {RangeAnswer::kUnsatisfiable, {}};
  std::vector<ByteRange> sorted = satisfiable;
  std::sort(sorted.begin(), sorted.end(),
            [](const ByteRange& x, const ByteRange& y) { return x.first < y.first; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].first <= sorted[i - 1].last) return whole;
  }
  return {RangeAnswer::kPartial, std::move(satisfiable)};
}

}  // namespace metodika::serve
