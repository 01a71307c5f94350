#include "render/common/xml.h"

namespace metodika::render {

void xml_escape_to(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        // XML 1.0 2.2: Char excludes U+0000..U+001F other than tab, LF and CR.
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  xml_escape_to(out, text);
  return out;
}

}  // namespace metodika::render
