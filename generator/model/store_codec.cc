#include "model/store_codec.h"

#include <cstring>

#include "util/digest.h"

namespace metodika::model::store {
namespace {
constexpr size_t kHeaderWords = 3;  // salt, payload size, payload digest
}  // namespace

util::BinaryWriter open_frame(std::string_view magic) {
  util::BinaryWriter w;
  w.bytes().append(magic.size() + kHeaderWords * sizeof(uint64_t), '\0');
  return w;
}

std::string seal(util::BinaryWriter& w, std::string_view magic, uint64_t salt) {
  std::string& out = w.bytes();
  const size_t header = magic.size() + kHeaderWords * sizeof(uint64_t);
  const std::string_view payload = std::string_view(out).substr(header);
  const uint64_t words[kHeaderWords] = {salt, payload.size(), util::digest_of(payload)};
  std::memcpy(out.data(), magic.data(), magic.size());
  std::memcpy(out.data() + magic.size(), words, sizeof words);
  return std::move(out);
}

std::optional<std::string_view> unseal(std::string_view bytes, std::string_view magic,
                                       uint64_t salt) {
  const size_t header = magic.size() + kHeaderWords * sizeof(uint64_t);
  if (bytes.size() < header || bytes.substr(0, magic.size()) != magic) return std::nullopt;
  uint64_t words[kHeaderWords];
  std::memcpy(words, bytes.data() + magic.size(), sizeof words);
  const std::string_view payload = bytes.substr(header);
  if (words[0] != salt || words[1] != payload.size() || words[2] != util::digest_of(payload)) {
    return std::nullopt;
  }
  return payload;
}

void put_diagnostic(util::BinaryWriter& w, const diag::Diagnostic& d) {
  w.put(static_cast<uint8_t>(d.severity));
  w.put(std::string_view(d.pos.file));
  w.put(d.pos.line);
  w.put(d.pos.col);
  w.put(std::string_view(d.message));
  w.put(std::string_view(d.hint));
}

diag::Diagnostic get_diagnostic(util::BinaryReader& r) {
  diag::Diagnostic d;
  const auto severity = r.get<uint8_t>();
  if (severity > static_cast<uint8_t>(diag::Severity::kError)) r.fail();
  d.severity = static_cast<diag::Severity>(severity);
  d.pos.file = r.str();
  d.pos.line = r.get<uint32_t>();
  d.pos.col = r.get<uint32_t>();
  d.message = r.str();
  d.hint = r.str();
  return d;
}

}  // namespace metodika::model::store
