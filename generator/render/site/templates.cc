#include "render/site/templates.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

#include "render/common/html.h"

namespace metodika::render::site {
namespace {

// What kainjow's render(context, stream) writes to: the page straight into one string, without
// the std::ostringstream that render(context) fills and then copies out.
struct StringSink {
  std::string out;
  StringSink& operator<<(const std::string& piece) {
    out += piece;
    return *this;
  }
};

// kainjow's context<std::string> without its cost per lookup: a dotted name ({{t.nav.home}}) is
// split on '.' in place rather than through the std::stringstream of kainjow's split(), and the
// stack grows at its back rather than at its front. The lookup rules are kainjow's.
class Context : public kainjow::mustache::basic_context<std::string> {
 public:
  void push(const Data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }

  const Data* get(const std::string& name) const override {
    if (name == ".") return items_.back();
    if (name.find('.') == std::string::npos) return get_partial(name);
    // As std::getline: "a.b." is a, b (no empty last part); "a..b" is a, "", b.
    std::vector<std::string> parts;
    for (size_t start = 0; start < name.size();) {
      size_t dot = std::min(name.find('.', start), name.size());
      parts.emplace_back(name, start, dot - start);
      start = dot + 1;
    }
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      const Data* var = *it;
      for (const std::string& part : parts) {
        var = var->get(part);
        if (!var) break;
      }
      if (var) return var;
    }
    return nullptr;
  }

  const Data* get_partial(const std::string& name) const override {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (const Data* var = (*it)->get(name)) return var;
    }
    return nullptr;
  }

 private:
  std::vector<const Data*> items_;  // the top of the stack is the back
};

}  // namespace

// kainjow gives no mutable access to an object's values, a list's items or a string's text
// except object[key]; the Data below are the caller's own, never const, so the const_casts
// only reach what kainjow would let us replace.

void put(Data& object, const std::string& key, Data value) {
  if (object.is_object()) object[key] = std::move(value);
}

void append(Data& list, Data value) {
  if (!list.is_list()) return;
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    // Grow by moving each item explicitly: vector's own growth would copy them.
    kainjow::mustache::list grown;
    grown.reserve(std::max<size_t>(8, 2 * items.size()));
    for (Data& item : items) grown.emplace_back(std::move(item));
    items.swap(grown);
  }
  items.emplace_back(std::move(value));
}

Data text_data(std::string text) {
  Data d(Data::type::string);
  const_cast<std::string&>(d.string_value()) = std::move(text);
  return d;
}

namespace {

// Partials are put in place of their tags once, when the theme is loaded.
//
// kainjow parses a partial's text again every time it renders its tag: for every olympiad,
// event and methodologist of their pages, and for the header, breadcrumbs and footer of every
// page, a third of the engine's time. It renders the partial's parts into the same line as the
// text around the tag ({{> p}} is not indented or made standalone), so the template with the
// partial's text in place of the tag renders the same bytes, provided that
// - the partial is parsed with the same delimiters: no template involved has a {{=…=}} tag;
// - the text does not join its neighbours into something else: "{" + "{" into a tag, "\r" +
//   "\n" into one line break;
// - the partial is the one the tag finds: kainjow looks a partial up in the page data before
//   the partials, and page data keys never contain "/" as partial names do.
// A tag where any of this does not hold, a partial that includes itself, or one the theme lacks
// stays a tag, rendered as before.
class PartialInliner {
 public:
  explicit PartialInliner(const std::map<std::string, std::string, std::less<>>& partials)
      : partials_(partials) {}

  /// `text` with its partial tags replaced, or nullopt when it changes delimiters.
  [[nodiscard]] std::optional<std::string> expand(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    if (!expand_into(out, text)) return std::nullopt;
    return out;
  }

 private:
  static bool joins(char a, char b) { return (a == '{' && b == '{') || (a == '\r' && b == '\n'); }

  // As kainjow's trim (which calls std::isspace on each char).
  static std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  }

