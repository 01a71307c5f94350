#include "render/common/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "render/common/html.h"
#include "render/common/markdown_fields.h"
#include "util/text.h"

namespace metodika::render {

namespace {

// --- cmark-gfm, wrapped once ---------------------------------------------------------------------

cmark_mem* allocator() { return cmark_get_default_mem_allocator(); }

struct ParserFree {
  void operator()(cmark_parser* parser) const noexcept { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const noexcept { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const noexcept { cmark_iter_free(iter); }
};
struct HtmlFree {
  void operator()(char* html) const noexcept { allocator()->free(html); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
/// Owns a node and its subtree: a document, or a node not (yet, or no longer) in one.
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;
using HtmlPtr = std::unique_ptr<char, HtmlFree>;

// Every tree edit below is one the AST allows, so a refusal is a bug here, not bad input.
void check(int ok, const char* what) {
  if (ok == 0) throw std::logic_error(std::string("cmark-gfm refused to ") + what);
}

NodePtr make_node(cmark_node_type type) {
  NodePtr node(cmark_node_new_with_mem(type, allocator()));
  if (!node) throw std::bad_alloc();
  return node;
}

// A custom node renders its on_enter text, its children, then its on_exit text, all verbatim.
// Callers pass only fixed markup and slugs, never document text.
NodePtr make_custom(cmark_node_type type, const std::string& on_enter, const std::string& on_exit) {
  NodePtr node = make_node(type);
  check(cmark_node_set_on_enter(node.get(), on_enter.c_str()), "set on_enter");
  check(cmark_node_set_on_exit(node.get(), on_exit.c_str()), "set on_exit");
  return node;
}

void append(cmark_node* parent, NodePtr child) {
  check(cmark_node_append_child(parent, child.get()), "append a child");
  child.release();  // now owned by `parent`
}

void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from)) {
    check(cmark_node_append_child(to, child), "move a child");
  }
}

// Nodes taken out of the document, kept until it is rendered. cmark-gfm 0.29 text nodes may point
// into the string content of the block they were parsed from (a heading, a table cell) rather
// than own their text, so a block whose children were moved elsewhere must outlive them.
using Retired = std::vector<NodePtr>;

// Puts `replacement` where `old` was; `old` and whatever children it still has go to `retired`.
void replace(cmark_node* old, NodePtr replacement, Retired& retired) {
  check(cmark_node_replace(old, replacement.get()), "replace a node");
  replacement.release();
  retired.emplace_back(old);
}

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text == nullptr ? std::string_view() : std::string_view(text);
}

bool is_block(cmark_node_type type) {
  return (static_cast<unsigned>(type) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

// cmark-gfm 0.29.0.gfm.6 (Debian 12) keeps process-wide state in two places:
// - the extension registry, filled by cmark_gfm_core_extensions_ensure_registered() behind a
//   plain `static int` test, so two first calls at once could both register;
// - the SPECIAL_CHARS and SKIP_CHARS tables of inlines.c. Each parse adds the trigger characters
//   of its inline extensions ('~' for strikethrough, ':' and 'w' for autolinks) before parsing
//   inlines and removes them afterwards, so a parse finishing in one thread turns strikethrough
//   and autolinks off in a parse still running in another (github/cmark-gfm#176; later versions
//   keep the tables in the parser).
// So registration runs once and parsing is serialised. Everything after parsing (tree edits,
// HTML rendering) touches only the document's own nodes and runs in parallel.
void ensure_extensions_registered() {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::mutex& parse_mutex() {
  static std::mutex mutex;
  return mutex;
}

// No CMARK_OPT_SMART: authors type Latvian „…“ quotes themselves and straight quotes in code-like
// text must stay straight. Single-tilde strikethrough is off because "~5 km" means "about 5 km".
constexpr int kParseOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

cmark_syntax_extension* find_extension(const char* name) {
  cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
  if (extension == nullptr) {
    throw std::logic_error(std::string("cmark-gfm has no '") + name + "' extension");
  }
  return extension;
}

NodePtr parse(std::string_view markdown, cmark_syntax_extension* table) {
  ParserPtr parser(cmark_parser_new_with_mem(kParseOptions, allocator()));
  if (!parser) throw std::bad_alloc();
  for (cmark_syntax_extension* extension :
       {table, find_extension("autolink"), find_extension("strikethrough")}) {
    check(cmark_parser_attach_syntax_extension(parser.get(), extension), "attach an extension");
  }
  const std::lock_guard lock(parse_mutex());
  if (!markdown.empty()) cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr document(cmark_parser_finish(parser.get()));
  if (!document) throw std::bad_alloc();
  return document;
}

// --- Text ----------------------------------------------------------------------------------------

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Appends text with every run of ASCII whitespace, and every separator, as one space and none at
// either end. Non-breaking spaces are kept: authors put them in on purpose ("5. klase").
class CollapsedText {
 public:
  void add(std::string_view text) {
    for (char c : text) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !text_.empty()) text_ += ' ';
      pending_space_ = false;
      text_ += c;
    }
  }
  void separate() { pending_space_ = true; }
  [[nodiscard]] std::string take() { return std::move(text_); }

 private:
  std::string text_;
  bool pending_space_ = false;
};

// The text of `root`'s subtree: text, code spans and code blocks; breaks and block boundaries
// separate words, inline markup does not ("Rī**ga**" is one word).
std::string plain_text_of(cmark_node* root) {
  CollapsedText text;
  IterPtr iter(cmark_iter_new(root));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (is_block(type) || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text.separate();
    }
    if (event == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK)) {
      text.add(literal(node));
    }
  }
  return text.take();
}

// --- Tree edits ----------------------------------------------------------------------------------

// Field values (MarkdownOptions::fields) put where their placeholders were parsed. The nodes are
// found in one pass and edited after it, as below.
bool in_link(cmark_node* node) {
  for (cmark_node* up = cmark_node_parent(node); up != nullptr; up = cmark_node_parent(up)) {
    const cmark_node_type type = cmark_node_get_type(up);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) return true;
  }
  return false;
}

