#include "render/pdf/review.h"

#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("An empty review still makes a valid document") {
  Review review;
  review.lang = "en";
  review.title = "Review";
  const std::string pdf = render_review(review, test::test_resources(), test::sample_options());
  CHECK(pdf.starts_with("%PDF-1."));
}

}  // namespace
}  // namespace metodika::render::pdf