  // Appends `text`, expanded, to `out`; false when it has a set-delimiter tag. Tags are found as
  // kainjow's parser finds them with the default delimiters: "{{{…}}}", else "{{…}}".
  bool expand_into(std::string& out, std::string_view text) {
    size_t at = 0;
    while (at < text.size()) {
      size_t open = text.find("{{", at);
      if (open == std::string_view::npos) break;
      out.append(text.substr(at, open - at));
      bool triple = open + 2 < text.size() && text[open + 2] == '{';
      size_t close = text.find(triple ? "}}}" : "}}", open + (triple ? 3 : 2));
      if (close == std::string_view::npos) return false;  // does not parse; not inlined
      size_t end = close + (triple ? 3 : 2);
      std::string_view tag = text.substr(open, end - open);
      std::string_view contents = trim(text.substr(open + 2, close - open - 2));
      at = end;
      if (!triple && contents.starts_with('=')) return false;
      if (triple || !contents.starts_with('>')) {
        out.append(tag);
        continue;
      }
      std::string_view name = trim(contents.substr(1));
      auto partial = partials_.find(name);
      bool open_already = std::find(open_.begin(), open_.end(), name) != open_.end();
      std::string inner;
      bool ok = partial != partials_.end() && !open_already;
      if (ok) {
        open_.push_back(name);
        ok = expand_into(inner, partial->second);
        open_.pop_back();
      }
      // The characters on either side of the tag once it is replaced (none at an edge: the
      // template that includes this one checks its own edges the same way).
      char before = out.empty() ? '\0' : out.back();
      char after = at < text.size() ? text[at] : '\0';
      if (ok) {
        ok = inner.empty() ? !joins(before, after)
                           : !joins(before, inner.front()) && !joins(inner.back(), after);
      }
      if (ok) {
        out += inner;
      } else {
        out.append(tag);
      }
    }
    out.append(text.substr(at));
    return true;
  }

  const std::map<std::string, std::string, std::less<>>& partials_;
  std::vector<std::string_view> open_;  // the partials being expanded, outermost first
};

// The engine parses and renders nested sections by recursion: a template of 40,000 nested
// {{#a}} (720 KB) ran for minutes. Themes nest a few levels.
constexpr size_t kMaxSectionDepth = 100;

// The partials a template's text names in its {{> name}} tags (default delimiters; triple
// mustaches are not partial tags), and how deep its sections nest.
struct TagScan {
  std::vector<std::string> partials;
  size_t depth = 0;
};

TagScan scan_tags(std::string_view text) {
  TagScan scan;
  size_t depth = 0;
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const bool triple = at + 2 < text.size() && text[at + 2] == '{';
    const size_t close = text.find(triple ? "}}}" : "}}", at + 2);
    if (close == std::string_view::npos) break;
    std::string_view contents = text.substr(at + 2, close - at - 2);
    at = close + 2;
    while (!contents.empty() && std::isspace(static_cast<unsigned char>(contents.front()))) {
      contents.remove_prefix(1);
    }
    if (!triple && (contents.starts_with('#') || contents.starts_with('^'))) {
      scan.depth = std::max(scan.depth, ++depth);
    } else if (!triple && contents.starts_with('/') && depth > 0) {
      --depth;
    }
    if (triple || !contents.starts_with('>')) continue;
    contents.remove_prefix(1);
    while (!contents.empty() && std::isspace(static_cast<unsigned char>(contents.front()))) {
      contents.remove_prefix(1);
    }
    while (!contents.empty() && std::isspace(static_cast<unsigned char>(contents.back()))) {
      contents.remove_suffix(1);
    }
    scan.partials.emplace_back(contents);
  }
  return scan;
}

// A template that includes itself through its partials would make the engine recurse until the
// stack runs out (a crash, not an error), and one whose partials include others several times
// over grows exponentially with their depth ("{{> b}}{{> b}}" in a, the same in b, …): both are
// errors at the template's file, found before anything is rendered. Returns the templates that
// may not be used.
constexpr size_t kMaxExpandedBytes = 1u << 20;  // the default theme's templates together: 16 KB

