#include "render/pdf/review.h"

#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.h"

namespace metodika::render::pdf {
namespace {

TEST_CASE("The same review gives the same bytes") {
  const Review review = test::sample_review(60);
  const std::string first = render_review(review, test::test_resources(), test::sample_options());
  const std::string second = render_review(review, test::test_resources(), test::sample_options());
  CHECK(first.starts_with("%PDF-1."));
  CHECK(first.find("%%EOF") != std::string::npos);
  CHECK(first == second);
}

TEST_CASE("A long review stays small: fonts subset, streams compressed") {
  const Review review = test::sample_review(400);  // ~20 pages of tables
  const std::string pdf = render_review(review, test::test_resources(), test::sample_options());
  CHECK(pdf.size() < 300 * 1024);
}

// A zlib stream inflated.
std::string inflate_all(std::string_view in) {
  z_stream z{};
  REQUIRE(inflateInit(&z) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  CHECK(status == Z_STREAM_END);
  return out;
}

TEST_CASE("A long review's structure elements are stored in rows under the Up predictor") {
  const Review review = test::sample_review(400);
  const std::string pdf = render_review(review, test::test_resources(), test::sample_options());
  const std::regex head(
      R"((\d+) 0 obj\n<< /Type /ObjStm /N (\d+) /First (\d+) /Length (\d+) /Filter /FlateDecode)"
      R"( /DecodeParms << /Predictor 12 /Columns (\d+) >> >>\nstream\n)");
  int streams = 0;
  size_t elements = 0;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), head); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    ++streams;
    const size_t n = std::stoul(m[2]), first = std::stoul(m[3]), length = std::stoul(m[4]),
                 columns = std::stoul(m[5]);
    const std::string raw =
        inflate_all(std::string_view(pdf).substr(static_cast<size_t>(m.position(0) + m.length(0)),
                                                 length));
    // Undo the predictor: each row is a filter byte (2, Up) and its difference from the row above.
    REQUIRE(raw.size() % (columns + 1) == 0);
    std::string data;
    std::string above(columns, '\0');
    for (size_t r = 0; r < raw.size(); r += columns + 1) {
      REQUIRE(raw[r] == '\2');
      for (size_t b = 0; b < columns; ++b) above[b] = static_cast<char>(above[b] + raw[r + 1 + b]);
      data += above;
    }
    // The header: N pairs of object number and offset, offsets increasing; each object a
    // structure element's dictionary that fits its row.
    std::istringstream header(data.substr(0, first));
    size_t last = 0;
    for (size_t i = 0; i < n; ++i) {
      size_t number = 0, offset = 0;
      const bool read = static_cast<bool>(header >> number >> offset);
      REQUIRE(read);
      if (i > 0) CHECK(offset > last);
      last = offset;
      const std::string object = data.substr(first + offset, columns);
      CHECK(object.starts_with("<</S/"));
      CHECK(object.find(">>") != std::string::npos);
      ++elements;
    }
  }
  CHECK(streams >= 1);
  CHECK(elements > 1000);
}

TEST_CASE("An empty review still makes a valid document") {
  Review review;
  review.lang = "en";
  review.title = "Review";
  const std::string pdf = render_review(review, test::test_resources(), test::sample_options());
  CHECK(pdf.starts_with("%PDF-1."));
}

}  // namespace
}  // namespace metodika::render::pdf
