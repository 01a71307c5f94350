#include "render/pdf/flate.h"

#include <stdexcept>

namespace metodika::render::pdf {

Deflater::Deflater(int level) : level_(level), current_(level) {
  if (deflateInit(&stream_, level) != Z_OK) {
    throw std::runtime_error("zlib: cannot initialise deflate");
  }
}

Deflater::~Deflater() noexcept { deflateEnd(&stream_); }

std::string Deflater::compress(std::string_view data) { return compress(data, level_); }

std::string Deflater::compress_after_reset(std::string_view data) {
  std::string out(deflateBound(&stream_, static_cast<uLong>(data.size())), '\0');
  // zlib's interface is not const-correct; it only reads the input.
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream_.avail_in = static_cast<uInt>(data.size());
  stream_.next_out = reinterpret_cast<Bytef*>(out.data());
  stream_.avail_out = static_cast<uInt>(out.size());
  // deflateBound leaves room for all of it: one call finishes.
  if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) {
    throw std::runtime_error("zlib: deflate did not finish");
  }
  out.resize(stream_.total_out);
  return out;
}

std::string Deflater::compress(std::string_view data, int level) {
  deflateReset(&stream_);
  // Right after a reset no data is pending, so new parameters apply at once and cheaply.
  if (level != current_) {
    deflateParams(&stream_, level, Z_DEFAULT_STRATEGY);
    current_ = level;
  }
  return compress_after_reset(data);
}

}  // namespace metodika::render::pdf
