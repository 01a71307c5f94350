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
/// Object streams (the structure tree, one element a table cell): level 1 is half the time of
/// 3 for a stream 4 % larger.
inline constexpr int kObjectLevel = 1;

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
  /// The same at `level` instead of the one this was made with.
  [[nodiscard]] std::string compress(std::string_view data, int level);

 private:
  std::string compress_after_reset(std::string_view data);

  z_stream stream_{};
  int level_;
  int current_;  // the level the stream is set to
};

}  // namespace metodika::render::pdf
