#include "render/site/templates.h"

#include <algorithm>
#include <stdexcept>

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

Templates::Templates(const load::Theme& theme, diag::Diagnostics& diags)
    : partials_(Data::type::object) {
  for (const auto& [name, text] : theme.templates) {
    auto tmpl = std::make_unique<kainjow::mustache::mustache>(text);
    if (!tmpl->is_valid()) {
      auto src = theme.template_sources.find(name);
      diags.error({src != theme.template_sources.end() ? src->second : name, 0, 0},
                  "the template does not parse: " + tmpl->error_message(),
                  "check that every {{#section}} has its {{/section}}");
      continue;
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
  kainjow::mustache::context<std::string> ctx(&partials_);
  if (base) ctx.push(base);
  ctx.push(&data);
  StringSink sink;
  it->second->render(ctx, sink);
  if (!it->second->is_valid()) {
    throw std::runtime_error("template " + std::string(name) + ": " + it->second->error_message());
  }
  return std::move(sink.out);
}

}  // namespace metodika::render::site
