#include "render/site/templates.h"

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
