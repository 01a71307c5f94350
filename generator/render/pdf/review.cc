#include "render/pdf/review.h"

#include <algorithm>
#include <iterator>
#include <span>
#include <string_view>
#include <utility>

#include "load/fonts.h"
#include "render/common/markdown.h"
#include "render/pdf/flow.h"
#include "render/pdf/fonts.h"
#include "render/pdf/hyphenate.h"
#include "render/pdf/layout.h"
#include "render/pdf/writer.h"
#include "util/typography.h"

namespace metodika::render::pdf {

namespace {

constexpr double kMarginLeft = 62;
constexpr double kMarginTop = 74;
constexpr double kMarginBottom = 64;
constexpr double kTextWidth = kPageWidth - 2 * kMarginLeft;
constexpr double kTextHeight = kPageHeight - kMarginTop - kMarginBottom;
constexpr Rgb kAccent{0x0B, 0x2E, 0x59};

// The few words the PDF itself adds around the report template's content.
struct Labels {
  std::string_view contents;
  std::string_view page_prefix;  // "Page " / ""
  std::string_view page_middle;  // " of " / ". lpp. no "
  std::string_view accessible;
  std::string_view period;
  std::string_view prepared;
};

Labels labels_for(std::string_view lang) {
  if (lang == "lv") {
    return {"Saturs", "", ". lpp. no ", "Pārskata piekļūstamā versija tīmeklī:",
            "Pārskata periods", "Sagatavots"};
  }
  return {"Contents", "Page ", " of ", "The accessible version of this review on the web:",
          "Review period", "Prepared"};
}

std::string page_label(const Labels& labels, int n, int m) {
  return std::string(labels.page_prefix) + std::to_string(n) + std::string(labels.page_middle) +
         std::to_string(m);
}

// Text cut with "…" to fit `width`.
std::string fit(std::string text, const FontMetrics& font, double size, double width) {
  if (font.width(text, size) <= width) return text;
  while (!text.empty() && font.width(text + "\u2026", size) > width) {
    size_t end = text.size() - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  return text + "\u2026";
}

class ReviewWriter {
 public:
  ReviewWriter(const Review& review, const Resources& resources, const ReviewOptions& options)
      : review_(review),
        options_(options),
        ts_{resources.fonts(), resources.hyphenator()},
        labels_(labels_for(review.lang)) {}

  std::string run() {
    Document document;
    Structure& structure = document.structure;
    // The cover first: its title is the document's first heading (H1).
    document.pages.push_back(cover(structure));
    FlowBuilder body(ts_, kTextWidth, review_.lang, options_.suppressed, structure,
                     Structure::root());
    body.set_foreign(review_.foreign);
    for (const ReviewBlock& block : review_.blocks) {
      switch (block.kind) {
        case ReviewBlock::Kind::kMarkdown:
          body.add_markdown(markdown_tree(block.markdown, review_.fields));
          break;
        case ReviewBlock::Kind::kTable:
          body.add_table(block.table);
          break;
        case ReviewBlock::Kind::kChart:
          body.add_chart(block.chart);
          break;
      }
    }
    const Pagination body_pages = paginate(body.flow(), kTextHeight);
    const std::vector<HeadingEntry>& headings = body.headings();

    // Two passes over the contents: its length first (numbers take a fixed column, so the
    // numbers themselves do not change it), then with the page numbers it implies.
    Structure scratch;  // the first pass's elements are not kept
    const int toc_count =
        static_cast<int>(paginate(toc_flow(headings, {}, scratch), kTextHeight).pages.size());
    const int first_body = 1 + toc_count;
    std::vector<int> heading_pages;
    for (const HeadingEntry& heading : headings) {
      const AnchorPosition& at = body_pages.anchors[static_cast<size_t>(heading.anchor)];
      heading_pages.push_back(first_body + at.page + 1);
    }
    Flow toc = toc_flow(headings, heading_pages, structure);
    const Pagination toc_pages = paginate(toc, kTextHeight);
    const int total = first_body + static_cast<int>(body_pages.pages.size());

    for (const PageLayout& page : toc_pages.pages) document.pages.push_back(place(page, toc));
    for (const PageLayout& page : body_pages.pages) {
      document.pages.push_back(place(page, body.flow()));
    }
    for (const HeadingEntry& heading : headings) {
      const AnchorPosition& at = body_pages.anchors[static_cast<size_t>(heading.anchor)];
      document.anchors.emplace_back(first_body + at.page, kMarginTop + at.y);
      document.outline.push_back({heading.number + " " + heading.title, heading.level,
                                  first_body + at.page, kMarginTop + at.y});
    }
    // Running heads: the municipality, and the chapter a page belongs to.
    std::string chapter;
    size_t next_heading = 0;
    for (int p = 1; p < total; ++p) {
      while (next_heading < headings.size() &&
             first_body + body_pages.anchors[static_cast<size_t>(headings[next_heading].anchor)].page <=
                 p) {
        if (headings[next_heading].level == 0) {
          chapter = headings[next_heading].number + " " + headings[next_heading].title;
        }
        ++next_heading;
      }
      add_running_heads(document.pages[static_cast<size_t>(p)], p < first_body ? "" : chapter,
                        p + 1, total);
    }
    document.info = {review_.title,
                     review_.board,
                     review_.subject,
                     join(review_.keywords),
                     "Metodika",
                     review_.lang,
                     options_.as_of};
    return write_pdf(document, ts_.fonts);
  }

 private:
  static std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
      if (!out.empty()) out += ", ";
      out += word;
    }
    return out;
  }

