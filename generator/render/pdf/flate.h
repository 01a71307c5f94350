// zlib's deflate for the PDF's streams (/FlateDecode). libharu 2.3.0 compresses every stream
// itself at zlib's default level and has no way to choose another or to take bytes compressed
// before: the writer compresses page contents here, and each font subset once (embed.h).
#pragma once

#include <zlib.h>

#include <string>
#include <string_view>

namespace metodika::render::pdf {

/// Page contents. On the national reviews level 6 took ~10 % more typesetting CPU than level 3
/// for files 5 % smaller; level 1 was no faster than 3 and 2 % larger.
inline constexpr int kContentLevel = 3;
/// Font programs and their maps, compressed once per subset.
inline constexpr int kFontLevel = 9;

/// One zlib stream, reset between inputs: initialising one costs more than compressing a
/// short page (its window and hash tables are allocated and cleared).
class Deflater {
 public:
  /// Throws std::runtime_error if zlib cannot be initialised.
  explicit Deflater(int level);
  ~Deflater() noexcept;
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// `data` in the zlib format, as /FlateDecode reads it.
  [[nodiscard]] std::string compress(std::string_view data);

 private:
  z_stream stream_{};
};

}  // namespace metodika::render::pdf
