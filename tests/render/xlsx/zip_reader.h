// Reads the parts of an XLSX (a zip of XML files) in memory, for the tests of render/xlsx: enough
// of the zip format (central directory, stored or deflated entries) to check what libxlsxwriter
// wrote, without a zip library the project does not otherwise need (zlib is libxlsxwriter's).
#pragma once

#include <zlib.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace metodika::render::xlsx::testing {

inline uint32_t le(std::string_view b, size_t at, int n) {
  uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b.at(at + i));
  return v;
}

/// Part name → its uncompressed bytes.
inline std::map<std::string, std::string> unzip(std::string_view zip) {
  size_t eocd = zip.rfind(std::string_view("PK\x05\x06", 4));
  if (eocd == std::string_view::npos) throw std::runtime_error("not a zip file");
  uint32_t entries = le(zip, eocd + 10, 2), cd = le(zip, eocd + 16, 4);
  std::map<std::string, std::string> parts;
  for (uint32_t e = 0; e < entries; ++e) {
    if (le(zip, cd, 4) != 0x02014b50) throw std::runtime_error("bad central directory");
    uint32_t method = le(zip, cd + 10, 2), csize = le(zip, cd + 20, 4),
             usize = le(zip, cd + 24, 4), nlen = le(zip, cd + 28, 2), xlen = le(zip, cd + 30, 2),
             clen = le(zip, cd + 32, 2), local = le(zip, cd + 42, 4);
    std::string name(zip.substr(cd + 46, nlen));
    cd += 46 + nlen + xlen + clen;
    size_t data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
    std::string out(usize, '\0');
    if (method == 0) {
      out = std::string(zip.substr(data, csize));
    } else {
      z_stream zs{};
      if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      zs.avail_in = csize;
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = usize;
      int rc = inflate(&zs, Z_FINISH);
      inflateEnd(&zs);
      if (rc != Z_STREAM_END) throw std::runtime_error("cannot inflate " + name);
    }
    parts[name] = std::move(out);
  }
  return parts;
}

}  // namespace metodika::render::xlsx::testing