std::set<std::string, std::less<>> unusable_templates(const load::Theme& theme,
                                                      diag::Diagnostics& diags) {
  std::map<std::string_view, std::vector<std::string>> tags;
  std::set<std::string, std::less<>> bad;
  auto where = [&](std::string_view name) {
    auto src = theme.template_sources.find(name);
    return src != theme.template_sources.end() ? src->second : std::string(name);
  };
  for (const auto& [name, text] : theme.templates) {
    TagScan scan = scan_tags(text);
    if (scan.depth > kMaxSectionDepth) {
      bad.emplace(name);
      diags.error({where(name), 0, 0},
                  "the template's sections ({{#…}}, {{^…}}) nest " + std::to_string(scan.depth) +
                      " deep; at most " + std::to_string(kMaxSectionDepth),
                  "close each section with its {{/…}} before opening the next where you can");
    }
    tags.emplace(name, std::move(scan.partials));
  }
  enum class State { kOpen, kDone };
  std::map<std::string_view, State> state;
  std::map<std::string_view, size_t> expanded;  // bytes with every partial put in place
  // Depth-first over the partials, with the path so far for the message. Iterative in spirit:
  // the depth is at most the number of templates, which a theme keeps small.
  std::vector<std::string_view> path;
  std::function<size_t(std::string_view)> visit = [&](std::string_view name) -> size_t {
    auto it = state.find(name);
    if (it != state.end() && it->second == State::kDone) return expanded[name];
    if (it != state.end()) {  // open: a cycle from `name` back to itself
      std::string cycle;
      for (auto p = std::find(path.begin(), path.end(), name); p != path.end(); ++p) {
        cycle += std::string(*p) + " → ";
        bad.emplace(*p);
      }
      cycle += std::string(name);
      diags.error({where(name), 0, 0},
                  "the template includes itself through its partials (" + cycle + ")",
                  "a partial cannot include itself, directly or through other partials: remove "
                  "one of the {{> …}} tags");
      return 0;
    }
    auto t = tags.find(name);
    if (t == tags.end()) return 0;  // a partial the theme lacks renders nothing
    state[name] = State::kOpen;
    path.push_back(name);
    size_t bytes = theme.templates.find(name)->second.size();
    for (const std::string& child : t->second) {
      bytes = std::min(kMaxExpandedBytes + 1, bytes + visit(child));
    }
    path.pop_back();
    state[name] = State::kDone;
    expanded[name] = bytes;
    return bytes;
  };
  for (const auto& [name, text] : theme.templates) visit(name);
  // Reported where the limit is crossed: at the template whose partials are each within it. The
  // templates that include that one cannot be used either, and say nothing more.
  for (const auto& [name, text] : theme.templates) {
    if (expanded[name] <= kMaxExpandedBytes || bad.contains(name)) continue;
    const std::vector<std::string>& children = tags[name];
    const bool crosses = std::none_of(children.begin(), children.end(), [&](const std::string& c) {
      auto e = expanded.find(c);
      return e != expanded.end() && e->second > kMaxExpandedBytes;
    });
    bad.emplace(name);
    if (crosses) {
      diags.error({where(name), 0, 0},
                  "with its partials in place, the template is more than " +
                      std::to_string(kMaxExpandedBytes >> 20) + " MiB long",
                  "a partial included many times over by partials that are themselves included "
                  "many times grows with every level: include each once");
    }
  }
  return bad;
}

}  // namespace

Templates::Templates(const load::Theme& theme, diag::Diagnostics& diags)
    : partials_(Data::type::object) {
  const std::set<std::string, std::less<>> unusable = unusable_templates(theme, diags);
  // The partials that parse, which the tags of the others may be replaced with.
  std::map<std::string, std::string, std::less<>> valid_partials;
  for (const auto& [name, text] : theme.templates) {
    if (name.starts_with("partials/") && !unusable.contains(name) &&
        kainjow::mustache::mustache(text).is_valid()) {
      valid_partials.emplace(name, text);
    }
  }
  PartialInliner inliner(valid_partials);
  for (const auto& [name, text] : theme.templates) {
    if (unusable.contains(name)) continue;  // reported; a page of it is not rendered
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(text);
    if (!tmpl->is_valid()) {
      auto src = theme.template_sources.find(name);
      diags.error({src != theme.template_sources.end() ? src->second : name, 0, 0},
                  "the template does not parse: " + tmpl->error_message(),
                  "check that every {{#section}} has its {{/section}}");
      continue;
    }
    // Errors are reported on the theme's own text (above); the inlined text always parses when
    // that does, and if it ever did not, the template stays as written.
    if (auto expanded = inliner.expand(text); expanded && *expanded != text) {
      auto inlined = std::make_unique<kainjow::mustache::mustache>(*expanded);
      if (inlined->is_valid()) tmpl = std::move(inlined);
    }
    tmpl->set_custom_escape([](const std::string& s) { return html_escape(s); });
    compiled_.emplace(name, std::move(tmpl));
    // Only templates under partials/ are partials: page templates' names (olympiads, events...)
    // must not hide page data of the same name.
    if (name.starts_with("partials/")) {
      std::string copy = text;
      partials_.set(name, kainjow::mustache::partial([copy] { return copy; }));
    }
  }
}

bool Templates::has(std::string_view name) const { return compiled_.contains(name); }

std::string Templates::render(std::string_view name, const Data& data, const Data* base) const {
  auto it = compiled_.find(name);
  if (it == compiled_.end()) {
    throw std::runtime_error("the theme has no template \"" + std::string(name) + ".mustache\"");
  }
  // A context stack, searched from the top: the page's data, then `base` (the strings every page
  // shares), then the partials. Nothing is copied: a deep copy of the data per page was most of
  // the site's rendering time.
  Context ctx;
  ctx.push(&partials_);
  if (base) ctx.push(base);
  ctx.push(&data);
  StringSink sink;
  // Most pages fit (the median page is ~6 KB, nine in ten under 16 KB); growing the string from
  // empty, piece by piece, showed in profiles as reallocation and copying.
  sink.out.reserve(16 * 1024);
  it->second->render(ctx, sink);
  if (!it->second->is_valid()) {
    throw std::runtime_error("template " + std::string(name) + ": " + it->second->error_message());
  }
  return std::move(sink.out);
}

}  // namespace metodika::render::site
