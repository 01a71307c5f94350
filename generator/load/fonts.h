// The typographic resources of the PDF review (issue 5): the DejaVu TrueType fonts, with full
// Latvian coverage, and the Latvian hyphenation patterns of Debian's `hyphen-lv`. Read here, as
// bytes, because renderers never read files (STYLE.md); render/pdf subsets and parses them.
#pragma once

#include <filesystem>
#include <string>

namespace metodika::load {

struct Fonts {
  std::string regular;      ///< DejaVuSans.ttf
  std::string bold;         ///< DejaVuSans-Bold.ttf
  std::string oblique;      ///< DejaVuSans-Oblique.ttf
  std::string bold_oblique; ///< DejaVuSans-BoldOblique.ttf
  std::string mono;         ///< DejaVuSansMono.ttf, for code
  /// hyph_lv_LV.dic: libhyphen patterns (ISO 8859-13, as the file's first line says).
  std::string hyphenation_lv;
};

/// Reads the fonts from `font_dir` (Debian: /usr/share/fonts/truetype/dejavu) and the patterns
/// from `hyphen_dir` (/usr/share/hyphen). Throws std::runtime_error naming the missing file and
/// the package that installs it.
[[nodiscard]] Fonts load_fonts(const std::filesystem::path& font_dir,
                               const std::filesystem::path& hyphen_dir);

}  // namespace metodika::load
