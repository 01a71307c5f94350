// The review's body as a vertical flow (flow.h): Markdown blocks, tables and charts laid out to
// the text width. One builder per document; layout_markdown.cc, layout_table.cc and
// layout_chart.cc hold its three parts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/common/chart.h"
#include "render/common/markdown.h"
#include "render/common/table.h"
#include "render/pdf/flow.h"
#include "render/pdf/text.h"

namespace metodika::render::pdf {

/// A numbered chapter (`#`, level 0) or section (`##`, level 1), for the TOC and the outline.
struct HeadingEntry {
  int level = 0;
  std::string number;  ///< "2." or "2.3."
  std::string title;
  int anchor = 0;
};

/// A table cell ready to lay out.
struct GridCell {
  std::vector<Span> spans;
  bool right = false;
  /// A header for its row (a TH with /Scope /Row); cells of the header row are headers for
  /// their column.
  bool row_header = false;
  /// A number: never wrapped ("20 874 800 EUR" on one line), its column at least as wide. A
  /// note in a number column ("slēpts: mazāk nekā 5 pedagogi") wraps as text does.
  bool whole = false;
  /// Rows this cell spans (a school named once beside its school years); the cells it covers
  /// in the rows below are `covered`: neither drawn nor tagged.
  int row_span = 1;
  bool covered = false;
  /// What the cell names, when its text may not say it alone: the page of the institution
  /// (two institutions may share a name). Rows are joined only under the same text and this.
  std::string identity;
};

struct GridRow {
  RowKind kind = RowKind::kData;
  std::vector<GridCell> cells;
};

/// Body text sizes (points).
inline constexpr double kBodySize = 10;
inline constexpr double kBodyLeading = 14;
inline constexpr double kTableSize = 8;
inline constexpr double kTableLeading = 10;

class FlowBuilder {
 public:
  /// Tags what it lays out into `structure`, under `parent`.
  FlowBuilder(const Typesetter& typesetter, double width, std::string_view lang,
              std::string suppressed, Structure& structure, int parent);

  void add_markdown(const MarkdownNode& document);
  /// A computed table: title, note, then the grid with numbers right-aligned in `lang`'s format.
  void add_table(const Table& table);
  void add_chart(const Chart& chart);

  [[nodiscard]] const std::vector<HeadingEntry>& headings() const { return headings_; }
  [[nodiscard]] Flow& flow() { return flow_; }

  /// Lays out a grid as the rows of the Table element `table`: `header` (a THead) repeated
  /// on every page the table continues on (as an artifact there).
  void add_grid(const std::vector<GridCell>& header, const std::vector<GridRow>& rows,
                int table);

  /// A run of text as lines of the element `node`, `indent` from the left; `marker` (a bullet
  /// or "3.", of the element `marker_node`) hangs left of the first line. The first line keeps
  /// with the second and the last but one with the last.
  void add_paragraph(const std::vector<Span>& spans, double indent, double leading,
                     double space_before, int node, const std::vector<Span>& marker = {},
                     int marker_node = kArtifact, Hyphenation hyphenation = Hyphenation::kAuto);

  [[nodiscard]] Structure& structure() { return structure_; }

  /// Text known to be in another language than the document's, as (text, language): where it
  /// appears in Markdown text, it is tagged as a Span with its own /Lang.
  void set_foreign(std::vector<std::pair<std::string, std::string>> phrases);

 private:
  struct Context {
    double indent = 0;
    TextStyle style;
    int parent = kArtifact;    // the element blocks go in
    std::vector<Span> marker;  // for the first line of the next paragraph
    int marker_node = kArtifact;
  };

  void block(const MarkdownNode& node, Context& context, double space_before);
  void heading(const MarkdownNode& node, int parent);
  void list(const MarkdownNode& node, Context& context);
  void code_block(const MarkdownNode& node, const Context& context);
  void markdown_table(const MarkdownNode& node, int parent);
  void inline_spans(const MarkdownNode& node, TextStyle style, const std::string& url,
                    std::vector<Span>& out) const;
  Item& push(Item item);

  const Typesetter& ts_;
  Structure& structure_;
  int parent_;
  /// The level of the last heading (1 = H1): headings never skip a level (PDF/UA-1 7.4.2);
  /// the cover's title is the first H1.
  int heading_level_ = 1;
  double width_;
  std::string lang_;
  std::string suppressed_;
  Flow flow_;
  std::vector<HeadingEntry> headings_;
  int chapter_ = 0;
  int section_ = 0;
  /// x of the bars of the block quotes being laid out.
  std::vector<double> quote_bars_;
  /// set_foreign's phrases, tied as the text they are looked for in is (util::tie_words).
  std::vector<std::pair<std::string, std::string>> foreign_;
};

/// The plain text of an inline subtree.
[[nodiscard]] std::string plain_text(const MarkdownNode& node);

}  // namespace metodika::render::pdf
