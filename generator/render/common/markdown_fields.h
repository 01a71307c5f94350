// Values put into Markdown as text: placeholders written into the Markdown source before it is
// parsed and replaced by their values after (render/common/markdown.h `MarkdownOptions::fields`).
//
// Why not escape the values into the Markdown instead: escaping is only right if it knows every
// context a value can land in — a line start ("# ", "1. ", "- ", four spaces, "::: table"), a
// line of its own under a paragraph (a setext "==="), a table cell ("|"), a link text, a code
// span (where a backslash is literal), an entity ("&amp;"), an autolink ("www.x.lv" escaped to
// "www\.x\.lv" is autolinked with the backslash in it) — and a newline in the value opens a new
// line where all of these start again. A placeholder is a few characters that no Markdown rule,
// the directive parser (render/common/review.h) or an extension ever reads as markup, so the
// document has exactly the structure the template gave it whatever the values hold, and each
// value then becomes a text node that every renderer escapes for its own format.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::render {

/// The placeholder for `fields[index]`: U+E000, the index in decimal, U+E001 (private-use code
/// points, which Markdown treats like letters).
[[nodiscard]] std::string markdown_field(size_t index);

/// True if `text` may hold a placeholder (it has a U+E000).
[[nodiscard]] bool has_markdown_field(std::string_view text);

/// How a value is written where its placeholder stood.
enum class FieldContext {
  kText,      ///< prose: control characters (newlines, tabs) become spaces
  kVerbatim,  ///< code spans and blocks, link addresses: as it is
  kHtml,      ///< raw HTML the site lets through (`markdown.raw_html`): HTML-escaped
};

/// A run of `literal`: its own text, or the value of a placeholder in it.
struct FieldPiece {
  std::string_view text;
  bool field = false;
};

/// `literal` cut at its placeholders; a placeholder whose index has no field stays text.
[[nodiscard]] std::vector<FieldPiece> split_markdown_fields(std::string_view literal,
                                                            std::span<const std::string> fields);

/// `value` as written for `context`.
[[nodiscard]] std::string field_value(std::string_view value, FieldContext context);

/// `literal` with each placeholder replaced by its value written for `context`.
[[nodiscard]] std::string fill_markdown_fields(std::string_view literal,
                                               std::span<const std::string> fields,
                                               FieldContext context);

/// A web or e-mail address found in a value's text: bytes [begin, end) and the link's target.
struct TextLink {
  size_t begin = 0, end = 0;
  std::string url;
};

/// The addresses in `text` that become links, as GitHub's autolinks find them in prose:
/// `http://…` and `https://…` (the scheme in any case), `www.…` (linked as `http://www.…`) and
/// `name@domain.tld` (linked as `mailto:`); an address ends at whitespace or `<`, without
/// trailing punctuation (`.`, `,`, `:`, `;`, `!`, `?`, quotes, `*`, `_`, `~`) or an unbalanced
/// `)`. Other schemes (javascript:, data:, …) are never linked.
[[nodiscard]] std::vector<TextLink> find_text_links(std::string_view text);

}  // namespace metodika::render
