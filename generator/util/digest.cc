#include "util/digest.h"

#include <cstring>
#include <xxhash.h>

namespace metodika::util {

uint64_t digest_of(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

Digest& Digest::add(std::string_view bytes) {
  mix(bytes.size());
  return mix(XXH3_64bits_withSeed(bytes.data(), bytes.size(), h_));
}

Digest& Digest::add(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return mix(bits);
}

Digest& Digest::mix(uint64_t v) {
  // One XXH3 round over the state and the value: order-sensitive and well spread.
  const uint64_t pair[2] = {h_, v};
  h_ = XXH3_64bits(pair, sizeof pair);
  return *this;
}

}  // namespace metodika::util
