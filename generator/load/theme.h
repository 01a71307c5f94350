// A theme: Mustache templates, translation strings and static assets, layered file by file
// (DATA-MODEL.md 15): the compiler's built-in default theme, then the site's themes/<name>/,
// then the site's templates/ folder for templates.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace metodika::load {

using StringTable = std::map<std::string, std::string, std::less<>>;

struct Theme {
  /// Template name (path under templates/ without ".mustache", e.g. "page", "partials/header")
  /// → text.
  StringTable templates;
  /// Language → key → translated string (a theme's i18n/<lang>.yaml and i18n/<lang>/*.yaml,
  /// nested keys joined by ".").
  std::map<std::string, StringTable, std::less<>> strings;
  /// Path under static/ → bytes.
  std::map<std::string, std::string, std::less<>> static_files;
  /// Where each template came from, for error messages ("themes/default/templates/page.mustache"
  /// or "(built-in)/templates/page.mustache").
  StringTable template_sources;
};

/// Loads theme `name` for a site. Problems (an unknown theme, a bad translation file, a missing
/// translation) go to `diags`. Throws only on IO failures.
[[nodiscard]] Theme load_theme(const std::filesystem::path& site_root, std::string_view name,
                               const std::vector<std::string>& languages, diag::Diagnostics& diags);

}  // namespace metodika::load