NodePtr text_node(const std::string& text) {
  NodePtr node = make_node(CMARK_NODE_TEXT);
  check(cmark_node_set_literal(node.get(), text.c_str()), "set a literal");
  return node;
}

// A text node holding placeholders becomes text nodes, and link nodes for the addresses in the
// values (find_text_links) unless it already sits in a link.
void fill_text(cmark_node* node, std::span<const std::string> fields, Retired& retired) {
  const bool links = !in_link(node);
  std::string pending;  // text for the next text node
  // insert_before hands the new node to the document.
  auto insert = [&](NodePtr n) {
    check(cmark_node_insert_before(node, n.get()), "insert a node");
    n.release();
  };
  for (const FieldPiece& piece : split_markdown_fields(literal(node), fields)) {
    if (!piece.field) {
      pending += piece.text;
      continue;
    }
    const std::string text = field_value(piece.text, FieldContext::kText);
    size_t from = 0;
    if (links) {
      for (const TextLink& link : find_text_links(text)) {
        pending.append(text, from, link.begin - from);
        if (!pending.empty()) insert(text_node(pending));
        pending.clear();
        NodePtr a = make_node(CMARK_NODE_LINK);
        check(cmark_node_set_url(a.get(), link.url.c_str()), "set a link's address");
        append(a.get(), text_node(text.substr(link.begin, link.end - link.begin)));
        insert(std::move(a));
        from = link.end;
      }
    }
    pending.append(text, from);
  }
  if (!pending.empty()) insert(text_node(pending));
  cmark_node_unlink(node);
  retired.emplace_back(node);
}

