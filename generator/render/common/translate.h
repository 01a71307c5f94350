// The theme's strings looked up one way for every renderer (issue 20: the site, the PDF and the
// workbooks each had their own lookup, with different fallbacks).
#pragma once

#include <string>
#include <string_view>

#include "load/theme.h"
#include "render/common/table.h"

namespace metodika::render {

/// The theme's text for `key` in `lang`. load::load_theme gives every language each string of
/// the default language (warning where it had to), so a key missing here is missing from the
/// theme altogether: the text is then empty, in every format alike.
[[nodiscard]] const std::string& translate(const load::Theme& theme, std::string_view lang,
                                           std::string_view key);

/// translate() bound to `theme` and `lang`, for the tables' builders.
[[nodiscard]] Translate translator(const load::Theme& theme, std::string_view lang);

}  // namespace metodika::render
