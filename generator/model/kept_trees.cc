#include "model/kept_trees.h"

#include <map>
#include <memory>
#include <utility>

#include "model/store_codec.h"
#include "util/binary.h"
#include "util/digest.h"

namespace metodika::model {
namespace {

// A tree: u8 kind, u8 style, u32 line, u32 col, str value, u32 items, then each item.
// An entry (encode_tree): u8 has tree, [tree], u32 item digests, u64 each, u32 diagnostics, each
// (store::put_diagnostic). The store: a sealed frame whose payload is u32 entries, each str path,
// u64 key, str entry.
constexpr std::string_view kMagic = "METODIKA-TREES-1\n";
// The parser refuses deeper data (load/yaml.cc); a damaged store must not recurse without end.
constexpr int kMaxDepth = 100;
constexpr size_t kNodeMinBytes = 14;

void put_node(util::BinaryWriter& w, const load::Node& n) {
  w.put(static_cast<uint8_t>(n.kind));
  w.put(static_cast<uint8_t>(n.style));
  w.put(n.line);
  w.put(n.col);
  w.put(std::string_view(n.value));
  w.put(static_cast<uint32_t>(n.items.size()));
  for (const load::Node& item : n.items) put_node(w, item);
}

bool get_node(util::BinaryReader& r, load::Node& n, int depth) {
  const auto kind = r.get<uint8_t>();
  const auto style = r.get<uint8_t>();
  if (kind > static_cast<uint8_t>(load::NodeKind::kMap) ||
      style > static_cast<uint8_t>(load::ScalarStyle::kCell) || depth > kMaxDepth) {
    r.fail();
    return false;
  }
  n.kind = static_cast<load::NodeKind>(kind);
  n.style = static_cast<load::ScalarStyle>(style);
  n.line = r.get<uint32_t>();
  n.col = r.get<uint32_t>();
  n.value = r.view();
  const uint32_t items = r.count(kNodeMinBytes);
  n.items.resize(items);
  for (load::Node& item : n.items) {
    if (!get_node(r, item, depth + 1)) return false;
  }
  return r.ok();
}

}  // namespace

std::string encode_tree(const ParsedFile* file, const std::vector<diag::Diagnostic>& diagnostics) {
  util::BinaryWriter w;
  w.put(static_cast<uint8_t>(file != nullptr));
  if (file) {
    put_node(w, file->root);
    w.put(static_cast<uint32_t>(file->item_digests.size()));
    for (uint64_t d : file->item_digests) w.put(d);
  }
  w.put(static_cast<uint32_t>(diagnostics.size()));
  for (const diag::Diagnostic& d : diagnostics) store::put_diagnostic(w, d);
  return std::move(w.bytes());
}

std::optional<ReadMemo::Parsed> decode_tree(std::string_view bytes) {
  util::BinaryReader r(bytes);
  ReadMemo::Parsed parsed;
  const auto has_tree = r.get<uint8_t>();
  if (has_tree > 1) return std::nullopt;
  if (has_tree) {
    auto file = std::make_shared<ParsedFile>();
    if (!get_node(r, file->root, 0)) return std::nullopt;
    const uint32_t n = r.count(sizeof(uint64_t));
    file->item_digests.reserve(n);
    for (uint32_t i = 0; i < n; ++i) file->item_digests.push_back(r.get<uint64_t>());
    // The item digests stand for the root list's items, one each (model/build.cc).
    if (n != 0 && (!file->root.is_seq() || file->root.items.size() != n)) return std::nullopt;
    parsed.file = std::move(file);
  }
  const uint32_t diagnostics = r.count(store::kDiagnosticMinBytes);
  for (uint32_t i = 0; i < diagnostics && r.ok(); ++i) {
    parsed.diagnostics.push_back(store::get_diagnostic(r));
  }
  if (!r.done()) return std::nullopt;
  return parsed;
}

std::string encode_kept_trees(ReadMemo& memo, std::span<const std::string> paths, uint64_t salt) {
  util::BinaryWriter w = store::open_frame(kMagic);
  std::lock_guard lock(memo.mu);
  std::vector<std::pair<const std::string*, const ReadMemo::Encoded*>> kept;
  for (const std::string& path : paths) {
    auto it = memo.encoded_trees.find(path);
    if (it != memo.encoded_trees.end()) kept.emplace_back(&it->first, &it->second);
  }
  w.put(static_cast<uint32_t>(kept.size()));
  for (const auto& [path, entry] : kept) {
    w.put(std::string_view(*path));
    w.put(entry->key);
    w.put(std::string_view(entry->bytes));
  }
  return store::seal(w, kMagic, salt);
}

uint64_t kept_trees_digest(ReadMemo& memo, std::span<const std::string> paths) {
  util::Digest d;
  std::lock_guard lock(memo.mu);
  for (const std::string& path : paths) {
    auto it = memo.encoded_trees.find(path);
    if (it != memo.encoded_trees.end()) d.add(path).add(it->second.key);
  }
  return d.value();
}

bool decode_kept_trees(std::string_view bytes, uint64_t salt, ReadMemo& memo) {
  const std::optional<std::string_view> payload = store::unseal(bytes, kMagic, salt);
  if (!payload) return false;
  util::BinaryReader r(*payload);
  std::map<std::string, ReadMemo::Encoded, std::less<>> entries;
  const uint32_t n = r.count(16);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string path = r.str();
    ReadMemo::Encoded entry;
    entry.key = r.get<uint64_t>();
    entry.bytes = r.str();
    entries.insert_or_assign(std::move(path), std::move(entry));
  }
  if (!r.done()) return false;
  std::lock_guard lock(memo.mu);
  for (auto& [path, entry] : entries) memo.encoded_trees.insert_or_assign(path, std::move(entry));
  return true;
}

}  // namespace metodika::model