void fill_fields(cmark_node* document, std::span<const std::string> fields, bool raw_html,
                 Retired& retired) {
  if (fields.empty()) return;
  std::vector<cmark_node*> texts, literals, links;
  IterPtr iter(cmark_iter_new(document));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        if (has_markdown_field(literal(node))) texts.push_back(node);
        break;
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (has_markdown_field(literal(node))) literals.push_back(node);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        links.push_back(node);
        break;
      default:
        break;
    }
  }
  for (cmark_node* node : texts) fill_text(node, fields, retired);
  for (cmark_node* node : literals) {
    const cmark_node_type type = cmark_node_get_type(node);
    const bool html = type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE;
    // Raw HTML let through gets the value HTML-escaped; HTML shown as text, and code, the
    // value as it is (the renderers escape text and code themselves).
    const FieldContext context = !html      ? FieldContext::kVerbatim
                                 : raw_html ? FieldContext::kHtml
                                            : FieldContext::kText;
    const std::string filled = fill_markdown_fields(literal(node), fields, context);
    check(cmark_node_set_literal(node, filled.c_str()), "set a literal");
  }
  for (cmark_node* node : links) {
    // An address is checked for dangerous schemes after this (find_edits, to_tree).
    if (const char* url = cmark_node_get_url(node); url != nullptr && has_markdown_field(url)) {
      const std::string filled = fill_markdown_fields(url, fields, FieldContext::kVerbatim);
      check(cmark_node_set_url(node, filled.c_str()), "set a link's address");
    }
    if (const char* title = cmark_node_get_title(node);
        title != nullptr && has_markdown_field(title)) {
      const std::string filled = fill_markdown_fields(title, fields, FieldContext::kText);
      check(cmark_node_set_title(node, filled.c_str()), "set a link's title");
    }
  }
}

