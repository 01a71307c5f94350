// generator/serve/ranges.cc: which bytes a Range header gets, and when it gets the whole file.
#include "serve/ranges.h"

#include <doctest/doctest.h>

#include <string>

namespace metodika::serve {
namespace {

std::vector<ByteRange> partial(std::string_view header, uint64_t size) {
  RangePlan plan = plan_ranges(header, size);
  REQUIRE(plan.answer == RangeAnswer::kPartial);
  return plan.ranges;
}

TEST_CASE("ranges as RFC 9110 writes them, clamped to the file") {
  CHECK(partial("bytes=0-99", 1000) == std::vector<ByteRange>{{0, 99}});
  CHECK(partial("bytes=900-", 1000) == std::vector<ByteRange>{{900, 999}});
  CHECK(partial("bytes=-100", 1000) == std::vector<ByteRange>{{900, 999}});
  CHECK(partial("bytes=-5000", 1000) == std::vector<ByteRange>{{0, 999}});
  CHECK(partial("bytes=990-5000", 1000) == std::vector<ByteRange>{{990, 999}});
  CHECK(partial("Bytes = 1-2", 10) == std::vector<ByteRange>{{1, 2}});
  CHECK(partial("bytes=99999999999999999999999-,0-0", 10) == std::vector<ByteRange>{{0, 0}});
  // Several, in the order asked (unsatisfiable ones left out); empty list elements are allowed.
  CHECK(partial("bytes=500-599, 0-9,,-10, 5000-", 1000) ==
        std::vector<ByteRange>{{500, 599}, {0, 9}, {990, 999}});
  // Adjacent ranges do not overlap.
  CHECK(partial("bytes=0-9,10-19", 100) == std::vector<ByteRange>{{0, 9}, {10, 19}});
}

TEST_CASE("too many ranges, overlapping ranges or a malformed header: the whole file") {
  for (const char* header :
       {"", "bytes", "items=0-1", "bytes=", "bytes=,", "bytes=abc", "bytes=5-1", "bytes=1-2-3",
        "bytes=-", "bytes= 1 -2", "bytes=0x10-20", "bytes=0-1,2-3,4-5,6-7,8-9,10-11",
        "bytes=0-99,50-149", "bytes=0-,0-", "bytes=-10,-20", "bytes=0-0,0-0"}) {
    CAPTURE(header);
    RangePlan plan = plan_ranges(header, 1000);
    CHECK(plan.answer == RangeAnswer::kWhole);
    CHECK(plan.ranges.empty());
  }
  // The attack of issue 19: thousands of ranges in a small header; not parsed past the limit.
  std::string many = "bytes=0-";
  for (int i = 0; i < 1000; ++i) many += ",0-";
  CHECK(plan_ranges(many, 52000).answer == RangeAnswer::kWhole);
  // Exactly kMaxRanges is still answered range by range.
  CHECK(partial("bytes=0-0,2-2,4-4,6-6,8-8", 10).size() == kMaxRanges);
}

TEST_CASE("no range inside the file: 416") {
  CHECK(plan_ranges("bytes=1000-", 1000).answer == RangeAnswer::kUnsatisfiable);
  CHECK(plan_ranges("bytes=-0", 1000).answer == RangeAnswer::kUnsatisfiable);
  CHECK(plan_ranges("bytes=0-10", 0).answer == RangeAnswer::kUnsatisfiable);
  CHECK(plan_ranges("bytes=-10", 0).answer == RangeAnswer::kUnsatisfiable);
  CHECK(plan_ranges("bytes=2000-3000,5000-", 1000).answer == RangeAnswer::kUnsatisfiable);
}

}  // namespace
}  // namespace metodika::serve
