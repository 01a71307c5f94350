#include "render/pdf/flow.h"

#include <doctest/doctest.h>

#include <vector>

namespace metodika::render::pdf {
namespace {

Item item(double height, bool keep = false) {
  Item it;
  it.height = height;
  it.keep_with_next = keep;
  return it;
}

std::vector<size_t> page_sizes(const Pagination& p) {
  std::vector<size_t> out;
  for (const PageLayout& page : p.pages) out.push_back(page.placements.size());
  return out;
}

TEST_CASE("Items fill a page, then the next") {
  Flow flow;
  for (int i = 0; i < 7; ++i) flow.items.push_back(item(30));
  CHECK(page_sizes(paginate(flow, 100)) == std::vector<size_t>{3, 3, 1});
}

TEST_CASE("A heading is never the last thing on a page") {
  Flow flow;
  flow.items = {item(30), item(30), item(30, true), item(30)};
  const Pagination p = paginate(flow, 100);
  CHECK(page_sizes(p) == std::vector<size_t>{2, 2});
  CHECK(p.pages[1].placements[0].item == &flow.items[2]);
}

TEST_CASE("Space before an item is dropped at the top of a page") {
  Flow flow;
  flow.items = {item(60), item(30), item(30)};
  flow.items[2].space_before = 20;
  const Pagination p = paginate(flow, 100);
  CHECK(page_sizes(p) == std::vector<size_t>{2, 1});
  CHECK(p.pages[1].placements[0].y == 0);
}

TEST_CASE("Chapters start a page and anchors record where headings landed") {
  Flow flow;
  flow.items = {item(10), item(10), item(10)};
  flow.items[1].page_break_before = true;
  flow.items[1].anchor = 0;
  const Pagination p = paginate(flow, 100);
  CHECK(page_sizes(p) == std::vector<size_t>{1, 2});
  REQUIRE(p.anchors.size() == 1);
  CHECK(p.anchors[0].page == 1);
  CHECK(p.anchors[0].y == 0);
}

TEST_CASE("A table's header row repeats on every page it continues on") {
  Flow flow;
  flow.headers = {{item(15)}};
  flow.items.push_back(item(15, true));  // the header, first placed with the table
  for (int i = 0; i < 13; ++i) {
    Item row = item(20);
    row.repeat_header = 0;
    flow.items.push_back(row);
  }
  const Pagination p = paginate(flow, 100);
  // 15 + 4 x 20 on the first page; then header + 4 rows per page.
  CHECK(page_sizes(p) == std::vector<size_t>{5, 5, 5, 2});
  for (size_t page = 1; page < p.pages.size(); ++page) {
    CHECK(p.pages[page].placements[0].item == &flow.headers[0][0]);
    CHECK(p.pages[page].placements[1].y == 15);
  }
}

TEST_CASE("A chain of keeps longer than a page breaks where it must") {
  Flow flow;
  for (int i = 0; i < 6; ++i) flow.items.push_back(item(30, true));
  CHECK(page_sizes(paginate(flow, 100)) == std::vector<size_t>{3, 3});
}

}  // namespace
}  // namespace metodika::render::pdf
