// A byte encoding for the stores a build keeps for the next process (model/kept_records.h,
// model/kept_trees.h): numbers in host byte order (a store never leaves the machine that wrote
// it) and strings as a u32 length and their bytes. Hand-written because nothing in the project's
// packages stores these structs more cheaply: JSON (nlohmann) would take longer to read than the
// YAML they replace.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace metodika::util {

class BinaryWriter {
 public:
  template <typename T>
    requires std::is_arithmetic_v<T>
  void put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void put(std::string_view s) {
    put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

/// Reads what BinaryWriter wrote; any read past the end or value out of range makes it fail for
/// good (the reads after return zeros and empty strings).
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}
  template <typename T>
    requires std::is_arithmetic_v<T>
  T get() {
    T v{};
    if (!ok_ || in_.size() - at_ < sizeof(T)) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  std::string str() { return std::string(view()); }
  /// The next string without copying it (valid while the input is).
  std::string_view view() {
    const auto n = get<uint32_t>();
    if (!ok_ || in_.size() - at_ < n) {
      ok_ = false;
      return {};
    }
    std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  /// A count of items that take at least `min_bytes` each: more than the bytes left is damage.
  uint32_t count(size_t min_bytes) {
    const auto n = get<uint32_t>();
    if (ok_ && static_cast<uint64_t>(n) * min_bytes > in_.size() - at_) ok_ = false;
    return ok_ ? n : 0;
  }
  void fail() { ok_ = false; }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] bool done() const { return ok_ && at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace metodika::util
