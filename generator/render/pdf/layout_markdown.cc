// FlowBuilder, part 1: the Markdown of the report template, laid out block by block.
#include <algorithm>
#include <string>
#include <utility>

#include "render/pdf/layout.h"
#include "util/typography.h"

namespace metodika::render::pdf {

namespace {

using Kind = MarkdownNode::Kind;

constexpr double kParagraphSpace = 6;
constexpr double kListIndent = 16;
constexpr double kQuoteIndent = 14;
constexpr double kCodeSize = 8.5;
constexpr double kCodeLeading = 11;

FontStyle combine(FontStyle base, bool bold, bool oblique) {
  if (base == FontStyle::kMono) return base;
  const bool b = bold || base == FontStyle::kBold || base == FontStyle::kBoldOblique;
  const bool o = oblique || base == FontStyle::kOblique || base == FontStyle::kBoldOblique;
  if (b && o) return FontStyle::kBoldOblique;
  if (b) return FontStyle::kBold;
  if (o) return FontStyle::kOblique;
  return FontStyle::kRegular;
}

// Where the baseline sits in a line `leading` tall of text `size`: the spare space split evenly
// above and below the em box, DejaVu's ascender being ~0.76 em above the baseline... rounded
// to keep lines of mixed sizes aligned.
double baseline_in(double leading, double size) { return (leading - size) / 2 + 0.8 * size; }

}  // namespace

std::string plain_text(const MarkdownNode& node) {
  std::string out;
  if (node.kind == Kind::kText || node.kind == Kind::kCode) out += node.text;
  if (node.kind == Kind::kSoftBreak || node.kind == Kind::kLineBreak) out += ' ';
  for (const MarkdownNode& child : node.children) out += plain_text(child);
  return out;
}

FlowBuilder::FlowBuilder(const Typesetter& typesetter, double width, std::string_view lang,
                         std::string suppressed, Structure& structure, int parent)
    : ts_(typesetter),
      structure_(structure),
      parent_(parent),
      width_(width),
      lang_(lang),
      suppressed_(std::move(suppressed)) {}

Item& FlowBuilder::push(Item item) {
  for (double x : quote_bars_) {
    item.ops.emplace_back(LineOp{{{x, 0}, {x, item.height}}, 2, {0xBF, 0xBF, 0xBF}, Dash::kSolid});
  }
  flow_.items.push_back(std::move(item));
  return flow_.items.back();
}

void FlowBuilder::set_foreign(std::vector<std::pair<std::string, std::string>> phrases) {
  foreign_.clear();
  for (auto& [text, lang] : phrases) {
    if (text.empty() || lang.empty() || lang == lang_) continue;
    foreign_.emplace_back(util::tie_words(text, lang_), std::move(lang));
  }
}

void FlowBuilder::add_markdown(const MarkdownNode& document) {
  Context context;
  context.style = {FontStyle::kRegular, kBodySize, kBlack};
  context.parent = parent_;
  for (const MarkdownNode& child : document.children) block(child, context, kParagraphSpace);
}

void FlowBuilder::inline_spans(const MarkdownNode& node, TextStyle style, const std::string& url,
                               std::vector<Span>& out) const {
  switch (node.kind) {
    case Kind::kText: {
      // No line break inside "6. klase", "m. g." or before "EUR" (util/typography.h).
      std::string text = util::tie_words(node.text, lang_);
      // A phrase in another language is a span of its own, with its language.
      for (size_t at = 0; !foreign_.empty() && at < text.size();) {
        size_t found = std::string::npos;
        const std::pair<std::string, std::string>* phrase = nullptr;
        for (const auto& f : foreign_) {
          const size_t k = text.find(f.first, at);
          if (k < found || (k == found && phrase && f.first.size() > phrase->first.size())) {
            found = k;
            phrase = &f;
          }
        }
        if (phrase == nullptr || found == std::string::npos) break;
        if (found > 0) out.push_back({text.substr(0, found), style, url});
        out.push_back({phrase->first, style, url, phrase->second});
        text.erase(0, found + phrase->first.size());
        at = 0;
      }
      if (!text.empty()) out.push_back({std::move(text), style, url});
      return;
    }
    case Kind::kCode: {
      TextStyle code = style;
      code.font = FontStyle::kMono;
      code.size = style.size * 0.9;
      out.push_back({node.text, code, url});
      return;
    }
    case Kind::kSoftBreak:
      out.push_back({" ", style, url});
      return;
    case Kind::kLineBreak:
      out.push_back({"\n", style, url});
      return;
    case Kind::kEmphasis:
      style.font = combine(style.font, false, true);
      break;
    case Kind::kStrong:
      style.font = combine(style.font, true, false);
      break;
    case Kind::kStrikethrough:
      style.colour = kGrey;
      break;
    case Kind::kLink:
      for (const MarkdownNode& child : node.children) inline_spans(child, style, node.url, out);
      return;
    case Kind::kImage:
      // No images in a review; its description stands in for it.
      style.font = combine(style.font, false, true);
      break;
    default:
      break;
  }
  for (const MarkdownNode& child : node.children) inline_spans(child, style, url, out);
}

void FlowBuilder::add_paragraph(const std::vector<Span>& spans, double indent, double leading,
                                double space_before, int node, const std::vector<Span>& marker,
                                int marker_node, Hyphenation hyphenation) {
  std::vector<Line> lines = break_lines(spans, width_ - indent, ts_, hyphenation);
  const size_t first = flow_.items.size();
  TextTags tags(&structure_, node);
  for (size_t k = 0; k < lines.size(); ++k) {
    Item item;
    const double size = std::max(lines[k].size, spans.empty() ? kBodySize : spans[0].style.size);
    item.height = std::max(leading, size * 1.25);
    item.space_before = k == 0 ? space_before : 0;
    const double baseline = baseline_in(item.height, size);
    // The marker first: a list item's label is read before its body.
    if (k == 0 && !marker.empty()) {
      const std::vector<Line> marks = break_lines(marker, 1e9, ts_);
      TextTags marker_tags(&structure_, marker_node);
      if (!marks.empty()) {
        emit_line(marks[0], indent - 4 - marks[0].width, baseline, item.ops, marker_tags);
      }
    }
    emit_line(std::move(lines[k]), indent, baseline, item.ops, tags);
    push(std::move(item));
  }
  const size_t n = flow_.items.size() - first;
  if (n >= 2) {
    flow_.items[first].keep_with_next = true;          // no orphan: not one line at a page foot
    flow_.items[first + n - 2].keep_with_next = true;  // no widow: not one line at a page top
  }
}

void FlowBuilder::block(const MarkdownNode& node, Context& context, double space_before) {
  switch (node.kind) {
    case Kind::kHeading:
      heading(node, context.parent);
      return;
    case Kind::kParagraph: {
      std::vector<Span> spans;
      for (const MarkdownNode& child : node.children) {
        inline_spans(child, context.style, {}, spans);
      }
      add_paragraph(spans, context.indent, kBodyLeading, space_before,
                    structure_.add(Role::kP, context.parent), context.marker, context.marker_node);
      context.marker.clear();
      return;
    }
    case Kind::kList:
      list(node, context);
      return;
    case Kind::kBlockQuote: {
      Context inner = context;
      inner.indent += kQuoteIndent;
      inner.style.colour = {0x33, 0x33, 0x33};
      inner.parent = structure_.add(Role::kBlockQuote, context.parent);
      quote_bars_.push_back(context.indent + 4);
      bool first = true;
      for (const MarkdownNode& child : node.children) {
        block(child, inner, first ? space_before : kParagraphSpace);
        first = false;
      }
      quote_bars_.pop_back();
      return;
    }
    case Kind::kCodeBlock:
      code_block(node, context);
      return;
    case Kind::kThematicBreak: {
      Item item;
      item.height = 14;
      item.space_before = space_before;
      item.ops.emplace_back(
          LineOp{{{width_ * 0.3, 7}, {width_ * 0.7, 7}}, 0.6, kGrey, Dash::kSolid});
      push(std::move(item));
      return;
    }
    case Kind::kTable:
      markdown_table(node, context.parent);
      return;
    default:  // an item or inline outside its parent cannot happen; lay the text out anyway
      if (!node.children.empty()) {
        for (const MarkdownNode& child : node.children) block(child, context, space_before);
      }
      return;
  }
}

void FlowBuilder::heading(const MarkdownNode& node, int parent) {
  const std::string title = util::tie_words(plain_text(node), lang_);
  std::string number;
  double size = 10.5;
  double leading = 14;
  double space = 10;
  double after = 2;
  Item item;
  if (node.level <= 1) {
    ++chapter_;
    section_ = 0;
    number = std::to_string(chapter_) + ".";
    size = 17;
    leading = 21;
    space = 0;
    after = 8;
    item.page_break_before = true;
  } else if (node.level == 2) {
    ++section_;
    number = std::to_string(chapter_) + "." + std::to_string(section_) + ".";
    size = 12.5;
    leading = 16;
    space = 14;
    after = 3;
  }
  const TextStyle style{FontStyle::kBold, size, node.level <= 1 ? Rgb{0x0B, 0x2E, 0x59} : kBlack};
  const std::string shown = number.empty() ? title : number + " " + title;
  const std::vector<Line> lines = break_lines({{shown, style, {}}}, width_, ts_);
  // Chapters are H1, sections H2, subsections H3; a level the template skips ("#" then
  // "###") is read as the next one down, so that headings never skip a level.
  heading_level_ = std::min(std::max(node.level, 1), heading_level_ + 1);
  TextTags tags(&structure_, structure_.add(heading_role(heading_level_), parent));
  const int anchor = node.level <= 2 ? static_cast<int>(headings_.size()) : -1;
  if (node.level <= 2) {
    headings_.push_back({node.level <= 1 ? 0 : 1, number, title, anchor});
  }
  for (size_t k = 0; k < lines.size(); ++k) {
    Item line;
    line.page_break_before = k == 0 && item.page_break_before;
    line.space_before = k == 0 ? space : 0;
    line.height = leading + (k + 1 == lines.size() ? after : 0);
    line.keep_with_next = true;  // never alone at the foot of a page
    line.anchor = k == 0 ? anchor : -1;
    emit_line(lines[k], 0, baseline_in(leading, size), line.ops, tags);
    push(std::move(line));
  }
}

void FlowBuilder::list(const MarkdownNode& node, Context& context) {
  int number = node.start;
  bool first_item = true;
  const int list = structure_.add(Role::kL, context.parent);
  for (const MarkdownNode& item : node.children) {
    Context inner = context;
    inner.indent = context.indent + kListIndent;
    TextStyle marker_style = context.style;
    marker_style.font = FontStyle::kRegular;
    inner.marker = {{node.ordered ? std::to_string(number++) + "." : "\u2022", marker_style, {}}};
    const int list_item = structure_.add(Role::kLI, list);
    inner.marker_node = structure_.add(Role::kLbl, list_item);
    inner.parent = structure_.add(Role::kLBody, list_item);
    bool first_block = true;
    for (const MarkdownNode& child : item.children) {
      const double space =
          first_block ? (first_item || !node.tight ? kParagraphSpace : 2) : (node.tight ? 2 : kParagraphSpace);
      block(child, inner, space);
      first_block = false;
    }
    first_item = false;
  }
  context.marker.clear();
}

void FlowBuilder::code_block(const MarkdownNode& node, const Context& context) {
  TextTags tags(&structure_, structure_.add(Role::kCode, context.parent));
  std::string text = node.text;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line_text;
    // Spaces in code are significant: no-break spaces keep indentation and runs.
    for (size_t i = start; i < end; ++i) {
      if (text[i] == ' ') line_text += "\u00A0";
      else if (text[i] == '\t') line_text += "\u00A0\u00A0\u00A0\u00A0";
      else line_text += text[i];
    }
    const std::vector<Line> lines =
        break_lines({{line_text, {FontStyle::kMono, kCodeSize, kBlack}, {}}},
                    width_ - context.indent - 8, ts_, Hyphenation::kOverlongOnly);
    for (const Line& line : lines) {
      Item item;
      item.height = kCodeLeading;
      item.space_before = first ? kParagraphSpace : 0;
      item.ops.emplace_back(RectOp{{context.indent, 0, width_ - context.indent, kCodeLeading},
                                   Rgb{0xF2, 0xF2, 0xF2}, Fill::kSolid, kBlack, std::nullopt, 0});
      emit_line(line, context.indent + 4, baseline_in(kCodeLeading, kCodeSize), item.ops, tags);
      push(std::move(item));
      first = false;
    }
    start = end + 1;
  }
}

void FlowBuilder::markdown_table(const MarkdownNode& node, int parent) {
  std::vector<GridCell> header;
  std::vector<GridRow> rows;
  for (const MarkdownNode& row : node.children) {
    GridRow grid_row;
    size_t column = 0;
    for (const MarkdownNode& cell : row.children) {
      GridCell grid_cell;
      const TextStyle style{row.header ? FontStyle::kBold : FontStyle::kRegular, kTableSize,
                            kBlack};
      for (const MarkdownNode& child : cell.children) {
        inline_spans(child, style, {}, grid_cell.spans);
      }
      grid_cell.right = column < node.alignments.size() && node.alignments[column] == 'r';
      grid_cell.whole = grid_cell.right;
      grid_row.cells.push_back(std::move(grid_cell));
      ++column;
    }
    if (row.header) header = std::move(grid_row.cells);
    else rows.push_back(std::move(grid_row));
  }
  add_grid(header, rows, structure_.add(Role::kTable, parent));
}

}  // namespace metodika::render::pdf
