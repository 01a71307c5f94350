// The Mustache engine over a theme's templates (kainjow-mustache, header-only from Debian).
// Templates are parsed once; partials ({{> partials/header}}) resolve to other templates of the
// theme, and are put in place of their tags when the theme is loaded wherever that renders the
// same bytes (templates.cc). Values are HTML-escaped by render/common's escaper unless written
// {{{raw}}}.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "load/theme.h"

namespace metodika::render::site {

using Data = kainjow::mustache::data;

// Building page data without copies. kainjow's Data::set and push_back take a const reference
// and copy the value, a whole subtree each time; a list that grows copies every item again
// (Data's move constructor is not noexcept, so std::vector does not move); and a string value
// copies its text. With a page's data built bottom-up that was several deep copies of every item.

/// Sets `key` of `object` to `value`, moved (as Data::set, which copies it).
void put(Data& object, const std::string& key, Data value);
/// Appends `value` to `list`, moved (as Data::push_back, which copies it).
void append(Data& list, Data value);
/// A string value that takes over `text` instead of copying it (a page's HTML, a table's).
[[nodiscard]] Data text_data(std::string text);

class Templates {
 public:
  /// Parses every template of `theme`; a template that does not parse is reported to `diags`
  /// with its file.
  Templates(const load::Theme& theme, diag::Diagnostics& diags);
  Templates(const Templates&) = delete;
  Templates& operator=(const Templates&) = delete;

  [[nodiscard]] bool has(std::string_view name) const;
  /// Renders template `name` with `data` (partials are added). Throws std::runtime_error naming
  /// the template when rendering fails (a theme bug found only at render time).
  /// `base`, if given, is searched after `data` (shared values such as the strings).
  [[nodiscard]] std::string render(std::string_view name, const Data& data,
                                   const Data* base = nullptr) const;

 private:
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>, std::less<>> compiled_;
  Data partials_;
};

}  // namespace metodika::render::site