// Raw HTML becomes the text it was typed as: a block becomes a paragraph, inline HTML a text node.
// The HTML renderer then escapes it like any other text.
void html_to_text(cmark_node* html, Retired& retired) {
  std::string_view source = literal(html);
  const bool block = cmark_node_get_type(html) == CMARK_NODE_HTML_BLOCK;
  if (block) {
    while (!source.empty() && is_space(source.back())) source.remove_suffix(1);
  }
  NodePtr text = make_node(CMARK_NODE_TEXT);
  check(cmark_node_set_literal(text.get(), std::string(source).c_str()), "set a literal");
  if (block) {
    NodePtr paragraph = make_node(CMARK_NODE_PARAGRAPH);
    append(paragraph.get(), std::move(text));
    replace(html, std::move(paragraph), retired);
  } else {
    replace(html, std::move(text), retired);
  }
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// True for addresses a browser would run or load as a document instead of following:
// javascript:, vbscript:, data: (also images, which would otherwise be the one exception) and
// file:. The scheme is read as the WHATWG URL parser reads it: leading controls and spaces
// skipped, tabs and newlines anywhere ignored, case ignored; an entity such as "&#106;" is
// already decoded by cmark.
bool is_dangerous_url(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string scheme;
  for (; i < url.size(); ++i) {
    const char c = ascii_lower(url[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') break;
    if (!is_scheme_char(c)) return false;  // a path, query or fragment: no scheme
    scheme += c;
  }
  if (i == url.size()) return false;
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file";
}

// A link or image with a dangerous address is replaced by its content: the reader still sees the
// text (or the image's description), and there is nothing to click or load.
void unwrap(cmark_node* node, Retired& retired) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    check(cmark_node_insert_before(node, child), "unwrap a link");
  }
  cmark_node_unlink(node);
  retired.emplace_back(node);
}

// Hands out heading ids in document order: the slug, then slug-2, slug-3, … on repeats.
class HeadingIds {
 public:
  std::string claim(std::string_view text) {
    std::string base = util::slugify(text);
    // No letter with an ASCII base ("★", Cyrillic). `+=`, not `=`: see convert_heading.
    if (base.empty()) base += 'h';
    // An id starts with a letter (HTML 4 and html-validate's valid-id; CSS selectors need it
    // too): "2025. gada plāns" gives "h-2025-gada-plans".
    if (base.front() >= '0' && base.front() <= '9') base.insert(0, "h-");
    if (used_.insert(base).second) return base;
    // Resume where this base's last suffix left off, so n repeats cost O(n), not O(n²).
    int& suffix = next_suffix_.try_emplace(base, 2).first->second;
    for (;; ++suffix) {
      std::string id = base + '-' + std::to_string(suffix);
      if (used_.insert(id).second) return id;
    }
  }

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;
};

// cmark's HTML renderer writes headings without ids, so a heading becomes a custom block holding
// a custom inline that carries the tags. The block gives the heading its line of its own, exactly
// as cmark writes an <hN>, and the inline keeps the tags on that line: "<h2 id="x">Text</h2>\n".
Heading convert_heading(cmark_node* heading, int offset, HeadingIds& ids, Retired& retired) {
  Heading result;
  // The offset is clamped first so that no offset can overflow the sum.
  result.level =
      std::clamp(cmark_node_get_heading_level(heading) + std::clamp(offset, -6, 6), 1, 6);
  result.text = plain_text_of(heading);
  result.id = ids.claim(result.text);  // [a-z0-9-]: needs no escaping in an attribute
  // Appended piece by piece: GCC 12 warns falsely on `"literal" + string` and on assigning a short
  // literal (-Wrestrict, GCC bugs 105329 and 105651).
  const char digit = static_cast<char>('0' + result.level);
  std::string open = "<h";
  open += digit;
  open += " id=\"";
  open += result.id;
  open += "\">";
  std::string close = "</h";
  close += digit;
  close += '>';
  NodePtr element = make_custom(CMARK_NODE_CUSTOM_INLINE, open, close);
  move_children(heading, element.get());
  NodePtr line = make_node(CMARK_NODE_CUSTOM_BLOCK);
  append(line.get(), std::move(element));
  replace(heading, std::move(line), retired);
  return result;
}

// A class, not the align attribute HTML5 dropped; the theme aligns .align-* cells.
const char* align_attribute(uint8_t alignment) {
  switch (alignment) {
    case 'l':
      return " class=\"align-left\"";
    case 'c':
      return " class=\"align-center\"";
    case 'r':
      return " class=\"align-right\"";
    default:
      return "";
  }
}

// The table extension writes <th> with no way to add attributes, so a table is rebuilt from
// custom nodes in the same shape and line layout as the extension's output, with scope="col" on
// the header cells for screen readers. Cell contents are moved, not re-rendered.
void convert_table(cmark_node* table, std::string_view label, Retired& retired) {
  const uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
  const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(table);
  std::string open = "<table>";
  if (!label.empty()) {
    // Named by its column headings ("Tabula: Skola, Dalībnieki"): a page may hold several
    // tables, and regions with one name would not tell them apart (axe landmark-unique).
    std::string name(label);
    const char* separator = ": ";
    if (cmark_node* head = cmark_node_first_child(table)) {
      for (cmark_node* cell = cmark_node_first_child(head); cell != nullptr;
           cell = cmark_node_next(cell)) {
        std::string text = plain_text_of(cell);
        if (text.empty()) continue;
        name.append(separator).append(text);
        separator = ", ";
      }
    }
    open = "<section class=\"table-wrap\" aria-label=\"" + html_escape(name) +
           "\" tabindex=\"0\">\n<table>";
  }
  NodePtr result = make_custom(CMARK_NODE_CUSTOM_BLOCK, open,
                               label.empty() ? "</table>" : "</table>\n</section>");
  cmark_node* body = nullptr;
  for (cmark_node* row = cmark_node_first_child(table); row != nullptr;
       row = cmark_node_next(row)) {
    const bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
    NodePtr tr = make_custom(CMARK_NODE_CUSTOM_BLOCK, "<tr>", "</tr>");
    uint16_t column = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
         cell = cmark_node_next(cell), ++column) {
      std::string open = header ? "<th scope=\"col\"" : "<td";
      if (column < columns) open += align_attribute(alignments[column]);
      open += '>';
      NodePtr element = make_custom(CMARK_NODE_CUSTOM_INLINE, open, header ? "</th>" : "</td>");
      move_children(cell, element.get());
      NodePtr line = make_node(CMARK_NODE_CUSTOM_BLOCK);
      append(line.get(), std::move(element));
      append(tr.get(), std::move(line));
    }
    if (header) {
      NodePtr head = make_custom(CMARK_NODE_CUSTOM_BLOCK, "<thead>", "</thead>");
      append(head.get(), std::move(tr));
      append(result.get(), std::move(head));
      continue;
    }
    if (body == nullptr) {
      NodePtr new_body = make_custom(CMARK_NODE_CUSTOM_BLOCK, "<tbody>", "</tbody>");
      body = new_body.get();
      append(result.get(), std::move(new_body));
    }
    append(body, std::move(tr));
  }
  replace(table, std::move(result), retired);
}

