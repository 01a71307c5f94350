// The PDF's fonts: DejaVu Sans in four faces and DejaVu Sans Mono, measured with HarfBuzz and cut
// down with HarfBuzz's subsetter to the characters a document uses, then made ready to embed
// (embed.h) once per subset.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/embed.h"

namespace metodika::load {
struct Fonts;
}

namespace metodika::render::pdf {

enum class FontStyle : uint8_t { kRegular, kBold, kOblique, kBoldOblique, kMono };
inline constexpr size_t kFontStyles = 5;

/// The code point at `text[i]`, advancing `i`; invalid bytes give U+FFFD.
[[nodiscard]] char32_t next_code_point(std::string_view text, size_t& i);

/// Appends `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// Advance widths of one face as libharu writes them into the PDF (`/W`: 1/1000 em, truncated),
/// so that what is measured here is what a viewer draws.
class FontMetrics {
 public:
  explicit FontMetrics(std::string_view ttf);

  /// Width of `text` at `size` points.
  [[nodiscard]] double width(std::string_view text, double size) const;
  /// Advance of `c` in 1/1000 em (that of U+FFFD's fallback, .notdef, when the face lacks it).
  [[nodiscard]] int advance(char32_t c) const {
    return c < advances_.size() && advances_[c] >= 0 ? advances_[c] : missing_;
  }
  [[nodiscard]] bool has(char32_t c) const { return c < advances_.size() && advances_[c] >= 0; }
  /// Ascender and descender (negative) in 1/1000 em.
  [[nodiscard]] int ascender() const { return ascender_; }
  [[nodiscard]] int descender() const { return descender_; }

 private:
  std::vector<int16_t> advances_;  // by BMP code point; -1 = not in the face
  int missing_ = 0;
  int ascender_ = 0;
  int descender_ = 0;
};

/// Code points a document uses, per face.
using CodePoints = std::array<std::vector<char32_t>, kFontStyles>;

/// `ttf` cut down to `code_points` (sorted, unique): no hinting, no layout tables. Throws
/// std::runtime_error if HarfBuzz cannot subset it.
[[nodiscard]] std::string subset_font(std::string_view ttf, const std::vector<char32_t>& code_points);

/// The faces of one build, shared by every document and thread. Subsets are cached, ready to
/// embed: documents of one build that draw a face with the same characters share its subset.
class FontSet {
 public:
  /// Keeps views of `fonts`' bytes: `fonts` must outlive it.
  explicit FontSet(const load::Fonts& fonts);
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  [[nodiscard]] const FontMetrics& metrics(FontStyle style) const {
    return metrics_[static_cast<size_t>(style)];
  }
  /// The subset of `style` covering exactly `used` (sorted, unique). Thread-safe.
  [[nodiscard]] std::shared_ptr<const EmbeddedFont> embedded(
      FontStyle style, const std::vector<char32_t>& used) const;

 private:
  std::array<std::string_view, kFontStyles> ttf_;
  std::vector<FontMetrics> metrics_;
  mutable std::mutex mutex_;
  mutable std::map<std::pair<FontStyle, std::vector<char32_t>>,
                   std::shared_ptr<const EmbeddedFont>>
      cache_;
};

}  // namespace metodika::render::pdf