  // The ops of `page`'s items on the page. An item placed only here gives up its ops (`flow` is
  // not used after); a repeated table header is copied.
  static std::vector<Op> place(const PageLayout& page, Flow& flow) {
    size_t count = 0;
    for (const Placement& placement : page.placements) count += placement.item->ops.size();
    std::vector<Op> ops;
    ops.reserve(count + 8);  // and the running heads
    for (const Placement& placement : page.placements) {
      const size_t start = ops.size();
      if (placement.index >= 0) {
        std::vector<Op>& own = flow.items[static_cast<size_t>(placement.index)].ops;
        std::move(own.begin(), own.end(), std::back_inserter(ops));
        own.clear();
      } else {
        ops.insert(ops.end(), placement.item->ops.begin(), placement.item->ops.end());
      }
      translate(std::span(ops).subspan(start), kMarginLeft, kMarginTop + placement.y);
      // A table's header repeated on a continuation page is read once, where the table starts.
      if (placement.index < 0) set_node(std::span(ops).subspan(start), kArtifact);
    }
    return ops;
  }

  void add_running_heads(std::vector<Op>& ops, const std::string& chapter, int page, int total) {
    const FontMetrics& font = ts_.fonts.metrics(FontStyle::kRegular);
    constexpr double kSize = 8;
    const double head = kMarginTop - 32;
    const std::string municipality = fit(review_.municipality, font, kSize, kTextWidth * 0.45);
    // Running heads and page numbers are pagination artifacts (PDF 32000 14.8.2.2): a screen
    // reader does not read them on every page.
    ops.emplace_back(TextOp{kMarginLeft, head, FontStyle::kRegular, kSize, kGrey, municipality, 0,
                            kPagination});
    if (!chapter.empty()) {
      const std::string right = fit(chapter, font, kSize, kTextWidth * 0.5);
      ops.emplace_back(TextOp{kMarginLeft + kTextWidth - font.width(right, kSize), head,
                              FontStyle::kRegular, kSize, kGrey, right, 0, kPagination});
    }
    ops.emplace_back(LineOp{{{kMarginLeft, head + 5}, {kMarginLeft + kTextWidth, head + 5}}, 0.4,
                            Rgb{0xB3, 0xB3, 0xB3}, Dash::kSolid, kPagination});
    const std::string footer = page_label(labels_, page, total);
    ops.emplace_back(TextOp{kMarginLeft + (kTextWidth - font.width(footer, kSize)) / 2,
                            kPageHeight - kMarginBottom + 34, FontStyle::kRegular, kSize, kGrey,
                            footer, 0, kPagination});
  }

  // Lines of `text` at `y` (the first baseline), returning the y after them.
  // Lines of `text` at `y` (the first baseline), returning the y after them: an element of
  // `role` in the document.
  double cover_text(std::vector<Op>& ops, Structure& structure, Role role, const std::string& text,
                    TextStyle style, double y, double leading, const std::string& url = {}) {
    TextTags tags(&structure, structure.add(role, Structure::root()));
    const std::string tied = url.empty() ? util::tie_words(text, review_.lang) : text;
    for (const Line& line : break_lines({{tied, style, url}}, kTextWidth, ts_)) {
      emit_line(line, kMarginLeft, y, ops, tags);
      y += leading;
    }
    return y;
  }

