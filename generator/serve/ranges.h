// Range requests for `metodika serve` (RFC 9110 §14): which bytes of a response a `Range`
// header asks for, bounded so that no request makes the server send more than the file. A PDF
// viewer asks for one range at a time; a request for many small or overlapping ranges (a 3 KB
// header once made 52 MB from a 52 KB file) gets the whole file with 200, as nginx does.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace metodika::serve {

/// At most this many ranges are answered one by one; more get the whole file.
inline constexpr size_t kMaxRanges = 5;

struct ByteRange {
  uint64_t first = 0;
  uint64_t last = 0;  // inclusive, as Content-Range writes it
  [[nodiscard]] uint64_t length() const { return last - first + 1; }
  bool operator==(const ByteRange&) const = default;
};

enum class RangeAnswer {
  kWhole,          // 200 with the whole body: no Range, one the server ignores, or too many
  kPartial,        // 206 with `ranges` (one: a plain body; several: multipart/byteranges)
  kUnsatisfiable,  // 416: no range starts inside the body
};

struct RangePlan {
  RangeAnswer answer = RangeAnswer::kWhole;
  std::vector<ByteRange> ranges;  // in the order asked, clamped to the body
};

/// The answer to `Range: header` for a body of `size` bytes. A header that is not a valid
/// `bytes=` range set is ignored (kWhole), as RFC 9110 allows; so are more than kMaxRanges
/// ranges and ranges that overlap, which could only be meant to multiply the response.
[[nodiscard]] RangePlan plan_ranges(std::string_view header, uint64_t size);

}  // namespace metodika::serve
