#include "render/site/templates.h"

#include <stdexcept>

#include "render/common/html.h"

namespace metodika::render::site {

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
    std::string copy = text;
    partials_.set(name, kainjow::mustache::partial([copy] { return copy; }));
  }
}

bool Templates::has(std::string_view name) const { return compiled_.contains(name); }

std::string Templates::render(std::string_view name, const Data& data) const {
  auto it = compiled_.find(name);
  if (it == compiled_.end()) {
    throw std::runtime_error("the theme has no template \"" + std::string(name) + ".mustache\"");
  }
  // The page's data first, then the partials, as a context stack.
  Data ctx(data);
  // Only templates under partials/ are partials: page templates' names (olympiads, events...)
  // must not hide page data of the same name.
  for (const auto& [pname, tmpl] : compiled_) {
    if (!pname.starts_with("partials/")) continue;
    if (const Data* p = partials_.get(pname)) ctx.set(pname, *p);
  }
  std::string out = it->second->render(ctx);
  if (!it->second->is_valid()) {
    throw std::runtime_error("template " + std::string(name) + ": " + it->second->error_message());
  }
  return out;
}

}  // namespace metodika::render::site