  std::vector<Op> cover(Structure& structure) {
    std::vector<Op> ops;
    ops.emplace_back(RectOp{{0, 0, kPageWidth, 12}, kAccent, Fill::kSolid, kBlack, std::nullopt, 0});
    double y = 130;
    y = cover_text(ops, structure, Role::kP, review_.board, {FontStyle::kRegular, 12, kGrey}, y,
                   16);
    y = cover_text(ops, structure, Role::kP, review_.municipality,
                   {FontStyle::kBold, 15, kBlack}, y + 4, 19);
    ops.emplace_back(LineOp{{{kMarginLeft, y + 8}, {kMarginLeft + 60, y + 8}}, 2.5, kAccent,
                            Dash::kSolid});
    y = cover_text(ops, structure, Role::kH1, review_.title, {FontStyle::kBold, 24, kAccent},
                   y + 52, 30);
    y = cover_text(ops, structure, Role::kP, std::string(labels_.period) + ": " + review_.period,
                   {FontStyle::kRegular, 12, kBlack}, y + 18, 16);
    cover_text(ops, structure, Role::kP, std::string(labels_.prepared) + ": " + review_.date,
               {FontStyle::kRegular, 12, kBlack}, y + 4, 16);
    if (!review_.html_url.empty()) {
      double bottom = kPageHeight - 120;
      bottom = cover_text(ops, structure, Role::kP, std::string(labels_.accessible),
                          {FontStyle::kRegular, 9.5, kGrey}, bottom, 13);
      cover_text(ops, structure, Role::kP, review_.html_url, {FontStyle::kRegular, 9.5, kBlack},
                 bottom, 13, review_.html_url);
    }
    return ops;
  }

  // The contents page: its heading (an H1 like the chapters'), then a TOC element with a TOCI
  // an entry, whose text and annotation are a Link inside a Reference.
  Flow toc_flow(const std::vector<HeadingEntry>& headings, const std::vector<int>& pages,
                Structure& structure) {
    Flow flow;
    {
      const std::vector<Line> lines =
          break_lines({{std::string(labels_.contents), {FontStyle::kBold, 17, kAccent}, {}}},
                      kTextWidth, ts_);
      TextTags tags(&structure, structure.add(Role::kH1, Structure::root()));
      for (const Line& line : lines) {
        Item item;
        item.height = 29;
        emit_line(line, 0, 17, item.ops, tags);
        flow.items.push_back(std::move(item));
      }
    }
    const int toc = structure.add(Role::kTOC, Structure::root());
    constexpr double kNumberColumn = 34;
    for (size_t h = 0; h < headings.size(); ++h) {
      const HeadingEntry& heading = headings[h];
      const bool chapter = heading.level == 0;
      const double indent = chapter ? 0 : 22;
      const TextStyle style{chapter ? FontStyle::kBold : FontStyle::kRegular,
                            chapter ? 10.0 : 9.5, kBlack};
      const double leading = chapter ? 14 : 13;
      const std::string number_text = heading.number + " ";
      const double number_width = ts_.fonts.metrics(style.font).width(number_text, style.size);
      const std::vector<Line> lines =
          break_lines({{heading.title, style, {}}}, kTextWidth - indent - number_width -
                                                         kNumberColumn, ts_);
      Item item;
      item.space_before = chapter ? 7 : 1;
      item.height = leading * static_cast<double>(lines.size());
      const int entry = structure.add(Role::kTOCI, toc);
      const int link = structure.add(Role::kLink, structure.add(Role::kReference, entry));
      TextTags tags(&structure, link);
      item.ops.emplace_back(TextOp{indent, leading * 0.75, style.font, style.size, kBlack,
                                   heading.number, 0, link});
      for (size_t k = 0; k < lines.size(); ++k) {
        emit_line(lines[k], indent + number_width, leading * (0.75 + static_cast<double>(k)),
                  item.ops, tags);
      }
      const std::string page = pages.empty() ? "000" : std::to_string(pages[h]);
      const double page_width = ts_.fonts.metrics(style.font).width(page, style.size);
      const double last_baseline = leading * (0.75 + static_cast<double>(lines.size() - 1));
      item.ops.emplace_back(TextOp{kTextWidth - page_width, last_baseline, style.font, style.size,
                                   kBlack, page, 0, link});
      const double leader_from = indent + number_width + lines.back().width + 4;
      const double leader_to = kTextWidth - kNumberColumn + 4;
      if (leader_to > leader_from) {
        item.ops.emplace_back(LineOp{{{leader_from, last_baseline}, {leader_to, last_baseline}},
                                     0.8, kGrey, Dash::kDotted});
      }
      item.ops.emplace_back(LinkOp{{indent, 0, kTextWidth - indent, item.height}, {},
                                   heading.anchor, heading.number + " " + heading.title, link});
      flow.items.push_back(std::move(item));
    }
    return flow;
  }

  const Review& review_;
  const ReviewOptions& options_;
  Typesetter ts_;
  Labels labels_;
};

}  // namespace

Resources::Resources(const load::Fonts& fonts)
    : fonts_(std::make_unique<FontSet>(fonts)),
      hyphenator_(std::make_unique<Hyphenator>(fonts.hyphenation_lv)) {}

Resources::~Resources() = default;

std::string render_review(const Review& review, const Resources& resources,
                          const ReviewOptions& options) {
  return ReviewWriter(review, resources, options).run();
}

}  // namespace metodika::render::pdf
