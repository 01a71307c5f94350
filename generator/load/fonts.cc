#include "load/fonts.h"

#include <stdexcept>

#include "util/fs.h"

namespace metodika::load {

namespace {

std::string read(const std::filesystem::path& path, const char* package) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw std::runtime_error("cannot find " + path.string() + " (install the Debian package " +
                             package + ", or configure with -DMETODIKA_FONT_DIR / " +
                             "-DMETODIKA_HYPHEN_DIR)");
  }
  return util::read_file(path);
}

}  // namespace

Fonts load_fonts(const std::filesystem::path& font_dir, const std::filesystem::path& hyphen_dir) {
  Fonts fonts;
  fonts.regular = read(font_dir / "DejaVuSans.ttf", "fonts-dejavu-core");
  fonts.bold = read(font_dir / "DejaVuSans-Bold.ttf", "fonts-dejavu-core");
  fonts.oblique = read(font_dir / "DejaVuSans-Oblique.ttf", "fonts-dejavu-extra");
  fonts.bold_oblique = read(font_dir / "DejaVuSans-BoldOblique.ttf", "fonts-dejavu-extra");
  fonts.mono = read(font_dir / "DejaVuSansMono.ttf", "fonts-dejavu-core");
  fonts.hyphenation_lv = read(hyphen_dir / "hyph_lv_LV.dic", "hyphen-lv");
  return fonts;
}

}  // namespace metodika::load
