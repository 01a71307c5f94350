// A positioned YAML/JSON node tree over libyaml's event parser.
//
// Why our own tree: the national site holds ~20 MB of YAML and every diagnostic needs the line and
// column of the offending value. Measured on these machines for a 15 MB file of teacher records:
// yaml-cpp LoadFile 4.4 s, libfyaml's document builder 1.8 s, libyaml's event parser 0.2 s.
// libyaml gives marks but no tree, so this file builds a thin one. JSON is read by the same
// parser (JSON is YAML), so JSON input errors carry positions too.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/limits.h"

namespace metodika::load {

enum class NodeKind : uint8_t { kNull, kScalar, kSequence, kMap };
/// kCell: a node read from a CSV table (load/csv.h); a cell's text is what a spreadsheet shows.
enum class ScalarStyle : uint8_t { kPlain, kQuoted, kBlock, kCell };

/// One node. A map keeps keys and values interleaved in `items` (key at 2i, value at 2i+1), in
/// source order; keys are unique (the parser reports duplicates).
struct Node {
  NodeKind kind = NodeKind::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  uint32_t line = 0;  // 1-based
  uint32_t col = 0;   // 1-based, in code points
  std::string value;  // scalar text (empty for collections and null)
  std::vector<Node> items;

  [[nodiscard]] bool is_null() const { return kind == NodeKind::kNull; }
  [[nodiscard]] bool is_scalar() const { return kind == NodeKind::kScalar; }
  [[nodiscard]] bool is_seq() const { return kind == NodeKind::kSequence; }
  [[nodiscard]] bool is_map() const { return kind == NodeKind::kMap; }
  /// Number of entries: items of a sequence, key/value pairs of a map.
  [[nodiscard]] size_t size() const { return is_map() ? items.size() / 2 : items.size(); }
  [[nodiscard]] const Node& key(size_t i) const { return items[2 * i]; }
  [[nodiscard]] const Node& val(size_t i) const { return items[2 * i + 1]; }
  /// The value of `key` in a map, or nullptr.
  [[nodiscard]] const Node* get(std::string_view key) const;
  /// The key node of `key` in a map, or nullptr (for positions of a key).
  [[nodiscard]] const Node* get_key(std::string_view key) const;
  /// Human name of the kind, for messages: "a text", "a list", "a map", "empty".
  [[nodiscard]] std::string_view kind_name() const;
};

/// A digest of the node's content (kinds, scalar styles and texts, keys, order), not of its
/// position: an entry moved within its file keeps its digest. For the incremental build cache.
[[nodiscard]] uint64_t node_digest(const Node& node);

/// Parses `text` (one YAML or JSON document). `file` names it in diagnostics; `line_offset` is
/// added to every line (for front matter inside a Markdown file). Syntax errors and duplicate keys
/// are reported to `diags` and give nullopt. An empty document gives a null node. A text longer
/// than the limits allow (load/limits.h: value length, nodes, what aliases copy) is an error at
/// the node that crosses the limit, and gives nullopt without building the rest.
[[nodiscard]] std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                                             diag::Diagnostics& diags, uint32_t line_offset = 0,
                                             const YamlLimits& limits = {});

}  // namespace metodika::load
