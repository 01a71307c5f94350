#include "render/pdf/flow.h"

#include <algorithm>

namespace metodika::render::pdf {

namespace {

class Paginator {
 public:
  Paginator(const Flow& flow, double height) : flow_(flow), height_(height) {}

  Pagination run() {
    const std::vector<Item>& items = flow_.items;
    size_t i = 0;
    new_page(std::nullopt);
    while (i < items.size()) {
      const Item& item = items[i];
      if (item.page_break_before && own_items_ > 0) new_page(i);
      const double space = own_items_ == 0 ? 0 : item.space_before;
      if (y_ + space + item.height <= height_ + 1e-6 || own_items_ == 0) {
        place(i, space);
        ++i;
        continue;
      }
      // It does not fit: move to the next page with the items that must stay with it, unless
      // they fill this whole page already.
      size_t start = i;
      while (start > 0 && placed_on_page(start - 1) && items[start - 1].keep_with_next &&
             !items[start].page_break_before) {
        --start;
      }
      if (start > first_on_page_) {
        unplace_from(start);
        new_page(start);
        i = start;
      } else {
        new_page(i);
      }
    }
    result_.anchors.resize(anchor_count());
    for (const Entry& e : entries_) {
      if (e.index >= 0 && flow_.items[static_cast<size_t>(e.index)].anchor >= 0) {
        result_.anchors[static_cast<size_t>(flow_.items[static_cast<size_t>(e.index)].anchor)] = {
            e.page, e.y};
      }
    }
    for (const Entry& e : entries_) {
      result_.pages[static_cast<size_t>(e.page)].placements.push_back({e.item, e.y, e.index});
    }
    return std::move(result_);
  }

 private:
  struct Entry {
    const Item* item;
    int index;  // into flow.items; -1 for a repeated header
    int page;
    double y;
  };

  size_t anchor_count() const {
    int count = 0;
    for (const Item& item : flow_.items) count = std::max(count, item.anchor + 1);
    return static_cast<size_t>(count);
  }

  bool placed_on_page(size_t index) const {
    return !entries_.empty() && index >= first_on_page_ && own_items_ > 0;
  }

  void place(size_t index, double space) {
    y_ += space;
    entries_.push_back({&flow_.items[index], static_cast<int>(index), page_, y_});
    y_ += flow_.items[index].height;
    ++own_items_;
  }

  void unplace_from(size_t index) {
    while (!entries_.empty() && entries_.back().index >= static_cast<int>(index)) {
      entries_.pop_back();
    }
  }

  // Starts a page whose first own item will be `next`; repeats its table header if it has one.
  void new_page(std::optional<size_t> next) {
    result_.pages.emplace_back();
    page_ = static_cast<int>(result_.pages.size()) - 1;
    y_ = 0;
    own_items_ = 0;
    first_on_page_ = next.value_or(0);
    if (!next) return;
    const Item& item = flow_.items[*next];
    if (item.repeat_header < 0 || item.page_break_before) return;
    for (const Item& header : flow_.headers[static_cast<size_t>(item.repeat_header)]) {
      entries_.push_back({&header, -1, page_, y_});
      y_ += header.height;
    }
  }

  const Flow& flow_;
  double height_;
  Pagination result_;
  std::vector<Entry> entries_;
  int page_ = 0;
  double y_ = 0;
  size_t own_items_ = 0;
  size_t first_on_page_ = 0;
};

}  // namespace

Pagination paginate(const Flow& flow, double height) {
  return Paginator(flow, height).run();
}

}  // namespace metodika::render::pdf
