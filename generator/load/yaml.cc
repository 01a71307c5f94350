#include "load/yaml.h"

#include <yaml.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "util/digest.h"

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
  Builder(const std::string& file, diag::Diagnostics& diags, uint32_t line_offset)
      : file_(file), diags_(diags), line_offset_(line_offset) {}

  std::optional<Node> run(std::string_view text) {
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
    if (!o.anchor.empty()) anchors_[o.anchor] = o.node;
    attach(std::move(o.node), root);
  }

  void scalar(const yaml_event_t& ev, std::optional<Node>& root) {
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
    if (ev.data.scalar.anchor) anchors_[reinterpret_cast<const char*>(ev.data.scalar.anchor)] = n;
    attach(std::move(n), root);
  }

  void alias(const yaml_event_t& ev, std::optional<Node>& root) {
    const char* name = reinterpret_cast<const char*>(ev.data.alias.anchor);
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {  // libyaml's parser does not check aliases
      diags_.error(pos(ev.start_mark), "unknown alias \"*" + std::string(name) + "\"",
                   syntax_hint("undefined alias"));
      failed_ = true;
      attach(Node{}, root);
      return;
    }
    attach(Node(it->second), root);
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
                     "duplicate key \"" + dup->value + "\" (first given on line " +
                         std::to_string(first->line) + ")",
                     "keep one of the two; a later value would silently replace the earlier one");
        failed_ = true;
      }
    }
  }

  const std::string& file_;
  diag::Diagnostics& diags_;
  uint32_t line_offset_;
  std::vector<Open> stack_;
  std::vector<Node> scratch_;
  std::map<std::string, Node, std::less<>> anchors_;
  bool failed_ = false;
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
                               diag::Diagnostics& diags, uint32_t line_offset) {
  Builder b(file, diags, line_offset);
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
