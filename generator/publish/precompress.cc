#include "publish/precompress.h"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace metodika::publish {

bool is_precompressed(std::string_view path) {
  static constexpr std::array<std::string_view, 11> kText = {
      ".html", ".css", ".js", ".json", ".jsonld", ".xml", ".ics", ".csv", ".svg", ".txt",
      ".webmanifest"};
  for (std::string_view ext : kText) {
    if (path.size() > ext.size() && path.ends_with(ext)) return true;
  }
  return false;
}

std::string gzip(std::string_view bytes) {
  z_stream z{};
  // windowBits 15 + 16: a gzip wrapper; zlib writes its header with mtime 0, no name and its
  // own fixed OS byte, so the output depends on the bytes alone.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: cannot start compressing");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: cannot compress");
  return out;
}

void PrecompressingSink::write(std::string_view path, std::string_view bytes) {
  out_.write(path, bytes);
  if (is_precompressed(path)) out_.write(std::string(path) + ".gz", gzip(bytes));
}

std::vector<std::string> with_precompressed(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  out.reserve(paths.size() * 2);
  for (const std::string& p : paths) {
    out.push_back(p);
    if (is_precompressed(p)) out.push_back(p + ".gz");
  }
  return out;
}

}  // namespace metodika::publish
