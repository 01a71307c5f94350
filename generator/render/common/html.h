// HTML escaping for every context a data value can land in (STYLE.md: shared escaping lives in
// render/common, never copied into a renderer).
#pragma once

#include <string>
#include <string_view>

namespace metodika::render {

/// Escapes text for HTML element content and quoted attribute values: & < > " '.
[[nodiscard]] std::string html_escape(std::string_view text);

/// Appends the escaped form of `text` to `out`.
void html_escape_to(std::string& out, std::string_view text);

}  // namespace metodika::render
