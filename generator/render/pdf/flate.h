// Deflate for the PDF's streams (/FlateDecode), by libdeflate. libharu 2.3.0 compresses every
// stream itself at zlib's default level and has no way to choose another or to take bytes
// compressed before: the writer compresses page contents here, and each font subset once
// (embed.h). libdeflate rather than zlib: whole buffers in one call is all a PDF needs, and on
// the tagged national reviews (issue 22) its level 6 made the object streams (the structure
// tree) 26 % smaller than zlib's level 1 in 1.4x its time, and the page contents 26 % smaller
// than zlib's level 3 in about the same time (BENCHMARKS.md, "Tagged reviews").
#pragma once

#include <array>
#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace metodika::render::pdf {

/// Page contents.
inline constexpr int kContentLevel = 6;
/// Font programs and their maps, compressed once per subset.
inline constexpr int kFontLevel = 9;
/// Object streams (the structure tree, one element a table cell). Level 6 is the step that
/// pays: on Rīga's review levels 1-4 were within 10 % of each other, 6 was 19 % smaller than 4,
/// and 7-9 gained 3 % more for 2-10x the time.
inline constexpr int kObjectLevel = 6;

/// libdeflate compressors, one a level, made when first used: making one allocates its hash
/// tables, more than compressing a short page costs.
class Deflater {
 public:
  /// Compresses at `level` (1-12) unless told otherwise.
  explicit Deflater(int level);
  ~Deflater() noexcept;
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// `data` in the zlib format, as /FlateDecode reads it. Throws std::runtime_error if no
  /// compressor can be made (out of memory).
  [[nodiscard]] std::string compress(std::string_view data);
  /// The same at `level` instead of the one this was made with.
  [[nodiscard]] std::string compress(std::string_view data, int level);

 private:
  std::array<libdeflate_compressor*, 13> compressors_{};
  int level_;
};

}  // namespace metodika::render::pdf
