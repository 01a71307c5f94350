#include "render/common/translate.h"

namespace metodika::render {

const std::string& translate(const load::Theme& theme, std::string_view lang,
                             std::string_view key) {
  static const std::string kEmpty;
  const auto strings = theme.strings.find(lang);
  if (strings == theme.strings.end()) return kEmpty;
  const auto found = strings->second.find(key);
  return found == strings->second.end() ? kEmpty : found->second;
}

Translate translator(const load::Theme& theme, std::string_view lang) {
  return [&theme, lang = std::string(lang)](std::string_view key) {
    return translate(theme, lang, key);
  };
}

}  // namespace metodika::render