// The nodes to edit, found in one pass and edited after it: cmark's iterator must not see the
// tree change under it.
struct Edits {
  std::vector<cmark_node*> raw_html;
  std::vector<cmark_node*> dangerous_links;
  std::vector<cmark_node*> headings;
  std::vector<cmark_node*> tables;
};

Edits find_edits(cmark_node* document, cmark_syntax_extension* table, bool raw_html) {
  Edits edits;
  IterPtr iter(cmark_iter_new(document));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (!raw_html) edits.raw_html.push_back(node);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (is_dangerous_url(cmark_node_get_url(node))) edits.dangerous_links.push_back(node);
        break;
      case CMARK_NODE_HEADING:
        edits.headings.push_back(node);
        break;
      default:
        // Rows and cells belong to the extension too but have no columns of their own.
        if (cmark_node_get_syntax_extension(node) == table &&
            cmark_gfm_extensions_get_table_columns(node) > 0) {
          edits.tables.push_back(node);
        }
        break;
    }
  }
  return edits;
}

}  // namespace

MarkdownResult render_markdown(std::string_view markdown, const MarkdownOptions& options) {
  ensure_extensions_registered();
  cmark_syntax_extension* table = find_extension("table");
  NodePtr document = parse(markdown, table);

  // Fields first: their values are text of the document like any other. Then HTML, so that
  // escaped HTML counts in heading text and ids. Edited nodes are retired, not freed, so every
  // collected pointer stays valid until the end.
  Retired retired;
  fill_fields(document.get(), options.fields, options.raw_html, retired);
  const Edits edits = find_edits(document.get(), table, options.raw_html);
  for (cmark_node* html : edits.raw_html) html_to_text(html, retired);
  for (cmark_node* link : edits.dangerous_links) unwrap(link, retired);
  MarkdownResult result;
  HeadingIds ids;
  result.headings.reserve(edits.headings.size());
  for (cmark_node* heading : edits.headings) {
    result.headings.push_back(convert_heading(heading, options.heading_offset, ids, retired));
  }
  for (cmark_node* node : edits.tables) convert_table(node, options.table_label, retired);

  // UNSAFE only lets raw HTML through; dangerous addresses are already gone in both modes.
  const int render_options = options.raw_html ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT;
  const HtmlPtr html(
      cmark_render_html_with_mem(document.get(), render_options, nullptr, allocator()));
  if (!html) throw std::bad_alloc();
  result.html = html.get();
  result.plain_text = plain_text_of(document.get());
  return result;
}


