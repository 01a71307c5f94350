// A subset font as the PDF embeds it (a Type 0 font over a CIDFontType2, Identity-H, codes =
// BMP code points), computed once per subset and build instead of once per document.
//
// libharu 2.3.0's HPDF_GetFont does it for every document: it looks up a glyph for each of the
// 65,536 codes of its UTF-8 encoder (a linear cmap search each), builds the /W array from them,
// and at save copies the font program table by table and compresses it with its maps, four
// faces a review. The writer now builds the font's objects from this (writer.cc).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace metodika::render::pdf {

/// Consecutive codes from `first` with their widths (one entry of /W).
struct WidthRun {
  uint16_t first = 0;
  std::vector<int> widths;
};

struct EmbeddedFont {
  std::string base_font;  ///< "ABCDEF+DejaVuSans,Book": a subset tag and libharu's name
  // The font descriptor and CIDFont values as libharu computes them (1/1000 em).
  int ascent = 0;
  int descent = 0;
  unsigned flags = 0;
  std::array<int, 4> bbox{};  ///< left, bottom, right, top
  int italic_angle = 0;
  int stem_v = 0;
  int x_height = 0;
  int missing_width = 0;  ///< /DW
  std::vector<WidthRun> widths;  ///< /W: every code whose width is not /DW
  std::string font_file;         ///< the TrueType subset, deflated (/FontFile2)
  size_t font_file_length = 0;   ///< its size before (/Length1)
  std::string cid_to_gid;        ///< /CIDToGIDMap, deflated
  std::string to_unicode;        ///< the /ToUnicode CMap, deflated
};

/// `ttf`, a subset of the face `style` covering exactly `code_points` (sorted, unique, BMP), as
/// the PDF embeds it. Throws std::runtime_error if libharu cannot read it.
[[nodiscard]] EmbeddedFont embed_font(std::string_view ttf, size_t style,
                                      const std::vector<char32_t>& code_points);

}  // namespace metodika::render::pdf
