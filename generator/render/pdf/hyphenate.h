// Latvian hyphenation for the PDF's line breaking: libhyphen with Debian's hyph_lv_LV.dic
// (libharu has none). The patterns are in ISO 8859-13, so words go through that encoding.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

struct _HyphenDict;

namespace metodika::render::pdf {

class Hyphenator {
 public:
  /// `dictionary`: the bytes of a libhyphen .dic file. Throws std::runtime_error if unreadable.
  explicit Hyphenator(std::string_view dictionary);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets into `word` (UTF-8, letters only) before which a hyphen may break it, at
  /// least two letters from either end; empty for a word with a character outside ISO 8859-13
  /// or shorter than five letters. Safe to call from several threads.
  [[nodiscard]] std::vector<size_t> points(std::string_view word) const;

 private:
  _HyphenDict* dict_ = nullptr;
};

}  // namespace metodika::render::pdf
