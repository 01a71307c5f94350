#include "render/common/html.h"

namespace metodika::render {

void html_escape_to(std::string& out, std::string_view text) {
  // Runs between the characters to escape are appended whole: most text has none.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.substr(run, i - run));
    out.append(entity);
    run = i + 1;
  }
  out.append(text.substr(run));
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  html_escape_to(out, text);
  return out;
}

}  // namespace metodika::render