namespace {

MarkdownNode::Kind tree_kind(cmark_node* node, cmark_syntax_extension* table,
                             cmark_syntax_extension* strikethrough) {
  using Kind = MarkdownNode::Kind;
  cmark_syntax_extension* extension = cmark_node_get_syntax_extension(node);
  if (extension != nullptr && extension == table) {
    if (cmark_gfm_extensions_get_table_columns(node) > 0) return Kind::kTable;
    return cmark_node_parent(node) != nullptr &&
                   cmark_node_get_syntax_extension(cmark_node_parent(node)) == table &&
                   cmark_gfm_extensions_get_table_columns(cmark_node_parent(node)) > 0
               ? Kind::kTableRow
               : Kind::kTableCell;
  }
  if (extension != nullptr && extension == strikethrough) return Kind::kStrikethrough;
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HTML_BLOCK:
      return Kind::kParagraph;
    case CMARK_NODE_HEADING:
      return Kind::kHeading;
    case CMARK_NODE_LIST:
      return Kind::kList;
    case CMARK_NODE_ITEM:
      return Kind::kItem;
    case CMARK_NODE_BLOCK_QUOTE:
      return Kind::kBlockQuote;
    case CMARK_NODE_CODE_BLOCK:
      return Kind::kCodeBlock;
    case CMARK_NODE_THEMATIC_BREAK:
      return Kind::kThematicBreak;
    case CMARK_NODE_CODE:
      return Kind::kCode;
    case CMARK_NODE_EMPH:
      return Kind::kEmphasis;
    case CMARK_NODE_STRONG:
      return Kind::kStrong;
    case CMARK_NODE_LINK:
      return Kind::kLink;
    case CMARK_NODE_IMAGE:
      return Kind::kImage;
    case CMARK_NODE_SOFTBREAK:
      return Kind::kSoftBreak;
    case CMARK_NODE_LINEBREAK:
      return Kind::kLineBreak;
    default:  // text, inline HTML (shown as text), custom nodes
      return Kind::kText;
  }
}

MarkdownNode to_tree(cmark_node* node, cmark_syntax_extension* table,
                     cmark_syntax_extension* strikethrough) {
  using Kind = MarkdownNode::Kind;
  MarkdownNode out;
  out.kind = cmark_node_get_type(node) == CMARK_NODE_DOCUMENT
                 ? Kind::kDocument
                 : tree_kind(node, table, strikethrough);
  switch (out.kind) {
    case Kind::kHeading:
      out.level = cmark_node_get_heading_level(node);
      break;
    case Kind::kList:
      out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
      out.start = cmark_node_get_list_start(node);
      out.tight = cmark_node_get_list_tight(node) != 0;
      break;
    case Kind::kLink:
    case Kind::kImage:
      if (!is_dangerous_url(cmark_node_get_url(node))) out.url = cmark_node_get_url(node);
      break;
    case Kind::kTable: {
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
      const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
      for (uint16_t c = 0; c < columns; ++c) out.alignments += static_cast<char>(alignments[c]);
      break;
    }
    case Kind::kTableRow:
      out.header = cmark_gfm_extensions_get_table_row_is_header(node) != 0;
      break;
    case Kind::kCodeBlock:
    case Kind::kCode:
    case Kind::kText:
      out.text = literal(node);
      break;
    default:
      break;
  }
  if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
    std::string_view source = literal(node);
    while (!source.empty() && is_space(source.back())) source.remove_suffix(1);
    MarkdownNode text;
    text.kind = Kind::kText;
    text.text = std::string(source);
    out.children.push_back(std::move(text));
    return out;
  }
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    out.children.push_back(to_tree(child, table, strikethrough));
  }
  return out;
}

}  // namespace

MarkdownNode markdown_tree(std::string_view markdown, std::span<const std::string> fields) {
  ensure_extensions_registered();
  cmark_syntax_extension* table = find_extension("table");
  NodePtr document = parse(markdown, table);
  Retired retired;
  fill_fields(document.get(), fields, false, retired);  // the tree's raw HTML is text
  return to_tree(document.get(), table, find_extension("strikethrough"));
}

}  // namespace metodika::render
