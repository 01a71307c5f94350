// XML escaping shared by the XML formats (Atom feed, sitemap, DCAT): STYLE.md keeps escaping in
// render/common so no renderer carries its own copy.
#pragma once

#include <string>
#include <string_view>

namespace metodika::render {

/// Escapes UTF-8 text for XML character data and for attribute values in either quote style:
/// & < > " ' become the predefined entities (XML 1.0 4.6). Tab, LF and CR are kept; every other
/// C0 control character is dropped, since XML 1.0 2.2 `Char` does not allow it even as a
/// character reference and one stray byte would make the whole document ill-formed.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// Appends the escaped form of `text` to `out`.
void xml_escape_to(std::string& out, std::string_view text);

}  // namespace metodika::render
