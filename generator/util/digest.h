// Content digests for the build cache: 64-bit XXH3 (libxxhash, Debian's xxhash package). Not for
// security: a digest only decides whether an output's inputs changed since the last build, and a
// 64-bit hash makes an accidental match between two different inputs negligible.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace metodika::util {

/// The digest of `bytes`.
[[nodiscard]] uint64_t digest_of(std::string_view bytes);

/// Accumulates values into one digest. Every value is added with its length or width, so
/// ("ab", "c") and ("a", "bc") differ.
class Digest {
 public:
  Digest& add(std::string_view bytes);
  Digest& add(const char* s) { return add(std::string_view(s)); }
  template <typename T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  Digest& add(T value) {
    return mix(static_cast<uint64_t>(value));
  }
  Digest& add(double value);
  Digest& add(bool value) { return mix(value ? 1 : 2); }
  [[nodiscard]] uint64_t value() const { return h_; }

 private:
  Digest& mix(uint64_t v);
  uint64_t h_ = 0x9e3779b97f4a7c15ull;
};

}  // namespace metodika::util
