// Markdown to HTML for page bodies and descriptions: GitHub-flavoured Markdown through cmark-gfm,
// with ids on headings, raw HTML shown as text unless the site allows it, and no script links.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::render {

/// How Markdown becomes HTML (site.yaml `markdown:`).
struct MarkdownOptions {
  /// site.yaml `markdown.raw_html`: HTML written in the Markdown goes to the page as it is.
  /// Off (the default), it is escaped, so the reader sees `<script>` as text; nothing is dropped.
  bool raw_html = false;
  /// Added to every heading level, clamped to 1..6. Content pages render their own title as <h1>,
  /// so they pass 1 and a body `#` becomes <h2>.
  int heading_offset = 0;
  /// Values for the placeholders `markdown_field(i)` in the Markdown (render/common/
  /// markdown_fields.h): each becomes text after parsing, so no value adds structure. Web and
  /// e-mail addresses in a value become links (`find_text_links`), except inside a link.
  std::span<const std::string> fields = {};
  /// With a name ("Tabula"), every table sits in a labelled, keyboard-scrollable region
  /// (`<section class="table-wrap" aria-label=… tabindex="0">`), so that a table wider
  /// than a phone scrolls by itself instead of the whole page. Empty: the bare `<table>`.
  std::string_view table_label = {};
};

/// A heading of the document, in document order, for tables of contents.
struct Heading {
  /// The level as rendered, after `heading_offset`: 1..6.
  int level = 0;
  /// The heading's text without markup, whitespace collapsed.
  std::string text;
  /// The URL fragment id on the heading element: `util::slugify(text)` (lower case, Latvian
  /// letters as their base letters: "Mūsu mērķis" gives "musu-merkis"), or "h" when that is
  /// empty, with "h-" before a leading digit; a repeated id gets "-2", "-3", … so that ids are
  /// unique within one document.
  std::string id;
};

struct MarkdownResult {
  /// The HTML fragment: block elements, each ending in a newline; empty for empty input.
  std::string html;
  std::vector<Heading> headings;
  /// All the text (code included) without markup, whitespace runs collapsed to one space and
  /// trimmed, for the search index and summaries. Raw HTML passed through with `raw_html` is not
  /// text; escaped HTML is.
  std::string plain_text;
};

/// Renders GitHub-flavoured Markdown (tables, autolinks, `~~strikethrough~~`) to HTML.
/// Quotes are left as typed (Latvian „…“ stay as they are); invalid UTF-8 becomes U+FFFD. Links
/// and images with a javascript:, vbscript:, data: or file: address lose the address and keep
/// their text, whatever `raw_html` says. Safe to call from several threads at once, but the
/// parsing step takes a process-wide lock (cmark-gfm 0.29 parses with global tables), so only the
/// rest of the work runs in parallel.
[[nodiscard]] MarkdownResult render_markdown(std::string_view markdown,
                                             const MarkdownOptions& options = {});

/// A Markdown document as a tree, for renderers that lay the text out themselves (the PDF).
/// Raw HTML is text here too (as `render_markdown` shows it by default), and a link or image
/// with a dangerous address has an empty `url`.
struct MarkdownNode {
  enum class Kind {
    kDocument,
    // Blocks
    kParagraph,
    kHeading,        ///< `level` 1..6
    kList,           ///< `ordered`, `start`, `tight`; children are kItem
    kItem,
    kBlockQuote,
    kCodeBlock,      ///< `text`
    kThematicBreak,
    kTable,          ///< children are kTableRow; `alignments` per column
    kTableRow,       ///< `header` for the first row
    kTableCell,
    // Inlines
    kText,           ///< `text`
    kCode,           ///< `text`
    kEmphasis,
    kStrong,
    kStrikethrough,
    kLink,           ///< `url`
    kImage,          ///< `url`; children are the description
    kSoftBreak,
    kLineBreak,
  };
  Kind kind = Kind::kDocument;
  std::string text;
  std::string url;
  int level = 0;
  bool ordered = false;
  int start = 1;
  bool tight = false;
  bool header = false;
  /// kTable: 'l', 'c', 'r' or 0 (none) per column.
  std::string alignments;
  std::vector<MarkdownNode> children;
};

/// Parses GitHub-flavoured Markdown with the same parser and extensions as `render_markdown`
/// (under the same process-wide lock) and returns its tree, with `fields` put in as
/// `MarkdownOptions::fields` says.
[[nodiscard]] MarkdownNode markdown_tree(std::string_view markdown,
                                         std::span<const std::string> fields = {});

}  // namespace metodika::render
