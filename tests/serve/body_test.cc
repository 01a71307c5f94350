// generator/serve/body.cc: a response's bytes as pieces of text and of one file; slices.
#include "serve/body.h"

#include <doctest/doctest.h>
#include <fcntl.h>

#include "../load/temp_site.h"

namespace metodika::serve {
namespace {
using testing::TempSite;

TEST_CASE("a body of file and text pieces, sliced across their edges") {
  TempSite site({{"f.txt", "0123456789"}});
  Body file(Fd(::open((site.root() / "f.txt").c_str(), O_RDONLY | O_CLOEXEC)), 10);
  Body body = file.empty_like();
  body.append_slice(file, 0, 4);  // 0123
  body.append_text("<tag>");
  body.append_slice(file, 4, 6);  // 456789
  CHECK(body.size() == 15);
  CHECK(body.to_string() == "0123<tag>456789");
  for (uint64_t first = 0; first < 15; ++first) {
    for (uint64_t length = 0; first + length <= 15; ++length) {
      Body part = body.empty_like();
      part.append_slice(body, first, length);
      CHECK(part.size() == length);
      CHECK(part.to_string() == body.to_string().substr(first, length));
    }
  }
  Body none;
  none.append_text("");
  CHECK(none.pieces().empty());  // empty pieces are not kept
  body.clear();
  CHECK(body.size() == 0);
  CHECK(body.file() == -1);
}

}  // namespace
}  // namespace metodika::serve
