#include "render/pdf/flate.h"

#include <libdeflate.h>

#include <algorithm>
#include <stdexcept>

namespace metodika::render::pdf {

Deflater::Deflater(int level) : level_(std::clamp(level, 1, 12)) {}

Deflater::~Deflater() noexcept {
  for (libdeflate_compressor* c : compressors_) {
    if (c != nullptr) libdeflate_free_compressor(c);
  }
}

std::string Deflater::compress(std::string_view data) { return compress(data, level_); }

std::string Deflater::compress(std::string_view data, int level) {
  level = std::clamp(level, 1, 12);
  libdeflate_compressor*& c = compressors_[static_cast<size_t>(level)];
  if (c == nullptr) c = libdeflate_alloc_compressor(level);
  if (c == nullptr) throw std::runtime_error("libdeflate: cannot make a compressor");
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  // The bound leaves room for all of it: one call always succeeds.
  const size_t size = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  if (size == 0) throw std::runtime_error("libdeflate: the output did not fit its bound");
  out.resize(size);
  return out;
}

}  // namespace metodika::render::pdf
