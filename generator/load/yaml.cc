#include "load/yaml.h"

#include <yaml.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "load/limits.h"
#include "util/digest.h"
#include "util/text.h"

namespace metodika::load {
namespace {

// RAII for libyaml's parser and event (STYLE.md: C libraries wrapped once, not copyable).
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&p_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(&p_, reinterpret_cast<const unsigned char*>(text.data()),
                                   text.size());
    }
  }
  ~Parser() {
    if (ok_) yaml_parser_delete(&p_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  [[nodiscard]] bool ok() const { return ok_; }
  yaml_parser_t* get() { return &p_; }

 private:
  yaml_parser_t p_{};
  bool ok_ = false;
};

class Event {
 public:
  Event() = default;
  ~Event() { yaml_event_delete(&e_); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  yaml_event_t* get() { return &e_; }
  const yaml_event_t& operator*() const { return e_; }
  const yaml_event_t* operator->() const { return &e_; }

 private:
  yaml_event_t e_{};
};

// A value as a message shows it (util::clipped).
std::string shown(std::string_view s) { return util::clipped(s); }

bool is_null_scalar(std::string_view v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// Translates libyaml's problem text into advice a data officer can act on.
std::string syntax_hint(std::string_view problem) {
  if (problem.find("mapping values are not allowed") != std::string_view::npos) {
    return "a text that contains \": \" must be put in quotes, or the line is indented wrongly";
  }
  if (problem.find("cannot start any token") != std::string_view::npos ||
      problem.find("found a tab character") != std::string_view::npos) {
    return "YAML indents with spaces, not tabs; text starting with @ or ` must be quoted";
  }
  if (problem.find("did not find expected key") != std::string_view::npos ||
      problem.find("did not find expected '-'") != std::string_view::npos) {
    return "check the indentation: entries of one list or map must start in the same column";
  }
  if (problem.find("found unexpected end of stream") != std::string_view::npos ||
      problem.find("did not find expected ',' or") != std::string_view::npos) {
    return "a quote or bracket is not closed";
  }
  if (problem.find("undefined alias") != std::string_view::npos) {
    return "an alias (*name) must refer to an anchor (&name) defined before it";
  }
  return "fix the YAML syntax at this place";
}

class Builder {
 public:
  Builder(const std::string& file, diag::Diagnostics& diags, uint32_t line_offset,
          const YamlLimits& limits)
      : file_(file), diags_(diags), line_offset_(line_offset), limits_(limits) {}

  std::optional<Node> run(std::string_view text) {
    text_bytes_ = text.size();
    Parser parser(text);
    if (!parser.ok()) {
      diags_.error({file_, 0, 0}, "could not start the YAML parser");
      return std::nullopt;
    }
    int documents = 0;
    std::optional<Node> root;
    for (;;) {
      Event ev;
      if (!yaml_parser_parse(parser.get(), ev.get())) {
        report_syntax(*parser.get());
        return std::nullopt;
      }
      switch (ev->type) {
        case YAML_STREAM_END_EVENT:
          if (!root) root = Node{};
          if (failed_) return std::nullopt;
          return root;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents == 2) {
            diags_.error(pos(ev->start_mark), "a data file must hold one YAML document, not several",
                         "remove the second '---' line, or split the file in two");
            failed_ = true;
          }
          break;
        case YAML_MAPPING_START_EVENT:
          if (too_deep(*ev)) return std::nullopt;
          open(NodeKind::kMap, *ev, ev->data.mapping_start.anchor);
          break;
        case YAML_SEQUENCE_START_EVENT:
          if (too_deep(*ev)) return std::nullopt;
          open(NodeKind::kSequence, *ev, ev->data.sequence_start.anchor);
          break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          close(root);
          break;
        case YAML_SCALAR_EVENT:
          scalar(*ev, root);
          break;
        case YAML_ALIAS_EVENT:
          alias(*ev, root);
          break;
        default:
          break;
      }
      if (over_limit_) return std::nullopt;
    }
  }

 private:
  // An open collection. Its children accumulate on `scratch_` (shared by all open collections)
  // and move into the node with one exact allocation when it closes: growing each node's vector
  // item by item cost four allocations per small map, the main cost of loading 15 MB of records.
  struct Open {
    Node node;
    std::string anchor;
    size_t first_child = 0;
    yaml_mark_t mark{};          // where it starts
    size_t nodes_before = 0;     // tree_nodes_ before this node
    uint64_t bytes_before = 0;   // tree_bytes_ before this node
  };
  // An anchored node kept for its aliases, with the size of its tree.
  struct Anchor {
    Node node;
    size_t nodes = 0;
    uint64_t bytes = 0;
  };

  diag::SourcePos pos(const yaml_mark_t& m) const {
    return {file_, static_cast<uint32_t>(m.line) + 1 + line_offset_,
            static_cast<uint32_t>(m.column) + 1};
  }

  // No data file of the model nests more than a few levels; a runaway "[[[[..." must not exhaust
  // the stack when the tree is destroyed (node destruction is recursive).
  static constexpr size_t kMaxDepth = 64;
  bool too_deep(const yaml_event_t& ev) {
    if (stack_.size() < kMaxDepth) return false;
    diags_.error(pos(ev.start_mark),
                 "the data is nested more than " + std::to_string(kMaxDepth) + " levels deep",
                 "check the brackets and the indentation");
    return true;
  }

  // Resource limits (load/limits.h). Each reports once, at the node that crosses it, and stops
  // the parse: the tree is not built further, so memory stays bounded.
  void limit_error(const yaml_mark_t& at, std::string message, std::string hint) {
    diags_.error(pos(at), std::move(message), std::move(hint));
    over_limit_ = true;
  }

  // Counts a node of the tree (written in the file, or copied by an alias).
  bool add_tree_nodes(const yaml_mark_t& at, size_t nodes, uint64_t bytes) {
    tree_nodes_ += nodes;
    tree_bytes_ += bytes;
    if (tree_nodes_ <= limits_.max_nodes) return true;
    limit_error(at,
                "the file holds more than " + std::to_string(limits_.max_nodes) +
                    " values, lists and maps (aliases counted as copies)",
                "split it into several files in a folder, such as data/schools/*.yaml");
    return false;
  }

  // Counts what aliases copy and anchors keep against the alias budget.
  bool add_copies(const yaml_mark_t& at, std::string_view what, size_t nodes, uint64_t bytes) {
    copied_nodes_ += nodes;
    copied_bytes_ += bytes;
    const size_t node_budget = limits_.alias_multiple * own_nodes_ + limits_.alias_allowance;
    const uint64_t byte_budget =
        limits_.alias_multiple * text_bytes_ + limits_.alias_allowance_bytes;
    if (copied_nodes_ <= node_budget && copied_bytes_ <= byte_budget) return true;
    limit_error(at,
                std::string(what) + " copies more than aliases may copy in one file (" +
                    (copied_nodes_ > node_budget
                         ? std::to_string(limits_.alias_multiple) + " × the file's own " +
                               std::to_string(own_nodes_) + " nodes + " +
                               std::to_string(limits_.alias_allowance) + " nodes"
                         : std::to_string(limits_.alias_multiple) + " × the file's " +
                               std::to_string(text_bytes_) + " bytes + " +
                               std::to_string(limits_.alias_allowance_bytes) +
                               " bytes of text") +
                    ")",
                "aliases of aliases grow exponentially (a \"billion laughs\" file); write the "
                "values out, or use fewer levels of aliases");
    return false;
  }

  void report_syntax(const yaml_parser_t& p) {
    std::string problem = p.problem ? p.problem : "syntax error";
    std::string msg = "YAML syntax error: " + problem;
    if (p.context) msg += std::string(" (") + p.context + ")";
    diag::SourcePos where = pos(p.problem_mark);
    // An unclosed quote is only noticed at the end of the file; point at where it opened.
    if (p.context && problem.find("unexpected end of stream") != std::string::npos) {
      where = pos(p.context_mark);
    }
    std::string hint = syntax_hint(problem);
    if (p.error == YAML_READER_ERROR) {
      msg = "the file is not valid UTF-8 text (" + problem + ")";
      where = {file_, 0, 0};
      hint = "save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)";
    }
    diags_.error(where, msg, hint);
  }

  void open(NodeKind kind, const yaml_event_t& ev, const yaml_char_t* anchor) {
    Open o;
    o.nodes_before = tree_nodes_;
    o.bytes_before = tree_bytes_;
    ++own_nodes_;
    if (!add_tree_nodes(ev.start_mark, 1, 0)) return;
    o.mark = ev.start_mark;
    o.node.kind = kind;
    o.node.line = static_cast<uint32_t>(ev.start_mark.line) + 1 + line_offset_;
    o.node.col = static_cast<uint32_t>(ev.start_mark.column) + 1;
    if (anchor) o.anchor = reinterpret_cast<const char*>(anchor);
    o.first_child = scratch_.size();
    stack_.push_back(std::move(o));
  }

  void close(std::optional<Node>& root) {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    auto first = scratch_.begin() + static_cast<std::ptrdiff_t>(o.first_child);
    o.node.items.reserve(static_cast<size_t>(scratch_.end() - first));
    std::move(first, scratch_.end(), std::back_inserter(o.node.items));
    scratch_.erase(first, scratch_.end());
    if (o.node.is_map()) merge_and_check_keys(o.node);
    if (!o.anchor.empty()) {
      Anchor a{{}, tree_nodes_ - o.nodes_before, tree_bytes_ - o.bytes_before};
      if (!add_copies(o.mark, "the anchor \"&" + shown(o.anchor) + "\"", a.nodes, a.bytes)) return;
      a.node = o.node;
      anchors_[o.anchor] = std::move(a);
    }
    attach(std::move(o.node), root);
  }

  void scalar(const yaml_event_t& ev, std::optional<Node>& root) {
    const size_t bytes = ev.data.scalar.length;
    if (bytes > limits_.max_scalar_chars) {
      const size_t chars = util::utf8_length(
          std::string_view(reinterpret_cast<const char*>(ev.data.scalar.value), bytes));
      if (chars > limits_.max_scalar_chars) {
        limit_error(ev.start_mark,
                    "this text is " + std::to_string(chars) + " characters long; a value may "
                    "have at most " + std::to_string(limits_.max_scalar_chars),
                    "shorten it: long texts belong in a Markdown page under content/");
        return;
      }
    }
    ++own_nodes_;
    if (!add_tree_nodes(ev.start_mark, 1, bytes)) return;
    Node n;
    n.line = static_cast<uint32_t>(ev.start_mark.line) + 1 + line_offset_;
    n.col = static_cast<uint32_t>(ev.start_mark.column) + 1;
    n.value.assign(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
    switch (ev.data.scalar.style) {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        n.style = ScalarStyle::kQuoted;
        break;
      case YAML_LITERAL_SCALAR_STYLE:
      case YAML_FOLDED_SCALAR_STYLE:
        n.style = ScalarStyle::kBlock;
        break;
      default:
        n.style = ScalarStyle::kPlain;
    }
    n.kind = (n.style == ScalarStyle::kPlain && is_null_scalar(n.value)) ? NodeKind::kNull
                                                                         : NodeKind::kScalar;
    if (n.kind == NodeKind::kNull) n.value.clear();
    if (ev.data.scalar.anchor) {
      std::string name = reinterpret_cast<const char*>(ev.data.scalar.anchor);
      if (!add_copies(ev.start_mark, "the anchor \"&" + shown(name) + "\"", 1, bytes)) return;
      anchors_[name] = Anchor{n, 1, bytes};
    }
    attach(std::move(n), root);
  }

  void alias(const yaml_event_t& ev, std::optional<Node>& root) {
    const char* name = reinterpret_cast<const char*>(ev.data.alias.anchor);
    ++own_nodes_;
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {  // libyaml's parser does not check aliases
      diags_.error(pos(ev.start_mark), "unknown alias \"*" + shown(name) + "\"",
                   syntax_hint("undefined alias"));
      failed_ = true;
      attach(Node{}, root);
      return;
    }
    // Counted before copying: a bomb stops before its copies take the memory.
    const Anchor& a = it->second;
    if (!add_copies(ev.start_mark, "the alias \"*" + shown(name) + "\"", a.nodes, a.bytes) ||
        !add_tree_nodes(ev.start_mark, a.nodes, a.bytes)) {
      return;
    }
    attach(Node(a.node), root);
  }

  void attach(Node n, std::optional<Node>& root) {
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    const Open& parent = stack_.back();
    bool is_key = (scratch_.size() - parent.first_child) % 2 == 0;
    if (parent.node.is_map() && is_key && !(n.is_scalar() || n.is_null())) {
      diags_.error({file_, n.line, n.col}, "a map key must be a plain text, not " +
                                               std::string(n.kind_name()));
      failed_ = true;
    }
    scratch_.push_back(std::move(n));
  }

  // Applies YAML merge keys (`<<: *defaults`) and reports duplicate keys.
  void merge_and_check_keys(Node& map) {
    for (size_t i = 0; i < map.size(); ++i) {
      if (map.key(i).value == "<<" && map.key(i).style == ScalarStyle::kPlain) {
        Node merged = std::move(map.items[2 * i + 1]);
        map.items.erase(map.items.begin() + static_cast<std::ptrdiff_t>(2 * i),
                        map.items.begin() + static_cast<std::ptrdiff_t>(2 * i + 2));
        std::vector<const Node*> sources;
        if (merged.is_map()) sources.push_back(&merged);
        for (const Node& m : merged.items) {
          if (merged.is_seq() && m.is_map()) sources.push_back(&m);
        }
        for (const Node* src : sources) {
          for (size_t j = 0; j < src->size(); ++j) {
            if (!map.get(src->key(j).value)) {
              map.items.push_back(src->key(j));
              map.items.push_back(src->val(j));
            }
          }
        }
        --i;
      }
    }
    std::vector<const Node*> keys;
    keys.reserve(map.size());
    for (size_t i = 0; i < map.size(); ++i) keys.push_back(&map.key(i));
    std::stable_sort(keys.begin(), keys.end(),
                     [](const Node* a, const Node* b) { return a->value < b->value; });
    for (size_t i = 1; i < keys.size(); ++i) {
      if (keys[i]->value == keys[i - 1]->value) {
        const Node* first = keys[i - 1];
        const Node* dup = keys[i];
        if (std::tie(dup->line, dup->col) < std::tie(first->line, first->col)) {
          std::swap(first, dup);
        }
        diags_.error({file_, dup->line, dup->col},
                     "duplicate key \"" + shown(dup->value) + "\" (first given on line " +
                         std::to_string(first->line) + ")",
                     "keep one of the two; a later value would silently replace the earlier one");
        failed_ = true;
      }
    }
  }

  const std::string& file_;
  diag::Diagnostics& diags_;
  uint32_t line_offset_;
  const YamlLimits& limits_;
  std::vector<Open> stack_;
  std::vector<Node> scratch_;
  std::map<std::string, Anchor, std::less<>> anchors_;
  bool failed_ = false;
  bool over_limit_ = false;
  uint64_t text_bytes_ = 0;
  size_t own_nodes_ = 0;       // nodes written in the file (an alias counts as one)
  size_t tree_nodes_ = 0;      // nodes of the tree: written ones and aliases' copies
  uint64_t tree_bytes_ = 0;    // bytes of the tree's texts
  size_t copied_nodes_ = 0;    // nodes copied by aliases and kept for anchors
  uint64_t copied_bytes_ = 0;  // bytes of text copied by aliases and kept for anchors
};

}  // namespace

const Node* Node::get(std::string_view k) const {
  if (!is_map()) return nullptr;
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].value == k) return &items[i + 1];
  }
  return nullptr;
}

const Node* Node::get_key(std::string_view k) const {
  if (!is_map()) return nullptr;
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].value == k) return &items[i];
  }
  return nullptr;
}

std::string_view Node::kind_name() const {
  switch (kind) {
    case NodeKind::kNull:
      return "nothing";
    case NodeKind::kScalar:
      return "a single value";
    case NodeKind::kSequence:
      return "a list";
    case NodeKind::kMap:
      return "a map";
  }
  return "?";
}

std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               diag::Diagnostics& diags, uint32_t line_offset,
                               const YamlLimits& limits) {
  Builder b(file, diags, line_offset, limits);
  return b.run(text);
}

namespace {
void add_node(util::Digest& d, const Node& node) {
  d.add(node.kind).add(node.style).add(node.value).add(node.items.size());
  for (const Node& child : node.items) add_node(d, child);
}
}  // namespace

uint64_t node_digest(const Node& node) {
  util::Digest d;
  add_node(d, node);
  return d.value();
}

}  // namespace metodika::load
